import { describe, expect, it } from 'vitest';
import { PRIVACY_MESSAGES, PRIVACY_REASON_CODES, screenText } from '../../../src/domain/privacy/index.js';
import { CORPUS, PASSING, REFUSED } from './corpus.js';

const codesOf = (text: string, extraNames?: string[]) => {
  const result = screenText(text, extraNames ? { extraNames } : undefined);
  return result.ok ? [] : result.reasons.map((r) => r.code);
};

describe('the corpus', () => {
  it('is big enough and at least half ordinary text', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(70);
    expect(PASSING.length * 2).toBeGreaterThanOrEqual(CORPUS.length);
    for (const code of PRIVACY_REASON_CODES) {
      expect(REFUSED.some((c) => c.expect.includes(code)), code).toBe(true);
    }
  });
});

describe('screenText lets ordinary professional text through', () => {
  it.each(PASSING.map((c) => [c.text]))('%j', (text) => {
    expect(screenText(text)).toEqual({ ok: true });
  });
});

describe('screenText refuses text that could identify someone', () => {
  it.each(REFUSED.map((c) => [c.text, c.expect, c.offending ?? []] as const))('%j → %j', (text, expected, offending) => {
    const result = screenText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons.map((r) => r.code).sort()).toEqual([...expected].sort());
    for (const reason of result.reasons) {
      expect(reason.message).toBe(PRIVACY_MESSAGES[reason.code]);
      for (const secret of offending) expect(reason.message).not.toContain(secret);
    }
  });
});

describe('reasons', () => {
  it('come once per kind, in a fixed order', () => {
    const result = screenText('Oliver Smith and Emily Jones, DOB 01/02/2016, 12 Acacia Avenue, HD1 2AB, HD2 1AB');
    expect(result).toEqual({
      ok: false,
      reasons: [
        { code: 'personal_name', message: PRIVACY_MESSAGES.personal_name },
        { code: 'date_of_birth', message: PRIVACY_MESSAGES.date_of_birth },
        { code: 'address', message: PRIVACY_MESSAGES.address },
        { code: 'postcode', message: PRIVACY_MESSAGES.postcode },
      ],
    });
  });

  it('have short, kind, plain messages that quote nothing', () => {
    for (const code of PRIVACY_REASON_CODES) {
      const message = PRIVACY_MESSAGES[code];
      expect(message.startsWith('It looks like this')).toBe(true);
      expect(message).toMatch(/Please/);
      expect(message.length).toBeLessThan(200);
      expect(message).not.toMatch(/\d{3}|[A-Z]{1,2}\d{1,2} ?\d[A-Z]{2}/); // no numbers or postcodes to echo
    }
  });

  it('never contain any word or number from the sensitive text', () => {
    for (const c of REFUSED) {
      const result = screenText(c.text);
      if (result.ok) continue;
      const pieces = (c.offending ?? []).flatMap((o) => o.split(/[^\p{L}\d]+/u)).filter((w) => w.length >= 3);
      for (const reason of result.reasons) {
        for (const piece of pieces) expect(reason.message).not.toContain(piece);
      }
    }
  });
});

describe('screenText is a pure, quiet function', () => {
  it('gives the same answer every time and does not change its options', () => {
    const options = { extraNames: ['Zqvorath'] };
    const first = screenText('Zqvorath needs support', options);
    expect(first.ok).toBe(false);
    expect(screenText('Zqvorath needs support', options)).toEqual(first);
    expect(options).toEqual({ extraNames: ['Zqvorath'] });
    expect(screenText('Zqvorath needs support')).toEqual({ ok: true }); // nothing leaks between calls
  });

  it('passes empty text', () => {
    expect(screenText('')).toEqual({ ok: true });
    expect(screenText('   \n ')).toEqual({ ok: true });
  });

  it('never writes to the console', () => {
    const calls: unknown[] = [];
    const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    for (const k of Object.keys(original) as (keyof typeof original)[]) console[k] = (...args: unknown[]) => { calls.push(args); };
    try {
      for (const c of CORPUS) screenText(c.text);
    } finally {
      Object.assign(console, original);
    }
    expect(calls).toEqual([]);
  });
});

describe('extraNames', () => {
  it('adds single names and full names', () => {
    expect(codesOf('Zqvorath needs support', ['Zqvorath'])).toEqual(['personal_name']);
    expect(codesOf('Ask jo bloggs about it', ['Jo Bloggs'])).toEqual(['personal_name']);
    expect(codesOf("Jo's reading has improved", ['Jo Bloggs'])).toEqual(['personal_name']);
  });

  it('keeps ambiguous extra names to their cues', () => {
    expect(codesOf('May half term suits us', ['May Brown'])).toEqual([]);
    expect(codesOf('Please invite May Brown', ['May Brown'])).toEqual(['personal_name']);
  });

  it('ignores blank entries', () => {
    expect(codesOf('Year 4 need help', ['', '  ', 'x'])).toEqual([]);
  });
});

describe('names', () => {
  it.each([
    ['a boy called Zoltan', true],
    ['the girl, known as Bee', true],
    ['a pupil in Year 4 called Tiago', true],
    ["the child's name is Tiago", true],
    ['Zoltan (Y5) has ADHD', true], // a name in the data sets, even at a sentence start
    ['Zqvorath (Y5) has ADHD', true], // in no word list and no name list: at a sentence start, before a year group, a name
    ['Phonics (Y5) is going well', false], // an English word there is the subject, not a child
    ['Numicon in Year 1 has helped', false], // a resource, in the list of words that are not names
    ['We discussed Zoltan (Y5) and his needs', true],
    ['We discussed Zoltan in Year 5 today', true],
    ["Zoltan's dad called the school", true],
    ['Miss Trunchbull will attend', false], // an adult, named with a title
    ['Mr. Patel will attend', false],
    ['Grace Patel will attend', true],
    ['Amira-Rose is settling in', true],
    ['AMIRA is in capitals', true],
    ['The SEN and AOB items', false],
    ['a parent called the school', false],
    ['an intervention called Attention Autism', false],
    ['Holly Bank School and Rose Hill Primary are in the cluster', false],
    ['Oliver class would like a visit', false],
    ['King James School is our secondary partner', false],
    ['the Victoria building is closed', false],
    ['Maths in Year 6 and Phonics in Year 1', false],
  ])('%j → refused: %s', (text, refused) => {
    expect(codesOf(text).includes('personal_name')).toBe(refused);
  });
});

describe('numbers', () => {
  it('accepts UPNs with spaces or hyphens but not longer codes', () => {
    expect(codesOf('A1234-5678-9012')).toEqual(['upn']);
    expect(codesOf('ISBN 978-1-234-56789-7')).toEqual([]);
    expect(codesOf('A12345678901234')).toEqual([]);
  });

  it('checks the NHS check digit', () => {
    expect(codesOf('9434765918')).toEqual([]);
    expect(codesOf('943 476 5919')).toEqual(['nhs_number']);
    expect(codesOf('Year 5 943 476 5919')).toEqual(['nhs_number']);
  });

  it('lets phone numbers through', () => {
    expect(codesOf('Call 0943 476 5919 or 01484 221000')).toEqual([]);
    expect(codesOf('+44 943 476 5919')).toEqual([]);
  });
});

describe('postcodes and addresses', () => {
  it.each([
    ['HD1 2AB', ['postcode']],
    ['hd1 2ab', ['postcode']],
    ['HD12AB', ['postcode']],
    ['SW1A 1AA', ['postcode']],
    ['HD1', []],
    ['KS2 2AB is not a postcode area', []],
    ['on the M6 2nd junction', []],
    ['Year 6 Park visit', []],
    ['3 Green Lane', ['address']],
    ['Apartment 12B is on the second floor', ['address']],
    ['the flat 3D shapes in maths', []],
  ])('%j → %j', (text, expected) => {
    expect(codesOf(text)).toEqual(expected);
  });
});

describe('ages', () => {
  it.each([
    ['Tiago (aged 8) struggles', ['age_with_name']],
    ['Tiago aged 8 struggles', ['age_with_name']],
    ['a 10 year old boy called Tiago', ['age_with_name']],
    ['Ruby, aged 6, and Will (9)', ['age_with_name']],
    ['Tom is 2 years behind in reading', ['personal_name']],
    ['Siblings aged 5 to 9 can attend the group', []],
    ['Students aged 16-19 at the college', []],
    ['See Appendix (2) and Option (3)', []],
    ['He is 7 and in Year 2', []],
  ])('%j → %j', (text, expected) => {
    expect(codesOf(text)).toEqual(expected);
  });
});

describe('dates of birth', () => {
  it.each([
    ['date of birth 2017-04-03', true],
    ['D.O.B: 3rd April 2017', true],
    ['She was born on the 3rd of April', true],
    ['born 3.4.17 at 28 weeks', true],
    ['The child was born prematurely at 28 weeks.', false],
    ['Born in Bradford data suggests more speech delay. Meeting on 3 December.', false],
    ['EP visit booked for 3/12/2026.', false],
    ['Cohort born 2016/17 is now in Year 4', false],
  ])('%j → refused: %s', (text, refused) => {
    expect(codesOf(text).includes('date_of_birth')).toBe(refused);
  });
});

describe('long text', () => {
  it('screens a long agenda quickly and without false alarms', () => {
    const agenda = PASSING.map((c) => c.text).join('\n').repeat(10);
    const started = performance.now();
    expect(screenText(agenda)).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
