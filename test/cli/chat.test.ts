// `npm run chat` as a person uses it, against the real bot: a question, a card's sub-form opened
// by its button, and a message the bot sends on its own printed when it arrives.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueueMessages } from '../../src/store/outbox.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore } from '../support/store.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let bot: TestBot;
let chat: ChildProcessWithoutNullStreams;
let out = '';

/** Waits until the chat has printed something matching `pattern` after `from`; returns the match. */
async function printed(pattern: RegExp, from = 0, ms = 30_000): Promise<RegExpMatchArray> {
  const end = Date.now() + ms;
  for (;;) {
    const m = out.slice(from).match(pattern);
    if (m) return m;
    if (Date.now() > end) throw new Error(`the chat never printed ${pattern}; it printed:\n${out.slice(from).slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  bot = await startTestBot(await createTestStore('embedded'), { env: { DEMO_DATA: '1', SENDER: '1', SEND_RATE_PER_SECOND: '20' } });
  chat = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/chat.ts'), '--as', 'eclarke', '--bot', `${bot.url}/api/messages`], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  chat.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  chat.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  await printed(/Chatting with .* as Emma Clarke/);
}, 60_000);
afterAll(async () => {
  chat?.kill();
  await bot?.close();
});

const FORM_CARD = {
  type: 'AdaptiveCard', version: '1.5',
  body: [{ type: 'TextBlock', text: 'A card with a form behind a button' }],
  actions: [{
    type: 'Action.ShowCard', title: 'Add an agenda item',
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Text', id: 'agendaItem', label: 'Agenda item' },
        { type: 'Input.ChoiceSet', id: 'slot', label: 'When', value: 'start', choices: [{ title: 'At the start', value: 'start' }, { title: 'At the end', value: 'end' }] },
      ],
      actions: [{ type: 'Action.Execute', title: 'Add', verb: 'test.add', data: { meetingId: 1 } }],
    },
  }],
};

it('answers a question, prints a message the bot sends on its own, and opens and sends the form behind a card button', async () => {
  let mark = out.length;
  chat.stdin.write('who owns COM-06?\n');
  await printed(/bot> .*Owen Price/, mark);

  // What the bot sends on its own (as a nudge or an expert notice is sent): through its outbox.
  const ref = await bot.store.db.conversationRef.findFirstOrThrow({ where: { kind: 'personal', person: { key: 'eclarke' } } });
  mark = out.length;
  await enqueueMessages(bot.store.db, [{ job: 'chat-test', period: 'now', recipient: { conversationId: ref.conversationId }, kind: 'note', payload: { text: 'Reminder: the Batley agenda closes on Friday.', cards: [FORM_CARD] } }], new Date(DEMO_NOW));
  await printed(/bot \(on its own\)> Reminder: the Batley agenda closes on Friday\./, mark);
  const [, n] = await printed(/\[(\d+)\] Add an agenda item/, mark);

  mark = out.length;
  chat.stdin.write(`${n}\n`);
  await printed(/-- Add an agenda item --/, mark);
  await printed(/\[input slot\] When = At the start \(At the start, At the end\)/, mark);
  const [, add] = await printed(/\[(\d+)\] Add/, mark);

  mark = out.length;
  chat.stdin.write(`${add}\n`);
  await printed(/Agenda item: $/m, mark);
  chat.stdin.write('Transition to high school\n');
  await printed(/When \(1 At the start, 2 At the end\) \[At the start\]: /, mark);
  chat.stdin.write('2\n');
  await printed(/When: At the end/, mark);
  // The bot does not know this card's verb: it says the card is out of date, kindly.
  await printed(/out of date/i, mark);

  chat.stdin.write('quit\n');
  const code = await new Promise<number | null>((resolve) => chat.once('exit', resolve));
  expect(code).toBe(0);
}, 90_000);
