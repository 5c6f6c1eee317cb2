// Help, greetings and kind replies to anything not understood: always with questions that work.
import { helpCard } from '../cards/answers.js';
import { OPEN_STATUSES } from '../domain/plan/status.js';
import type { AskContext, Answer } from './context.js';

/** Four to six example questions built from what is really in the plan. */
export async function exampleQuestions(ctx: AskContext): Promise<string[]> {
  const sample = (await ctx.reader.listActions({ statuses: [...OPEN_STATUSES], dueFrom: ctx.today }, { offset: 0, limit: 1 })).items[0];
  const ws = ctx.idx.dir.workstreams[0];
  const cluster = ctx.idx.dir.clusters.find((c) => c.chairId !== null) ?? ctx.idx.dir.clusters[0];
  const out = ['What is overdue?'];
  out.push(ctx.asker.person ? 'What are my open actions?' : 'What is due in the next two weeks?');
  if (sample) out.push(`Who owns ${sample.ref}?`);
  if (ws) out.push(`How is ${ws.code} doing?`);
  // Experts at Hand, where the plan has experts; otherwise the at-risk list.
  out.push(ctx.idx.dir.people.some((p) => p.specialism) ? 'Who are the speech and language therapists?' : 'Which actions are at risk?');
  if (cluster) out.push(`When is the next ${cluster.name} cluster meeting?`);
  return out.slice(0, 6);
}

/** What the bot does, said for the person asking: owners update, SENCOs ask the experts, experts answer. */
function whatIDo(ctx: AskContext): string {
  const me = ctx.asker.person;
  const parts = [
    'I answer questions about the plan: who owns an action, when it is due, what is overdue or at risk, how a workstream or an area for improvement is doing, and what changed',
    'I find Experts at Hand (occupational therapists, speech and language therapists and educational psychologists) and their requests',
    'I tell you about cluster meetings and their agendas',
  ];
  if (me?.roles.includes('owner') || me?.roles.includes('lead') || me?.roles.includes('admin')) parts.push('you can update your actions (say "mark" and an action reference "as complete") or snooze reminders ("snooze for a week")');
  const ws = ctx.idx.dir.workstreams[0];
  if (ws && (me?.roles.includes('lead') || me?.roles.includes('admin'))) {
    parts.push(`in a group chat or channel, a workstream lead, cluster chair or admin can link it to a workstream, a cluster or the partnership ("link this chat to ${ws.code}")`);
  }
  if (me?.specialism) parts.push('as an expert, ask "what is waiting for me?" to see requests to pick up');
  else if (me) parts.push('a SENCO can ask an expert for help by saying "I need an OT"');
  return `${parts.join('. ')}.`;
}

export async function answerHelp(ctx: AskContext, greeting: boolean): Promise<Answer> {
  const examples = await exampleQuestions(ctx);
  const name = ctx.asker.person?.name.split(' ')[0];
  const text = greeting
    ? `Hello${name ? ` ${name}` : ''}! I answer questions about the partnership's plan: actions, owners, deadlines, workstreams, Experts at Hand, clusters and meetings. Here are some questions you can ask.`
    : `${whatIDo(ctx)} Here are some questions you can ask.`;
  return { text, cards: [helpCard('Questions you can ask', examples)] };
}

export async function answerNotUnderstood(ctx: AskContext): Promise<Answer> {
  const examples = await exampleQuestions(ctx);
  return {
    text: "Sorry, I didn't understand that. I can answer questions about the plan's actions, workstreams, Experts at Hand, clusters and meetings. Try one of these questions.",
    cards: [helpCard('Questions you can ask', examples)],
  };
}
