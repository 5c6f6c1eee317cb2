// Meeting follow-up rules: the default due date, keeping rows when the notes change, who may do
// what, the owner-and-date form, and the reference a new plan action gets.
import { describe, expect, it } from 'vitest';
import { actionRefPrefix, canAddAction, nextActionRef } from '../../../src/domain/actions/index.js';
import {
  actionWorkstreams, canAskExpertsFor, canMakePlanAction, canMarkFollowUpDone, canSetFollowUps, checkFollowUpSetting, defaultFollowUpDue, reconcileFollowUps,
} from '../../../src/domain/clusters/index.js';
import type { IsoDate, Person } from '../../../src/domain/plan/types.js';

const person = (id: number, roles: Person['roles']): Person => ({ id, key: `p${id}`, name: `P${id}`, email: null, jobTitle: null, organisation: null, aadObjectId: null, roles, specialism: null, active: true });
const chair = person(1, ['senco']);
const owner = person(2, ['senco']);
const lead = person(3, ['lead']);
const admin = person(4, ['admin']);
const cluster = { id: 7, name: 'Batley', chairId: 1 };
const open = { owner: { id: 2, name: 'P2' }, done: false, actionRef: null, requestRef: null };
const d = (s: string) => s as IsoDate;

describe('defaultFollowUpDue', () => {
  it('is the day before the next meeting, else 14 days on, never today or earlier', () => {
    expect(defaultFollowUpDue(d('2026-11-25'), d('2026-12-09'), d('2026-11-25'))).toBe('2026-12-08');
    expect(defaultFollowUpDue(d('2026-11-25'), null, d('2026-11-25'))).toBe('2026-12-09');
    expect(defaultFollowUpDue(d('2026-11-25'), d('2026-11-26'), d('2026-11-25'))).toBe('2026-12-09');
    expect(defaultFollowUpDue(d('2026-10-01'), null, d('2026-11-25'))).toBe('2026-12-09');
  });
});

describe('reconcileFollowUps', () => {
  it('keeps unchanged lines, adds new ones and removes the ones taken out', () => {
    expect(reconcileFollowUps([{ id: 1, text: 'A' }, { id: 2, text: 'B' }, { id: 3, text: 'C' }], ['C', 'A', 'D'])).toEqual({
      keep: [{ id: 3, position: 1 }, { id: 1, position: 2 }], add: [{ text: 'D', position: 3 }], remove: [2],
    });
  });
});

describe('follow-up permissions', () => {
  it('lets the chair or an admin set owners and dates', () => {
    expect(canSetFollowUps(chair, cluster).ok).toBe(true);
    expect(canSetFollowUps(admin, cluster).ok).toBe(true);
    expect(canSetFollowUps(owner, cluster)).toMatchObject({ ok: false });
    expect(canSetFollowUps(null, cluster)).toMatchObject({ ok: false });
  });

  it('lets the owner, the chair or an admin mark one done or ask Experts at Hand, once', () => {
    expect(canMarkFollowUpDone(owner, cluster, open).ok).toBe(true);
    expect(canMarkFollowUpDone(lead, cluster, open)).toMatchObject({ ok: false });
    expect(canMarkFollowUpDone(chair, cluster, { ...open, done: true })).toEqual({ ok: false, message: 'That follow-up is already done.' });
    expect(canAskExpertsFor(owner, cluster, open).ok).toBe(true);
    expect(canAskExpertsFor(owner, cluster, { ...open, requestRef: 'EAH-R-0009' })).toMatchObject({ ok: false });
  });

  it('lets a workstream lead (their workstreams) or an admin (any) make one a plan action', () => {
    const workstreams = [{ id: 1, leadId: 3 }, { id: 2, leadId: 9 }];
    expect(actionWorkstreams(lead, workstreams)).toEqual([{ id: 1, leadId: 3 }]);
    expect(actionWorkstreams(admin, workstreams)).toHaveLength(2);
    expect(canMakePlanAction(owner, workstreams, open)).toMatchObject({ ok: false });
    expect(canMakePlanAction(lead, workstreams, { ...open, actionRef: 'EAH-07' })).toMatchObject({ ok: false });
    expect(canAddAction(lead, { leadId: 9 })).toBe(false);
  });
});

describe('checkFollowUpSetting', () => {
  const today = d('2026-11-25');
  it('takes an open follow-up, an owner id and a date from today to a year on', () => {
    expect(checkFollowUpSetting({ followUpId: '5', ownerId: 2, dueDate: '2026-11-25' }, [5], today)).toEqual({ ok: true, value: { followUpId: 5, ownerId: 2, dueDate: '2026-11-25' } });
    expect(checkFollowUpSetting({ followUpId: '6', ownerId: 2, dueDate: '2026-12-01' }, [5], today)).toMatchObject({ ok: false });
    expect(checkFollowUpSetting({ followUpId: '5', ownerId: 'x', dueDate: '2026-12-01' }, [5], today)).toMatchObject({ ok: false, message: 'Choose who owns the follow-up.' });
    expect(checkFollowUpSetting({ followUpId: '5', ownerId: 2, dueDate: '2026-02-30' }, [5], today)).toMatchObject({ ok: false });
    expect(checkFollowUpSetting({ followUpId: '5', ownerId: 2, dueDate: ['2026-12-01'] }, [5], today)).toMatchObject({ ok: false });
  });
});

describe('a new plan action reference', () => {
  it('follows the prefix most of the workstream uses, one past the highest with that prefix', () => {
    expect(actionRefPrefix(['RFM-01', 'RFM-02', 'GOV-01'], 'WS2')).toBe('RFM');
    expect(actionRefPrefix([], 'WS 9')).toBe('WS9');
    expect(nextActionRef('EAH', ['EAH-01', 'EAH-06', 'EAH-R-0001'])).toBe('EAH-07');
    expect(nextActionRef('WS9', [])).toBe('WS9-01');
  });
});
