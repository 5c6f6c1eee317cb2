// Every card these features send, in every state, passes the adaptivecards parser (Adaptive
// Cards 1.5), and refresh.userIds never lists more than 60 people.
import { describe, expect, it } from 'vitest';
import { meetingCard } from '../../src/cards/meetings/meeting-card.js';
import { scheduleForm } from '../../src/cards/meetings/schedule-form.js';
import { requestCard } from '../../src/cards/experts/request-card.js';
import { requestForm } from '../../src/cards/experts/request-form.js';
import { newRequestMessages } from '../../src/cards/experts/messages.js';
import type { MeetingView } from '../../src/domain/clusters/index.js';
import type { RequestView } from '../../src/domain/experts/index.js';
import { cardProblems } from '../clusters/helpers.js';

const meeting: MeetingView = {
  id: 1, version: 3, cluster: { id: 1, code: 'BS1', name: 'Batley', area: 'Batley and Spen', chairId: 14 },
  startsAt: new Date('2026-11-25T13:30:00Z'), durationMinutes: 90, location: 'Oakfield Primary School (and Teams)',
  agenda: ['Experts at Hand: how to request advice', 'Inclusion Counts audit dates'], notes: null, followUps: [],
  counts: { attending: 4, not_attending: 1, maybe: 2 }, myResponse: 'maybe',
};
const person = (id: number, name: string) => ({ id, key: `p${id}`, name, jobTitle: 'SENCO', aadObjectId: null });
const request: RequestView = {
  id: 4, ref: 'EAH-R-0004', status: 'new', specialism: 'speech_and_language', kind: 'tailored_guidance', version: 1,
  summary: 'Year 1 class: several children with unclear speech sounds.', requester: person(14, 'Emma Clarke'), assignee: null,
  setting: { id: 1, name: 'Oakfield Primary School', phase: 'primary' }, cluster: { id: 1, code: 'BS1', name: 'Batley' },
  createdAt: new Date('2026-11-22T09:00:00Z'), firstResponseAt: null, closedAt: null, outcome: null, answer: null,
};

describe('cards pass the Adaptive Cards 1.5 parser', () => {
  it('meeting card before, during and after, for everyone and per viewer, with drafts and notices', () => {
    const cards = [
      meetingCard(meeting, { now: new Date('2026-11-22T09:00:00Z') }),
      meetingCard(meeting, { now: new Date('2026-11-22T09:00:00Z'), viewer: { canAddAgenda: false, canWriteNotes: false }, notice: { text: 'Thanks', tone: 'good' } }),
      meetingCard({ ...meeting, agenda: [] }, { now: new Date('2026-11-22T09:00:00Z'), draft: { agendaItem: 'kept' }, notice: { text: 'No', tone: 'attention' } }),
      meetingCard(meeting, { now: new Date('2026-11-25T14:00:00Z'), viewer: { canAddAgenda: false, canWriteNotes: true } }),
      meetingCard({ ...meeting, notes: 'Agreed to pilot boards.', followUps: [{ id: 1, position: 1, text: 'Share dates', owner: null, dueDate: null, done: false, actionRef: null, requestRef: null }] }, { now: new Date('2026-11-26T09:00:00Z'), draft: { notes: 'x', followUps: 'y' } }),
      scheduleForm([{ id: 1, name: 'Batley' }, { id: 2, name: 'Heckmondwike' }], { today: '2026-11-22' }),
      scheduleForm([{ id: 1, name: 'Batley' }], { today: '2026-11-22', draft: { clusterId: '1', date: '2026-12-01', time: '09:30', durationMinutes: '60', location: 'Teams', agenda: 'a\nb' }, notice: { text: 'No', tone: 'attention' } }),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });

  it('request card in every status and for every viewer, and the request form', () => {
    const assigned = { ...request, status: 'assigned' as const, version: 2, assignee: person(12, 'Marcus Reid'), firstResponseAt: new Date('2026-11-23T10:00:00Z') };
    const answered = { ...assigned, status: 'answered' as const, version: 3, answer: 'Visit offered: Monday 30 November 2026 at 10:00.' };
    const closed = { ...answered, status: 'closed' as const, version: 4, outcome: 'Done', closedAt: new Date('2026-12-01T10:00:00Z') };
    const cards = [
      requestCard(request, { today: '2026-11-22', dueDate: '2026-11-25' }),
      requestCard(assigned, { today: '2026-11-23', steps: ['answer', 'close'], draft: { answerKind: 'visit', answerText: 'kept', answerDate: '2026-11-30', answerTime: '10:00' } }),
      requestCard(answered, { today: '2026-11-24', steps: ['close'], draft: { outcome: 'kept' }, notice: { text: 'No', tone: 'attention' } }),
      requestCard(closed, { today: '2026-12-01', steps: [] }),
      requestForm([{ id: 1, name: 'Oakfield Primary School', phase: 'primary', clusterName: 'Batley' }], { specialism: 'speech_and_language' }),
      requestForm([{ id: 1, name: 'Meadow Lane Nursery', phase: 'early_years', clusterName: 'Batley' }], { draft: { settingId: '1', specialism: 'occupational_therapy', kind: 'strategic_advice', summary: 'x' }, meetingId: 3, notice: { text: 'No', tone: 'attention' } }),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });

  it('lists at most 60 people for refresh in a large pool channel', () => {
    const audience = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const [message] = newRequestMessages(request, { chat: { conversationId: '19:pool', kind: 'channel' }, experts: [], audience }, { today: '2026-11-22', dueDate: '2026-11-25' });
    const refresh = message!.card.refresh as { userIds: string[] };
    expect(refresh.userIds).toHaveLength(60);
    expect(cardProblems(message!.card)).toEqual([]);
    const [inChat] = newRequestMessages(request, { chat: { conversationId: '19:pool', kind: 'groupChat' }, experts: [], audience }, { today: '2026-11-22', dueDate: '2026-11-25' });
    expect(inChat!.card.refresh).not.toHaveProperty('userIds');
  });
});
