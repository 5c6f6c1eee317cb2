// One injectable clock for everything time-based. CLOCK_NOW pins it (tests, demos, operators).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: Date | string): Clock {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new Error(`Not a valid instant: ${String(instant)}`);
  return { now: () => new Date(at.getTime()) };
}

/** A clock tests can move forward without real waiting. */
export function manualClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let at = new Date(start);
  return {
    now: () => new Date(at.getTime()),
    set: (next) => { at = new Date(next); },
    advance: (ms) => { at = new Date(at.getTime() + ms); },
  };
}
