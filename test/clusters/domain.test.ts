// Cluster meeting rules: permissions, finding a cluster by name, reminder windows, the month, and
// the forms (agenda and notes go through the privacy screen).
import { describe, expect, it } from 'vitest';
import {
  canAddAgendaItem, canLinkClusterChat, canLinkPool, canRsvp, canScheduleMeeting, canWriteNotes, checkAgendaItem, checkMeetingForm, checkNotes,
  countResponses, dueReminder, matchCluster,
} from '../../src/domain/clusters/index.js';
import type { Person } from '../../src/domain/plan/types.js';

const person = (id: number, roles: Person['roles']): Person => ({ id, key: `p${id}`, name: `P${id}`, email: null, jobTitle: null, organisation: null, aadObjectId: null, roles, specialism: null, active: true });
const chair = person(1, ['senco']);
const senco = person(2, ['senco']);
const admin = person(3, ['admin']);
const other = person(4, ['owner']);
const batley = { id: 10, name: 'Batley', chairId: 1 };
const meeting = { startsAt: new Date('2026-11-25T13:30:00Z'), durationMinutes: 90 };
const before = new Date('2026-11-22T09:00:00Z');
const during = new Date('2026-11-25T14:00:00Z');

describe('cluster permissions', () => {
  it('lets an admin or the chair link a chat and schedule', () => {
    expect(canLinkClusterChat(chair, batley).ok).toBe(true);
    expect(canLinkClusterChat(admin, batley).ok).toBe(true);
    expect(canLinkClusterChat(senco, batley)).toEqual({ ok: false, message: 'Only the Batley cluster chair or an admin can link a chat to the Batley cluster.' });
    expect(canLinkClusterChat(null, batley).ok).toBe(false);
    expect(canScheduleMeeting(chair, batley).ok).toBe(true);
    expect(canScheduleMeeting(other, batley).ok).toBe(false);
    expect(canScheduleMeeting({ ...chair, active: false }, batley).ok).toBe(false);
  });

  it('opens the agenda to the cluster SENCOs until the start, and notes to the chair from the start', () => {
    expect(canAddAgendaItem(senco, batley, [10], meeting, before).ok).toBe(true);
    expect(canAddAgendaItem(senco, batley, [11], meeting, before).ok).toBe(false);
    expect(canAddAgendaItem(chair, batley, [], meeting, before).ok).toBe(true);
    expect(canAddAgendaItem(senco, batley, [10], meeting, during)).toMatchObject({ ok: false, message: expect.stringMatching(/started/) });
    expect(canWriteNotes(chair, batley, meeting, before)).toMatchObject({ ok: false, message: expect.stringMatching(/once the meeting has started/) });
    expect(canWriteNotes(chair, batley, meeting, during).ok).toBe(true);
    expect(canWriteNotes(admin, batley, meeting, during).ok).toBe(true);
    expect(canWriteNotes(senco, batley, meeting, during).ok).toBe(false);
  });

  it('takes replies from people it knows until the meeting starts; pools are linked by admins', () => {
    expect(canRsvp(other, meeting, before).ok).toBe(true);
    expect(canRsvp(null, meeting, before).ok).toBe(false);
    expect(canRsvp(other, meeting, during).ok).toBe(false);
    expect(canLinkPool(admin).ok).toBe(true);
    expect(canLinkPool(chair).ok).toBe(false);
    expect(countResponses(['attending', 'maybe', 'attending'])).toEqual({ attending: 2, not_attending: 0, maybe: 1 });
  });
});

describe('finding a cluster', () => {
  const clusters = [
    { id: 1, code: 'BS1', name: 'Batley' }, { id: 2, code: 'BS2', name: 'Birstall and Birkenshaw' },
    { id: 3, code: 'DM1', name: 'Dewsbury North' }, { id: 4, code: 'DM2', name: 'Dewsbury South' }, { id: 5, code: 'KR2', name: 'Holme Valley' },
  ];
  it('matches names, codes and partial names, and says when a name is ambiguous', () => {
    expect(matchCluster('the Batley cluster', clusters)).toMatchObject({ kind: 'one', cluster: { code: 'BS1' } });
    expect(matchCluster('bs2', clusters)).toMatchObject({ kind: 'one', cluster: { code: 'BS2' } });
    expect(matchCluster('Birstall', clusters)).toMatchObject({ kind: 'one', cluster: { code: 'BS2' } });
    expect(matchCluster('Holme Valley cluster community', clusters)).toMatchObject({ kind: 'one', cluster: { code: 'KR2' } });
    expect(matchCluster('Dewsbury', clusters)).toMatchObject({ kind: 'many' });
    expect(matchCluster('Leeds', clusters)).toEqual({ kind: 'none' });
    expect(matchCluster('the cluster', clusters)).toEqual({ kind: 'none' });
  });
});

describe('reminders', () => {
  const starts = new Date('2026-11-25T13:30:00Z');
  it('is due the day before (24 h to 1 h) and in the last hour, never after the start', () => {
    expect(dueReminder(starts, new Date('2026-11-24T13:29:00Z'))).toBeNull();
    expect(dueReminder(starts, new Date('2026-11-24T13:30:00Z'))).toBe('day_before');
    expect(dueReminder(starts, new Date('2026-11-25T12:29:00Z'))).toBe('day_before');
    expect(dueReminder(starts, new Date('2026-11-25T12:30:00Z'))).toBe('hour_before');
    expect(dueReminder(starts, new Date('2026-11-25T13:30:00Z'))).toBeNull();
  });
});

describe('meeting forms', () => {
  const now = new Date('2026-11-22T09:00:00Z');
  const form = { clusterId: '10', date: '2026-12-09', time: '13:30', durationMinutes: '90', location: 'Oakfield Primary School (and Teams)', agenda: '1. Experts at Hand update\n- Inclusion Counts audit dates\n\n' };

  it('reads a meeting in London time with one agenda item per line', () => {
    const checked = checkMeetingForm(form, [10], now);
    expect(checked).toEqual({ ok: true, value: { clusterId: 10, startsAt: new Date('2026-12-09T13:30:00Z'), durationMinutes: 90, location: 'Oakfield Primary School (and Teams)', agenda: ['Experts at Hand update', 'Inclusion Counts audit dates'] } });
    const summer = checkMeetingForm({ ...form, date: '2027-06-09' }, [10], now);
    expect(summer.ok && summer.value.startsAt.toISOString()).toBe('2027-06-09T12:30:00.000Z');
  });

  it('refuses a past time, a cluster the person does not chair, and an agenda naming a child', () => {
    expect(checkMeetingForm({ ...form, date: '2026-11-20' }, [10], now)).toMatchObject({ ok: false, privacy: false });
    expect(checkMeetingForm(form, [11], now)).toMatchObject({ ok: false });
    expect(checkMeetingForm({ ...form, durationMinutes: '5' }, [10], now)).toMatchObject({ ok: false });
    const named = checkMeetingForm({ ...form, agenda: 'Case discussion: a pupil called Jayden Smith, date of birth 03/04/2018' }, [10], now);
    expect(named).toMatchObject({ ok: false, privacy: true });
    if (!named.ok) expect(named.message).not.toMatch(/Jayden|Smith|2018/);
  });

  it('checks agenda items and notes the same way', () => {
    expect(checkAgendaItem({ agendaItem: '  Sensory   needs in mainstream ' })).toEqual({ ok: true, value: 'Sensory needs in mainstream' });
    expect(checkAgendaItem({ agendaItem: '' })).toMatchObject({ ok: false });
    expect(checkAgendaItem({ agendaItem: 'UPN A123456789012 for discussion' })).toMatchObject({ ok: false, privacy: true });
    expect(checkNotes({ notes: 'Agreed to pilot now/next boards in two settings.', followUps: 'Share audit dates\nBook SALT triage' })).toEqual({ ok: true, value: { notes: 'Agreed to pilot now/next boards in two settings.', followUps: ['Share audit dates', 'Book SALT triage'] } });
    expect(checkNotes({ notes: '', followUps: '' })).toMatchObject({ ok: false });
    expect(checkNotes({ notes: 'Discussed the family at 14 Acacia Avenue, WF17 5QT.' })).toMatchObject({ ok: false, privacy: true });
  });
});
