import { describe, expect, it } from 'vitest';
import { findActionRefs, findGluedUnknownRefs, findRequestRefs, refCandidates } from '../../src/ask/references.js';

const PREFIXES = ['COM', 'RFM', 'GOV', 'EHC', 'DAT', 'INC', 'EAH', 'HLT', 'PFA', 'SUF'];
const refs = (q: string) => findActionRefs(q, PREFIXES).map((r) => r.ref);

describe('action references', () => {
  it('reads loose forms of a known prefix', () => {
    for (const q of ['com 6', 'com-6', 'com06', 'com-06', 'com_06', 'com. 6', 'who owns com 6?', 'status of com-06 please']) {
      expect(refs(q), q).toEqual(['COM-06']);
    }
  });

  it('offers zero-padded and plain forms to look up', () => {
    expect(refCandidates('com', '6')).toEqual(['COM-06', 'COM-6', 'COM-006', 'COM-0006', 'COM-00006']);
    expect(refCandidates('dat', '0012')[0]).toBe('DAT-12');
  });

  it('reads several references in order', () => {
    expect(refs('who owns com 5 and dat-2?')).toEqual(['COM-05', 'DAT-02']);
  });

  it('reads an unknown prefix only when written like a reference', () => {
    const found = findActionRefs('who owns xyz-99?', PREFIXES);
    expect(found.map((r) => [r.ref, r.known])).toEqual([['XYZ-99', false]]);
    expect(refs('what about year 9 outcomes')).toEqual([]);
    expect(refs('post-16 settings')).toEqual([]);
    expect(refs('overdue in ws 5')).toEqual([]);
    expect(refs('ws-5 actions')).toEqual([]);
    expect(refs('next 2 weeks')).toEqual([]);
    expect(refs('q3 report')).toEqual([]);
  });

  it('does not read request references as actions', () => {
    expect(refs('status of eah-r-0002')).toEqual([]);
    expect(refs('eah 5 owner')).toEqual(['EAH-05']);
  });

  it('finds glued unknown references in the original text', () => {
    expect(findGluedUnknownRefs('Who owns XYZ99?', PREFIXES)).toEqual(['XYZ99']);
    expect(findGluedUnknownRefs('Who owns COM06?', PREFIXES)).toEqual([]);
    expect(findGluedUnknownRefs('What about WS5 and KS4?', PREFIXES)).toEqual([]);
  });
});

describe('request references', () => {
  it('reads Experts at Hand request references loosely', () => {
    for (const q of ['eah-r-0002', 'eah r 2', 'eahr0002', 'status of eah-r-2?']) {
      expect(findRequestRefs(q).map((r) => r.ref), q).toEqual(['EAH-R-0002']);
    }
    expect(findRequestRefs('eah 5')).toEqual([]);
  });

  it('reads "request 2", "request no. 0002" and a bare "0002" as a request; other numbers are not', () => {
    for (const q of ['who made request 0002', 'who raised 0002?', "what's the status of request 2", 'request no. 2 - where is it', 'referral #2']) {
      expect(findRequestRefs(q).map((r) => r.ref), q).toEqual(['EAH-R-0002']);
    }
    for (const q of ['what is due in 2027', 'meeting at 0930', 'requests in the last 2 weeks', 'page 2', 'com-0002', 'how many requests']) {
      expect(findRequestRefs(q), q).toEqual([]);
    }
  });
});
