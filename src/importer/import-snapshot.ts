// What is stored, loaded once per import and kept in Maps by natural key, so that every row of
// the files is compared in memory; and the content keys of append-only history rows.
import type { Prisma } from '../generated/prisma/client.js';
import type { FolderInput, Parsed } from './read-folder.js';
import { formatDate, type ActionHistoryRow, type ExpertRequestEventRow, type MaturityRatingRow, type PlanFileName } from './rows.js';
import { termDateKey, termDateSelect, type DbTermDate } from './term-dates.js';

type Client = Prisma.TransactionClient;

const personSelect = { id: true, key: true, name: true, email: true, jobTitle: true, organisation: true, aadObjectId: true, roles: true, specialism: true } satisfies Prisma.PersonSelect;
const workstreamSelect = { id: true, code: true, name: true, pillar: true, leadId: true } satisfies Prisma.WorkstreamSelect;
const clusterSelect = { id: true, code: true, name: true, area: true, chairId: true } satisfies Prisma.ClusterSelect;
const settingSelect = { id: true, name: true, phase: true, clusterId: true, sencoId: true } satisfies Prisma.SettingSelect;
const actionSelect = {
  id: true, ref: true, title: true, workstreamId: true, area: true, ownerId: true, dueDate: true, status: true,
  lastUpdate: true, lastUpdateAt: true, source: true, version: true,
} satisfies Prisma.ActionSelect;
const meetingSelect = { id: true, clusterId: true, startsAt: true, durationMinutes: true, location: true, agenda: true, version: true } satisfies Prisma.ClusterMeetingSelect;
const requestSelect = {
  id: true, ref: true, requesterId: true, settingId: true, specialism: true, kind: true, summary: true, status: true,
  assigneeId: true, createdAt: true, firstResponseAt: true, closedAt: true, outcome: true, version: true,
} satisfies Prisma.ExpertRequestSelect;

export type DbPerson = Prisma.PersonGetPayload<{ select: typeof personSelect }>;
export type DbWorkstream = Prisma.WorkstreamGetPayload<{ select: typeof workstreamSelect }>;
export type DbCluster = Prisma.ClusterGetPayload<{ select: typeof clusterSelect }>;
export type DbSetting = Prisma.SettingGetPayload<{ select: typeof settingSelect }>;
export type DbAction = Prisma.ActionGetPayload<{ select: typeof actionSelect }>;
export type DbMeeting = Prisma.ClusterMeetingGetPayload<{ select: typeof meetingSelect }>;
export type DbRequest = Prisma.ExpertRequestGetPayload<{ select: typeof requestSelect }>;

const historySelect = {
  actionId: true, actorId: true, at: true, via: true, statusFrom: true, statusTo: true, dueFrom: true, dueTo: true, note: true, version: true,
} satisfies Prisma.ActionHistorySelect;
export type DbHistory = Prisma.ActionHistoryGetPayload<{ select: typeof historySelect }>;

export interface Snapshot {
  people: Map<string, DbPerson>;
  workstreams: Map<string, DbWorkstream>;
  clusters: Map<string, DbCluster>;
  settings: Map<string, DbSetting>;
  actions: Map<string, DbAction>;
  /** By `${clusterId}|${startsAt ms}`. */
  meetings: Map<string, DbMeeting>;
  requests: Map<string, DbRequest>;
  /** By `${academicYear} ${term}`. */
  termDates: Map<string, DbTermDate>;
  personKey: Map<number, string>;
  workstreamCode: Map<number, string>;
  clusterCode: Map<number, string>;
  settingName: Map<number, string>;
  /** Stored action history (only when action_history.csv is imported). */
  history: DbHistory[];
  /** Stored maturity ratings and request events, by content key (only when their file is imported). */
  ratingKeys: string[];
  eventKeys: string[];
  /** Per stored request (by ref), its 'closed' events: closing writes the outcome as the event's note. */
  closedEvents: Map<string, { at: Date; note: string | null }[]>;
}

export async function loadSnapshot(client: Client, input: FolderInput): Promise<Snapshot> {
  const has = (f: PlanFileName): boolean => input.files[f] !== undefined;
  // Sequential on purpose: an interactive transaction runs one query at a time anyway.
  const people = await client.person.findMany({ select: personSelect });
  const workstreams = await client.workstream.findMany({ select: workstreamSelect });
  const clusters = await client.cluster.findMany({ select: clusterSelect });
  const settings = await client.setting.findMany({ select: settingSelect });
  const actions = has('actions.csv') || has('action_history.csv') ? await client.action.findMany({ select: actionSelect }) : [];
  const meetings = has('meetings.csv') ? await client.clusterMeeting.findMany({ select: meetingSelect }) : [];
  const requests = has('expert_requests.csv') || has('expert_request_events.csv') ? await client.expertRequest.findMany({ select: requestSelect }) : [];
  const termDates = has('term_dates.csv') ? await client.termDate.findMany({ select: termDateSelect }) : [];
  const history = has('action_history.csv') ? await client.actionHistory.findMany({ select: historySelect, orderBy: { id: 'asc' } }) : [];
  const ratings = has('maturity_ratings.csv') ? await client.maturityRating.findMany({ select: { pillar: true, score: true, note: true, ratedById: true, ratedAt: true } }) : [];
  const events = has('expert_request_events.csv') ? await client.expertRequestEvent.findMany({ select: { requestId: true, actorId: true, at: true, kind: true, note: true } }) : [];
  const personKey = new Map(people.map((p) => [p.id, p.key]));
  const requestRef = new Map(requests.map((r) => [r.id, r.ref]));
  const keyOf = (id: number | null): string | null => (id === null ? null : personKey.get(id) ?? `#${id}`);
  return {
    history,
    ratingKeys: ratings.map((r) => ratingKey({ pillar: r.pillar, score: r.score, note: r.note, rated_by: keyOf(r.ratedById), rated_at: r.ratedAt })),
    eventKeys: events.map((e) => eventKey({ ref: requestRef.get(e.requestId) ?? `#${e.requestId}`, at: e.at, actor: keyOf(e.actorId), kind: e.kind, note: e.note })),
    closedEvents: events.filter((e) => e.kind === 'closed').reduce((m, e) => {
      const r = requestRef.get(e.requestId) ?? `#${e.requestId}`;
      m.set(r, [...(m.get(r) ?? []), { at: e.at, note: e.note }]);
      return m;
    }, new Map<string, { at: Date; note: string | null }[]>()),
    people: new Map(people.map((p) => [p.key, p])),
    workstreams: new Map(workstreams.map((w) => [w.code, w])),
    clusters: new Map(clusters.map((c) => [c.code, c])),
    settings: new Map(settings.map((s) => [s.name, s])),
    actions: new Map(actions.map((a) => [a.ref, a])),
    meetings: new Map(meetings.map((m) => [meetingKey(m.clusterId, m.startsAt), m])),
    requests: new Map(requests.map((r) => [r.ref, r])),
    termDates: new Map(termDates.map((t) => [termDateKey(t.academicYear, t.term), t])),
    personKey,
    workstreamCode: new Map(workstreams.map((w) => [w.id, w.code])),
    clusterCode: new Map(clusters.map((c) => [c.id, c.code])),
    settingName: new Map(settings.map((s) => [s.id, s.name])),
  };
}

export const meetingKey = (cluster: number | string, startsAt: Date): string => `${cluster}|${startsAt.getTime()}`;

// Content keys of append-only rows: two rows with the same key are the same event.
const text = (v: string | null): string => JSON.stringify(!v || v.trim() === '' ? '' : v.replace(/\r\n?/g, '\n'));
const day = (d: string | Date | null): string => (d === null ? '' : typeof d === 'string' ? d : formatDate(d));
export function historyKey(r: Pick<ActionHistoryRow, 'ref' | 'at' | 'actor' | 'via' | 'status_from' | 'status_to' | 'due_from' | 'due_to' | 'note'>): string {
  return [r.ref, r.at.getTime(), r.actor ?? '', r.via, r.status_from ?? '', r.status_to ?? '', day(r.due_from), day(r.due_to), text(r.note)].join('|');
}
export function ratingKey(r: Pick<MaturityRatingRow, 'pillar' | 'score' | 'note' | 'rated_by' | 'rated_at'>): string {
  return [r.pillar, r.score, r.rated_by ?? '', r.rated_at.getTime(), text(r.note)].join('|');
}
export function eventKey(r: Pick<ExpertRequestEventRow, 'ref' | 'at' | 'actor' | 'kind' | 'note'>): string {
  return [r.ref, r.at.getTime(), r.actor ?? '', r.kind, text(r.note)].join('|');
}

/** The file's rows whose content key is stored fewer times than the file lists it (a multiset difference). */
export function missingByContent<R>(rows: Parsed<R>[], keyOf: (r: R) => string, storedKeys: Iterable<string>): { missing: Parsed<R>[]; present: number } {
  const stored = new Map<string, number>();
  for (const k of storedKeys) stored.set(k, (stored.get(k) ?? 0) + 1);
  const missing: Parsed<R>[] = [];
  let present = 0;
  for (const p of rows) {
    const k = keyOf(p.row);
    const left = stored.get(k) ?? 0;
    if (left > 0) { stored.set(k, left - 1); present++; } else missing.push(p);
  }
  return { missing, present };
}
