// Answers about settings, clusters and cluster meetings.
import { messageText } from '../cards/markup.js';
import { factsCard, meetingsCard, type MeetingView } from '../cards/answers.js';
import { lengthLabel } from '../cards/meetings/schedule-form.js';
import { AREAS, type Cluster, type ClusterMeeting, type Setting } from '../domain/plan/types.js';
import { areaLabel } from '../domain/plan/status.js';
import { addDays, formatLongDate, londonDate, londonMidnight, londonTime } from '../domain/time/index.js';
import { listWords, plural, type AskContext, type Answer } from './context.js';
import type { Period } from './periods.js';
import { says, type Question } from './question.js';

const PHASES: Record<string, string> = {
  early_years: 'early years', primary: 'primary', secondary: 'secondary', post_16: 'post-16', special: 'special',
};

function clusterName(c: Cluster): string {
  return `${c.name} cluster (${c.code})`;
}

export function answerSetting(ctx: AskContext, s: Setting, q: Question): Answer {
  const cluster = ctx.idx.clusterById.get(s.clusterId);
  const senco = s.sencoId !== null ? ctx.idx.personById.get(s.sencoId) : undefined;
  const chair = cluster?.chairId != null ? ctx.idx.personById.get(cluster.chairId) : undefined;
  const askedSenco = says(q, 'senco', 'sencos');
  const askedCluster = says(q, 'cluster');
  const sencoLine = senco ? `The SENCO at ${s.name} is ${senco.name}.` : `No SENCO is recorded for ${s.name}.`;
  const clusterLine = cluster ? `${s.name} is in the ${clusterName(cluster)}, in ${cluster.area}.` : `${s.name} is not in a cluster.`;
  const sentences = askedSenco && !askedCluster ? [sencoLine, clusterLine] : [clusterLine, sencoLine];
  return {
    text: sentences.join(' '),
    cards: [factsCard(s.name, [
      ['Phase', PHASES[s.phase] ?? s.phase],
      ['Cluster', cluster ? clusterName(cluster) : 'None'],
      ['Area', cluster?.area ?? ''],
      ['SENCO', senco?.name ?? 'Not recorded'],
      ['Cluster chair', chair?.name ?? 'Not recorded'],
    ])],
  };
}

export async function answerCluster(ctx: AskContext, c: Cluster, want: 'chair' | 'settings' | 'sencos' | 'info'): Promise<Answer> {
  const chair = c.chairId !== null ? ctx.idx.personById.get(c.chairId) : undefined;
  const settings = ctx.idx.dir.settings.filter((s) => s.clusterId === c.id);
  const next = (await ctx.reader.meetings({ clusterIds: [c.id], from: ctx.now, limit: 1 }))[0];
  const chairLine = chair ? `${chair.name} chairs the ${clusterName(c)}.` : `No chair is recorded for the ${clusterName(c)}.`;
  const settingsLine = settings.length
    ? `It has ${plural(settings.length, 'setting')} in the plan: ${listWords(settings.slice(0, 12).map((s) => s.name))}${settings.length > 12 ? ' and more' : ''}.`
    : 'No settings are recorded for it yet.';
  const sencoLines = settings.map((s) => {
    const p = s.sencoId !== null ? ctx.idx.personById.get(s.sencoId) : undefined;
    return `${s.name}: ${p ? p.name : 'no SENCO recorded'}`;
  });
  const nextLine = next ? `Its next meeting is on ${formatLongDate(londonDate(next.startsAt))} from ${meetingHours(next)} (${lengthLabel(next.durationMinutes)}).` : '';
  const sentences = want === 'chair' ? [chairLine, nextLine]
    : want === 'sencos' ? [`SENCOs in the ${clusterName(c)}: ${sencoLines.length ? sencoLines.slice(0, 12).join('; ') : 'none recorded'}.`]
      : want === 'settings' ? [`The ${clusterName(c)} is in ${c.area}.`, settingsLine]
        : [`The ${clusterName(c)} is in ${c.area}.`, chairLine, settingsLine, nextLine];
  return {
    text: sentences.filter(Boolean).join(' '),
    cards: [factsCard(clusterName(c), [
      ['Area', c.area],
      ['Chair', chair?.name ?? 'Not recorded'],
      ['Settings', settings.length ? settings.slice(0, 12).map((s) => s.name).join(', ') : 'None recorded'],
      ['Next meeting', next ? `${formatLongDate(londonDate(next.startsAt))}, ${meetingHours(next)} (${lengthLabel(next.durationMinutes)})` : 'None planned'],
    ])],
  };
}

export function answerClusters(ctx: AskContext, area?: string, areasAsked = false): Answer {
  const list = ctx.idx.dir.clusters.filter((c) => !area || c.area === area);
  if (!list.length) return { text: 'There are no clusters in the plan yet.', cards: [] };
  const areas = [...new Set(list.map((c) => c.area))];
  const text = area
    ? `${list.length} clusters are in ${area}: ${listWords(list.map((c) => `${c.name} (${c.code})`))}.`
    : `There are ${list.length} cluster communities in ${plural(areas.length, 'area')}: ${areas.map((a) => `${a} (${list.filter((c) => c.area === a).length})`).join(', ')}.`
      // "Areas" also names the plan's areas for improvement: say which is which.
      + (areasAsked ? ` The plan's ${AREAS.length} areas for improvement are something else: ${listWords(AREAS.map(areaLabel))}.` : '');
  return {
    text,
    cards: [factsCard(area ? `Clusters in ${area}` : 'Cluster communities', list.slice(0, 40).map((c) => {
      const chair = c.chairId !== null ? ctx.idx.personById.get(c.chairId)?.name : undefined;
      return [c.code, `${c.name}${area ? '' : `, ${c.area}`}${chair ? ` (chair: ${chair})` : ''}`];
    }))],
  };
}

/** Every cluster's chair, and how many have none recorded. */
export function answerClusterChairs(ctx: AskContext): Answer {
  const clusters = ctx.idx.dir.clusters;
  if (!clusters.length) return { text: 'There are no clusters in the plan yet.', cards: [] };
  const chaired = clusters.flatMap((c) => {
    const chair = c.chairId !== null ? ctx.idx.personById.get(c.chairId)?.name : undefined;
    return chair ? [{ c, chair }] : [];
  });
  const none = clusters.length - chaired.length;
  const missing = none ? ` ${plural(none, 'cluster')} ${none === 1 ? 'has' : 'have'} no chair recorded.` : '';
  const text = chaired.length
    ? `${chaired.length} of the ${clusters.length} clusters have a chair: ${listWords(chaired.map(({ c, chair }) => `${chair} (${c.name}, ${c.code})`))}.${missing}`
    : `No cluster has a chair recorded yet.`;
  return { text, cards: [factsCard('Cluster chairs', chaired.map(({ c, chair }) => [`${c.name} (${c.code})`, chair]))] };
}

/** "09:30 to 11:00": a meeting's start and end, London time. */
function meetingHours(m: ClusterMeeting): string {
  return `${londonTime(m.startsAt)} to ${londonTime(new Date(m.startsAt.getTime() + m.durationMinutes * 60_000))}`;
}

function meetingView(ctx: AskContext, m: ClusterMeeting): MeetingView {
  const c = ctx.idx.clusterById.get(m.clusterId);
  return {
    cluster: c ? clusterName(c) : 'Cluster meeting',
    date: formatLongDate(londonDate(m.startsAt)),
    // The length in words too, so whatever is asked about a meeting says how long it lasts.
    time: `${meetingHours(m)} (${lengthLabel(m.durationMinutes)})`,
    location: m.location,
    agenda: m.agenda,
  };
}

/** `length`: the question was how long it lasts, so that comes first. */
function meetingSentence(ctx: AskContext, m: ClusterMeeting, lead: string, o: { held?: boolean; length?: boolean } = {}): string {
  const v = meetingView(ctx, m);
  const agenda = m.agenda.length ? ` On the agenda: ${listWords(m.agenda.map((a) => messageText(a.trim())))}.` : '';
  const where = /^(?:ms |microsoft )?teams$|^online$|^virtual$/i.test(m.location.trim()) ? `on ${messageText(m.location.trim())}` : `at ${messageText(m.location.trim())}`;
  const is = o.held ? 'was' : 'is';
  if (o.length) return `${lead} ${o.held ? 'lasted' : 'lasts'} ${lengthLabel(m.durationMinutes)}: it ${is} on ${v.date} from ${meetingHours(m)} ${where}.${agenda}`;
  return `${lead} ${is} on ${v.date} from ${v.time} ${where}.${agenda}`;
}

/** The clusters the person is in: as a setting's SENCO or as the chair. */
function clustersOf(ctx: AskContext): Cluster[] {
  const me = ctx.asker.person;
  const ids = new Set<number>();
  for (const c of ctx.idx.dir.clusters) if (me && c.chairId === me.id) ids.add(c.id);
  for (const s of ctx.idx.dir.settings) if (me && s.sencoId === me.id) ids.add(s.clusterId);
  return [...ids].map((id) => ctx.idx.clusterById.get(id)).filter((c): c is Cluster => c !== undefined);
}

function notInACluster(ctx: AskContext): Answer {
  const example = ctx.idx.dir.clusters[0]?.name;
  return { text: `You are not the SENCO or chair of any cluster in the plan, so I can't tell which cluster is yours. Ask about a cluster by name${example ? `, for example "When is the next ${example} cluster meeting?"` : '.'}`, cards: [] };
}

/** "What's my cluster?": the asker's cluster, with its chair and next meeting. */
export async function answerMyCluster(ctx: AskContext): Promise<Answer> {
  const mine = clustersOf(ctx);
  const [only] = mine;
  if (!only) return notInACluster(ctx);
  if (mine.length > 1) return { text: `You are in ${mine.length} clusters: ${listWords(mine.map(clusterName))}.`, cards: [] };
  const about = await answerCluster(ctx, only, 'info');
  return { ...about, text: `Your cluster is ${only.name} (${only.code}). ${about.text}` };
}

export async function answerMeetings(
  ctx: AskContext, intent: { clusters?: Cluster[]; mine: boolean; period?: Period; next: boolean; last?: boolean; length?: boolean },
): Promise<Answer> {
  let clusters = intent.clusters;
  if (intent.mine) {
    clusters = clustersOf(ctx);
    if (!clusters.length) return notInACluster(ctx);
  }
  if (intent.last && !intent.period) return lastMeeting(ctx, clusters, intent.length);
  const clusterIds = clusters?.map((c) => c.id);
  const p = intent.period;
  const from = p?.from ? londonMidnight(p.from) : ctx.now;
  const to = p?.to ? londonMidnight(addDays(p.to, 1)) : undefined;
  const single = Boolean(clusters && clusters.length === 1 && intent.next && !p);
  const meetings = await ctx.reader.meetings({
    ...(clusterIds ? { clusterIds } : {}), from: p ? from : ctx.now, ...(to ? { to } : {}), limit: single ? 1 : 10,
  });
  const whose = whoseMeetings(clusters);
  const when = p ? ` ${p.label}` : '';
  if (!meetings.length) {
    return { text: `There are no${p ? '' : ' upcoming'} cluster meetings planned${whose}${when}.`, cards: [] };
  }
  const first = meetings[0] as ClusterMeeting;
  const text = single
    ? meetingSentence(ctx, first, `The next ${clusters?.[0]?.name ?? ''} cluster meeting`, { length: intent.length })
    : `${plural(meetings.length, 'cluster meeting')} ${meetings.length === 1 ? 'is' : 'are'} planned${whose}${when || ' from today'}. ${meetingSentence(ctx, first, meetings.length === 1 ? 'It' : `The first, ${meetingView(ctx, first).cluster},`, { length: intent.length })}`;
  const title = single ? `Next ${clusters?.[0]?.name ?? ''} cluster meeting` : `Cluster meetings${when}`;
  return { text, cards: [meetingsCard(title, meetings.map((m) => meetingView(ctx, m)))] };
}

function whoseMeetings(clusters: Cluster[] | undefined): string {
  return clusters?.length === 1 && clusters[0] ? ` for the ${clusters[0].name} cluster` : clusters?.length ? ` for the ${listWords(clusters.map((c) => c.name))} clusters` : '';
}

/** "When did Dewsbury North last meet?", "what was on the agenda": the latest meeting held (one per cluster named). */
async function lastMeeting(ctx: AskContext, clusters: Cluster[] | undefined, length?: boolean): Promise<Answer> {
  const clusterIds = clusters?.map((c) => c.id);
  const held = await ctx.reader.meetings({ ...(clusterIds ? { clusterIds } : {}), to: ctx.now, limit: 1, latestFirst: true });
  const m = held[0];
  if (!m) return { text: `No cluster meetings have been held yet${whoseMeetings(clusters)}.`, cards: [] };
  const c = ctx.idx.clusterById.get(m.clusterId);
  const text = meetingSentence(ctx, m, `The last ${c ? `${c.name} ` : ''}cluster meeting`, { held: true, length });
  return { text, cards: [meetingsCard(`Last ${c?.name ?? ''} cluster meeting`.replace(/\s+/g, ' '), [meetingView(ctx, m)])] };
}
