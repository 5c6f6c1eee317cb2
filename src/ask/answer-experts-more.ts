// Experts at Hand answers beyond the plain lists: the experts for a child's need, an expert's
// specialism, and the requests as a whole for the people who run the programme. A request holds
// no child's data (the form says so and the privacy check refuses names), and these answers show
// only its reference, specialism, setting, cluster, status and dates: never its summary.
import { choiceCard } from '../cards/answers.js';
import { SPECIALISM_LABELS, SPECIALIST_LABELS, withArticle } from '../domain/experts/index.js';
import type { ExpertRequest, Person, Specialism } from '../domain/plan/types.js';
import { formatDate, londonDate } from '../domain/time/index.js';
import { expertLine, listWords, type Answer, type AskContext } from './context.js';

function expertsOf(ctx: AskContext, s: Specialism): Person[] {
  return ctx.idx.dir.people.filter((p) => p.active && p.roles.includes('expert') && p.specialism === s);
}

/** "Who can help with sensory processing?": the experts of the specialism that need goes to, and how to ask. */
export function answerExpertsForNeed(ctx: AskContext, need: string, specialisms: readonly Specialism[]): Answer {
  const parts = specialisms.map((s) => {
    const them = expertsOf(ctx, s);
    const who = SPECIALIST_LABELS[s];
    if (!them.length) return `${withArticle(who)} (there is none in Experts at Hand yet)`;
    return `${them.length === 1 ? `the ${who}` : `the ${who}s`}: ${listWords(them.map(expertLine))}`;
  });
  const text = `For ${need}, ask ${parts.join('; or ')}. To ask for their help, make an Experts at Hand request `
    + `(say "${formCommand(specialisms[0])}" or tap the button) and describe the need without naming a child.`;
  if (!ctx.asker.person) return { text, cards: [] };
  const choices = specialisms.map((s) => ({ title: `Ask ${withArticle(SPECIALIST_LABELS[s])}`, question: formCommand(s) }));
  return { text, cards: [choiceCard('Start a request', choices)] };
}

function formCommand(s: Specialism | undefined): string {
  return s ? `I need advice from ${withArticle(SPECIALIST_LABELS[s])}` : 'new Experts at Hand request';
}

/** "What is Chloe Barnes's specialism?", "is Marcus Reid an OT?". */
export function answerExpertSpecialism(ctx: AskContext, person: Person, asked?: Specialism): Answer {
  const own = person.roles.includes('expert') ? person.specialism : null;
  if (!own) {
    const job = person.jobTitle ? ` Their job is ${person.jobTitle}.` : '';
    return { text: `${person.name} is not one of the Experts at Hand experts, so has no specialism there.${job}`, cards: [] };
  }
  const is = `${person.name} is ${withArticle(SPECIALIST_LABELS[own])}: their specialism in Experts at Hand is ${SPECIALISM_LABELS[own]}.`;
  if (!asked) return { text: is, cards: [] };
  if (asked === own) return { text: `Yes. ${is}`, cards: [] };
  const others = expertsOf(ctx, asked);
  const instead = others.length
    ? ` The ${SPECIALIST_LABELS[asked]}${others.length > 1 ? 's are' : ' is'} ${listWords(others.map(expertLine))}.`
    : ` There is no ${SPECIALIST_LABELS[asked]} in Experts at Hand yet.`;
  return { text: `No. ${is}${instead}`, cards: [] };
}

const STATUS_WORDS: Record<ExpertRequest['status'], string> = {
  new: 'waiting to be picked up', assigned: 'picked up', answered: 'answered', closed: 'closed',
};
const STATUS_SENTENCES: Record<ExpertRequest['status'], string> = {
  new: 'It is waiting to be picked up.', assigned: 'An expert has picked it up.', answered: 'It has been answered.', closed: 'It is closed.',
};

/** "Valley Head High School, in the Holme Valley cluster": where a request came from. */
export function requestPlace(ctx: AskContext, r: ExpertRequest): string | undefined {
  const setting = ctx.idx.settingById.get(r.settingId);
  const cluster = setting ? ctx.idx.clusterById.get(setting.clusterId) : undefined;
  return setting ? `${setting.name}${cluster ? ` in the ${cluster.name} cluster` : ''}` : undefined;
}

/** "EAH-R-0003 (occupational therapy) from Valley Head High School in the Holme Valley cluster, waiting to be picked up, asked on …". */
export function requestLine(ctx: AskContext, r: ExpertRequest): string {
  const place = requestPlace(ctx, r);
  return `${r.ref} (${SPECIALISM_LABELS[r.specialism]})${place ? ` from ${place},` : ','} ${STATUS_WORDS[r.status]}, asked on ${formatDate(londonDate(r.createdAt))}`;
}

const LIST_LIMIT = 20;

/** "List all Experts at Hand requests", "which setting raised the OT request": every request, newest first. */
export async function answerRequestList(ctx: AskContext, specialism: Specialism | undefined, origin: boolean, open = false): Promise<Answer> {
  const me = ctx.asker.person;
  if (!me) return { text: "I don't know who you are yet, so I can't show Experts at Hand requests. Ask an admin to add you to the plan's people.", cards: [] };
  const runsIt = me.roles.includes('admin') || me.roles.includes('lead') || me.roles.includes('expert');
  if (!runsIt) return { text: 'Only the experts, leads and admins see every Experts at Hand request. Say "my requests" for the ones you made.', cards: [] };
  const list = ((await ctx.reader.listRequests?.(specialism ?? null, LIST_LIMIT)) ?? []).filter((r) => !open || r.status !== 'closed');
  const of = `${open ? ' still open' : ''}${specialism ? ` for ${SPECIALISM_LABELS[specialism]}` : ''}`;
  if (!list.length) return { text: `There are no Experts at Hand requests${of} yet.`, cards: [] };
  const only = list.length === 1 ? list[0] : undefined;
  if (only && origin) {
    const where = requestPlace(ctx, only) ?? 'a setting no longer in the plan';
    return { text: `${only.ref}, the ${SPECIALISM_LABELS[only.specialism]} request, was raised by ${where} on ${formatDate(londonDate(only.createdAt))}. ${STATUS_SENTENCES[only.status]}`, cards: [] };
  }
  const head = list.length === 1 ? `1 Experts at Hand request${of}` : `${list.length} Experts at Hand requests${of}, newest first`;
  return { text: `${head}: ${list.map((r) => requestLine(ctx, r)).join('; ')}. Ask about one by its reference for more.`, cards: [] };
}
