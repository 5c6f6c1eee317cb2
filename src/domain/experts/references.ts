// Experts at Hand references: EAH-R-0001, EAH-R-0002, … (four digits, more once past 9999).
export const REQUEST_REF_PREFIX = 'EAH-R-';
const REF = /^EAH-R-(\d{4,})$/i;

export function formatRequestRef(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`A request number is a whole number from 1, got ${n}`);
  return `${REQUEST_REF_PREFIX}${String(n).padStart(4, '0')}`;
}

/** The number in a reference ('eah-r-0004' → 4), or null when it is not one. */
export function parseRequestRef(ref: string): number | null {
  const m = REF.exec(ref.trim());
  return m ? Number(m[1]) : null;
}
