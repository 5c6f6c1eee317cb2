// Classes of question that people asked in their own words and the bot misread: each with
// phrasings of our own and a near miss that must keep its meaning.
import { describe, expect, it } from 'vitest';
import { indexDirectory } from '../../src/ask/directory.js';
import { understand, type Intent } from '../../src/ask/understand.js';
import { parsePeriod } from '../../src/ask/when/index.js';
import type { Person } from '../../src/domain/plan/types.js';
import { directory, people } from './support/directory.js';

const TODAY = '2026-11-22';
const idx = indexDirectory(directory());
const ask = (text: string, asker: Person | null = people.amorgan): Intent => understand(text, { asker, today: TODAY }, idx);

describe('meetings asked about with "is there"', () => {
  it.each(['is there a cluster meeting in december', 'are there any cluster meetings next week', 'is there a cluster meeting soon?'])('%s: meetings, no cluster named', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'meetings', mine: false });
    expect(ask(text)).not.toHaveProperty('clusters');
  });
  it('still names a cluster nobody has, and still finds one that exists', () => {
    expect(ask('when does the Lindley cluster meet')).toMatchObject({ kind: 'unknown', what: 'cluster', name: 'Lindley' });
    expect(ask('is there a Batley cluster meeting in december')).toMatchObject({ kind: 'meetings', clusters: [{ code: 'BS1' }] });
  });
});

describe('"by the end of this month" is a window from today', () => {
  it.each([
    ['what do i need to get done by the end of this month', '2026-11-30'],
    ['anything due by the end of this week', '2026-11-29'],
    ['what is due by the end of this year', '2026-12-31'],
  ])('%s', (text, to) => {
    expect(parsePeriod(text, TODAY)).toMatchObject({ from: TODAY, to });
  });
  it('leaves whole months, weeks and years alone', () => {
    expect(parsePeriod('what is due this month', TODAY)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(parsePeriod('what was done at the end of last month', TODAY)).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(parsePeriod('anything due next year', TODAY)).toMatchObject({ from: '2027-01-01', to: '2027-12-31' });
  });
  it('reads "the summer term next year" as the term, not the year', () => {
    expect(parsePeriod("what's due in the summer term next year", TODAY)?.label).toMatch(/summer term/);
  });
});

describe('the asker, when "get done" follows "I need to"', () => {
  it.each(['what do i need to get done this month', 'what have i got to get finished before christmas'])('%s: my actions', (text) => {
    expect(ask(text, people.lbyrne)).toMatchObject({ kind: 'list', filter: { ownerIsAsker: true, owner: { key: 'lbyrne' } } });
  });
  it('still reads "I need to get the list" as a way of asking', () => {
    const i = ask('i need to get the list of overdue actions', people.lbyrne);
    expect(i).toMatchObject({ kind: 'list' });
    expect(i).not.toHaveProperty('filter.owner');
  });
});

describe('the pillar of a workstream named in words', () => {
  it.each([['what pillar is the pfa workstream', 'WS6'], ['which pillar does data and insight cover', 'WS3'], ['ws5 pillar?', 'WS5']])('%s', (text, code) => {
    expect(ask(text)).toMatchObject({ kind: 'summary', workstream: { code } });
  });
});

describe('every workstream with its lead', () => {
  it.each(['list the workstreams and their leads', 'who leads each workstream', 'workstreams with leads please', 'who runs which workstream'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'workstreams' });
  });
  it('still answers one workstream\'s lead', () => {
    expect(ask('who leads WS3')).toMatchObject({ kind: 'lead', workstreams: [{ code: 'WS3' }] });
  });
});

describe('the cluster a person chairs', () => {
  it.each(['which cluster does emma clarke chair', 'what cluster does Emma Clarke chair?', 'does emma clarke chair a cluster'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'cluster', cluster: { code: 'BS1' }, want: 'chair' });
  });
  it('gives the person when they chair none, and still answers who chairs a named cluster', () => {
    expect(ask('does priya shah chair a cluster')).toMatchObject({ kind: 'person', person: { key: 'pshah' } });
    expect(ask('who chairs the dewsbury north cluster')).toMatchObject({ kind: 'cluster', cluster: { code: 'DM1' }, want: 'chair' });
  });
});

describe('the admin, said in the singular', () => {
  it.each(['who is the admin', "who's the admin for the bot", 'who is the administrator of this app'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'directoryList', what: 'admins' });
  });
  it('does not take a bare "admin" as the list', () => {
    expect(ask('admin')).not.toMatchObject({ kind: 'directoryList' });
  });
});

describe('experts asked for politely', () => {
  it.each([
    ['can u tell me who the educational psychologist is', 'educational_psychology'],
    ['do you know who the OT is', 'occupational_therapy'],
    ['please remind me who the speech therapist is', 'speech_and_language'],
  ])('%s', (text, specialism) => {
    expect(ask(text)).toMatchObject({ kind: 'experts', specialism });
  });
});

describe('"n" for "and"', () => {
  it('reads "data n insight" as the workstream', () => {
    expect(ask('anything at risk in data n insight')).toMatchObject({ kind: 'list', filter: { workstreams: [{ code: 'WS3' }] } });
  });
});

describe('the last deadline', () => {
  it.each(["what's the last deadline in the whole plan", 'which of my actions is due last', 'latest due date in ws5?', 'furthest deadline pls'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'list', deadline: 'last', filter: { status: { open: true } } });
  });
  it('keeps "last week" and "last updated" as they were', () => {
    expect(ask('what was done last week')).not.toHaveProperty('deadline');
    expect(ask('what is overdue in ws5 from last month')).not.toHaveProperty('deadline');
  });
});

describe("the plan's own name as where actions come from", () => {
  it.each(['how many actions come from big plan 3', 'list the actions from Big Plan 3'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'list', filter: { source: 'Big Plan 3' } });
  });
  it('still means the whole plan otherwise', () => {
    expect(ask('how is big plan 3 going')).toMatchObject({ kind: 'planSummary' });
    expect(ask('how many actions are in the big plan')).not.toHaveProperty('filter.source');
  });
});
