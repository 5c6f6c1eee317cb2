// The message extension over the real edge: compose-box search and link previews, answered in the
// invoke's body with read-only cards. Cases from what people type in a search box.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSearchCommand } from '../../src/cli/playground-manifest.js';
import { SEARCH_COMMAND, SEARCH_PARAMETER } from '../../src/teams/routes/compose.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

interface ComposeBody { composeExtension?: { type: string; attachmentLayout: string; attachments: { contentType: string; content: Record<string, unknown>; preview: { content: { title: string; text: string } } }[] } }

describeEachStore('message extension', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    bot = await startTestBot(store, { env: { DEMO_DATA: '1' } });
  });
  afterAll(async () => { await bot.close(); });

  async function search(query: unknown, as: string | null = 'oprice', extra: Record<string, unknown> = {}) {
    const act = await bot.activity({ as, chat: 'groupChat' });
    const res = await bot.post({ ...act, type: 'invoke', name: 'composeExtension/query', value: { commandId: 'searchActions', parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 10 }, ...extra } });
    expect(res.status).toBe(200);
    return (JSON.parse(res.body) as ComposeBody).composeExtension!;
  }
  const titles = (r: Awaited<ReturnType<typeof search>>) => r.attachments.map((a) => a.preview.content.title);

  it('finds an action by a loose reference, read-only (no Update button)', async () => {
    const r = await search('com 6');
    expect(r.type).toBe('result');
    expect(titles(r)).toHaveLength(1);
    expect(titles(r)[0]).toMatch(/^COM-06 /);
    // The list line says the status and the due date, then how late, then the owner.
    expect(r.attachments[0]!.preview.content.text).toBe('off track, due 14 November 2026 (8 days late) · Owen Price');
    expect(JSON.stringify(r.attachments[0]!.content)).not.toMatch(/Action\.Execute/);
  });

  it('finds actions by words of a title, and by a word spelt nearly right', async () => {
    const news = await search('newsletter');
    expect(titles(news).some((t) => t.startsWith('COM-03'))).toBe(true);
    // Not late: the due date alone, with no count of days.
    const com03 = news.attachments.find((a) => a.preview.content.title.startsWith('COM-03'))!;
    expect(com03.preview.content.text).toMatch(/^[a-z ]+, due \d{1,2} [A-Z][a-z]+ 2026 · /);
    expect(titles(await search('NEWSLETER')).some((t) => t.startsWith('COM-03'))).toBe(true);
  });

  it('with nothing typed, shows the asker\'s own open actions first; a visitor sees the plan\'s most urgent', async () => {
    const mine = await search('');
    expect(mine.attachments.length).toBeGreaterThan(0);
    for (const a of mine.attachments) expect(a.preview.content.text).toMatch(/Owen Price$/);
    expect((await search('', null)).attachments.length).toBeGreaterThan(0);
  });

  it('bad input is an empty result or a search of what could be read, never an error', async () => {
    expect((await search('zzqxv')).attachments).toEqual([]);
    expect((await search(42)).attachments.length).toBeGreaterThan(0);
    expect((await search('x'.repeat(50_000))).attachments).toEqual([]);
    const act = await bot.activity({ as: 'oprice' });
    const res = await bot.post({ ...act, type: 'invoke', name: 'composeExtension/query', value: null });
    expect(res.status).toBe(200);
  });

  it('a title with markup is shown as text in the preview', async () => {
    await bot.store.db.action.update({ where: { ref: 'COM-06' }, data: { title: 'Hold **events** [here](https://evil.example)' } });
    const r = await search('com-06');
    expect(titles(r)[0]).not.toMatch(/\*\*events\*\*/);
    expect(titles(r)[0]).toMatch(/events/);
  });

  it('previews a link to a public action page; other links get nothing', async () => {
    const preview = async (url: string) => {
      const act = await bot.activity({ as: 'oprice', chat: 'groupChat' });
      const res = await bot.post({ ...act, type: 'invoke', name: 'composeExtension/queryLink', value: { url } });
      expect(res.status).toBe(200);
      return (JSON.parse(res.body) as ComposeBody).composeExtension!;
    };
    expect(titles(await preview('https://send-bot.example.org/plan/actions/DAT-04'))[0]).toMatch(/^DAT-04 /);
    expect(titles(await preview('https://send-bot.example.org/plan/actions/NOPE-1'))).toEqual([]);
    expect(titles(await preview('https://send-bot.example.org/reports'))).toEqual([]);
    expect(titles(await preview('not a url'))).toEqual([]);
  });
});

describe('the manifest\'s search command', () => {
  it('is the one the bot answers, with the parameter it reads (the Playground is told these by hand)', () => {
    expect(manifestSearchCommand()).toEqual({ id: SEARCH_COMMAND, parameter: SEARCH_PARAMETER });
  });

  it('a manifest without one is an error that names the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      const file = path.join(dir, 'manifest.json');
      fs.writeFileSync(file, JSON.stringify({ composeExtensions: [{ commands: [{ id: 'x', type: 'action' }] }] }));
      expect(() => manifestSearchCommand(file)).toThrow(/manifest\.json declares no search command/);
      fs.writeFileSync(file, JSON.stringify({ name: 'no extensions' }));
      expect(() => manifestSearchCommand(file)).toThrow(/no search command/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
