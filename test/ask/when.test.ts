// The period parser's new cases (test/ask/periods.test.ts keeps the old ones, run against the same
// parser through src/ask/periods.ts). Today is Sunday 22 November 2026 unless a case says otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, lowerQuestion } from '../../src/ask/normalise.js';
import { parsePeriod } from '../../src/ask/when/index.js';
import type { SchoolTerm } from '../../src/domain/time/index.js';

const TODAY = '2026-11-22';

// ---- New cases, written from what people type. Terms: the demo's 2026-27 dates, as data.
const TERMS: SchoolTerm[] = [
  { academicYear: '2026-27', name: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18', halfTermStartsOn: '2026-10-26', halfTermEndsOn: '2026-10-30' },
  { academicYear: '2026-27', name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26', halfTermStartsOn: '2027-02-15', halfTermEndsOn: '2027-02-19' },
  { academicYear: '2026-27', name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21', halfTermStartsOn: '2027-05-31', halfTermEndsOn: '2027-06-04' },
];
const at = (q: string, today = TODAY, terms: SchoolTerm[] | undefined = TERMS) => parsePeriod(lowerQuestion(cleanText(q)), today, { terms });
const win = (q: string, today = TODAY, terms: SchoolTerm[] | undefined = TERMS) => {
  const p = at(q, today, terms);
  return p ? [p.from ?? null, p.to ?? null] : null;
};

describe('parsePeriod: days chrono reads', () => {
  it('reads weekdays, "next Friday", British numeric dates and ordinals', () => {
    expect(win("what's due next friday")).toEqual(['2026-11-27', '2026-11-27']);
    expect(win('anything due fri')).toEqual(['2026-11-27', '2026-11-27']);
    expect(win('due on the 3rd of dec')).toEqual(['2026-12-03', '2026-12-03']);
    expect(win('due 4/12')).toEqual(['2026-12-04', '2026-12-04']);
    expect(win('due 12/1/27')).toEqual(['2027-01-12', '2027-01-12']);
    expect(win('whats due by end of the month')).toEqual(['2026-11-22', '2026-11-30']);
    expect(win('due in two weeks')).toEqual(['2026-11-22', '2026-12-06']);
    expect(at('due 4/12')?.source).toBe('chrono');
  });
  it('a time of day is not a day window', () => {
    expect(win('remind me in 5 minutes')).toBeNull();
  });
});

describe('parsePeriod: the calendar chrono does not know', () => {
  it('Christmas, Easter and bank holidays', () => {
    expect(win('what must I get done before Christmas')).toEqual(['2026-11-22', '2026-12-24']);
    expect(win('anything of mine due before easter?')).toEqual(['2026-11-22', '2027-03-27']);
    expect(win('by easter')).toEqual(['2026-11-22', '2027-03-28']);
    expect(win('due after easter')).toEqual(['2027-03-29', null]);
    expect(win('by the bank holiday')).toEqual(['2026-11-22', '2026-12-25']);
  });
  it('financial quarters on 31 March are the last day of Q4', () => {
    expect(win('this quarter', '2027-03-31')).toEqual(['2027-01-01', '2027-03-31']);
    expect(win('next quarter', '2027-03-31')).toEqual(['2027-04-01', '2027-06-30']);
    expect(win('by the end of the financial year', '2027-03-31')).toEqual(['2027-03-31', '2027-03-31']);
  });
});

describe('parsePeriod: school terms from the term dates', () => {
  it('this term, next term, a named term', () => {
    expect(win("what's due this term")).toEqual(['2026-09-03', '2026-12-18']);
    expect(win('next term')).toEqual(['2027-01-04', '2027-03-26']);
    expect(win('due in the spring term')).toEqual(['2027-01-04', '2027-03-26']);
    expect(win('summer term')).toEqual(['2027-04-12', '2027-07-21']);
    expect(at("what's due this term")?.label).toBe('this term (autumn term 2026-27, 3 September to 18 December 2026)');
  });
  it('by the end of term, before half term, the holidays', () => {
    expect(win('by the end of term')).toEqual(['2026-11-22', '2026-12-18']);
    expect(win('before half term')).toEqual(['2026-11-22', '2027-02-14']);
    expect(win('over half term')).toEqual(['2027-02-15', '2027-02-19']);
    expect(win('during the christmas holidays')).toEqual(['2026-12-19', '2027-01-03']);
    expect(win('easter hols')).toEqual(['2027-03-27', '2027-04-11']);
    expect(win('before the summer holidays')).toEqual(['2026-11-22', '2027-07-21']);
  });
  it('on the last day of a term, "this term" is still that term', () => {
    expect(win('this term', '2026-12-18')).toEqual(['2026-09-03', '2026-12-18']);
    expect(win('by the end of term', '2026-12-18')).toEqual(['2026-12-18', '2026-12-18']);
    expect(win('next term', '2026-12-18')).toEqual(['2027-01-04', '2027-03-26']);
  });
  it('in the summer holidays, "this term" is the coming one', () => {
    expect(win('this term', '2026-08-10')).toEqual(['2026-09-03', '2026-12-18']);
    expect(win('before half term', '2026-08-10')).toEqual(['2026-08-10', '2026-10-25']);
    const hols = at('summer holidays', '2026-08-10');
    expect([hols?.from, hols?.to]).toEqual(['2026-08-01', '2026-09-02']);
    expect(hols?.label).toContain('as far as the term dates I have show');
  });
  it('says it does not know the term dates rather than guessing', () => {
    const p = parsePeriod('due this term', TODAY);
    expect(p?.from).toBeUndefined();
    expect(p?.missing).toMatch(/term_dates\.csv/);
    expect(at('before half term', TODAY, [])?.missing).toMatch(/term_dates\.csv/);
    expect(at('this term', '2028-01-10')?.missing).toMatch(/don't cover this term/);
  });
  it('"term dates" and "long-term" are not windows', () => {
    expect(win('when are the term dates')).toBeNull();
  });
});

describe('parsePeriod: typing slips', () => {
  it.each([
    ['nxt week', ['2026-11-23', '2026-11-29'], 'nxt'],
    ['due tmrw', ['2026-11-23', '2026-11-23'], 'tmrw'],
    ['thsi month', ['2026-11-01', '2026-11-30'], 'thsi'],
    ['what is due in febuary', ['2027-02-01', '2027-02-28'], 'febuary'],
    ['before chrismas', ['2026-11-22', '2026-12-24'], 'chrismas'],
    ['due on wensday', ['2026-11-25', '2026-11-25'], 'wensday'],
  ])('%s', (q, expected, typed) => {
    const p = at(q);
    expect([p?.from ?? null, p?.to ?? null]).toEqual(expected);
    expect(p?.corrections?.map((c) => c.typed)).toEqual([typed]);
  });
  it('spans point at what was typed', () => {
    const q = 'show nxt week please';
    const p = at(q);
    expect(q.slice(p?.start, p?.end)).toBe('nxt week');
  });
  it('real words near period words are left alone', () => {
    expect(win('show his actions')).toBeNull();
    expect(win('the string of actions')).toBeNull();
    expect(at('due this week')?.corrections).toBeUndefined();
  });
});

describe('parsePeriod: what must not be read as a window', () => {
  it.each([
    'who owns COM-06', 'what is overdue in WS5', 'may I see the overdue actions', 'what is the march of progress',
    'our long-term plan', 'in the short term', 'when are the term dates', 'show his actions', 'the string of actions',
    'ws2 q&a', 'what did Sam say', 'mark INC-02 as complete', 'who is the OT', 'need an slt for our reception class',
    'sent 3 emails', 'text the chair', 'send me my digest now', 'snooze for two weeks', 'snooze nudges for 3 days', 'snooze 10 days',
  ])('%s', (q) => {
    expect(win(q)).toBeNull();
  });
});

describe('parsePeriod: variants of the same question', () => {
  const variants = (q: string) => [
    q, q.toUpperCase(), q.replace(/ /g, '  '), ` ${q} `, q.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    q.replace(/ /g, ' \u200b'),
  ];
  it.each([
    ["what's due next week", ['2026-11-23', '2026-11-29']],
    ['anything due before christmas', ['2026-11-22', '2026-12-24']],
    ['due this term', ['2026-09-03', '2026-12-18']],
    ['due 4/12', ['2026-12-04', '2026-12-04']],
  ] as const)('%s', (q, expected) => {
    for (const v of variants(q)) expect(win(v), JSON.stringify(v)).toEqual(expected);
  });
});

describe('parsePeriod: long input', () => {
  it('finishes quickly on 100,000 characters', () => {
    // chrono's first calls pay a one-off start-up (about 0.35 s, measured with tsx on a busy
    // machine); the bound is on every call after that.
    for (const w of ['next o', 'a', '1 dec ', '1/']) parsePeriod(w.repeat(400), TODAY, { terms: TERMS });
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('next ', 'by the ', 'between 1 and ', 'q', '1/', '1 dec ', 'term ', 'half ', 'nxt ', 'from ', 'a'), (s, w) => {
      const text = (w + s).repeat(Math.ceil(100_000 / (w.length + s.length))).slice(0, 100_000).toLowerCase();
      // Best of three: the machine is shared, and a pause of the process is not the parser's.
      let best = Infinity;
      for (let i = 0; i < 3 && best >= 50; i++) {
        const t0 = performance.now();
        parsePeriod(text, TODAY, { terms: TERMS });
        best = Math.min(best, performance.now() - t0);
      }
      return best < 50;
    }), { numRuns: 40 });
  });
});

describe('parsePeriod: months ahead, days of the month, windows between named days', () => {
  it('a month without a year looks ahead, except the two just gone and the past tense', () => {
    expect(win("what's due in july")).toEqual(['2027-07-01', '2027-07-31']);
    expect(win('wots due in june')).toEqual(['2027-06-01', '2027-06-30']);
    expect(win('anything for august?')).toEqual(['2027-08-01', '2027-08-31']);
    expect(win("what's due in october")).toEqual(['2026-10-01', '2026-10-31']);
    expect(win('what was due in july')).toEqual(['2026-07-01', '2026-07-31']);
  });

  it('"next March" is the first March after this month; "last March" the one before', () => {
    expect(win('whats due next march')).toEqual(['2027-03-01', '2027-03-31']);
    expect(win('anything next jan')).toEqual(['2027-01-01', '2027-01-31']);
    expect(win('next november, what is due')).toEqual(['2027-11-01', '2027-11-30']);
    expect(win('what was due last march')).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('"by the 30th" and "on the 3rd" are the next day with that number', () => {
    expect(win('what have i got due by the 30th')).toEqual(['2026-11-22', '2026-11-30']);
    expect(win('due before the 15th pls')).toEqual(['2026-11-22', '2026-12-14']);
    expect(win('anything due by the 31st?')).toEqual(['2026-11-22', '2026-12-31']);
    expect(win('whats due on the 30th')).toEqual(['2026-11-30', '2026-11-30']);
  });

  it('"between" two named days or months runs from the first to the end of the second', () => {
    expect(win('anything due between christmas and new year')).toEqual(['2026-12-25', '2027-01-01']);
    expect(win('due between xmas and the new year?')).toEqual(['2026-12-25', '2027-01-01']);
    expect(win('whats due between jan and march')).toEqual(['2027-01-01', '2027-03-31']);
    expect(win('between now and easter what is due')).toEqual(['2026-11-22', '2027-03-28']);
  });
});

describe('parsePeriod: "since" looks back', () => {
  it('"since Monday" is the Monday just gone; "from Monday" the coming one', () => {
    expect(win('anything updated since monday')).toEqual(['2026-11-16', null]);
    expect(win('since friday')).toEqual(['2026-11-20', null]);
    expect(win('what is due from monday')).toEqual(['2026-11-23', null]);
  });
});

describe('parsePeriod: holidays, seasons and weeks as people say them', () => {
  it('"over Christmas", "during Easter" are the holidays; "in the spring", "this autumn" the school term', () => {
    expect(win('anything due over christmas')).toEqual(['2026-12-19', '2027-01-03']);
    expect(win('due during easter?')).toEqual(['2027-03-27', '2027-04-11']);
    expect(win('whats due in the spring')).toEqual(['2027-01-04', '2027-03-26']);
    expect(win('anything this autumn')).toEqual(['2026-09-03', '2026-12-18']);
    expect(win('what is due on christmas day')).toEqual(['2026-12-25', '2026-12-25']);
  });

  it('"after half term", "after the Christmas holidays" start the day after it ends', () => {
    expect(win('whats due after half term')).toEqual(['2027-02-20', null]);
    expect(win('due after the xmas hols')).toEqual(['2027-01-04', null]);
  });

  it('"the week after next", "this side of Christmas", "b4 xmas", "in the new year"', () => {
    expect(win("what's due the week after next")).toEqual(['2026-11-30', '2026-12-06']);
    expect(win("what's due this side of christmas")).toEqual(['2026-11-22', '2026-12-24']);
    expect(win('anything due b4 xmas')).toEqual(['2026-11-22', '2026-12-24']);
    expect(win('what is due in the new year')).toEqual(['2027-01-01', null]);
  });
});


describe('parsePeriod: weeks of a month, quarter ends, seasons of a year, and "coming up in"', () => {
  it('"the first week of December" is the Monday-to-Sunday week holding its first working day', () => {
    expect(win('what is due in the first week of december')).toEqual(['2026-11-30', '2026-12-06']);
    expect(win('anything due 2nd week of dec')).toEqual(['2026-12-07', '2026-12-13']);
    // 1 May 2027 is a Saturday: the first working week starts on Monday 3 May.
    expect(win('due in the first week of may 2027')).toEqual(['2027-05-03', '2027-05-09']);
  });
  it('"the last week of January" is not the past tense', () => {
    expect(win('whats due the last week of january')).toEqual(['2027-01-25', '2027-01-31']);
    expect(win('what was due in the last week of october')).toEqual(['2026-10-26', '2026-11-01']);
  });
  it('"the week of", "week commencing" and "w/c" name a week by a day in it', () => {
    expect(win('anything due w/c 7 dec')).toEqual(['2026-12-07', '2026-12-13']);
    expect(win('due week commencing 30/11')).toEqual(['2026-11-30', '2026-12-06']);
    expect(win('what is due the week of 9 december')).toEqual(['2026-12-07', '2026-12-13']);
  });
  it('"by the end of Q3" runs from today; "in Q3" is the whole quarter', () => {
    expect(win('anything due by the end of Q3')).toEqual(['2026-11-22', '2026-12-31']);
    expect(win('due before end of q4')).toEqual(['2026-11-22', '2027-03-31']);
    expect(win('due in q3')).toEqual(['2026-10-01', '2026-12-31']);
  });
  it('"summer 2027" is the summer term of 2027, or June to August without term dates', () => {
    expect(win('what is due in summer 2027')).toEqual(['2027-04-12', '2027-07-21']);
    expect(win('what is due in summer 2027', TODAY, [])).toEqual(['2027-06-01', '2027-08-31']);
    expect(at('due in the summer term 2027', TODAY, [])?.missing).toBeTruthy();
  });
  it('"coming up" gives way to a window the question names', () => {
    expect(win('what is coming up in March?')).toEqual(['2027-03-01', '2027-03-31']);
    expect(win("what's coming up")).toEqual(['2026-11-22', '2026-12-06']);
  });
});

describe('parsePeriod: years said alone, and months of next year', () => {
  it('"due in 2027" is the calendar year; a number that is not a year is not a window', () => {
    expect(win('show all actions due in 2027')).toEqual(['2027-01-01', '2027-12-31']);
    expect(win('what happened during 2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(win('in march 2027')).toEqual(['2027-03-01', '2027-03-31']);
    expect(win('summary of the 2027 review')).toBeNull();
  });
  it('"April next year" is April of next year, not the whole year', () => {
    expect(win('due in april next year')).toEqual(['2027-04-01', '2027-04-30']);
    expect(win('anything due next year')).toEqual(['2027-01-01', '2027-12-31']);
  });
});

describe('parsePeriod: between two numeric dates', () => {
  it('reads both ends day first', () => {
    expect(win('anything due between 1/12 and 11/12')).toEqual(['2026-12-01', '2026-12-11']);
    expect(win('due from 30/11 to 4/12/2026')).toEqual(['2026-11-30', '2026-12-04']);
  });
});

describe('parsePeriod: back from today', () => {
  it('reads "the last 7 days", "past three weeks" and "the previous fortnight" as windows ending today', () => {
    expect(win('what was due in the last 7 days?')).toEqual(['2026-11-15', '2026-11-22']);
    expect(win('anything completed over the past three weeks')).toEqual(['2026-11-01', '2026-11-22']);
    expect(win('what was due in the previous fortnight')).toEqual(['2026-11-08', '2026-11-22']);
    expect(win('due in the last 2 months')).toEqual(['2026-09-22', '2026-11-22']);
  });
  it('leaves "last week" and "last month" alone the calendar ones, and "next 7 days" forward', () => {
    expect(win('what was due last week')).toEqual(['2026-11-09', '2026-11-15']);
    expect(win('what was due last month')).toEqual(['2026-10-01', '2026-10-31']);
    expect(win('due in the next 7 days')).toEqual(['2026-11-22', '2026-11-29']);
  });
});
