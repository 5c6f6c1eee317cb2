import { describe, expect, it } from 'vitest';
import { indexDirectory } from '../../../src/ask/directory.js';
import {
  ambiguousWorkstream, areaList, digest, lead, pillarOf, summary, unknownNamedWorkstream, unknownWorkstreamCode, workstreamList,
} from '../../../src/ask/recognisers/workstreams.js';
import { directory, people } from '../support/directory.js';
import { question, variants } from '../support/question.js';

describe('the lists of workstreams and areas', () => {
  it('are asked for by name', () => {
    for (const v of variants('What are the workstreams?')) expect(workstreamList(question(v)), v).toEqual({ kind: 'workstreams' });
    expect(areaList(question('what are the four areas for improvement?'))).toEqual({ kind: 'areas' });
  });

  it('but not when actions or leads are asked about', () => {
    expect(workstreamList(question('which workstreams have overdue actions?'))).toBeUndefined();
    expect(workstreamList(question('which workstreams does Ruth lead?'))).toBeUndefined();
    expect(areaList(question('what are the areas for improvement actions at risk?'))).toBeUndefined();
  });
});

describe('leads', () => {
  it('who leads a workstream, by code, name or pillar', () => {
    expect(lead(question('Who leads the preparing for adulthood workstream?'))).toMatchObject({ kind: 'lead', workstreams: [{ code: 'WS6' }] });
    expect(lead(question('who runs the data workstream'))).toMatchObject({ kind: 'lead', workstreams: [{ code: 'WS3' }] });
    expect(lead(question('ＷＨＯ ＬＥＡＤＳ ＷＳ３'))).toMatchObject({ kind: 'lead', workstreams: [{ code: 'WS3' }] });
  });

  it('which workstream a person leads, or the asker', () => {
    expect(lead(question('which workstream does Ruth lead?'))).toMatchObject({ kind: 'ledBy', person: { name: 'Ruth Ellis' }, self: false });
    expect(lead(question('which workstream do I lead?', people.dpatel))).toMatchObject({ kind: 'ledBy', person: { key: 'dpatel' }, self: true });
    expect(lead(question('which workstream do I lead?', null))).toEqual({ kind: 'needPerson', about: 'workstream' });
  });

  it('a status question is not a lead question', () => {
    expect(lead(question('who owns the overdue actions in WS3?'))).toBeUndefined();
  });
});

describe('summaries', () => {
  it('a workstream, the asker\'s, a source document, the whole plan', () => {
    expect(summary(question('summary of WS3'))).toMatchObject({ kind: 'summary', workstream: { code: 'WS3' } });
    expect(summary(question('how is my workstream doing?', people.dpatel))).toMatchObject({ kind: 'summary', workstream: { code: 'WS5' } });
    expect(summary(question('how is my workstream doing?', null))).toEqual({ kind: 'needPerson', about: 'workstream' });
    expect(summary(question('how is the SEND reform plan going?'))).toEqual({ kind: 'sourceSummary', source: 'SEND reform plan 2026' });
    expect(summary(question('how is the plan doing overall?'))).toEqual({ kind: 'planSummary' });
  });

  it('not with status words or a period: those are lists', () => {
    expect(summary(question('how is WS3 doing on overdue actions?'))).toBeUndefined();
    expect(summary(question('how is WS3 doing this month?'))).toBeUndefined();
  });
});

describe('workstreams nobody has, and words that fit two', () => {
  it('a code or a name that no workstream has', () => {
    expect(unknownWorkstreamCode(question('what is overdue in WS9'))).toEqual({ kind: 'unknown', what: 'workstream', name: 'WS9' });
    expect(unknownNamedWorkstream(question('what is overdue in the transport workstream'))).toEqual({ kind: 'unknown', what: 'workstream', name: '"transport"' });
    expect(unknownNamedWorkstream(question('what is overdue in each workstream'))).toBeUndefined();
    expect(unknownNamedWorkstream(question('what is overdue in the data workstream'))).toBeUndefined();
  });

  it('asks back when a word fits two workstreams', () => {
    const index = indexDirectory(directory({ workstreams: [{ id: 8, code: 'WS8', name: 'Data Quality and Systems', pillar: '8', leadId: people.hcarr.id }] }));
    const i = ambiguousWorkstream(question('what is overdue in the data workstream?', people.amorgan, index));
    expect(i?.kind === 'choose' && i.choices.map((c) => c.question)).toEqual(['What is overdue in the WS3 workstream?', 'What is overdue in the WS8 workstream?']);
    expect(ambiguousWorkstream(question('what is overdue in WS8?', people.amorgan, index))).toBeUndefined();
  });
});

describe('an area is worked on in every workstream', () => {
  it('"what are we doing on preparing for adulthood?" lists the area, not the workstream of that name', () => {
    const intent = summary(question('What are we doing on preparing for adulthood?'));
    expect(intent).toMatchObject({ kind: 'list', filter: { area: 'preparing_for_adulthood' } });
    expect(intent && 'filter' in intent ? intent.filter.workstreams : undefined).toBeUndefined();
  });
});

describe("a workstream's pillar", () => {
  it('"which maturity pillar does WS5 cover?" is about WS5, "pillar 5" is not', () => {
    expect(pillarOf(question('which maturity pillar does ws5 cover?'))).toMatchObject({ kind: 'summary', workstream: { code: 'WS5' } });
    expect(pillarOf(question('which ws is pillar 5'))).toBeUndefined();
  });
});

describe('a workstream word among words of a title', () => {
  it('is a question about the action, not the workstream lead', () => {
    for (const text of ["who's in charge of the inclusion counts audit", 'whos responsible for the inclusion counts relaunch', 'who leads the inclusion counts thing']) {
      expect(lead(question(text)), text).toBeUndefined();
    }
    for (const text of ['who leads inclusion', 'who is in charge of inclusion', 'who runs the data workstream']) {
      expect(lead(question(text)), text).toMatchObject({ kind: 'lead' });
    }
  });
});

describe('a workstream named by words of its name among other words', () => {
  it('tries an action holding every word first, and keeps the workstream reading as the fallback', () => {
    const cases: [string, (q: ReturnType<typeof question>) => unknown, string[]][] = [
      ['who owns the shared accountability framework action', lead, ['shar', 'accountability', 'framework']],
      ['WHATS HAPPENING WITH THE JOINT POST-16 SUFFICIENCY REVIEW', ambiguousWorkstream, ['joint', 'post', 'sufficiency', 'review']],
      ['how is the governance board refresh going', summary, ['governance', 'board', 'refresh']],
    ];
    for (const [text, recognise, words] of cases) {
      expect(recognise(question(text)), text).toMatchObject({ kind: 'actionSearch', whole: true, words, fallback: {} });
    }
  });

  it('is the workstream when nothing else is said, or when it is named as one', () => {
    expect(summary(question('how is post-16 going?'))).toMatchObject({ kind: 'summary' });
    expect(summary(question('how is the accountability workstream doing?'))).toMatchObject({ kind: 'summary', workstream: { code: 'WS2' } });
    expect(lead(question('who leads WS2 accountability'))).toMatchObject({ kind: 'lead' });
    expect(lead(question('who is in charge of accountability'))).toMatchObject({ kind: 'lead' });
  });
});

describe('the digest, asked for now', () => {
  it('is the workstream a lead leads, or anyone else\'s own open actions', () => {
    expect(digest(question('digest pls', people.swhitaker))).toMatchObject({ kind: 'summary', workstream: { code: 'WS3' } });
    expect(digest(question('whats in my weekly digest?', people.dpatel))).toMatchObject({ kind: 'summary', workstream: { code: 'WS5' } });
    expect(digest(question('can i get my digest', people.oprice))).toMatchObject({ kind: 'list', filter: { ownerIsAsker: true, owner: { key: 'oprice' } } });
    expect(digest(question('digest for ws1 please', people.oprice))).toMatchObject({ kind: 'summary', workstream: { code: 'WS1' } });
    expect(digest(question('send me the digest', null))).toEqual({ kind: 'needPerson', about: 'workstream' });
    expect(digest(question('what is overdue?', people.oprice))).toBeUndefined();
  });
});

