// Classes of question that a sixth set of people's own phrasings found misread: each with
// phrasings of our own and a near miss that must keep its meaning.
import { describe, expect, it } from 'vitest';
import { indexDirectory } from '../../src/ask/directory.js';
import { cleanText, lowerQuestion } from '../../src/ask/normalise.js';
import { understand, type Intent } from '../../src/ask/understand.js';
import type { Person } from '../../src/domain/plan/types.js';
import { directory, people } from './support/directory.js';

const TODAY = '2026-11-22';
const idx = indexDirectory(directory());
const ask = (text: string, asker: Person | null = people.amorgan): Intent => understand(text, { asker, today: TODAY }, idx);

describe('the next deadline', () => {
  it.each(["what's my next deadline", 'which of mine is due soonest', "when is Helen Carr's next due date", 'earliest deadline in ws5?', 'what have i got due next'])('%s', (text) => {
    expect(ask(text, people.hcarr)).toMatchObject({ kind: 'list', deadline: 'next', filter: { status: { open: true } } });
  });
  it('keeps "next week" a period and "the last deadline" the last', () => {
    expect(ask('what is due next week', people.hcarr)).not.toHaveProperty('deadline');
    expect(ask("what's the last deadline", people.hcarr)).toMatchObject({ deadline: 'last' });
    expect(ask('what is due next month in ws2')).not.toHaveProperty('deadline');
  });
});

describe('settings of one phase', () => {
  it.each([
    ['which secondary schools are in the plan', 'secondary'], ['any post 16 settings?', 'post_16'], ['list the nurseries', 'early_years'],
    ['what primary schools do we have', 'primary'], ['are there any special schools', 'special'],
  ])('%s', (text, phase) => {
    expect(ask(text)).toMatchObject({ kind: 'directoryList', what: 'settings', phase });
  });
  it('leaves actions about a phase to the action lists', () => {
    expect(ask('which secondary transfer actions are overdue')).not.toMatchObject({ kind: 'directoryList' });
    expect(ask('list the settings')).toMatchObject({ kind: 'directoryList', what: 'settings' });
    expect(ask('list the settings')).not.toHaveProperty('phase');
  });
});

describe('office shorthand and a cluster\'s agenda by its code', () => {
  it('reads "mtg" as meeting', () => {
    expect(lowerQuestion(cleanText('next cluster mtg?'))).toContain('meeting');
    expect(ask('when is the next batley mtg')).toMatchObject({ kind: 'meetings', clusters: [{ code: 'BS1' }] });
  });
  it('takes "kr2 agenda" as the meeting, "kr2 chair" as the cluster', () => {
    expect(ask('kr2 agenda')).toMatchObject({ kind: 'meetings', clusters: [{ code: 'KR2' }] });
    expect(ask('kr2 chair')).toMatchObject({ kind: 'cluster', cluster: { code: 'KR2' }, want: 'chair' });
  });
});

describe('clusters that have a chair', () => {
  it.each(['which clusters have a chair?', 'any clusters with chairs', 'what clusters have got a chair'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'clusters', chairs: true });
  });
});

describe('requests: the open ones for those who run the programme, and who asked for one', () => {
  it('lists the open requests for an admin or lead', () => {
    expect(ask('open eah requests', people.amorgan)).toMatchObject({ kind: 'requestList', open: true });
    expect(ask('outstanding experts at hand requests', people.dpatel)).toMatchObject({ kind: 'requestList', open: true });
  });
  it('keeps a SENCO\'s "open requests" as their own', () => {
    expect(ask('open eah requests', people.eclarke)).toMatchObject({ kind: 'myRequests' });
  });
  it('finds a request by what it asked for', () => {
    const i = ask('who asked for the sensory walk through', people.dpatel);
    expect(i).toMatchObject({ kind: 'requestByWords' });
    expect(JSON.stringify(i)).toMatch(/"sens/);
  });
  it('still reads a sensory need asked about as the experts for it', () => {
    expect(ask('who can help with sensory needs', people.eclarke)).toMatchObject({ kind: 'expertsForNeed' });
  });
});

describe('experts by specialism, asked at length', () => {
  it.each([
    ['Which educational psychologists are available through Experts at Hand?', 'educational_psychology'],
    ['which speech therapists are available via EAH', 'speech_and_language'],
  ])('%s', (text, specialism) => {
    expect(ask(text)).toMatchObject({ kind: 'experts', specialism });
  });
  it('lists every expert for "each specialism"', () => {
    expect(ask('Who are the experts for each specialism?')).toEqual({ kind: 'experts' });
  });
});

describe('a change of status asked for as a wish', () => {
  it.each(["I'd like to update SUF-01 to at risk.", 'i want to mark com 6 as off track', 'can i set DAT-02 to green'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'setStatus' });
  });
  it('keeps a question a question', () => {
    expect(ask('is SUF-01 at risk?')).toMatchObject({ kind: 'action' });
  });
});

describe('words that are not a status', () => {
  it('reads "what is being done about" as work on it, not completed actions', () => {
    const i = ask('whats being done about salt waiting times');
    expect(JSON.stringify(i)).not.toContain('"complete"');
  });
  it('spells out SALT for a title search', () => {
    expect(JSON.stringify(ask('whats being done about salt waiting times'))).toMatch(/speech/);
  });
  it('asks for every status when titles "mention" something', () => {
    expect(ask('which actions mention the local offer')).toMatchObject({ kind: 'list', filter: { status: { all: true } } });
    expect(ask('what has been done on the local offer')).toMatchObject({ filter: { status: { statuses: ['complete'] } } });
  });
});

describe('a reference prefix said with "stuff"', () => {
  it.each(['com stuff due in jan', 'any dat things overdue'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'list', filter: { refPrefix: expect.stringMatching(/^(?:COM|DAT)$/) } });
  });
});
