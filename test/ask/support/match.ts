// The matching of ../shared/eval/ask.mjs: case-insensitive; "date:YYYY-MM-DD" matches the usual British forms.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? '';
  return [`${d} ${month} ${y}`, `${d} ${month.slice(0, 3)} ${y}`, `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`, iso];
}

const norm = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');

/** Does the answer hold the expected item (or one of its alternatives)? */
export function matches(answer: string, item: string | string[]): boolean {
  const alts = Array.isArray(item) ? item : [item];
  return alts.some((alt) => (alt.startsWith('date:') ? dateForms(alt.slice(5)) : [alt]).some((f) => norm(answer).includes(norm(f))));
}
