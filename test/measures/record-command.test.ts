// "record 62% for EHC plans in 20 weeks" as people type it, and what is not a record command.
import { describe, expect, it } from 'vitest';
import { parseRecordCommand } from '../../src/flows/measures.js';

describe('parseRecordCommand', () => {
  it.each([
    ['record 62% for EHC plans in 20 weeks', { value: 62, unit: '%', what: 'EHC plans in 20 weeks', date: null, source: null }],
    ['Record 23 weeks for wheelchair waits.', { value: 23, unit: 'weeks', what: 'wheelchair waits', date: null, source: null }],
    ['record 81.5 per cent against cluster attendance on 2026-10-31', { value: 81.5, unit: 'per cent', what: 'cluster attendance', date: '2026-10-31', source: null }],
    ['record 25 weeks for therapy waits on 31 October 2026 from the ICB report', { value: 25, unit: 'weeks', what: 'therapy waits', date: '31 October 2026', source: 'the ICB report' }],
    ['record  40   for  EHC-20WK', { value: 40, unit: null, what: 'EHC-20WK', date: null, source: null }],
  ])('%s', (text, expected) => {
    expect(parseRecordCommand(text)).toEqual(expected);
  });

  it.each(['record', 'record for EHC plans', 'record sixty for EHC plans', 'please record 62% for EHC plans', 'how are we doing on EHC plans?', 'record -5 for waits', `record 5 for ${'x'.repeat(500)}`])(
    'is not a record command: %s', (text) => {
      expect(parseRecordCommand(text)).toBeNull();
    });
});
