// Linking chats end to end, through /api/messages with the real adapter and the connector stub,
// on both stores: a workstream's chat (its digest, its lead's alerts, questions about it) and the
// partnership channel (the quarterly summary with the published report's address). What the bot
// sends on its own goes through the outbox and the running sender, as in production.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { jobDeps } from '../../src/jobs/deps.js';
import { runQuarterlyCycle } from '../../src/jobs/quarterly-cycle.js';
import { runWeeklyDigest } from '../../src/jobs/weekly-digest.js';
import { invoke } from '../clusters/helpers.js';
import { DEMO_NOW, startTestBot, visibleText, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

async function until<T>(fn: () => Promise<T | null | undefined> | T | null | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeEachStore('linking chats over /api/messages', (kind) => {
  let bot: TestBot;
  let dataDir: string;
  const clock = manualClock(DEMO_NOW);
  const WS5_CHAT = '19:ws5-team@thread.v2';
  const OTHER_CHAT = '19:data-team@thread.v2';
  const BOARD = '19:partnership-board@thread.tacv2';
  const SECOND_BOARD = '19:board-archive@thread.tacv2';
  const ws5 = (text: string, as: string | null = 'dpatel') => bot.say(text, { as, chat: 'groupChat', conversationId: WS5_CHAT });
  const linkOf = async (conversationId: string) => bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId }, include: { workstream: true } });
  /** What the bot posted on its own into a chat (through the outbox), as one text. */
  const posted = (conversationId: string) => visibleText(bot.connector.for(conversationId).map((s) => s.body));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-e2e-'));
    const env = { DEMO_DATA: '1', DATA_DIR: dataDir, SENDER: '1', SEND_RATE_PER_SECOND: '20', PUBLIC_URL: 'https://send.example.org/' };
    bot = await startTestBot(await createTestStore(kind), { env, clock });
  }, 180_000);
  afterAll(async () => {
    await bot?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('links a group chat to a workstream for its lead or an admin, and refuses the rest kindly', async () => {
    expect((await bot.say('link this chat to WS5', { as: 'dpatel' })).text).toMatch(/works in a group chat or team channel/);
    expect((await ws5('link this chat to ws 9')).text).toMatch(/^I don't know a workstream called "ws 9"\. The workstreams are: WS1 \(Co-production, Voice and Partnership Engagement\); WS2 /);
    expect((await ws5('link this chat to WS5', 'swhitaker')).text).toBe('Only the lead of WS5 or an admin can link a chat to WS5.');
    expect((await ws5('link this chat to WS5', null)).text).toMatch(/^I don't recognise you/);
    expect((await linkOf(WS5_CHAT)).workstreamId).toBeNull();

    const linked = await ws5('link this chat to workstream 5');
    expect(linked.text).toMatch(/^Linked: this is now the WS5 chat \(Earlier Specialist Advice and Intervention \(Expert Support\)\)\. I'll post WS5's weekly digest and its lead's alerts here/);
    expect((await linkOf(WS5_CHAT)).workstream?.code).toBe('WS5');
    expect((await ws5('what is this chat linked to?', 'gokafor')).text).toBe('This chat is linked to WS5.');
  });

  it('answers a question without a workstream about the linked one, and says so', async () => {
    const overdue = await ws5("what's overdue?", 'gokafor');
    expect(overdue.text).toMatch(/^In WS5, 1 action is overdue\. It is EAH-05/);
    expect(overdue.text).not.toMatch(/PFA-01|EHC-01/);
    const month = await ws5("what's due this month?", 'amorgan');
    expect(month.text).toMatch(/^In WS5, /);
    expect(month.text).not.toMatch(/COM-|GOV-|PFA-/);
    const named = await ws5('what is overdue in WS2?', 'hcarr');
    expect(named.text).toMatch(/^2 actions in WS2 System Leadership/);
    // The same question in a chat linked to nothing is about the whole plan.
    const elsewhere = await bot.say("what's overdue?", { as: 'gokafor', chat: 'groupChat', conversationId: OTHER_CHAT });
    expect(elsewhere.text).toMatch(/^6 actions are overdue/);
  });

  it('moves a link: one chat per workstream, one workstream per chat', async () => {
    await bot.say('link this chat to the data and insight workstream', { as: 'swhitaker', chat: 'groupChat', conversationId: OTHER_CHAT });
    expect((await linkOf(OTHER_CHAT)).workstream?.code).toBe('WS3');
    const moved = await ws5('link this chat to WS3', 'amorgan');
    expect(moved.text).toMatch(/It is no longer WS5's chat\. It replaces the previous WS3 chat/);
    expect((await linkOf(WS5_CHAT)).workstream?.code).toBe('WS3');
    expect((await linkOf(OTHER_CHAT)).workstreamId).toBeNull();
    expect(await bot.store.db.conversationRef.count({ where: { workstream: { code: 'WS3' } } })).toBe(1);
    await ws5('link this chat to WS5');
    expect((await linkOf(WS5_CHAT)).workstream?.code).toBe('WS5');
  });

  it('posts the weekly digest to the linked chat as well as to the lead, through the outbox', async () => {
    const deps = jobDeps(bot.running.services);
    const result = await runWeeklyDigest({ now: clock.now(), period: '2026-W48' }, deps);
    expect(result.summary).toMatch(/1 to workstream chats/);
    const rows = await bot.store.db.outboxMessage.findMany({ where: { job: 'weekly-digest', kind: 'digest:WS5' }, orderBy: { recipientKey: 'asc' } });
    expect(rows.map((r) => r.recipientKey)).toEqual([`conversation:${WS5_CHAT}`, 'person:dpatel']);
    await until(() => posted(WS5_CHAT).includes("This week's digest for WS5"));
    expect(posted(WS5_CHAT)).toMatch(/Weekly digest: WS5 Earlier Specialist Advice/);
    expect((await runWeeklyDigest({ now: clock.now(), period: '2026-W48' }, deps)).queued).toBe(0);
  });

  it("posts the lead's alert for a workstream action to its chat", async () => {
    const a = await bot.store.db.action.findUniqueOrThrow({ where: { ref: 'HLT-01' } });
    const saved = await invoke(bot, {
      as: 'gokafor', verb: 'action.save',
      data: { actionId: a.id, version: a.version, status: 'off_track', dueDate: a.dueDate.toISOString().slice(0, 10), note: 'The clinic lost its lease' },
    });
    expect(saved.status).toBe(200);
    const alerts = await bot.store.db.outboxMessage.findMany({ where: { job: 'lead-alert', period: `HLT-01@v${a.version + 1}` }, orderBy: { recipientKey: 'asc' } });
    expect(alerts.map((r) => r.recipientKey)).toEqual([`conversation:${WS5_CHAT}`, 'person:dpatel']);
    await until(() => posted(WS5_CHAT).includes('marked HLT-01'));
    expect(posted(WS5_CHAT)).toMatch(/Grace Okafor marked HLT-01 "Reduce waiting times for wheelchair services" as off track \(it was at risk\)\./);
    expect(posted(WS5_CHAT)).toMatch(/Posted here because this chat is linked to WS5\./);
  });

  it('lists linked chats for admins only, and unlinks for those who may link', async () => {
    await bot.say('link this chat to the Batley cluster', { as: 'eclarke', chat: 'groupChat', conversationId: OTHER_CHAT });
    // A cluster's chat: "the next meeting" is that cluster's.
    expect((await bot.say('when is the next meeting?', { as: 'jwalker', chat: 'groupChat', conversationId: OTHER_CHAT })).text).toMatch(/^The next Batley cluster meeting is on Wednesday 25 November 2026/);
    expect((await ws5('which chats are linked?', 'dpatel')).text).toMatch(/^Only an admin can see which chats are linked/);
    const list = await ws5('which chats are linked?', 'amorgan');
    expect(list.text).toMatch(/^2 chats are linked:/);
    expect(list.text).toMatch(/: WS5$/m);
    expect(list.text).toMatch(/: the Batley cluster$/m);

    expect((await ws5('unlink this chat from the partnership')).text).toBe("This chat isn't linked to the partnership, so there is nothing to unlink. It is linked to WS5.");
    expect((await ws5('unlink this chat', 'swhitaker')).text).toBe('Only the lead of WS5 or an admin can unlink a chat from WS5.');
    expect((await ws5('unlink this chat')).text).toBe("Unlinked: this chat is no longer linked to WS5. I won't post WS5's digests and alerts here any more.");
    expect((await linkOf(WS5_CHAT)).workstreamId).toBeNull();
    expect((await ws5("what's overdue?", 'lbyrne')).text).toMatch(/^6 actions are overdue/);
    expect((await ws5('unlink this chat')).text).toBe("This chat isn't linked to anything, so there is nothing to unlink.");
    expect((await bot.say('unlink this chat', { as: 'dpatel' })).text).toMatch(/personal chat is never linked/);
  });

  it('links the partnership channel (admins, one channel) and posts the closed quarter there with the report address', async () => {
    const board = (text: string, as = 'amorgan', conversationId = BOARD) => bot.say(text, { as, chat: 'channel', conversationId });
    expect((await board('link this channel to the partnership', 'dpatel')).text).toBe('Only an admin can choose the partnership channel.');
    expect((await bot.say('link this chat to the partnership', { as: 'amorgan' })).text).toMatch(/works in a group chat or team channel/);
    await board('link this channel to the partnership', 'amorgan', SECOND_BOARD);
    const linked = await board('link this channel to the partnership');
    expect(linked.text).toMatch(/^Linked: this is now the partnership channel\. When a quarterly update round closes, I'll post the summary here with a link to the published report\. It replaces the previous partnership channel/);
    expect(await bot.store.db.conversationRef.count({ where: { partnership: true } })).toBe(1);

    const close = await runQuarterlyCycle({ now: new Date('2026-12-31T08:00:00Z'), period: '2026-12-31' }, jobDeps(bot.running.services));
    expect(close.summary).toMatch(/closed, .* and the partnership channel/);
    const row = await bot.store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'quarterly-summary', recipientKey: `conversation:${BOARD}` } });
    expect(JSON.stringify(row.payload)).not.toMatch(/Ask an admin for a copy/);
    // Queued for 31 December; the running sender's clock is still in November: let the day come.
    await bot.store.db.outboxMessage.updateMany({ where: { job: 'quarterly-cycle' }, data: { nextAttemptAt: clock.now() } });
    await until(() => posted(BOARD).includes('https://send.example.org/reports/2026-27-q3'));
    expect(posted(BOARD)).toMatch(/The full report is published at https:\/\/send\.example\.org\/reports\/2026-27-q3\./);
    expect(posted(SECOND_BOARD)).not.toMatch(/reports\/2026-27-q3/);
    // The address works: the report is public once the round closed.
    expect((await fetch(`${bot.url}/reports/2026-27-q3`)).status).toBe(200);
    // Leads and admins have the address too.
    const lead = await bot.store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'quarterly-summary', recipientKey: 'person:dpatel' } });
    expect(JSON.stringify(lead.payload)).toMatch(/https:\/\/send\.example\.org\/reports\/2026-27-q3/);

    expect((await board('unlink this channel from the partnership', 'dpatel')).text).toBe('Only an admin can unlink the partnership channel.');
    expect((await board('unlink this channel from the partnership')).text).toBe("Unlinked: this chat is no longer linked to the partnership. I won't post quarterly summaries here any more.");
    expect(await bot.store.db.conversationRef.count({ where: { partnership: true } })).toBe(0);
  });
});
