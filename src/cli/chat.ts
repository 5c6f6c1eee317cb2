// npm run chat: a terminal chat with the running bot, over /api/messages exactly as Teams
// would send it; replies arrive at a connector stub on 127.0.0.1 and are printed readably, and so
// is what the bot sends on its own (nudges, digests, expert notices) when it arrives.
//   npm run chat -- [--as <person key or e-mail>] [--group] [--bot http://127.0.0.1:3978/api/messages]
//                   [--people <people.csv>]      (the bot's address defaults to PORT, else 3978)
import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline/promises';
import { parseCsv } from '../importer/csv.js';
import { fillForm, formInputs } from './chat-forms.js';
import { startConnectorStub } from './connector-stub.js';
import { lineReader, type AskLine } from './line-reader.js';
import { renderCard, type CardButton } from './render-card.js';
import { fromRoot } from '../paths/package-root.js';

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const group = args.includes('--group');
const botUrl = option('bot') ?? `http://127.0.0.1:${process.env.PORT ?? 3978}/api/messages`;
const peopleFile = option('people') ?? fromRoot('prisma', 'demo', 'kirklees', 'people.csv');
const BOT = { id: '28:partnership-bot', name: process.env.BOT_NAME ?? 'Partnership Bot' };

function whoAmI(): { id: string; name: string; aadObjectId: string } {
  const as = option('as');
  if (!as) return { id: '29:visitor', name: 'Visitor', aadObjectId: crypto.randomUUID() };
  const [header, ...records] = fs.existsSync(peopleFile) ? parseCsv(fs.readFileSync(peopleFile, 'utf8')).records : [];
  const rows = records.map((r) => Object.fromEntries((header?.fields ?? []).map((h, i) => [h, r.fields[i] ?? ''])));
  const person = rows.find((r) => r.key === as || r.email?.toLowerCase() === as.toLowerCase());
  if (!person?.teams_aad_object_id) {
    console.error(`No one with key or e-mail "${as}" in ${peopleFile}. Use --people <people.csv> for other data.`);
    process.exit(2);
  }
  return { id: `29:${person.teams_aad_object_id}`, name: person.name ?? as, aadObjectId: person.teams_aad_object_id };
}

const me = whoAmI();
const connector = await startConnectorStub();
const conversation = group
  ? { id: `19:chat-${crypto.randomUUID()}@thread.v2`, conversationType: 'groupChat', isGroup: true, tenantId: 'local' }
  : { id: `a:chat-${crypto.randomUUID()}`, conversationType: 'personal', tenantId: 'local' };
const base = () => ({
  id: crypto.randomUUID(), timestamp: new Date().toISOString(), localTimezone: 'Europe/London', locale: 'en-GB',
  serviceUrl: connector.serviceUrl, channelId: 'msteams', from: me, recipient: BOT, conversation,
  channelData: { tenant: { id: 'local' } },
});
type Card = Record<string, unknown>;
let buttons: CardButton[] = [];
/** The cards whose inputs a button sends: its own card, and for a sub-card the card around it too. */
const scopes = new Map<CardButton, Card[]>();

/** Prints a card and numbers its buttons after those already shown. */
function showCard(card: Card, scope: Card[]): void {
  const mine: CardButton[] = [];
  const text = renderCard(card, mine);
  // Renumber: the card's own numbering starts at 1, the chat's continues.
  const offset = buttons.length;
  console.log(indent(text.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`)));
  for (const b of mine) { buttons.push(b); scopes.set(b, scope); }
}

function show(activities: Record<string, unknown>[], label = 'bot'): void {
  buttons = [];
  scopes.clear();
  for (const a of activities) {
    if (typeof a.text === 'string' && a.text) console.log(`\n${label}> ${a.text}`);
    for (const att of (a.attachments as { content?: Card }[] | undefined) ?? []) {
      if (att.content) showCard(att.content, [att.content]);
    }
  }
}
const indent = (s: string) => s.split('\n').map((l) => `   ${l}`).join('\n');

/** How many of the stub's messages have been shown: the rest arrived on the bot's own. */
let shown = 0;
let posting = false;
const messagesHere = () => connector.for(conversation.id).map((s) => s.body).filter((b) => b.type === 'message');

async function post(activity: Record<string, unknown>): Promise<{ status: number; body: string; replies: Record<string, unknown>[] }> {
  posting = true;
  try {
    const res = await fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const body = await res.text();
    const all = messagesHere();
    const replies = all.slice(shown);
    shown = all.length;
    return { status: res.status, body, replies };
  } finally {
    posting = false;
  }
}

/** Nudges, digests and expert notices: printed as they arrive, between turns. */
function watchOwnMessages(rl: readline.Interface): NodeJS.Timeout {
  return setInterval(() => {
    if (posting) return;
    const all = messagesHere();
    if (all.length <= shown) return;
    const fresh = all.slice(shown);
    shown = all.length;
    process.stdout.write('\n');
    show(fresh, 'bot (on its own)');
    rl.prompt(true);
  }, 500);
}

async function say(text: string): Promise<void> {
  const mention = `<at>${BOT.name}</at>`;
  const activity = group
    ? { ...base(), type: 'message', text: `${mention} ${text}`, entities: [{ type: 'mention', text: mention, mentioned: BOT }] }
    : { ...base(), type: 'message', text };
  const { status, replies } = await post(activity);
  if (status >= 300) console.log(`(the bot answered HTTP ${status})`);
  show(replies);
}

async function press(button: CardButton, ask: AskLine): Promise<void> {
  if (button.kind === 'show') {
    if (!button.card) { console.log('(this button opens nothing)'); return; }
    console.log(`\n   -- ${button.title} --`);
    showCard(button.card, [button.card, ...(scopes.get(button) ?? [])]);
    return;
  }
  if (button.kind === 'submit') {
    const back = (button.data?.msteams ?? {}) as { text?: string };
    await say(back.text ?? JSON.stringify(button.data));
    return;
  }
  if (button.kind !== 'execute') { console.log(`(${button.kind} buttons do nothing here${button.url ? `: ${button.url}` : ''})`); return; }
  // As Teams does: the inputs of the button's card and of the cards around it.
  const inputs = await fillForm((scopes.get(button) ?? []).flatMap((c) => formInputs(c)), async (q) => (await ask(q)) ?? '', (l) => console.log(l));
  const { status, body, replies } = await post({
    ...base(), type: 'invoke', name: 'adaptiveCard/action', replyToId: crypto.randomUUID(),
    value: { action: { type: 'Action.Execute', verb: button.verb, data: { ...button.data, ...inputs } }, trigger: 'manual' },
  });
  show(replies);
  try {
    const parsed = JSON.parse(body) as { value?: unknown; type?: string };
    if (typeof parsed.value === 'string') console.log(`\nbot> ${parsed.value}`);
    else if (parsed.value && typeof parsed.value === 'object') show([{ attachments: [{ content: parsed.value }] }]);
  } catch { console.log(`(invoke answered HTTP ${status})`); }
}

console.log(`Chatting with ${botUrl} as ${me.name}${group ? ' in a group chat' : ''}. Type a question, a button number, or "quit".`);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.setPrompt('you> ');
const watcher = watchOwnMessages(rl);
const ask = lineReader(rl);
try {
  for (;;) {
    const typed = await ask('\nyou> ');
    if (typed === null) break;
    const line = typed.trim();
    if (!line) continue;
    if (/^(quit|exit)$/i.test(line)) break;
    const n = /^\d+$/.test(line) ? Number(line) : 0;
    try {
      if (n > 0 && buttons[n - 1]) await press(buttons[n - 1]!, ask);
      else await say(line);
    } catch (err) {
      console.log(`(could not reach the bot at ${botUrl}: ${err instanceof Error ? err.message : String(err)}. Is it running? npm run demo)`);
    }
  }
} finally {
  clearInterval(watcher);
  rl.close();
  await connector.close();
}
