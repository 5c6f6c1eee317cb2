// The public pages' rules without a server: people by role, notes withheld when they name anyone,
// and the report's honest figures (late is late, the first import is the baseline, wider work in words).
import { describe, expect, it } from 'vitest';
import type { Action, ActionChange, Person, Workstream } from '../../../src/domain/plan/types.js';
import { publicNote, publicOwner, workstreamWords, WITHHELD_NOTE } from '../../../src/domain/public/people.js';
import { buildActionPage, buildPlanPage } from '../../../src/domain/public/plan-page.js';
import { buildQuarterlyModel } from '../../../src/domain/quarterly/report-model.js';
import { financialQuarter } from '../../../src/domain/time/quarters.js';

const person = (id: number, name: string, jobTitle: string | null, organisation: string | null): Person => ({
  id, key: `p${id}`, name, email: null, jobTitle, organisation, aadObjectId: null, roles: ['owner'], specialism: null, active: true,
});
const people = new Map<number, Person>([[1, person(1, 'Owen Price', 'Communications Officer', 'Kirklees Council')], [2, person(2, 'Grace Okafor', null, null)]]);
const names = [...people.values()].map((p) => p.name);
const workstreams: Workstream[] = [{ id: 10, code: 'WS3', name: 'Data and Insight', pillar: '3', leadId: null }, { id: 20, code: 'WS1', name: 'Voice', pillar: '1', leadId: null }];
const IMPORTED = new Date('2026-11-22T09:00:00Z');
let nextId = 100;
const action = (o: Partial<Action> & Pick<Action, 'ref' | 'dueDate' | 'status'>): Action => ({
  id: nextId++, title: `Title of ${o.ref}`, workstreamId: 10, area: null, ownerId: 1, lastUpdate: null, lastUpdateAt: null,
  successMeasure: null, source: null, version: 1, createdAt: IMPORTED, updatedAt: IMPORTED, ...o,
});

describe('people on public pages', () => {
  it('shows an owner by job title and organisation, never by name', () => {
    expect(publicOwner(people.get(1))).toBe('Communications Officer, Kirklees Council');
    expect(publicOwner(people.get(2))).toBe('an officer of the partnership');
    expect(publicOwner(null)).toBe('no owner yet');
  });

  it('withholds a note that names anyone: staff in any case, a titled adult, a child', () => {
    for (const note of ['Owen Price is chasing the venue.', 'waiting on owen for the figures', 'Asked Grace about it.', 'Mrs Kowalczyk agreed to help.', 'Dr Ahmed is reviewing it.', 'Oliver, aged 7, is still waiting.', 'Jayden Smith needs a place.']) {
      expect(publicNote(note, names), note).toEqual({ kind: 'withheld' });
    }
  });

  it('withholds a note naming an adult the chat screen accepts as someone at work', () => {
    for (const note of ['I spoke to Priya Patel from the ICB about it.', 'Tom from the council will send it round.', 'Hi Steph, the figures are attached.']) {
      expect(publicNote(note, names), note).toEqual({ kind: 'withheld' });
    }
  });

  it('shows a note that names nobody, as written', () => {
    for (const note of ['Venue for the North event fell through.', 'Backlog down from 212 to 148 but not cleared.', 'Draft with the parent carer forum for comment.']) {
      expect(publicNote(note, names), note).toEqual({ kind: 'shown', text: note });
    }
    expect(publicNote('  ', names)).toBeNull();
  });

  it('follows a code with what it means', () => {
    expect(workstreamWords(workstreams[0])).toBe('WS3, the Data and Insight workstream');
  });
});

describe('the plan page', () => {
  const input = {
    today: '2026-11-22', workstreams, people,
    actions: [
      action({ ref: 'DAT-01', dueDate: '2026-11-01', status: 'on_track', area: 'ehc_plans', lastUpdate: 'Owen is on it.' }),
      action({ ref: 'DAT-02', dueDate: '2027-01-01', status: 'at_risk' }),
      action({ ref: 'COM-01', dueDate: '2026-10-01', status: 'complete', workstreamId: 20 }),
    ],
  };

  it('counts an action past its due date as late, whatever its owner says', () => {
    const page = buildPlanPage(input);
    expect(page.late).toBe(1);
    expect(page.lateActions).toEqual([expect.objectContaining({ ref: 'DAT-01', status: 'on_track', daysLate: 21 })]);
    expect(page.byWorkstream.map((r) => [r.code, r.words, r.total, r.late])).toEqual([['WS1', 'WS1, the Voice workstream', 1, 0], ['WS3', 'WS3, the Data and Insight workstream', 2, 1]]);
    expect(page.unlinked).toEqual({ count: 2, workstreams: [{ code: 'WS1', count: 1 }, { code: 'WS3', count: 1 }] });
  });

  it('finds an action by its reference in any case, and withholds its owner\'s note that names someone', () => {
    const page = buildActionPage(input, 'dat-01');
    expect(page).toMatchObject({ ref: 'DAT-01', owner: 'Communications Officer, Kirklees Council', daysLate: 21, note: { kind: 'withheld' } });
    expect(buildActionPage(input, 'DAT-99')).toBeNull();
    expect(WITHHELD_NOTE).toBe('update withheld from the public page');
  });
});

describe('the quarterly report\'s honest figures', () => {
  const creation = (a: Action, at: Date): ActionChange => ({ actionId: a.id, actorId: null, at, via: 'import', statusFrom: null, statusTo: a.status, dueFrom: null, dueTo: a.dueDate, note: null, version: 1 });
  const first = [action({ ref: 'A-1', dueDate: '2026-11-01', status: 'on_track' }), action({ ref: 'A-2', dueDate: '2027-01-30', status: 'at_risk', area: 'communication' })];
  const later = action({ ref: 'A-3', dueDate: '2027-02-01', status: 'not_started', createdAt: new Date('2026-12-01T10:00:00Z') });
  const model = buildQuarterlyModel({
    quarter: financialQuarter('2026-12-31'), today: '2026-12-31', actions: [...first, later], workstreams, people,
    changes: [...first.map((a) => creation(a, IMPORTED)), creation(later, later.createdAt)], ratings: [], cycle: null, final: true,
  });

  it('does not count the first import as actions added, and says when the plan began', () => {
    expect(model.added).toBe(1);
    expect(model.baseline).toEqual({ on: '2026-11-22', actions: 2 });
  });

  it('shows a late action as late with its owner\'s status beside it, by job title', () => {
    expect(model.late).toEqual([expect.objectContaining({ ref: 'A-1', status: 'on_track', daysLate: 60, owner: 'Communications Officer, Kirklees Council' })]);
    expect(model.lateByStatus.on_track).toBe(1);
  });

  it('describes the actions tied to no area', () => {
    expect(model.unlinked).toEqual({ count: 2, workstreams: [{ code: 'WS3', count: 2 }] });
    expect(model.byArea.map((r) => r.label)).toEqual(['Communication', 'Wider work, not tied to one area']);
  });
});
