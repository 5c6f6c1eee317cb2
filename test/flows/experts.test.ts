// Experts at Hand flows without an adapter: commands read from text, the form, opening a request
// and taking its steps, over the repositories of an embedded store and a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExpertCommand } from '../../src/flows/experts/commands.js';
import type { CardReply } from '../../src/flows/groups.js';
import { buttons, cardText, flowWorld, type FlowWorld } from './group-support.js';

describe('Experts at Hand commands', () => {
  it('reads each command and its specialism', () => {
    expect(parseExpertCommand('I need advice from a speech and language therapist')).toEqual({ kind: 'form', specialism: 'speech_and_language' });
    expect(parseExpertCommand('new Experts at Hand request')).toEqual({ kind: 'form' });
    expect(parseExpertCommand('my requests')).toEqual({ kind: 'my-requests' });
    expect(parseExpertCommand('open requests for educational psychology')).toEqual({ kind: 'open-requests', phrase: 'educational psychology' });
    expect(parseExpertCommand('unclaimed requests')).toEqual({ kind: 'open-requests', waitingOnly: true });
    expect(parseExpertCommand('Experts at Hand this term')).toEqual({ kind: 'term-stats' });
  });

  it('reads them however they are typed: capitals, curly apostrophes, extra spaces, closing marks', () => {
    expect(parseExpertCommand('I’d like some help from an OT!')).toEqual({ kind: 'form', specialism: 'occupational_therapy' });
    expect(parseExpertCommand('  We  need   advice from the educational psychologist.  ')).toEqual({ kind: 'form', specialism: 'educational_psychology' });
    expect(parseExpertCommand('NEW EXPERTS AT HAND REQUEST!!')).toEqual({ kind: 'form' });
    expect(parseExpertCommand('My requests?')).toEqual({ kind: 'my-requests' });
    expect(parseExpertCommand('show my requests...')).toEqual({ kind: 'my-requests' });
    expect(parseExpertCommand('Open requests for  Speech and Language?')).toEqual({ kind: 'open-requests', phrase: 'Speech and Language' });
  });

  it('leaves questions and other commands alone', () => {
    for (const text of ["What's the status of EAH-R-0001?", 'next Batley meeting', 'link this chat to Batley', 'link this channel to the OT pool', 'I need advice from a plumber', 'update COM-06']) {
      expect(parseExpertCommand(text), text).toBeUndefined();
    }
  });
});

describe('Experts at Hand flows', () => {
  let w: FlowWorld;
  let settingId = '';
  beforeAll(async () => {
    w = await flowWorld();
    settingId = String((await w.store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
  });
  afterAll(async () => { await w?.store.close(); });

  const cardOf = (reply: CardReply) => {
    if (!('card' in reply)) throw new Error(`a message, not a card: ${reply.message}`);
    return reply.card;
  };
  const summary = 'Year 1 class: several pupils with unclear speech sounds. We would like screening advice and classroom strategies.';

  it('gives the form only to someone with a setting', async () => {
    expect((await w.flows.chat('new Experts at Hand request', await w.viewer('mreid')))!.text).toMatch(/you're not down as the SENCO of one/);
    const form = (await w.flows.chat('I need advice from a speech and language therapist', await w.viewer('eclarke')))!;
    expect(form.text).toContain("Here's a request for speech and language therapy.");
    expect(form.cards).toHaveLength(1);
    expect((await w.flows.chat('my requests', await w.viewer(null)))!.text).toContain("I don't recognise you");
  });

  it('refuses a summary naming a child, keeps what was typed, and stores nothing', async () => {
    const before = await w.store.db.expertRequest.count();
    const reply = await w.flows.requests.open(await w.viewer('eclarke'), { settingId, specialism: 'speech_and_language', kind: 'tailored_guidance', summary: 'Jack Smith in Year 4 struggles with his speech.' });
    const card = cardOf(reply);
    expect(cardText(card)).toContain('Jack Smith in Year 4');
    expect(await w.store.db.expertRequest.count()).toBe(before);
    expect('shared' in reply).toBe(false);
  });

  it('opens a request, tells the experts, and lets only an expert of the specialism pick it up', async () => {
    const opened = cardOf(await w.flows.requests.open(await w.viewer('eclarke'), { settingId, specialism: 'speech_and_language', kind: 'tailored_guidance', summary }));
    expect(cardText(opened)).toContain('Sent: EAH-R-0004 has gone to the speech and language therapy experts.');
    expect(buttons(opened)).toEqual(['Close']);
    const row = await w.store.db.expertRequest.findUniqueOrThrow({ where: { ref: 'EAH-R-0004' } });
    const told = await w.store.db.outboxMessage.findMany({ where: { job: 'experts-at-hand', period: 'EAH-R-0004' } });
    expect(told.map((m) => m.recipientKey)).toEqual(['person:mreid']);

    const wrong = cardOf(await w.flows.requests.step('claim', await w.viewer('cbarnes'), { requestId: row.id, version: 1 }));
    expect(cardText(wrong)).toContain('only experts of that specialism can pick it up');
    const stale = cardOf(await w.flows.requests.step('claim', await w.viewer('mreid'), { requestId: row.id, version: 7 }));
    expect(cardText(stale)).toContain('This request changed since your card was shown.');

    const claimed = await w.flows.requests.step('claim', await w.viewer('mreid'), { requestId: row.id, version: 1 });
    expect(cardText(cardOf(claimed))).toContain("You have picked up EAH-R-0004. I've told Emma Clarke.");
    expect('shared' in claimed && claimed.shared).toBeTruthy();
    expect(await w.store.db.expertRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'assigned', version: 2 });
  });

  it('offers the expert a card to pick up each waiting request in the lists they see, and nobody else', async () => {
    const waiting = cardOf(await w.flows.requests.open(await w.viewer('eclarke'), { settingId, specialism: 'speech_and_language', kind: 'strategic_advice', summary }));
    expect(cardText(waiting)).toContain('EAH-R-0005');
    for (const text of ['open requests', 'my requests']) {
      const reply = (await w.flows.chat(text, await w.viewer('mreid')))!;
      expect(reply.text, text).toContain('EAH-R-0005');
      expect(reply.cards.map(buttons), text).toEqual([['Pick this up']]);
    }
    expect((await w.flows.chat('open requests for speech and language', await w.viewer('eclarke')))!.cards).toEqual([]);
    expect((await w.flows.chat('open requests for speech and language', await w.viewer('cbarnes')))!.cards).toEqual([]);
  });

  it('answers a card for a request that is gone with a message', async () => {
    expect(await w.flows.requests.refresh(await w.viewer('mreid'), { requestId: 99_999 })).toEqual({ message: "I can't find that request any more." });
    expect(await w.flows.requests.refresh(await w.viewer('mreid'), { requestId: { toString: 'x' } })).toEqual({ message: "I can't find that request any more." });
  });
});
