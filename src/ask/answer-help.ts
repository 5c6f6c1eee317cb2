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
  out.push('Which actions are at risk?');
  if (cluster) out.push(`When is the next ${cluster.name} cluster meeting?`);
  return out.slice(0, 6);
}

export async function answerHelp(ctx: AskContext, greeting: boolean): Promise<Answer> {
  const examples = await exampleQuestions(ctx);
  const name = ctx.asker.person?.name.split(' ')[0];
  const text = greeting
    ? `Hello${name ? ` ${name}` : ''}! I answer questions about the partnership's plan: actions, owners, deadlines, workstreams, clusters and meetings. Here are some questions you can ask.`
    : 'I answer questions about the plan: who owns an action, when it is due, what is overdue or at risk, how a workstream is doing, and when cluster meetings are. Here are some questions you can ask.';
  return { text, cards: [helpCard('Questions you can ask', examples)] };
}

export async function answerNotUnderstood(ctx: AskContext): Promise<Answer> {
  const examples = await exampleQuestions(ctx);
  return {
    text: "Sorry, I didn't understand that. I can answer questions about the plan's actions, workstreams, clusters and meetings. Try one of these questions.",
    cards: [helpCard('Questions you can ask', examples)],
  };
}
