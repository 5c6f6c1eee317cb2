// An expert's own view of a request nobody has picked up always offers "Pick this up": in the
// notice they are sent, in every list of requests they see, and after their card refreshes.
// Through /api/messages with the real adapter and the connector stub, on both stores.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestStore, describeEachStore } from '../support/store.js';
import { startTestBot, type Reply, type TestBot } from '../support/bot.js';
import { buttonTitles, cardProblems, cardsOf, invoke } from '../clusters/helpers.js';

const PICK_UP = 'Pick this up';

describeEachStore('Experts at Hand: Pick up offered to the expert', (kind) => {
  let bot: TestBot;
  let requestId = 0;
  let ref = '';

  /** The cards of a reply that are about this request, with their buttons. */
  const cardsAbout = (reply: Reply) => cardsOf(reply.activities).filter((c) => JSON.stringify(c).includes(`"requestId":${requestId}`));

  beforeAll(async () => {
    bot = await startTestBot(await createTestStore(kind), { env: { DEMO_DATA: '1' } });
    await bot.store.db.person.create({ data: { key: 'sjones', name: 'Sam Jones', roles: ['expert'], specialism: 'speech_and_language', jobTitle: 'Speech and Language Therapist', aadObjectId: '6f1c2a10-0099-4a6e-9c1a-000000000098' } });
    const settingId = String((await bot.store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
    const opened = await invoke(bot, { as: 'eclarke', verb: 'expert.open', data: {
      settingId, specialism: 'speech_and_language', kind: 'tailored_guidance', summary: 'Reception class: advice on language screening and small-group work, please.',
    } });
    expect(opened.text).toContain('has gone to the speech and language therapy experts');
    const row = await bot.store.db.expertRequest.findFirstOrThrow({ where: { status: 'new', specialism: 'speech_and_language' }, orderBy: { id: 'desc' } });
    requestId = row.id;
    ref = row.ref;
  });
  afterAll(async () => { await bot?.close(); });

  it('offers it in the notice each expert of the specialism is sent', async () => {
    const notices = await bot.store.db.outboxMessage.findMany({ where: { job: 'experts-at-hand', period: ref, kind: 'new-request' }, orderBy: { recipientKey: 'asc' } });
    expect(notices.map((n) => n.recipientKey)).toEqual(['person:mreid', 'person:sjones']);
    for (const n of notices) {
      const card = (n.payload as { cards: Array<Record<string, unknown>> }).cards[0]!;
      expect(buttonTitles(card)).toContain(PICK_UP);
      expect(cardProblems(card)).toEqual([]);
    }
  });

  it('offers it after the notice refreshes in the expert\'s chat, and not to the requester', async () => {
    for (const trigger of ['automatic', 'manual'] as const) {
      const mine = await invoke(bot, { as: 'sjones', verb: 'expert.refresh', data: { requestId }, trigger });
      expect(buttonTitles(mine.card!)).toEqual([PICK_UP]);
    }
    const requester = await invoke(bot, { as: 'eclarke', verb: 'expert.refresh', data: { requestId }, trigger: 'automatic' });
    expect(buttonTitles(requester.card!)).not.toContain(PICK_UP);
  });

  it('offers it in the list of open requests the expert asks for', async () => {
    for (const text of ['open requests', 'open requests for speech and language therapy', 'unclaimed requests']) {
      const reply = await bot.say(text, { as: 'sjones' });
      expect(reply.text).toContain(ref);
      const cards = cardsAbout(reply);
      expect(cards.length, text).toBe(1);
      expect(buttonTitles(cards[0]!)).toContain(PICK_UP);
      expect(cardProblems(cards[0]!)).toEqual([]);
    }
    // Someone who may not pick it up sees the list without the button.
    const sendco = await bot.say('open requests for speech and language therapy', { as: 'eclarke' });
    expect(sendco.text).toContain(ref);
    expect(cardsAbout(sendco).flatMap(buttonTitles)).not.toContain(PICK_UP);
  });

  it('offers it when the expert asks for their own requests', async () => {
    const reply = await bot.say('my requests', { as: 'sjones' });
    expect(reply.text).toContain(ref);
    const cards = cardsAbout(reply);
    expect(cards.length).toBe(1);
    expect(buttonTitles(cards[0]!)).toContain(PICK_UP);
  });

  it('offers it when the expert asks about the request by its reference', async () => {
    const reply = await bot.say(`What's the status of ${ref}?`, { as: 'sjones' });
    expect(reply.text).toContain(`${ref} is new`);
    const card = cardsOf(reply.activities)[0]!;
    expect(buttonTitles(card)).toContain(PICK_UP);
    expect(cardProblems(card)).toEqual([]);
    const requester = await bot.say(`What's the status of ${ref}?`, { as: 'eclarke' });
    expect(cardsOf(requester.activities).flatMap(buttonTitles)).not.toContain(PICK_UP);
  });

  it('no longer offers it once another expert has it', async () => {
    const claimed = await invoke(bot, { as: 'mreid', verb: 'expert.claim', data: { requestId, version: 1 } });
    expect(claimed.text).toContain(`You have picked up ${ref}`);
    const refreshed = await invoke(bot, { as: 'sjones', verb: 'expert.refresh', data: { requestId }, trigger: 'automatic' });
    expect(buttonTitles(refreshed.card!)).not.toContain(PICK_UP);
    const list = await bot.say('open requests', { as: 'sjones' });
    expect(cardsAbout(list).flatMap(buttonTitles)).not.toContain(PICK_UP);
    const asked = await bot.say(`What's the status of ${ref}?`, { as: 'sjones' });
    expect(cardsOf(asked.activities).flatMap(buttonTitles)).not.toContain(PICK_UP);
  });
});
