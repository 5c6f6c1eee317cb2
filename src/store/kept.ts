// Small, rarely changing tables that every question reads (the outcome measures, the glossary):
// one read kept for a few seconds, as a person is (people.ts), instead of one per question. A
// write through this process forgets it at once; another process's write shows within KEPT_MS.
// An import forgets everything kept for its database.
import type { Db } from './database.js';

export const KEPT_MS = 5_000;

const byDb = new WeakMap<Db, Set<Kept<unknown>>>();

export class Kept<T> {
  private held: { at: number; value: Promise<T> } | undefined;

  constructor(db: Db, private readonly load: () => Promise<T>, private readonly ms = KEPT_MS, private readonly elapsed: () => number = () => performance.now()) {
    const set = byDb.get(db) ?? new Set<Kept<unknown>>();
    set.add(this as Kept<unknown>);
    byDb.set(db, set);
  }

  get(): Promise<T> {
    const now = this.elapsed();
    if (this.held && now - this.held.at < this.ms) return this.held.value;
    const value = this.load();
    this.held = { at: now, value };
    value.catch(() => { if (this.held?.value === value) this.held = undefined; });
    return value;
  }

  forget(): void {
    this.held = undefined;
  }
}

/** Forget every value kept for this database (after an import). */
export function forgetKept(db: Db): void {
  for (const k of byDb.get(db) ?? []) k.forget();
}
