// Chat commands about reminders, digests and the quarterly cycle:
// - "snooze reminders until Monday", "snooze for two weeks"      (the person's own nudges)
// - "mute COM-06 until 1 December"                                 (one action, for that person)
// - "unsnooze" / "resume reminders" / "unmute COM-06"
// - "who can't I reach?"     admins: people with open actions or lead roles and no personal chat
//                            with the bot, plus messages that failed to send
// - "quarterly report"       builds the current quarter's report now (summary + card; files kept)
// - "who hasn't updated?"    leads and admins, during an update round
import { refCandidates } from '../../ask/references.js';
import { quarterlySummaryMessage } from '../../cards/digest/quarterly-summary.js';
import { isOpen } from '../../domain/plan/status.js';
import type { Person } from '../../domain/plan/types.js';
import { parseResumeDate } from '../../domain/nudges/snooze-words.js';
import { cycleKey, missingUpdates, openCycleOn, stageOn } from '../../domain/quarterly/cycle.js';
import { addDays } from '../../domain/time/dates.js';
import { formatDate, formatLongDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { financialQuarter } from '../../domain/time/quarters.js';
import { jobDeps } from '../../jobs/deps.js';
import { loadOpenActions, loadPeople } from '../../store/plan-load.js';
import { buildReport, saveReport } from '../../reports/store.js';
import { OutboxSenderRepository } from '../../store/outbox-sender-repo.js';
import { sendAnswer } from '../reply.js';
import type { Services } from '../services.js';
import { turnLog } from '../turn.js';
import { dropTrailingMarks, type ChatCommand, type CommandTurn } from './command.js';

const REF = '([a-z]{2,6})\\s?[-_.#]?\\s?(\\d{1,6})';
const UNTIL = '(?:\\s+(?:until|till|til|to|for|through)\\s+(.+))?';

export type JobCommand =
  | { kind: 'snooze'; when: string | null }
  | { kind: 'mute'; candidates: string[]; typed: string; when: string | null }
  | { kind: 'unsnooze' }
  | { kind: 'unmute'; candidates: string[]; typed: string }
  | { kind: 'unreachable' }
  | { kind: 'report' }
  | { kind: 'missing' };

/** Lower case, straight apostrophes, no trailing punctuation, single spaces. */
export function jobCommandText(text: string): string {
  return dropTrailingMarks(text.toLowerCase().replace(/[’‘]/g, "'")).replace(/\s+/g, ' ').trim();
}

const PATTERNS = {
  snooze: new RegExp(`^(?:please\\s+)?(?:snooze|pause)(?:\\s+(?:all\\s+)?(?:my\\s+|the\\s+)?(?:reminders|nudges|notifications|reminder messages))?${UNTIL}$`),
  mute: new RegExp(`^(?:please\\s+)?(?:mute|silence|snooze|stop reminding me about|stop reminders for|no reminders for)\\s+(?:action\\s+)?${REF}${UNTIL}$`),
  unsnooze: /^(?:please\s+)?(?:unsnooze|un-snooze|unmute all|resume(?: my)? reminders|turn (?:my )?reminders (?:back )?on|reminders back on|start (?:my )?reminders again)$/,
  unmute: new RegExp(`^(?:please\\s+)?(?:unmute|un-mute|resume reminders for|remind me about)\\s+(?:action\\s+)?${REF}(?:\\s+again)?$`),
  unreachable: /^(?:who|which people|which users)\s+(?:can ?not|can't|cant|are you unable to|is the bot unable to)\s+(?:i|you|we|the bot)?\s*(?:reach|message|contact)(?:\s+(?:yet|now))?$|^(?:who is |show )?(?:the )?unreachable(?: people| users)?$/,
  report: /^(?:please\s+)?(?:show\s+(?:me\s+)?|build\s+|make\s+|create\s+|get\s+)?(?:the\s+|a\s+|this\s+)?(?:quarterly|quarter's|quarters)\s+(?:progress\s+)?report(?:\s+please)?$/,
  missing: /^who\s+(?:has\s*n'?t|has not|hasn't|have\s*n'?t|have not|still (?:needs|has|have|need) to|is yet to|are yet to)\s+(?:updated|update|given (?:an |their |his |her )?updates?|sent (?:an |their )?updates?)(?:\s+(?:yet|their actions|this quarter))*$|^(?:missing|outstanding) (?:quarterly )?updates$/,
};

function refOf(m: RegExpMatchArray, at: number): { candidates: string[]; typed: string } {
  const candidates = refCandidates(m[at] ?? '', m[at + 1] ?? '');
  return { candidates, typed: candidates[0] ?? '' };
}

export function parseJobCommand(text: string): JobCommand | null {
  const t = jobCommandText(text);
  if (!t || t.length > 100) return null;
  let m: RegExpMatchArray | null;
  if ((m = t.match(PATTERNS.mute))) return { kind: 'mute', ...refOf(m, 1), when: m[3] ?? null };
  if ((m = t.match(PATTERNS.unmute))) return { kind: 'unmute', ...refOf(m, 1) };
  if (PATTERNS.unsnooze.test(t)) return { kind: 'unsnooze' };
  if ((m = t.match(PATTERNS.snooze))) return { kind: 'snooze', when: m[1] ?? null };
  if (PATTERNS.unreachable.test(t)) return { kind: 'unreachable' };
  if (PATTERNS.report.test(t)) return { kind: 'report' };
  if (PATTERNS.missing.test(t)) return { kind: 'missing' };
  return null;
}

const isAdmin = (p: Person | null) => !!p && p.roles.includes('admin');
const isLeadOrAdmin = (p: Person | null) => !!p && (p.roles.includes('admin') || p.roles.includes('lead'));
const dateValue = (d: string) => new Date(`${d}T00:00:00Z`);
const MAX_SNOOZE_DAYS = 366;

async function say(turn: CommandTurn, text: string, cards: Record<string, unknown>[] = []): Promise<void> {
  await sendAnswer(turn.context, { text, cards });
}

async function snooze(turn: CommandTurn, person: Person, when: string | null): Promise<void> {
  const today = londonDate(turn.services.clock.now());
  const until = when ? parseResumeDate(when, today) : null;
  if (!until || until > addDays(today, MAX_SNOOZE_DAYS)) {
    await say(turn, when
      ? `I couldn't tell when to start your reminders again from "${when}". Try "snooze reminders until Monday", "until 1 December" or "for two weeks".`
      : 'Until when? Try "snooze reminders until Monday", "until 1 December" or "for two weeks".');
    return;
  }
  const db = turn.services.store.db;
  await db.$transaction([
    db.reminderSnooze.deleteMany({ where: { personId: person.id, actionId: null } }),
    db.reminderSnooze.create({ data: { personId: person.id, actionId: null, until: dateValue(until), createdAt: turn.services.clock.now() } }),
  ]);
  await say(turn, `Done: no reminders about your actions until ${formatLongDate(until)}. They start again that morning. Say "unsnooze" to turn them back on sooner.`);
}

async function findAction(turn: CommandTurn, candidates: string[]) {
  return turn.services.store.db.action.findFirst({ where: { ref: { in: candidates } }, select: { id: true, ref: true, title: true } });
}

async function mute(turn: CommandTurn, person: Person, c: { candidates: string[]; typed: string; when: string | null }): Promise<void> {
  const action = await findAction(turn, c.candidates);
  if (!action) { await say(turn, `I can't find an action called ${c.typed}.`); return; }
  const today = londonDate(turn.services.clock.now());
  const until = c.when ? parseResumeDate(c.when, today) : null;
  if (!until || until > addDays(today, MAX_SNOOZE_DAYS)) {
    await say(turn, `Until when should I stop reminding you about ${action.ref}? Try "mute ${action.ref} until 1 December".`);
    return;
  }
  const db = turn.services.store.db;
  await db.$transaction([
    db.reminderSnooze.deleteMany({ where: { personId: person.id, actionId: action.id } }),
    db.reminderSnooze.create({ data: { personId: person.id, actionId: action.id, until: dateValue(until), createdAt: turn.services.clock.now() } }),
  ]);
  await say(turn, `Done: no reminders about ${action.ref} (${action.title}) until ${formatLongDate(until)}. Say "unmute ${action.ref}" to undo.`);
}

async function unsnooze(turn: CommandTurn, person: Person): Promise<void> {
  const { count } = await turn.services.store.db.reminderSnooze.deleteMany({ where: { personId: person.id } });
  await say(turn, count ? 'Done: your reminders are back on.' : "Your reminders weren't snoozed, so nothing has changed.");
}

async function unmute(turn: CommandTurn, person: Person, c: { candidates: string[]; typed: string }): Promise<void> {
  const action = await findAction(turn, c.candidates);
  if (!action) { await say(turn, `I can't find an action called ${c.typed}.`); return; }
  const { count } = await turn.services.store.db.reminderSnooze.deleteMany({ where: { personId: person.id, actionId: action.id } });
  await say(turn, count ? `Done: I'll remind you about ${action.ref} again.` : `${action.ref} wasn't muted, so nothing has changed.`);
}

/** People with open actions or lead roles and no personal chat with the bot; messages that failed. */
export async function unreachableReport(services: Services): Promise<{ text: string; people: Person[]; failed: number }> {
  const db = services.store.db;
  const [people, openOwners, leads, reachable, failed] = await Promise.all([
    loadPeople(db),
    db.action.findMany({ where: { status: { not: 'complete' }, ownerId: { not: null } }, distinct: ['ownerId'], select: { ownerId: true } }),
    db.workstream.findMany({ where: { leadId: { not: null } }, select: { leadId: true } }),
    db.conversationRef.findMany({ where: { kind: 'personal', personId: { not: null } }, distinct: ['personId'], select: { personId: true } }),
    new OutboxSenderRepository(db).failed(20),
  ]);
  const waiting = await new OutboxSenderRepository(db).waiting(20);
  const need = new Set<number>([...openOwners.map((o) => o.ownerId!), ...leads.map((l) => l.leadId!)]);
  for (const p of people.values()) if (p.roles.includes('lead')) need.add(p.id);
  const reach = new Set(reachable.map((r) => r.personId!));
  const missing = [...need].filter((id) => !reach.has(id)).map((id) => people.get(id)).filter((p): p is Person => !!p && p.active)
    .sort((a, b) => a.name.localeCompare(b.name));
  const byKey = new Map([...people.values()].map((p) => [p.key, p]));
  const lines: string[] = [];
  lines.push(missing.length === 0
    ? 'Everyone with open actions or a lead role has a personal chat with me.'
    : `${missing.length === 1 ? '1 person' : `${missing.length} people`} with open actions or a lead role ${missing.length === 1 ? 'has' : 'have'} no personal chat with me, so I can't send them reminders: ${missing.map((p) => p.name).join(', ')}. Install the app for them (Teams admin centre: setup policy) or ask them to open a chat with me.`);
  const whoOf = (recipientKey: string) => recipientKey.startsWith('person:') ? byKey.get(recipientKey.slice(7))?.name ?? recipientKey.slice(7) : recipientKey.replace(/^conversation:/, 'chat ');
  if (waiting.length > 0) {
    lines.push(`Messages waiting until the person opens a chat with me (latest ${waiting.length}):`);
    for (const w of waiting) lines.push(`- ${whoOf(w.recipientKey)}: ${w.job} ${w.kind} (${w.period})`);
  }
  if (failed.length > 0) {
    lines.push(`Messages that could not be delivered (latest ${failed.length}):`);
    for (const f of failed) {
      lines.push(`- ${whoOf(f.recipientKey)}: ${f.job} ${f.kind} (${f.period}), ${f.lastError ?? 'failed'}${f.statusCodes.length ? ` [status ${f.statusCodes.join(', ')}]` : ''}`);
    }
  } else {
    lines.push('No messages have failed to send.');
  }
  return { text: lines.join('\n'), people: missing, failed: failed.length };
}

async function report(turn: CommandTurn): Promise<void> {
  const { services } = turn;
  const now = services.clock.now();
  const q = financialQuarter(londonDate(now));
  const stored = await services.store.db.quarterlyCycle.findUnique({ where: { quarter: cycleKey(q) } });
  const report = await buildReport(services.jobStores, q, now, false);
  if (stored?.closedAt) {
    await say(turn, `The ${q.label} update round closed on ${formatDate(londonDate(stored.closedAt))}; its report is kept. ${report.summary}`,
      quarterlySummaryMessage(report.model, report.summary, null).cards);
    return;
  }
  const files = await saveReport(services.jobStores, services.config.DATA_DIR, q, report, now, false);
  const msg = quarterlySummaryMessage(report.model, report.summary, { markdown: files.markdownPath, html: files.htmlPath });
  await say(turn, msg.text, msg.cards);
}

async function missing(turn: CommandTurn): Promise<void> {
  const { services } = turn;
  const today = londonDate(services.clock.now());
  const deps = jobDeps(services);
  const cycle = openCycleOn(today, deps.calendar);
  const row = cycle ? await services.store.db.quarterlyCycle.findUnique({ where: { quarter: cycle.key } }) : null;
  if (!cycle || !row?.openedAt || row.closedAt) {
    const states = new Map((await services.store.db.quarterlyCycle.findMany()).map((r) => [r.quarter, { opened: !!r.openedAt, closed: !!r.closedAt }]));
    const stage = stageOn(today, deps.calendar, (k) => states.get(k) ?? { opened: false, closed: false });
    const next = stage.kind === 'idle' ? stage.next : stage.cycle;
    await say(turn, `No update round is open right now. The ${next.quarter.label} round opens on ${formatLongDate(next.opens)} and closes on ${formatLongDate(next.closes)}.`);
    return;
  }
  const [actions, people] = await Promise.all([loadOpenActions(services.store.db), loadPeople(services.store.db)]);
  const byOwner = missingUpdates(actions.filter((a) => isOpen(a.status)), row.openedAt);
  const lines = [...byOwner].map(([id, list]) => ({ name: people.get(id)?.name ?? 'Someone', refs: list.map((a) => a.ref) }))
    .sort((a, b) => b.refs.length - a.refs.length || a.name.localeCompare(b.name));
  const total = lines.reduce((n, l) => n + l.refs.length, 0);
  if (lines.length === 0) {
    await say(turn, `Everyone has updated their open actions for ${cycle.quarter.label} since the round opened on ${formatDate(londonDate(row.openedAt))}.`);
    return;
  }
  await say(turn, [
    `${total} open ${total === 1 ? 'action has' : 'actions have'} had no update since the ${cycle.quarter.label} round opened on ${formatDate(londonDate(row.openedAt))} (it closes on ${formatLongDate(cycle.closes)}):`,
    ...lines.map((l) => `- ${l.name}: ${l.refs.join(', ')}`),
  ].join('\n'));
}

export const jobCommand: ChatCommand = {
  name: 'jobs',
  async tryHandle(turn) {
    const cmd = parseJobCommand(turn.text);
    if (!cmd) return false;
    const person = turn.person;
    const log = turnLog(turn.context, turn.services.log);
    if (!person) {
      await say(turn, "I don't know who you are yet, so I can't do that. Ask an admin to add you to the plan's people list.");
      log.info({ command: 'jobs', kind: cmd.kind, outcome: 'unknown person' }, 'chat command');
      return true;
    }
    switch (cmd.kind) {
      case 'snooze': await snooze(turn, person, cmd.when); break;
      case 'mute': await mute(turn, person, cmd); break;
      case 'unsnooze': await unsnooze(turn, person); break;
      case 'unmute': await unmute(turn, person, cmd); break;
      case 'unreachable':
        if (!isAdmin(person)) await say(turn, "Only admins can see who I can't reach.");
        else await say(turn, (await unreachableReport(turn.services)).text);
        break;
      case 'report':
        if (!isLeadOrAdmin(person)) await say(turn, 'The quarterly report is for workstream leads and admins. Ask one of them for a copy.');
        else await report(turn);
        break;
      case 'missing':
        if (!isLeadOrAdmin(person)) await say(turn, 'Only workstream leads and admins can see who still needs to update.');
        else await missing(turn);
        break;
    }
    log.info({ command: 'jobs', kind: cmd.kind }, 'chat command');
    return true;
  },
};

export const jobCommands: ChatCommand[] = [jobCommand];
