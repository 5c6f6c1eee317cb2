// An Experts at Hand request from open to close through /api/messages with the real adapter and
// the connector stub, on both stores: the pool card goes to the pool channel, only experts of the
// specialism pick it up, the requester is told each step, and every step is an event.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestStore, describeEachStore } from '../support/store.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { buttonTitles, cardProblems, cardsOf, inputValue, invoke } from '../clusters/helpers.js';

describeEachStore('Experts at Hand request life cycle', (kind) => {
  let bot: TestBot;
  const POOL = '19:salt-pool@thread.tacv2';
  let requestId = 0;
  let settingId = '';

  const outbox = (where: Record<string, unknown> = {}) => bot.store.db.outboxMessage.findMany({ where: { job: 'experts-at-hand', ...where }, orderBy: { id: 'asc' } });
  const request = () => bot.store.db.expertRequest.findUniqueOrThrow({ where: { id: requestId }, include: { assignee: true } });
  const version = async () => (await request()).version;

  beforeAll(async () => {
    bot = await startTestBot(await createTestStore(kind), { env: { DEMO_DATA: '1' } });
    await bot.store.db.person.create({ data: { key: 'sjones', name: 'Sam Jones', roles: ['expert'], specialism: 'speech_and_language', jobTitle: 'Speech and Language Therapist', aadObjectId: '6f1c2a10-0099-4a6e-9c1a-000000000099' } });
    settingId = String((await bot.store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
  });
  afterAll(async () => { await bot?.close(); });

  it('lets only an admin link a channel to a specialism pool', async () => {
    const refused = await bot.say('link this channel to the speech and language pool', { as: 'mreid', chat: 'channel', conversationId: POOL });
    expect(refused.text).toBe('Only an admin can choose the channel for an Experts at Hand pool.');
    const linked = await bot.say('link this channel to the speech and language pool', { as: 'amorgan', chat: 'channel', conversationId: POOL });
    expect(linked.text).toContain('Linked: this is now the speech and language therapy pool.');
    expect((await bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: POOL } })).poolSpecialism).toBe('speech_and_language');
  });

  it('opens a request from chat: the form preselects the setting and specialism', async () => {
    const reply = await bot.say('I need advice from a speech and language therapist', { as: 'eclarke' });
    const form = cardsOf(reply.activities)[0]!;
    expect(cardProblems(form)).toEqual([]);
    expect(inputValue(form, 'settingId')).toBe(settingId);
    expect(inputValue(form, 'specialism')).toBe('speech_and_language');
    expect(reply.text).toContain('Oakfield Primary School (primary, Batley)');
    const nobody = await bot.say('new Experts at Hand request', { as: 'mreid' });
    expect(nobody.text).toMatch(/you're not down as the SENCO of one/);

    const opened = await invoke(bot, { as: 'eclarke', verb: 'expert.open', data: {
      settingId, specialism: 'speech_and_language', kind: 'tailored_guidance',
      summary: 'Year 1 class: several children with unclear speech sounds. We would like screening advice and classroom strategies.',
    } });
    expect(opened.text).toContain('Sent: EAH-R-0004 has gone to the speech and language therapy pool channel.');
    expect(opened.text).toContain('First response due');
    expect(opened.text).toContain('Wednesday 25 November 2026'); // opened Sunday 22 November: Mon, Tue, Wed
    expect(buttonTitles(opened.card!)).toEqual(['Close']);
    expect(cardProblems(opened.card!)).toEqual([]);
    const row = await bot.store.db.expertRequest.findUniqueOrThrow({ where: { ref: 'EAH-R-0004' } });
    requestId = row.id;
    expect(row).toMatchObject({ status: 'new', specialism: 'speech_and_language', kind: 'tailored_guidance', version: 1 });

    const [pool] = await outbox({ kind: 'new-request' });
    expect(pool).toMatchObject({ conversationId: POOL, period: 'EAH-R-0004', recipientKey: `conversation:${POOL}` });
    const poolCard = (pool!.payload as { cards: Array<Record<string, unknown>> }).cards[0]!;
    expect(cardProblems(poolCard)).toEqual([]);
    expect(buttonTitles(poolCard)).toEqual(['Pick this up', 'Close']);
    expect((poolCard.refresh as { userIds?: string[] }).userIds).toBeDefined(); // a channel: refresh for the people who matter
  });

  it('lets only an expert of that specialism pick it up, and tells the requester who has it', async () => {
    for (const as of ['cbarnes', 'fali', 'eclarke', 'amorgan', null]) {
      const refused = await invoke(bot, { as, chat: 'channel', conversationId: POOL, verb: 'expert.claim', data: { requestId, version: 1 } });
      expect(refused.status).toBe(200);
      expect(refused.text).toMatch(/only experts of that specialism|Only speech and language therapists|don't recognise you/);
    }
    expect((await request()).status).toBe('new');

    const before = bot.connector.for(POOL).length;
    const [a, b] = await Promise.all([
      invoke(bot, { as: 'mreid', chat: 'channel', conversationId: POOL, verb: 'expert.claim', data: { requestId, version: 1 }, replyToId: 'pool-card-1' }),
      invoke(bot, { as: 'sjones', chat: 'channel', conversationId: POOL, verb: 'expert.claim', data: { requestId, version: 1 }, replyToId: 'pool-card-1' }),
    ]);
    const winner = a.text.includes('You have picked up EAH-R-0004') ? 'mreid' : 'sjones';
    const [won, lost] = winner === 'mreid' ? [a, b] : [b, a];
    expect(won.text).toContain("You have picked up EAH-R-0004. I've told Emma Clarke.");
    expect(lost.text).toMatch(/has already picked up EAH-R-0004|changed a moment ago/);
    const row = await request();
    expect(row).toMatchObject({ status: 'assigned', version: 2 });
    expect(row.assignee?.key).toBe(winner);
    expect(row.firstResponseAt).not.toBeNull();
    const updates = bot.connector.for(POOL).slice(before).filter((s) => s.method === 'PUT');
    expect(updates).toHaveLength(1);
    expect(cardProblems(cardsOf([updates[0]!.body])[0]!)).toEqual([]);

    // The rest of the life cycle runs as Marcus Reid: hand it over if Sam Jones won the race.
    if (winner !== 'mreid') {
      const mreid = await bot.store.db.person.findUniqueOrThrow({ where: { key: 'mreid' } });
      await bot.store.db.expertRequest.update({ where: { id: requestId }, data: { assigneeId: mreid.id } });
    }
    const told = await outbox({ kind: 'claimed' });
    expect(told).toHaveLength(1);
    expect(told[0]!.recipientKey).toBe('person:eclarke');
    expect((told[0]!.payload as { text: string }).text).toMatch(/(Marcus Reid|Sam Jones) \(Speech and Language Therapist\) has picked up your Experts at Hand request EAH-R-0004/);
  });

  it('lets the expert who has it answer with a visit offered, and tells the requester', async () => {
    const v = await version();
    const other = await invoke(bot, { as: 'sjones', verb: 'expert.answer', data: { requestId, version: v, answerKind: 'advice', answerText: 'Some advice here.' } });
    expect(other.text).toMatch(/Marcus Reid has EAH-R-0004; only they can answer it/);
    const requester = await invoke(bot, { as: 'eclarke', verb: 'expert.answer', data: { requestId, version: v, answerKind: 'advice', answerText: 'Some advice here.' } });
    expect(requester.text).toMatch(/Only the speech and language therapist who picked up EAH-R-0004 can answer it/);
    const noDate = await invoke(bot, { as: 'mreid', verb: 'expert.answer', data: { requestId, version: v, answerKind: 'visit', answerText: 'Happy to come in.' } });
    expect(noDate.text).toContain('Give the date of the visit you are offering.');
    expect(inputValue(noDate.card!, 'answerText')).toBe('Happy to come in.');

    const answered = await invoke(bot, { as: 'mreid', chat: 'channel', conversationId: POOL, verb: 'expert.answer', data: { requestId, version: v, answerKind: 'visit', answerDate: '2026-11-30', answerTime: '10:00', answerText: 'I will observe phonics and share a screening tool.' } });
    expect(answered.text).toContain('Answer sent to Emma Clarke.');
    expect(answered.text).toContain('Visit offered: Monday 30 November 2026 at 10:00. I will observe phonics and share a screening tool.');
    expect(cardProblems(answered.card!)).toEqual([]);
    expect(await request()).toMatchObject({ status: 'answered', version: v + 1 });
    const told = await outbox({ kind: { startsWith: 'answered' } });
    expect(told).toHaveLength(1);
    expect((told[0]!.payload as { text: string }).text).toMatch(/^Marcus Reid has answered your Experts at Hand request EAH-R-0004: Visit offered: Monday 30 November 2026 at 10:00/);
    const card = (told[0]!.payload as { cards: Array<Record<string, unknown>> }).cards[0]!;
    expect(buttonTitles(card)).toEqual(['Close']);
  });

  it('refuses a stale card, a stranger closing it, and an empty outcome; then the requester closes it with an outcome', async () => {
    const v = await version();
    const stale = await invoke(bot, { as: 'eclarke', verb: 'expert.close', data: { requestId, version: v - 1, outcome: 'Done.' } });
    expect(stale.text).toContain('This request changed since your card was shown.');
    const stranger = await invoke(bot, { as: 'jwalker', verb: 'expert.close', data: { requestId, version: v, outcome: 'Done.' } });
    expect(stranger.text).toContain('Only the person who asked for EAH-R-0004, or the expert who has it, can close it.');
    const empty = await invoke(bot, { as: 'eclarke', verb: 'expert.close', data: { requestId, version: v, outcome: '' } });
    expect(empty.text).toMatch(/Say in a few words how it ended/);
    expect((await request()).status).toBe('answered');

    const closed = await invoke(bot, { as: 'eclarke', verb: 'expert.close', data: { requestId, version: v, outcome: 'Screening done; two small-group sessions a week in place. Review at the spring meeting.' } });
    expect(closed.text).toContain('EAH-R-0004 is closed. Thank you.');
    expect(buttonTitles(closed.card!)).toEqual([]);
    const row = await request();
    expect(row).toMatchObject({ status: 'closed', outcome: 'Screening done; two small-group sessions a week in place. Review at the spring meeting.' });
    expect(row.closedAt).not.toBeNull();
    const told = await outbox({ kind: 'closed' });
    expect(told.map((m) => m.recipientKey)).toEqual(['person:mreid']);
    const again = await invoke(bot, { as: 'mreid', verb: 'expert.close', data: { requestId, version: row.version, outcome: 'Again' } });
    expect(again.text).toContain('EAH-R-0004 is already closed.');

    const events = await bot.store.db.expertRequestEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' }, include: { actor: true } });
    expect(events.map((e) => [e.kind, e.actor?.key])).toEqual([['created', 'eclarke'], ['claimed', expect.any(String)], ['answered', 'mreid'], ['closed', 'eclarke']]);
  });

  it('answers an automatic refresh with the viewer\'s card and never edits the shared message', async () => {
    const before = bot.connector.for(POOL).length;
    const asExpert = await invoke(bot, { as: 'sjones', chat: 'channel', conversationId: POOL, verb: 'expert.refresh', data: { requestId }, trigger: 'automatic' });
    expect(asExpert.text).toContain('EAH-R-0004: Speech and language therapy');
    expect(asExpert.text).toContain('Outcome');
    expect(bot.connector.for(POOL).length).toBe(before);
  });

  it('opens from a meeting card and goes back to it', async () => {
    const meeting = await bot.store.db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'KR2' } } });
    const form = await invoke(bot, { as: 'btaylor', chat: 'groupChat', verb: 'expert.start', data: { meetingId: meeting.id } });
    expect(cardProblems(form.card!)).toEqual([]);
    expect(buttonTitles(form.card!)).toEqual(['Send to Experts at Hand', 'Back to the meeting']);
    const opened = await invoke(bot, { as: 'btaylor', chat: 'groupChat', verb: 'expert.open', data: {
      meetingId: meeting.id, settingId: String((await bot.store.db.setting.findUniqueOrThrow({ where: { name: 'Valley Head High School' } })).id),
      specialism: 'educational_psychology', kind: 'strategic_advice', summary: 'Whole-school approach to emotionally based school avoidance in Key Stage 4.',
    } });
    expect(opened.text).toContain('Sent: EAH-R-0005 has gone to the educational psychology experts.');
    // No pool channel for educational psychology: each educational psychologist is told personally.
    expect((await outbox({ period: 'EAH-R-0005' })).map((m) => m.recipientKey)).toEqual(['person:cbarnes']);
  });

  it('lists "my requests", "open requests for …" and "Experts at Hand this term"', async () => {
    const mine = await bot.say('my requests', { as: 'eclarke' });
    expect(mine.text).toContain('Your Experts at Hand requests (2):');
    expect(mine.text).toContain('EAH-R-0004: speech and language therapy, tailored guidance, closed, opened 22 November 2026');
    expect(mine.text).toContain('EAH-R-0001: speech and language therapy, tailored guidance, answered by Marcus Reid, opened 10 November 2026');
    const expert = await bot.say('my requests', { as: 'mreid' });
    expect(expert.text).toContain('Requests you have picked up (2):');

    const open = await bot.say('open requests for educational psychology', { as: 'cbarnes' });
    expect(open.text).toContain('Open Experts at Hand requests for educational psychology (2):');
    expect(open.text).toMatch(/EAH-R-0002: educational psychology, strategic advice, Riverside Academy \(Dewsbury North\), picked up by Chloe Barnes/);
    expect(open.text).not.toContain('EAH-R-0004');
    const ot = await bot.say('open requests for OT', { as: 'amorgan' });
    expect(ot.text).toContain('EAH-R-0003');

    const term = await bot.say('Experts at Hand this term', { as: 'dpatel' });
    expect(term.text).toContain('Experts at Hand, autumn term 2026 (1 September to 31 December 2026): 5 requests.');
    expect(term.text).toContain('By cluster: Batley 2, Holme Valley 2, Dewsbury North 1');
    expect(term.text).toContain('By specialism: educational psychology 2, speech and language therapy 2, occupational therapy 1');
    expect(term.text).toMatch(/By kind of support: .*strategic advice 2.*tailored guidance 2.*whole-setting support 1/);
    expect(term.text).toMatch(/Median time to first response: .+ \(over 3 requests picked up\)/);
  });
});
