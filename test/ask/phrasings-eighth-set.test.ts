// Classes of question that an eighth set of people's own phrasings found misread: each with
// phrasings of our own and a near miss that must keep its meaning.
import { describe, expect, it } from 'vitest';
import { answerMeasures } from '../../src/ask/answer-measures.js';
import { indexDirectory } from '../../src/ask/directory.js';
import { understand, type Intent } from '../../src/ask/understand.js';
import { parsePeriod } from '../../src/ask/when/index.js';
import type { MeasureWithReadings } from '../../src/domain/measures/index.js';
import type { Person } from '../../src/domain/plan/types.js';
import { directory, people } from './support/directory.js';

const TODAY = '2026-11-22';
const idx = indexDirectory(directory());
const ask = (text: string, asker: Person | null = people.amorgan): Intent => understand(text, { asker, today: TODAY, glossary: [] }, idx);

describe('a workstream\'s lead asked tersely, by its number', () => {
  it.each(['ws5 lead', 'WS 5 lead?', 'workstream 5 lead', "ws5's lead", 'work stream 5 leader'])('%s', (text) => {
    expect(ask(text)).toMatchObject({ kind: 'lead', workstreams: [{ code: 'WS5' }] });
  });
  it('leaves "ws5 overdue" a list', () => {
    expect(ask('ws5 overdue')).toMatchObject({ kind: 'list' });
  });
});

describe('every workstream and who leads each', () => {
  it.each(['List the workstreams and who leads each one.', 'the workstreams and who runs each of them', 'workstreams and who leads them'])('%s', (text) => {
    expect(ask(text)).toEqual({ kind: 'workstreams' });
  });
  it('leaves "which workstreams have overdue actions" a list', () => {
    expect(ask('which workstreams have overdue actions')).not.toEqual({ kind: 'workstreams' });
  });
});

describe('whom to ask for help is the experts', () => {
  it.each(['Which experts can I ask for advice?', 'who are the experts I can go to for support', 'which specialists can I talk to'])('%s', (text) => {
    expect(ask(text)).toEqual({ kind: 'experts' });
  });
  it('leaves a need named after it to the experts for that need', () => {
    expect(ask('which experts can help with handwriting')).toMatchObject({ kind: 'expertsForNeed' });
  });
});

describe('the last N days, weeks or months', () => {
  it('is a window back from today', () => {
    const p = parsePeriod('what was due in the last 7 days?', TODAY);
    expect([p?.from, p?.to]).toEqual(['2026-11-15', '2026-11-22']);
    expect(ask('What was due in the last 7 days?')).toMatchObject({ kind: 'list', filter: { period: { from: '2026-11-15', to: '2026-11-22' } } });
  });
});

describe('measures', () => {
  const point = (value: number, date: string) => ({ value, date });
  const reading = (id: number, value: number, date: string) => ({ id, measureId: id, value, date, source: null, recordedById: null, recordedAt: new Date(`${date}T12:00:00Z`) });
  const ehc: MeasureWithReadings = {
    measure: { id: 1, ref: 'EHC-20', name: 'EHC plans on time', unit: '%', direction: 'higher', baseline: point(38, '2025-12-31'), target: point(65, '2027-03-31'), owner: { kind: 'area', area: 'ehc_plans' } },
    readings: [reading(1, 47, '2026-06-30'), reading(2, 52, '2026-09-30')],
  };
  const waits: MeasureWithReadings = {
    measure: { id: 2, ref: 'WAIT', name: 'Weeks waiting', unit: 'weeks', direction: 'lower', baseline: point(30, '2025-12-31'), target: point(20, '2027-03-31'), owner: { kind: 'area', area: 'health_waiting_times' } },
    readings: [reading(3, 26, '2026-06-30'), reading(4, 22, '2026-09-30')],
  };
  it.each([['which measures are off course?', 'off'], ['what measures are on track', 'on'], ['any measures behind target?', 'off']] as const)('%s lists those measures', (text, course) => {
    expect(ask(text)).toEqual({ kind: 'measures', refs: [], course });
  });
  it('answers with only the measures off course', () => {
    const off = answerMeasures([ehc, waits], [], TODAY, 'off');
    expect(off.text).toBe("1 of the plan's 2 measures is off course: EHC plans on time.");
    expect(JSON.stringify(off.cards)).not.toContain('Weeks waiting');
    expect(answerMeasures([waits], [], TODAY, 'off').text).toBe("The plan's one measure is not off course.");
  });
  it('names the off-course ones in the text', () => {
    expect(answerMeasures([ehc, waits], [], TODAY).text).toBe('The plan has 2 measures: 1 off course, 1 on course. Off course: EHC plans on time.');
  });
  it('says where one measure started, so its baseline is answered', () => {
    expect(answerMeasures([ehc, waits], ['EHC-20'], TODAY).text).toMatch(/It started at 38% on 31 December 2025\.$/);
  });
});
