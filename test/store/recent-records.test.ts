// The records a save may take as its card showed them: only at the card's exact version, for a
// minute, and at most a bounded number of them (the oldest go first).
import { describe, expect, it } from 'vitest';
import { RecentRecords } from '../../src/store/recent-records.js';

const record = (id: number, version: number) => ({ action: { id, version } });

describe('recent records', () => {
  it('gives a record back only at the version it was kept at, and only for a minute', () => {
    let now = 0;
    const kept = new RecentRecords<ReturnType<typeof record>>(() => now);
    const r = record(7, 3);
    kept.keep(r);
    expect(kept.at(7, 3)).toBe(r);
    expect(kept.at(7, 4)).toBeUndefined();
    expect(kept.at(8, 3)).toBeUndefined();
    now = 59_999;
    expect(kept.at(7, 3)).toBe(r);
    now = 60_001;
    expect(kept.at(7, 3)).toBeUndefined();
  });

  it('keeps the newest of an action, forgets on request, and drops the oldest when full', () => {
    let now = 0;
    const kept = new RecentRecords<ReturnType<typeof record>>(() => now);
    kept.keep(record(1, 1));
    kept.keep(record(1, 2));
    expect(kept.at(1, 1)).toBeUndefined();
    expect(kept.at(1, 2)).toEqual(record(1, 2));
    kept.forget(1);
    expect(kept.at(1, 2)).toBeUndefined();
    for (let id = 1; id <= 2_001; id++) { now++; kept.keep(record(id, 1)); }
    expect(kept.at(1, 1)).toBeUndefined();
    expect(kept.at(2, 1)).toEqual(record(2, 1));
    expect(kept.at(2_001, 1)).toEqual(record(2_001, 1));
  });
});
