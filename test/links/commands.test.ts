// Linking chats, read from the text alone: the commands as people type them, what the words after
// "to" name (the partnership, a pool, a workstream, a cluster), and who may link each. No database.
import { describe, expect, it } from 'vitest';
import { canLink, canListLinks, matchWorkstream, readLinkTarget } from '../../src/domain/links/index.js';
import type { Person, Workstream } from '../../src/domain/plan/types.js';
import { parseLinkCommand } from '../../src/flows/links/commands.js';

const ws = (id: number, code: string, name: string, leadId: number | null = null): Workstream => ({ id, code, name, pillar: String(id), leadId });
const WORKSTREAMS = [
  ws(1, 'WS1', 'Co-production, Voice and Partnership Engagement', 11),
  ws(3, 'WS3', 'Understanding Need, Demand and Experience (Data and Insight)', 13),
  ws(5, 'WS5', 'Earlier Specialist Advice and Intervention (Expert Support)', 15),
  ws(6, 'WS6', 'Preparing for Adulthood (PfA) and Post-16', 16),
];
const CLUSTERS = [
  { id: 1, code: 'BS1', name: 'Batley', chairId: 21 },
  { id: 2, code: 'DN1', name: 'Dewsbury North', chairId: 22 },
  { id: 3, code: 'DS1', name: 'Dewsbury South', chairId: null },
];
const plan = { clusters: CLUSTERS, workstreams: WORKSTREAMS };
const person = (id: number, roles: Person['roles'], active = true): Person => ({ id, key: `p${id}`, name: `Person ${id}`, email: null, roles, aadObjectId: null, specialism: null, active } as unknown as Person);

describe('link commands', () => {
  it('reads link, unlink, list and "what is this chat linked to" as people type them', () => {
    expect(parseLinkCommand('link this chat to WS5')).toEqual({ kind: 'link', phrase: 'WS5' });
    expect(parseLinkCommand('Link this channel to the partnership.')).toEqual({ kind: 'link', phrase: 'the partnership' });
    expect(parseLinkCommand('please link this group chat with the data and insight workstream')).toEqual({ kind: 'link', phrase: 'the data and insight workstream' });
    expect(parseLinkCommand('LINK  THIS  CHAT  TO  WS 5!')).toEqual({ kind: 'link', phrase: 'WS 5' });
    expect(parseLinkCommand('unlink this chat')).toEqual({ kind: 'unlink' });
    expect(parseLinkCommand('Unlink this channel from the partnership')).toEqual({ kind: 'unlink', phrase: 'the partnership' });
    expect(parseLinkCommand('disconnect this chat from WS5?')).toEqual({ kind: 'unlink', phrase: 'WS5' });
    for (const text of ['which chats are linked?', 'Which channels are linked to anything?', 'list linked chats', 'show me all the linked channels']) {
      expect(parseLinkCommand(text), text).toEqual({ kind: 'list' });
    }
    for (const text of ['what is this chat linked to?', "What's this channel linked to", 'is this chat linked to anything?']) {
      expect(parseLinkCommand(text), text).toEqual({ kind: 'here' });
    }
  });

  it('leaves questions and other commands alone', () => {
    for (const text of ["what's overdue?", 'who leads WS5?', 'schedule a cluster meeting', 'update COM-06', 'linked actions in WS5', 'link COM-06 to WS5', 'which actions are linked to EHC plans?']) {
      expect(parseLinkCommand(text), text).toBeUndefined();
    }
  });
});

describe('what a link names', () => {
  it('finds a workstream by its code in loose forms, and by words of its name', () => {
    for (const phrase of ['WS5', 'ws5', 'ws 5', 'WS-5', 'workstream 5', 'work stream 5', 'the WS5 workstream', 'Workstream number 5']) {
      expect(matchWorkstream(phrase, WORKSTREAMS), phrase).toEqual({ kind: 'one', workstream: WORKSTREAMS[2] });
    }
    expect(matchWorkstream('the data and insight workstream', WORKSTREAMS)).toEqual({ kind: 'one', workstream: WORKSTREAMS[1] });
    expect(matchWorkstream('preparing for adulthood', WORKSTREAMS)).toEqual({ kind: 'one', workstream: WORKSTREAMS[3] });
    expect(matchWorkstream('ws 9', WORKSTREAMS)).toEqual({ kind: 'none' });
    expect(matchWorkstream('and', WORKSTREAMS).kind).toBe('many');
  });

  it('reads the partnership, pools, workstreams and clusters', () => {
    expect(readLinkTarget('the partnership', plan)).toEqual({ ok: true, target: { kind: 'partnership' } });
    expect(readLinkTarget('the SEND partnership channel', plan)).toEqual({ ok: true, target: { kind: 'partnership' } });
    expect(readLinkTarget('the OT pool', plan)).toEqual({ ok: true, target: { kind: 'pool', specialism: 'occupational_therapy' } });
    expect(readLinkTarget('workstream 5', plan)).toEqual({ ok: true, target: { kind: 'workstream', workstream: WORKSTREAMS[2] } });
    expect(readLinkTarget('the Batley cluster', plan)).toEqual({ ok: true, target: { kind: 'cluster', cluster: CLUSTERS[0] } });
    expect(readLinkTarget('BS1', plan)).toEqual({ ok: true, target: { kind: 'cluster', cluster: CLUSTERS[0] } });
  });

  it('says kindly what it does not know, listing what it does', () => {
    const unknownWs = readLinkTarget('WS9', plan);
    expect(unknownWs).toEqual({ ok: false, message: expect.stringContaining('I don\'t know a workstream called "WS9". The workstreams are: WS1 (Co-production, Voice and Partnership Engagement); WS3') });
    expect(readLinkTarget('the wombat workstream', plan)).toMatchObject({ ok: false, message: expect.stringContaining('WS6 (Preparing for Adulthood (PfA) and Post-16).') });
    expect(readLinkTarget('the Leeds cluster', plan)).toEqual({ ok: false, message: 'I don\'t know a cluster called "the Leeds cluster". The clusters are: Batley, Dewsbury North, Dewsbury South.' });
    expect(readLinkTarget('Dewsbury', plan)).toEqual({ ok: false, message: 'Which cluster do you mean: Dewsbury North or Dewsbury South?' });
    expect(readLinkTarget('Narnia', plan)).toMatchObject({ ok: false, message: expect.stringMatching(/^I don't know a cluster or workstream called "Narnia"\. .*\(WS1, WS3, WS5, WS6\)/) });
    expect(readLinkTarget('the plumbing pool', plan)).toMatchObject({ ok: false, message: expect.stringMatching(/^Which pool\? The Experts at Hand pools are: /) });
    expect(readLinkTarget('WS9', { clusters: [], workstreams: [] })).toMatchObject({ ok: false, message: expect.stringContaining('the plan has no workstreams yet') });
  });
});

describe('who may link', () => {
  const admin = person(1, ['admin']);
  const lead5 = person(15, ['lead', 'owner']);
  const lead3 = person(13, ['lead']);
  const target5 = { kind: 'workstream' as const, workstream: WORKSTREAMS[2]! };

  it('a workstream: its lead or an admin', () => {
    expect(canLink(admin, target5).ok).toBe(true);
    expect(canLink(lead5, target5).ok).toBe(true);
    expect(canLink(lead3, target5)).toEqual({ ok: false, message: 'Only the lead of WS5 or an admin can link a chat to WS5.' });
    expect(canLink(person(15, ['lead'], false), target5).ok).toBe(false);
    expect(canLink(null, target5)).toMatchObject({ ok: false, message: expect.stringMatching(/^I don't recognise you/) });
  });

  it('the partnership and the list of linked chats: admins', () => {
    expect(canLink(admin, { kind: 'partnership' }).ok).toBe(true);
    expect(canLink(lead5, { kind: 'partnership' })).toEqual({ ok: false, message: 'Only an admin can choose the partnership channel.' });
    expect(canListLinks(admin).ok).toBe(true);
    expect(canListLinks(lead5).ok).toBe(false);
  });

  it('a cluster: its chair or an admin; a pool: an admin', () => {
    expect(canLink(person(21, ['senco']), { kind: 'cluster', cluster: CLUSTERS[0]! }).ok).toBe(true);
    expect(canLink(lead5, { kind: 'cluster', cluster: CLUSTERS[0]! })).toMatchObject({ ok: false });
    expect(canLink(lead5, { kind: 'pool', specialism: 'occupational_therapy' })).toMatchObject({ ok: false });
  });
});
