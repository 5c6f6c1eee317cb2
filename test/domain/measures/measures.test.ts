// Outcome measures without a database: what a lead or a file may record, how a measure is doing,
// and the words people read ("on course for the target of 80% by 31 March 2027").
import { describe, expect, it } from 'vitest';
import {
  courseLabel, courseWords, formatValue, latestReading, measureCourse, measureProblems, measureTrend, parseUnit, parseValue,
  readingProblems, trendWords, type Measure, type Reading,
} from '../../../src/domain/measures/index.js';

const ehc: Measure = {
  id: 1, ref: 'EHC-20WK', name: 'EHC plans issued within 20 weeks', unit: '%', direction: 'higher',
  baseline: { value: 40, date: '2026-03-31' }, target: { value: 80, date: '2027-03-31' }, owner: { kind: 'area', area: 'ehc_plans' },
};
const waits: Measure = {
  id: 2, ref: 'WHEELCHAIR', name: 'Wheelchair waiting time', unit: 'weeks', direction: 'lower',
  baseline: { value: 30, date: '2026-03-31' }, target: { value: 18, date: '2027-03-31' }, owner: { kind: 'workstream', code: 'WS5' },
};
let nextId = 1;
const reading = (value: number, date: string, recordedAt = new Date(`${date}T12:00:00Z`)): Reading => ({
  id: nextId++, measureId: 1, value, date, source: null, recordedById: null, recordedAt,
});
const TODAY = '2026-11-22';

describe('checking a measure', () => {
  const draft = { ref: ehc.ref, name: ehc.name, unit: ehc.unit, direction: ehc.direction, baseline: ehc.baseline, target: ehc.target };

  it('accepts a well-formed measure', () => {
    expect(measureProblems(draft)).toEqual([]);
  });

  it('refuses a share above 100, a negative wait and a part of a count', () => {
    expect(measureProblems({ ...draft, target: { value: 120, date: '2027-03-31' } })).toContain('the target must be a percentage from 0 to 100');
    expect(measureProblems({ ...draft, unit: 'weeks', direction: 'lower', baseline: { value: -1, date: '2026-03-31' }, target: { value: 0, date: '2027-03-31' } }))
      .toContain('the baseline must be a number of weeks from 0 to 520');
    expect(measureProblems({ ...draft, unit: 'count', baseline: { value: 2.5, date: '2026-03-31' } })).toContain('the baseline must be a whole number from 0 to 10,000,000');
  });

  it('refuses a target date on or before the baseline, and a target worse than the baseline', () => {
    expect(measureProblems({ ...draft, target: { value: 80, date: '2026-03-31' } })).toContain('the target date must come after the baseline date');
    expect(measureProblems({ ...draft, target: { value: 30, date: '2027-03-31' } })).toContain('the target is worse than the baseline for a measure where higher is better');
    expect(measureProblems({ ...draft, baseline: { value: 40, date: '2026-02-30' } })).toContain('the baseline date is not a date (YYYY-MM-DD)');
  });

  it("refuses a name that holds a child's details, without repeating it", () => {
    const problems = measureProblems({ ...draft, name: 'Plans for Jayden Smith, DOB 03/04/2015' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the name looks like it holds a child's details/);
    expect(problems[0]).not.toContain('Jayden');
  });

  it('refuses a ref that is not letters and numbers joined by hyphens', () => {
    expect(measureProblems({ ...draft, ref: 'ehc 20' })).toHaveLength(1);
  });
});

describe('checking a reading', () => {
  it('accepts a reading on or after the baseline, not in the future', () => {
    expect(readingProblems({ value: 62, date: '2026-09-30', source: 'SEN2 return' }, ehc, TODAY)).toEqual([]);
  });

  it('refuses a reading in the future, before the baseline, or out of range', () => {
    expect(readingProblems({ value: 62, date: '2026-12-31', source: null }, ehc, TODAY)).toEqual(['the reading date is in the future']);
    expect(readingProblems({ value: 62, date: '2026-01-31', source: null }, ehc, TODAY)).toEqual(['the reading date is before the baseline date']);
    expect(readingProblems({ value: 101, date: '2026-09-30', source: null }, ehc, TODAY)).toEqual(['the reading must be a percentage from 0 to 100']);
    expect(readingProblems({ value: 62.123, date: '2026-09-30', source: null }, ehc, TODAY)).toEqual(['the reading has more than two decimal places']);
  });

  it("refuses a source that names a child", () => {
    const problems = readingProblems({ value: 62, date: '2026-09-30', source: 'from Jayden Smith (age 9) file' }, ehc, TODAY);
    expect(problems.join(' ')).toMatch(/the source looks like it holds a child's details/);
  });
});

describe('reading units and values as people type them', () => {
  it.each([['%', '%'], ['per cent', '%'], ['Percent', '%'], ['wks', 'weeks'], ['week', 'weeks'], ['Days', 'days'], ['count', 'count']])('%s is %s', (text, unit) => {
    expect(parseUnit(text)).toBe(unit);
  });
  it('knows no other unit', () => {
    expect(parseUnit('miles')).toBeUndefined();
  });
  it.each([['62', 62], ['62%', 62], ['62.5 %', 62.5], ['18 weeks', 18], ['abc', undefined], ['-3', undefined], ['1e3', undefined]])('%s reads as %s', (text, value) => {
    expect(parseValue(text)).toBe(value);
  });
});

describe('how a measure is doing', () => {
  it('takes the latest reading by date, and the one recorded last on the same date', () => {
    const a = reading(50, '2026-06-30');
    const b = reading(55, '2026-09-30', new Date('2026-10-01T09:00:00Z'));
    const c = reading(57, '2026-09-30', new Date('2026-10-02T09:00:00Z'));
    expect(latestReading([b, c, a])?.value).toBe(57);
    expect(latestReading([])).toBeUndefined();
  });

  it('calls a rise better when higher is better, and worse when lower is better', () => {
    expect(measureTrend(ehc, [reading(50, '2026-06-30'), reading(55, '2026-09-30')]).kind).toBe('improving');
    expect(measureTrend(waits, [reading(25, '2026-06-30'), reading(28, '2026-09-30')]).kind).toBe('worsening');
    expect(measureTrend(waits, [reading(25, '2026-06-30'), reading(25, '2026-09-30')]).kind).toBe('steady');
    expect(measureTrend(ehc, []).kind).toBe('none');
  });

  it('compares the first reading with the baseline', () => {
    const t = measureTrend(ehc, [reading(45, '2026-06-30')]);
    expect(t).toMatchObject({ kind: 'improving', from: ehc.baseline });
    expect(trendWords(ehc, t)).toBe('Getting better: 45% on 30 June 2026, up from 40% on 31 March 2026.');
  });

  it('is on course when the line from the baseline through the latest reading reaches the target in time', () => {
    // 40 → 62 in six months: another 22 in the six months left reaches 84, past 80.
    const c = measureCourse(ehc, [reading(62, '2026-09-30')], TODAY);
    expect(c.kind).toBe('on_course');
    expect(courseWords(ehc, c)).toBe('On course for the target of 80% by 31 March 2027.');
  });

  it('is off course when the line falls short, and says where it would reach', () => {
    // 40 → 45 in six months: about 50 by the target date.
    const c = measureCourse(ehc, [reading(45, '2026-09-30')], TODAY);
    expect(c.kind).toBe('off_course');
    expect(c.projected).toBeCloseTo(50, 0);
    expect(courseWords(ehc, c)).toMatch(/^Off course for the target of 80% by 31 March 2027\. At this rate it would be about 50% by then\.$/);
  });

  it('reads a wait that comes down fast enough as on course, and one going up as off course', () => {
    expect(measureCourse(waits, [reading(23, '2026-09-30')], TODAY).kind).toBe('on_course');
    // 30 → 24 in 183 days is just short: the line reaches 18.03 weeks, not 18.
    expect(measureCourse(waits, [reading(24, '2026-09-30')], TODAY).kind).toBe('off_course');
    const up = measureCourse(waits, [reading(33, '2026-09-30')], TODAY);
    expect(up.kind).toBe('off_course');
    expect(courseWords(waits, up)).toBe('Off course for the target of 18 weeks by 31 March 2027. At this rate it would be about 36 weeks by then.');
  });

  it('says the target is met, missed, or that it is too early to say', () => {
    expect(measureCourse(ehc, [reading(81, '2026-09-30')], TODAY).kind).toBe('met');
    expect(measureCourse(ehc, [reading(70, '2026-09-30')], '2027-04-01').kind).toBe('missed');
    expect(measureCourse(ehc, [], TODAY).kind).toBe('no_readings');
    expect(measureCourse(ehc, [reading(45, '2026-03-31')], TODAY).kind).toBe('too_early');
    expect(courseLabel(measureCourse(ehc, [], TODAY))).toBe('too early to say');
  });

  it('never projects a share beyond 0–100 in words', () => {
    const c = measureCourse({ ...ehc, baseline: { value: 60, date: '2026-03-31' } }, [reading(10, '2026-04-30')], TODAY);
    expect(courseWords(ehc, c)).toContain('it would be about 0% by then');
  });
});

describe('values in words', () => {
  it.each([[62, '%', '62%'], [18, 'weeks', '18 weeks'], [1, 'weeks', '1 week'], [1, 'days', '1 day'], [1234, 'count', '1,234'], [62.5, '%', '62.5%']] as const)(
    '%s %s is %s', (v, unit, text) => { expect(formatValue(v, unit)).toBe(text); });
});
