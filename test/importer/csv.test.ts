import { describe, expect, it } from 'vitest';
import { formatCsvField, parseCsv, writeCsv } from '../../src/importer/csv.js';
import { formatTimestamp, parseArea, parseIsoDate, parseRow, parseTimestamp } from '../../src/importer/rows.js';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);
const lines = (text: string) => parseCsv(text).records.map((r) => r.line);

describe('parseCsv', () => {
  it('reads plain records with their physical line numbers', () => {
    const result = parseCsv('a,b,c\n1,2,3\n4,5,6\n');
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'ref,title\nA,"one, two"\nB,"say ""hi"""\nC,"first\nsecond\nthird"\nD,last\n';
    expect(fields(text)).toEqual([['ref', 'title'], ['A', 'one, two'], ['B', 'say "hi"'], ['C', 'first\nsecond\nthird'], ['D', 'last']]);
    // The record after a field spanning three lines starts on line 7.
    expect(lines(text)).toEqual([1, 2, 3, 4, 7]);
  });

  it('accepts CRLF line ends (a line break inside a field becomes \\n) and a byte order mark', () => {
    const text = '\uFEFFkey,note\r\nx,"a\r\nb"\r\ny,plain\r\n';
    const result = parseCsv(text);
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      { line: 1, fields: ['key', 'note'] },
      { line: 2, fields: ['x', 'a\nb'] },
      { line: 4, fields: ['y', 'plain'] },
    ]);
  });

  it('handles a missing final line end, empty fields and blank lines', () => {
    expect(fields('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
    expect(fields('a,b\n,\n')).toEqual([['a', 'b'], ['', '']]);
    expect(fields('a,b\n\n1,2\n\n\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(lines('a,b\n\n1,2\n')).toEqual([1, 3]);
    expect(fields('a\n""\n')).toEqual([['a'], ['']]);
    expect(fields('')).toEqual([]);
    expect(fields('\uFEFF')).toEqual([]);
  });

  it('accepts a lone CR as a line end', () => {
    expect(parseCsv('a,b\r1,2\r').records).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  });

  it('reports a quoted field that is never closed, at the line where it opens', () => {
    const result = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(result.issues).toEqual([{ line: 3, reason: expect.stringContaining('never closed') }]);
    expect(result.records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('reports a quote inside an unquoted field and text after a closing quote', () => {
    const result = parseCsv('a,b\n1,say "hi"\n2,"quoted" tail\n3,ok\n');
    expect(result.issues).toEqual([
      { line: 2, reason: expect.stringContaining('inside an unquoted field') },
      { line: 3, reason: expect.stringContaining('after a closing quote') },
    ]);
    expect(result.records).toHaveLength(4);
  });
});

describe('writeCsv', () => {
  it('quotes only fields that need it', () => {
    expect(formatCsvField('plain')).toBe('plain');
    expect(formatCsvField('a, b')).toBe('"a, b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvField(' padded ')).toBe('" padded "');
    expect(formatCsvField('')).toBe('');
  });

  it('writes rows that read back identically, with LF or CRLF', () => {
    const rows = [['ref', 'title', 'note'], ['A', 'one, two', 'say "hi"'], ['B', 'multi\nline', ''], ['C', '', ' spaced ']];
    expect(writeCsv(rows)).toBe('ref,title,note\nA,"one, two","say ""hi"""\nB,"multi\nline",\nC,," spaced "\n');
    expect(fields(writeCsv(rows))).toEqual(rows);
    expect(fields(writeCsv(rows, { eol: '\r\n' }))).toEqual(rows);
  });

  it('always quotes the chosen free-text columns, except the header and empty values', () => {
    expect(writeCsv([['a', 'b'], ['x', 'y'], ['z', '']], { alwaysQuote: [1] })).toBe('a,b\nx,"y"\nz,\n');
  });
});

describe('row formats', () => {
  it('maps area wording to the enum, case-insensitively; empty is none', () => {
    expect(parseArea('Communication')).toBe('communication');
    expect(parseArea('EHC plans')).toBe('ehc_plans');
    expect(parseArea('ehc PLANS')).toBe('ehc_plans');
    expect(parseArea('Health waiting times')).toBe('health_waiting_times');
    expect(parseArea('Preparing for Adulthood')).toBe('preparing_for_adulthood');
    expect(parseArea('preparing_for_adulthood')).toBe('preparing_for_adulthood');
    expect(parseArea('')).toBeNull();
    expect(parseArea('Transport')).toBeUndefined();
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2026-11-22')).toBe('2026-11-22');
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
    expect(parseIsoDate('22/11/2026')).toBeUndefined();
    expect(parseIsoDate('2026-11-22T00:00:00Z')).toBeUndefined();
    expect(parseIsoDate('2026-1-2')).toBeUndefined();
  });

  it('accepts timestamps only with an offset', () => {
    expect(parseTimestamp('2026-11-25T13:30:00+00:00')?.toISOString()).toBe('2026-11-25T13:30:00.000Z');
    expect(parseTimestamp('2026-06-25T14:30:00+01:00')?.toISOString()).toBe('2026-06-25T13:30:00.000Z');
    expect(parseTimestamp('2026-11-25T13:30Z')?.toISOString()).toBe('2026-11-25T13:30:00.000Z');
    expect(parseTimestamp('2026-11-25T13:30:00.250Z')?.toISOString()).toBe('2026-11-25T13:30:00.250Z');
    expect(parseTimestamp('2026-11-25T13:30:00')).toBeUndefined();
    expect(parseTimestamp('2026-11-25 13:30:00+00:00')).toBeUndefined();
    expect(parseTimestamp('2026-11-25T25:30:00+00:00')).toBeUndefined();
    expect(parseTimestamp('2026-02-30T10:00:00+00:00')).toBeUndefined();
  });

  it('formats timestamps as the demo files do', () => {
    expect(formatTimestamp(new Date('2026-11-25T13:30:00Z'))).toBe('2026-11-25T13:30:00+00:00');
    expect(formatTimestamp(new Date('2026-11-25T13:30:00.250Z'))).toBe('2026-11-25T13:30:00.250+00:00');
  });

  it('parses a person row: roles split on ";", ids lower-cased', () => {
    const parsed = parseRow('people.csv', {
      key: 'amorgan', name: ' Alex Morgan ', email: 'alex@example.org', roles: 'Lead; admin;', specialism: '', job_title: '',
      teams_aad_object_id: '6F1C2A10-0001-4A6E-9C1A-000000000001',
    });
    expect(parsed).toEqual({
      ok: true,
      row: {
        key: 'amorgan', name: 'Alex Morgan', email: 'alex@example.org', roles: ['lead', 'admin'], specialism: null, job_title: null,
        teams_aad_object_id: '6f1c2a10-0001-4a6e-9c1a-000000000001',
      },
    });
  });

  it('explains what is wrong with a row, column by column', () => {
    const parsed = parseRow('actions.csv', {
      ref: 'COM 01', title: '', workstream: 'WS1', area_for_improvement: 'Transport', owner: '', due: '2026-02-30', status: 'done',
      last_update: '', source: '',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reasons).toEqual([
      expect.stringMatching(/^ref "COM 01" is not a valid key/),
      'title is required',
      expect.stringMatching(/^area_for_improvement "Transport" is not an area for improvement/),
      'due "2026-02-30" is not a real date',
      'status "done" is not one of not_started, on_track, at_risk, off_track, complete',
    ]);
  });

  it('splits meeting agenda items on ";"', () => {
    const parsed = parseRow('meetings.csv', {
      cluster: 'BS1', starts_at: '2026-11-25T13:30:00+00:00', duration_minutes: '90', location: 'Teams', agenda: 'One; Two ;;Three',
    });
    expect(parsed.ok && parsed.row.agenda).toEqual(['One', 'Two', 'Three']);
  });
});
