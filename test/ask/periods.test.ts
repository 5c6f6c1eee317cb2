// Time windows with the clock at 2026-11-22T09:00:00Z: a Sunday; London's date is 2026-11-22.
import { describe, expect, it } from 'vitest';
import { cleanText, lowerQuestion } from '../../src/ask/normalise.js';
import { parsePeriod } from '../../src/ask/periods.js';

const TODAY = '2026-11-22';
const period = (q: string, today = TODAY) => {
  const p = parsePeriod(lowerQuestion(cleanText(q)), today);
  return p ? [p.from ?? null, p.to ?? null] : null;
};

describe('parsePeriod', () => {
  it('weeks run Monday to Sunday', () => {
    expect(period("what's due this week", '2026-11-18')).toEqual(['2026-11-16', '2026-11-22']);
    expect(period('due next week')).toEqual(['2026-11-23', '2026-11-29']);
    expect(period('what was due last week')).toEqual(['2026-11-09', '2026-11-15']);
  });

  it('at a weekend, "this week" is the week ahead when asking what is coming, and the calendar week looking back', () => {
    for (const day of ['2026-11-21', '2026-11-22']) {
      for (const text of ["what's due this week", 'anything due this wk', 'MEETINGS THIS WEEK?', 'what must i finish by the end of the week']) {
        expect(period(text, day)?.[1], `${text} on ${day}`).toBe('2026-11-29');
      }
      for (const text of ['what changed this week', 'what was due this week', "what's been updated this week"]) {
        expect(period(text, day)?.[1], `${text} on ${day}`).toBe('2026-11-22');
      }
    }
    expect(period('due this week', '2026-11-20')).toEqual(['2026-11-16', '2026-11-22']);
  });

  it('rolling windows start today', () => {
    expect(period("what's due in the next two weeks?")).toEqual(['2026-11-22', '2026-12-06']);
    expect(period('next 2 weeks')).toEqual(['2026-11-22', '2026-12-06']);
    expect(period('the coming fortnight')).toEqual(['2026-11-22', '2026-12-06']);
    expect(period('due soon')).toEqual(['2026-11-22', '2026-12-06']);
    expect(period('coming up')).toEqual(['2026-11-22', '2026-12-06']);
    expect(period('in the next 10 days')).toEqual(['2026-11-22', '2026-12-02']);
    expect(period('within the next month')).toEqual(['2026-11-22', '2026-12-22']);
  });

  it('months are whole calendar months', () => {
    expect(period('due this month')).toEqual(['2026-11-01', '2026-11-30']);
    expect(period('next month')).toEqual(['2026-12-01', '2026-12-31']);
    expect(period('last month')).toEqual(['2026-10-01', '2026-10-31']);
    expect(period('what is due in December')).toEqual(['2026-12-01', '2026-12-31']);
    expect(period('due in dec')).toEqual(['2026-12-01', '2026-12-31']);
    expect(period('December 2027')).toEqual(['2027-12-01', '2027-12-31']);
  });

  it('a month without a year is the nearest one, or the last one in the past tense', () => {
    expect(period('which actions were due in October')).toEqual(['2026-10-01', '2026-10-31']);
    expect(period('due in January')).toEqual(['2027-01-01', '2027-01-31']);
    expect(period('what was due in May')).toEqual(['2026-05-01', '2026-05-31']);
    expect(period('what is due in May')).toEqual(['2027-05-01', '2027-05-31']);
  });

  it('"may" and "march" as ordinary words are not months', () => {
    expect(period('may I see the overdue actions')).toBeNull();
    expect(period('what is the march of progress')).toBeNull();
  });

  it('quarters are UK financial quarters', () => {
    expect(period('this quarter')).toEqual(['2026-10-01', '2026-12-31']);
    expect(period('next quarter')).toEqual(['2027-01-01', '2027-03-31']);
    expect(period('due in Q4')).toEqual(['2027-01-01', '2027-03-31']);
    expect(period('due in Q1')).toEqual(['2026-04-01', '2026-06-30']);
  });

  it('by / before an end point runs from today', () => {
    expect(period('before the end of November')).toEqual(['2026-11-22', '2026-11-30']);
    expect(period('by the end of the month')).toEqual(['2026-11-22', '2026-11-30']);
    expect(period('by Christmas')).toEqual(['2026-11-22', '2026-12-25']);
    expect(period('before Christmas')).toEqual(['2026-11-22', '2026-12-24']);
    expect(period('between now and Christmas')).toEqual(['2026-11-22', '2026-12-25']);
    expect(period('by 30 November')).toEqual(['2026-11-22', '2026-11-30']);
    expect(period('before 30th Nov')).toEqual(['2026-11-22', '2026-11-29']);
    expect(period('by December')).toEqual(['2026-11-22', '2026-11-30']);
    expect(period('by the end of the year')).toEqual(['2026-11-22', '2026-12-31']);
    expect(period('by Friday')).toEqual(['2026-11-22', '2026-11-27']);
  });

  it('single days and explicit dates', () => {
    expect(period('due today')).toEqual(['2026-11-22', '2026-11-22']);
    expect(period('due tomorrow')).toEqual(['2026-11-23', '2026-11-23']);
    expect(period('due on 4 December')).toEqual(['2026-12-04', '2026-12-04']);
    expect(period('due 04/12/2026')).toEqual(['2026-12-04', '2026-12-04']);
    expect(period('due 2026-12-04')).toEqual(['2026-12-04', '2026-12-04']);
    expect(period('due on friday')).toEqual(['2026-11-27', '2026-11-27']);
    expect(period('due between 1 and 15 December')).toEqual(['2026-12-01', '2026-12-15']);
  });

  it('open-ended windows', () => {
    expect(period('due after Christmas')).toEqual(['2026-12-26', null]);
    expect(period('due from January')).toEqual(['2027-01-01', null]);
  });

  it('says the window in British words', () => {
    expect(parsePeriod('due in the next two weeks', TODAY)?.label).toBe('in the next two weeks (22 November to 6 December 2026)');
    expect(parsePeriod('due this week', '2026-11-18')?.label).toBe('this week (16 to 22 November 2026)');
    expect(parsePeriod('due this week', TODAY)?.label).toBe('this week (23 to 29 November 2026)');
    expect(parsePeriod('due in december', TODAY)?.label).toBe('in December 2026');
    expect(parsePeriod('were due in october', TODAY)?.past).toBe(true);
  });

  it('handles the turn of the year and leap days', () => {
    expect(period('next month', '2026-12-15')).toEqual(['2027-01-01', '2027-01-31']);
    expect(period('this week', '2027-01-01')).toEqual(['2026-12-28', '2027-01-03']);
    expect(period('in the next month', '2028-01-31')).toEqual(['2028-01-31', '2028-02-29']);
    expect(period('by christmas', '2026-12-27')).toEqual(['2026-12-27', '2027-12-25']);
  });

  it('finds nothing in questions without time words', () => {
    expect(period('who owns COM-06')).toBeNull();
    expect(period('what is overdue in WS5')).toBeNull();
  });
});
