// "Add to calendar" end to end, on both stores: a meeting card posted through /api/messages
// carries the signed link, and the bot serves the file at it, to nobody without the signature.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const PUBLIC_URL = 'https://send-bot.example.org';

/** Every Action.OpenUrl address in the cards the bot sent. */
function openUrls(activities: Record<string, unknown>[]): string[] {
  const urls: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.OpenUrl' && typeof o.url === 'string' && o.title === 'Add to calendar') urls.push(o.url);
    Object.values(o).forEach(walk);
  };
  walk(activities);
  return urls;
}

describeEachStore('Add to calendar', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot(await createTestStore(kind), { env: { DEMO_DATA: '1', PUBLIC_URL, LINK_SECRET: 'a-test-secret-of-at-least-32-characters' } });
  });
  afterAll(async () => { await bot?.close(); });

  it('puts a signed link on the meeting card, serves the meeting at it, and refuses altered links', async () => {
    const reply = await bot.say('link this chat to Batley', { as: 'eclarke', chat: 'groupChat', conversationId: '19:batley-calendar@thread.v2' });
    const [link] = openUrls(reply.activities);
    expect(link).toMatch(/^https:\/\/send-bot\.example\.org\/calendar\/meetings\/\d+\.ics\?sig=[\w-]{32}$/);
    const local = (url: string) => url.replace(PUBLIC_URL, bot.url);

    const res = await fetch(local(link!));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Batley cluster SENCO meeting');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261125T133000');

    const id = Number(/meetings\/(\d+)\.ics/.exec(link!)![1]);
    const sig = new URL(link!).searchParams.get('sig')!;
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      `/calendar/meetings/${id}.ics`, `/calendar/meetings/${id}.ics?sig=${flipped}`, `/calendar/meetings/${id + 1}.ics?sig=${sig}`,
      `/calendar/meetings/999999.ics?sig=${sig}`, `/calendar/meetings/${id}?sig=${sig}`, `/calendar/meetings/..%2F${id}.ics?sig=${sig}`,
      `/calendar/meetings/${id}.ics?sig=${'x'.repeat(2000)}`,
    ]) {
      const r = await fetch(`${bot.url}${bad}`);
      expect(r.status, bad).toBe(404);
      expect(await r.text(), bad).toMatch(/not valid/);
    }
  });
});
