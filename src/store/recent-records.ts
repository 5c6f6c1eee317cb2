// Actions as this process last read or wrote them, for a short while. A card's Save names the
// version the card showed; when that is the version read here a moment ago (to draw the card),
// the save checks the person's rights and inputs against it instead of reading the action again.
// It is a guess the database then proves: the save's UPDATE requires that version, owner,
// workstream and workstream lead, so a change made elsewhere (another replica, an import, a new
// lead) makes it write nothing, and the caller reads afresh.

/** How long a record is trusted as a guess: a card is usually saved within a minute of being drawn. */
const KEEP_MS = 60_000;
/** Cards open at once in one process, many times over. */
const MAX_KEPT = 2_000;

export class RecentRecords<R extends { action: { id: number; version: number } }> {
  private readonly kept = new Map<number, { record: R; at: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  keep(record: R): void {
    const id = record.action.id;
    this.kept.delete(id);
    if (this.kept.size >= MAX_KEPT) {
      // Oldest first: a Map iterates in insertion order, and keep() re-inserts.
      const oldest = this.kept.keys().next();
      if (!oldest.done) this.kept.delete(oldest.value);
    }
    this.kept.set(id, { record, at: this.now() });
  }

  /** The record at exactly this version, if it was seen here within the last minute. */
  at(id: number, version: number): R | undefined {
    const entry = this.kept.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.at > KEEP_MS) {
      this.kept.delete(id);
      return undefined;
    }
    return entry.record.action.version === version ? entry.record : undefined;
  }

  forget(id: number): void {
    this.kept.delete(id);
  }
}
