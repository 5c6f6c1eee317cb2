// Install flows over the real edge: welcomes, remembering and forgetting conversations, renames.
import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BOT, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const OWEN = { key: 'oprice', name: 'Owen Price', roles: ['owner'], aadObjectId: '6f1c2a10-0010-4a6e-9c1a-000000000010' };
const EMMA = { key: 'eclarke', name: 'Emma Clarke', roles: ['senco'], aadObjectId: '6f1c2a10-0014-4a6e-9c1a-000000000014' };

describeEachStore('install flows', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    await store.db.person.createMany({ data: [OWEN, EMMA] });
    bot = await startTestBot(store);
  });
  afterAll(async () => { await bot.close(); });

  /** An activity in a team channel of its own (unique team and channel ids). */
  async function inTeam(as: string, team = { id: `19:team-${crypto.randomUUID()}@thread.tacv2`, name: 'Batley SENCOs' }, channelId = team.id) {
    const act = await bot.activity({ as, chat: 'channel', conversationId: channelId });
    return { ...act, channelData: { ...(act.channelData as object), team, channel: { id: channelId } } };
  }

  const texts = (conversationId: string) => bot.connector.for(conversationId).map((s) => String(s.body.text ?? ''));
  const refCount = (conversationId: string) => bot.store.db.conversationRef.count({ where: { conversationId } });
  const conversationOf = (act: Record<string, unknown>) => (act.conversation as { id: string }).id;

  it('personal install: one welcome saying what the bot sends and how to snooze (no plan here: how to import one)', async () => {
    const act = await bot.activity({ as: 'oprice' });
    const conversationId = conversationOf(act);
    // Teams sends installationUpdate first, then conversationUpdate naming the bot.
    expect((await bot.post({ ...act, type: 'installationUpdate', action: 'add' })).status).toBe(200);
    expect((await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] })).status).toBe(200);

    const sent = texts(conversationId);
    expect(sent).toHaveLength(1);
    const welcome = sent[0]!;
    expect(welcome).toMatch(/^Hello Owen!/);
    // This database holds people but no plan: nothing to try yet (test/teams/plan-examples.test.ts has the plan's case).
    expect(welcome).toMatch(/no plan here yet/);
    expect(welcome).not.toMatch(/Try asking me/);
    expect(welcome).toMatch(/remind you/i);          // nudges
    expect(welcome).toMatch(/weekly summary/i);      // digests
    expect(welcome).toMatch(/snooze reminders/i);    // how to pause them
    const ref = await bot.store.db.conversationRef.findUnique({ where: { conversationId }, include: { person: true } });
    expect(ref?.kind).toBe('personal');
    expect(ref?.person?.key).toBe('oprice');
  });

  it('personal install by someone the plan does not know: a plain welcome, still remembered', async () => {
    const act = await bot.activity({ as: null });
    const conversationId = conversationOf(act);
    await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
    expect(texts(conversationId)[0]).toMatch(/^Hello! I help/);
    expect((await bot.store.db.conversationRef.findUnique({ where: { conversationId } }))?.personId).toBeNull();
  });

  it('group chat install: a welcome telling an admin or cluster chair how to link the chat', async () => {
    const act = await bot.activity({ as: 'eclarke', chat: 'groupChat' });
    const conversationId = conversationOf(act);
    await bot.post({ ...act, type: 'installationUpdate', action: 'add' });
    await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }, { id: '29:someone-else' }] });
    const sent = texts(conversationId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/admin or cluster chair/i);
    expect(sent[0]).toMatch(/link this chat to/i);
    expect(sent[0]).toMatch(/@Partnership Bot/);
    expect((await bot.store.db.conversationRef.findUnique({ where: { conversationId } }))?.kind).toBe('groupChat');
  });

  it('team install: the welcome goes to the General channel, which is remembered with its team', async () => {
    const act = await inTeam('eclarke');
    const conversationId = conversationOf(act);
    await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], channelData: { ...(act.channelData as object), eventType: 'teamMemberAdded' } });
    expect(texts(conversationId)[0]).toMatch(/link this chat to/i);
    const ref = await bot.store.db.conversationRef.findUnique({ where: { conversationId } });
    expect(ref?.kind).toBe('channel');
    expect(ref?.teamId).toBe(conversationId);
    expect(ref?.name).toBe('Batley SENCOs');
  });

  it('a person joining a chat the bot is already in gets no welcome', async () => {
    const act = await bot.activity({ as: 'eclarke', chat: 'groupChat' });
    const res = await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: '29:new-person', aadObjectId: OWEN.aadObjectId }] });
    expect(res.status).toBe(200);
    expect(texts(conversationOf(act))).toHaveLength(0);
  });

  it('personal uninstall forgets the conversation', async () => {
    const act = await bot.activity({ as: 'oprice' });
    const conversationId = conversationOf(act);
    await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
    expect(await refCount(conversationId)).toBe(1);
    expect((await bot.post({ ...act, type: 'installationUpdate', action: 'remove' })).status).toBe(200);
    expect(await refCount(conversationId)).toBe(0);
  });

  it('removal from a group chat forgets it', async () => {
    const act = await bot.activity({ as: 'eclarke', chat: 'groupChat' });
    const conversationId = conversationOf(act);
    await bot.post({ ...act, type: 'installationUpdate', action: 'add' });
    expect(await refCount(conversationId)).toBe(1);
    await bot.post({ ...act, type: 'conversationUpdate', membersRemoved: [{ id: BOT.id }] });
    expect(await refCount(conversationId)).toBe(0);
  });

  it('a person leaving a chat does not make the bot forget it', async () => {
    const act = await bot.activity({ as: 'eclarke', chat: 'groupChat' });
    const conversationId = conversationOf(act);
    await bot.post({ ...act, type: 'installationUpdate', action: 'add' });
    await bot.post({ ...act, type: 'conversationUpdate', membersRemoved: [{ id: '29:someone' }] });
    expect(await refCount(conversationId)).toBe(1);
  });

  it('removal from a team forgets every channel of that team, and only that team', async () => {
    const general = await inTeam('eclarke');
    const team = (general.channelData as { team: { id: string; name: string } }).team;
    const other = await inTeam('eclarke', team, `19:other-${crypto.randomUUID()}@thread.tacv2`);
    const elsewhere = await inTeam('eclarke');
    for (const act of [general, other, elsewhere]) await bot.post({ ...act, type: 'installationUpdate', action: 'add' });
    expect(await bot.store.db.conversationRef.count({ where: { teamId: team.id } })).toBe(2);

    await bot.post({ ...general, type: 'installationUpdate', action: 'remove' });
    expect(await bot.store.db.conversationRef.count({ where: { teamId: team.id } })).toBe(0);
    expect(await refCount(conversationOf(elsewhere))).toBe(1);
  });

  it('a deleted team or channel is forgotten', async () => {
    const general = await inTeam('eclarke');
    const team = (general.channelData as { team: { id: string } }).team;
    const channel = await inTeam('eclarke', { id: team.id, name: 'Batley SENCOs' }, `19:chan-${crypto.randomUUID()}@thread.tacv2`);
    await bot.post({ ...general, type: 'installationUpdate', action: 'add' });
    await bot.post({ ...channel, type: 'installationUpdate', action: 'add' });

    await bot.post({ ...general, type: 'conversationUpdate', channelData: { ...(channel.channelData as object), eventType: 'channelDeleted' } });
    expect(await refCount(conversationOf(channel))).toBe(0);
    expect(await refCount(conversationOf(general))).toBe(1);

    await bot.post({ ...general, type: 'conversationUpdate', channelData: { ...(general.channelData as object), eventType: 'teamDeleted' } });
    expect(await refCount(conversationOf(general))).toBe(0);
  });

  it('a renamed team keeps working: same reference, same cluster link, new name, still answers', async () => {
    const general = await inTeam('eclarke');
    const conversationId = conversationOf(general);
    await bot.post({ ...general, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
    const cluster = await bot.store.db.cluster.create({ data: { code: `T${crypto.randomInt(1e6)}`, name: `Test cluster ${crypto.randomUUID()}`, area: 'Batley and Spen' } });
    await bot.store.db.conversationRef.update({ where: { conversationId }, data: { clusterId: cluster.id } });
    const before = await bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId } });

    const team = (general.channelData as { team: { id: string } }).team;
    const renamed = await bot.post({ ...general, type: 'conversationUpdate', channelData: { ...(general.channelData as object), eventType: 'teamRenamed', team: { id: team.id, name: 'Batley and Birstall SENCOs' } } });
    expect(renamed.status).toBe(200);

    const after = await bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId } });
    expect(after.id).toBe(before.id);
    expect(after.name).toBe('Batley and Birstall SENCOs');
    expect(after.clusterId).toBe(cluster.id);
    expect(after.reference).toEqual(before.reference);

    // A question in the renamed team still gets an answer in the same conversation.
    const sentBefore = bot.connector.for(conversationId).length;
    const mention = `<at>${BOT.name}</at>`;
    const asked = await bot.post({ ...general, type: 'message', id: crypto.randomUUID(), text: `${mention} help`, entities: [{ type: 'mention', text: mention, mentioned: BOT }] });
    expect(asked.status).toBe(200);
    expect(bot.connector.for(conversationId).length).toBeGreaterThan(sentBefore);
  });

  it('a renamed channel keeps its reference and gets its new name', async () => {
    const general = await inTeam('eclarke');
    const team = (general.channelData as { team: { id: string; name: string } }).team;
    const channelId = `19:chan-${crypto.randomUUID()}@thread.tacv2`;
    const channel = await inTeam('eclarke', team, channelId);
    await bot.post({ ...channel, type: 'installationUpdate', action: 'add', channelData: { ...(channel.channelData as object), channel: { id: channelId, name: 'Planning' } } });
    await bot.post({ ...general, type: 'conversationUpdate', channelData: { team, channel: { id: channelId, name: 'Planning 2027' }, eventType: 'channelRenamed' } });
    const ref = await bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: channelId } });
    expect(ref.name).toBe('Planning 2027');
  });
});
