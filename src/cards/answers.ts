// Cards for the other answers: choices, help, workstream summaries, meetings, facts.
import { actionSet, adaptiveCard, askButton, facts, heading, plain, text, type Card, type CardElement, type TextColour } from './common.js';
import { md, type Markup } from './markup.js';

/** Hosts show at most five buttons in a row of actions. */
export const MAX_BUTTONS_PER_SET = 5;

function buttonSets(buttons: CardElement[]): CardElement[] {
  const sets: CardElement[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_SET) sets.push(actionSet(buttons.slice(i, i + MAX_BUTTONS_PER_SET)));
  return sets;
}

/** "Which one do you mean?": one button per option, each sending a clearer question. */
export function choiceCard(prompt: string, choices: { title: string; question: string }[]): Card {
  return adaptiveCard(
    [text(prompt, { weight: 'Bolder' }), ...buttonSets(choices.map((c) => askButton(c.title, c.question)))],
    [],
    prompt,
  );
}

/** Example questions as buttons, one per line so each reads in full. */
export function helpCard(title: string, examples: string[]): Card {
  return adaptiveCard(
    [
      heading(title),
      text('Tap a question to try it, or type your own.', { isSubtle: true, spacing: 'None' }),
      ...examples.map((q) => actionSet([askButton(q, q)])),
    ],
    [],
    title,
  );
}

export interface CountView { label: string; count: number; colour: TextColour }

export interface SummaryCardInput {
  title: string;
  facts: [string, string][];
  counts: CountView[];
  /** Short lines about actions needing attention: '**PFA-01** … · 37 days late'. */
  lines: { text: string | Markup; colour: TextColour }[];
  linesTitle: string;
  more?: { title: string; question: string };
}

export function summaryCard(input: SummaryCardInput): Card {
  const body: CardElement[] = [heading(input.title), facts(input.facts)];
  if (input.counts.length) {
    body.push({
      type: 'ColumnSet',
      separator: true,
      spacing: 'Medium',
      columns: input.counts.map((c) => ({
        type: 'Column',
        width: 'stretch',
        items: [
          text(String(c.count), { size: 'Large', weight: 'Bolder', color: c.colour, horizontalAlignment: 'Center' }),
          text(c.label, { size: 'Small', spacing: 'None', horizontalAlignment: 'Center' }),
        ],
      })),
    });
  }
  if (input.lines.length) {
    body.push(text(input.linesTitle, { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    for (const l of input.lines) body.push(text(l.text, { color: l.colour, spacing: 'Small' }));
  }
  return adaptiveCard(body, input.more ? [askButton(input.more.title, input.more.question)] : [], input.title);
}

/** A titled set of facts, with optional notes and buttons. */
export function factsCard(title: string, pairs: [string, string][], notes: string[] = [], buttons: { title: string; question: string }[] = []): Card {
  const body: CardElement[] = [heading(plain(title)), facts(pairs.map(([k, v]) => [k, plain(v)]))];
  for (const n of notes) body.push(text(plain(n), { spacing: 'Small' }));
  return adaptiveCard([...body, ...buttonSets(buttons.map((b) => askButton(b.title, b.question)))], [], title);
}

export interface MeetingView {
  cluster: string;
  /** 'Wednesday 25 November 2026'. */
  date: string;
  /** '13:30 to 15:00'. */
  time: string;
  location: string;
  agenda: string[];
}

export function meetingsCard(title: string, meetings: MeetingView[]): Card {
  const body: CardElement[] = [heading(title)];
  for (const m of meetings) {
    const items: CardElement[] = [
      text(md`**${plain(m.cluster)}**`),
      facts([['Date', m.date], ['Time', m.time], ['Where', plain(m.location)]]),
    ];
    if (m.agenda.length) {
      items.push(text('Agenda', { weight: 'Bolder', size: 'Small', spacing: 'Small' }));
      for (const [i, a] of m.agenda.entries()) items.push(text(md`${i + 1}. ${plain(a)}`, { size: 'Small', spacing: 'None' }));
    }
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
  }
  return adaptiveCard(body, [], title);
}
