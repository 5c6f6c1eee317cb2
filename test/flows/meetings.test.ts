// Cluster meeting flows without an adapter: commands read from text, linking a chat, RSVP and
// agenda items, over the repositories of an embedded store and a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMeetingCommand } from '../../src/flows/meetings/commands.js';
import type { CardReply } from '../../src/flows/groups.js';
import { cardText, flowWorld, type FlowWorld } from './group-support.js';

describe('cluster meeting commands', () => {
  it('reads a request for the schedule form', () => {
    expect(parseMeetingCommand('Please schedule a cluster meeting.')).toEqual({ kind: 'schedule-form' });
  });

  it('reads it however it is typed: capitals, extra spaces, closing marks', () => {
    expect(parseMeetingCommand('schedule the next meeting for Batley cluster!')).toEqual({ kind: 'schedule-form' });
    expect(parseMeetingCommand('  Arrange a new SENCO meeting?  ')).toEqual({ kind: 'schedule-form' });
  });

  it('reads a request for my follow-ups', () => {
    for (const text of ['my follow-ups', 'What follow-ups do I have?', 'show me my meeting follow ups', 'which followups are mine', 'List my open follow-ups.']) {
      expect(parseMeetingCommand(text), text).toEqual({ kind: 'my-follow-ups' });
    }
    expect(parseMeetingCommand('my follow-ups for COM-06 are late')).toBeUndefined();
  });

  it('leaves read-only meeting questions to src/ask, and every link (clusters too) to src/flows/links', () => {
    for (const text of ['next Batley meeting', 'When is the next Batley cluster meeting?', 'meetings this month', 'add meeting notes', 'link this chat to the Batley cluster', 'link this channel to WS5', 'link this channel to the speech and language pool']) {
      expect(parseMeetingCommand(text), text).toBeUndefined();
    }
  });
});

describe('cluster meeting flows', () => {
  let w: FlowWorld;
  let meetingId = 0;
  beforeAll(async () => {
    w = await flowWorld();
    meetingId = (await w.store.db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'BS1' } } })).id;
  });
  afterAll(async () => { await w?.store.close(); });

  const cardOf = (reply: CardReply) => {
    if (!('card' in reply)) throw new Error(`a message, not a card: ${reply.message}`);
    return reply.card;
  };

  it('links a chat only where it is said, for a cluster it can name', async () => {
    expect((await w.flows.chat('link this chat to Batley', await w.viewer('eclarke')))!.text).toContain("Say this in the cluster's group chat");
    await w.store.db.conversationRef.create({ data: { conversationId: '19:batley@thread.v2', kind: 'groupChat', serviceUrl: 'https://example.invalid', reference: {} } });
    const where = { conversationKind: 'groupChat' as const, conversationId: '19:batley@thread.v2' };
    expect((await w.flows.chat('link this chat to Narnia', await w.viewer('eclarke', where)))!.text).toContain('I don\'t know a cluster or workstream called "Narnia"');
    const linked = (await w.flows.chat('link this chat to Batley', await w.viewer('eclarke', where)))!;
    expect(linked.text).toContain('Linked: this is now the Batley cluster chat.');
    expect(linked.cards).toHaveLength(1);
    expect((await w.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: '19:batley@thread.v2' } })).clusterId).not.toBeNull();
  });

  it('offers the schedule form only to chairs and admins', async () => {
    expect((await w.flows.chat('schedule a cluster meeting', await w.viewer('fali')))!.text).toBe('Only cluster chairs and admins can schedule cluster meetings.');
    expect((await w.flows.chat('schedule a cluster meeting', await w.viewer('eclarke')))!.cards).toHaveLength(1);
  });

  it('records a reply and returns the shared card; a bad reply changes nothing', async () => {
    const bad = await w.flows.meetings.rsvp(await w.viewer('jwalker'), { meetingId, response: ['attending'] });
    expect(cardText(cardOf(bad))).toContain("Choose attending, can't make it or maybe.");
    expect(await w.store.db.meetingResponse.count({ where: { meetingId } })).toBe(0);
    const ok = await w.flows.meetings.rsvp(await w.viewer('jwalker'), { meetingId, response: 'attending' });
    expect(cardText(cardOf(ok))).toContain("Thanks, James Walker: you're down as attending.");
    expect('shared' in ok && ok.shared).toBeTruthy();
  });

  it('refuses an agenda item naming a child and keeps the agenda as it was', async () => {
    const before = (await w.store.db.clusterMeeting.findUniqueOrThrow({ where: { id: meetingId } })).agenda;
    const refused = await w.flows.meetings.addAgenda(await w.viewer('eclarke'), { meetingId, agendaItem: 'Lily-Mae O\'Connor in Year 5 and her reading' });
    expect('shared' in refused).toBe(false);
    expect((await w.store.db.clusterMeeting.findUniqueOrThrow({ where: { id: meetingId } })).agenda).toEqual(before);
    const added = await w.flows.meetings.addAgenda(await w.viewer('eclarke'), { meetingId, agendaItem: 'Sensory circuits: what worked this term' });
    expect(cardText(cardOf(added))).toContain(`Added to the agenda as item ${before.length + 1}.`);
  });

  it('answers a card for a meeting that is gone with a hint from the plan', async () => {
    expect(await w.flows.meetings.refresh(await w.viewer('eclarke'), { meetingId: 99_999 })).toEqual({ message: 'I can\'t find that meeting any more. Ask for the next one, such as "next Batley meeting".' });
  });
});
