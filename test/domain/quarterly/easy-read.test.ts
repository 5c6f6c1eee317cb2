// The easy-read report: a parent reads it to learn the ten things that matter most, in short
// sentences. The rule that picks them is fixed and stated on the page; the partnership's words
// are escaped, and a title the public-text screen refuses never reaches the page.
import { describe, expect, it } from 'vitest';
import { buildEasyRead, easyReadItems, EASY_READ_RULE } from '../../../src/domain/quarterly/easy-read.js';
import type { ChangeLine, LateItem, QuarterlyReportModel } from '../../../src/domain/quarterly/report-model.js';
import type { MeasureLine } from '../../../src/domain/public/measures.js';
import { renderEasyRead } from '../../../src/reports/easy-read.js';
import { withPrintCss, withReportLinks } from '../../../src/reports/print.js';

const zero = { not_started: 0, on_track: 0, at_risk: 0, off_track: 0, complete: 0 };

function model(o: Partial<QuarterlyReportModel> = {}): QuarterlyReportModel {
  return {
    title: 'Quarterly progress report: Q3 2026-27', quarterLabel: 'Q3 2026-27', months: 'October to December 2026', today: '2026-12-31', final: true,
    total: 0, counts: { ...zero }, open: 0, overdueCount: 0, lateByStatus: { ...zero }, byArea: [], unlinked: null, baseline: null, byWorkstream: [],
    completed: [], statusChanges: [], dueMoves: [], added: 0, updatesGiven: 0, late: [], atRisk: [], ratings: [], round: null, measures: [], ...o,
  };
}

const late = (ref: string, daysLate: number, title = `Title of ${ref}`): LateItem => ({
  ref, title, workstream: 'WS1', owner: 'Communications Officer, Kirklees Council', dueDate: '2026-11-01', daysLate, status: 'on_track', why: 'A note',
});
const done = (ref: string, on: string, title = `Title of ${ref}`): ChangeLine => ({ ref, title, workstream: 'WS1', on, words: 'completed', note: null });
const measure = (name: string, course: string): MeasureLine => ({
  ref: name, name, unit: '%', direction: 'higher', course, trendText: '', courseText: '',
  points: [{ value: 40, date: '2026-04-01' }, { value: 55, date: '2026-11-30' }], target: { value: 80, date: '2027-03-31' }, alternative: '',
});

describe('the ten things that matter most', () => {
  it('puts figures off course first, then the most late jobs, then jobs done, then figures on course, and stops at ten', () => {
    const m = model({
      measures: [measure('Wheelchair waits', 'on course'), measure('Plans on time', 'off course'), measure('Therapy waits', 'target missed'), measure('Cluster visits', 'too early to say')],
      late: [late('L1', 90), late('L2', 60), late('L3', 40), late('L4', 30), late('L5', 10)],
      completed: [done('D1', '2026-10-02'), done('D2', '2026-12-01'), done('D3', '2026-11-15'), done('D4', '2026-10-20')],
    });
    const items = easyReadItems(m);
    expect(items.map((i) => i.kind)).toEqual(['measure-behind', 'measure-behind', 'late', 'late', 'late', 'late', 'done', 'done', 'done', 'measure-ahead']);
    expect(items.map((i) => i.ref ?? i.heading)).toEqual(['Plans on time', 'Therapy waits', 'L1', 'L2', 'L3', 'L4', 'D2', 'D3', 'D4', 'Wheelchair waits']);
    expect(items).toHaveLength(10);
  });

  it('fills in from what there is when a quarter is quiet', () => {
    expect(easyReadItems(model())).toEqual([]);
    const items = easyReadItems(model({ late: [late('L1', 3)] }));
    expect(items).toEqual([{ kind: 'late', heading: 'Title of L1', ref: 'L1', sentences: ['This job is late.', 'It was due on 1 November 2026.', 'That is 3 days ago.'] }]);
  });

  it('counts a job finished twice in the quarter once', () => {
    const items = easyReadItems(model({ completed: [done('D1', '2026-10-02'), done('D1', '2026-12-02'), done('D2', '2026-11-01')] }));
    expect(items.map((i) => [i.ref, i.sentences[1]])).toEqual([['D1', 'We finished it on 2 December 2026.'], ['D2', 'We finished it on 1 November 2026.']]);
  });

  it('says a figure in short sentences: where it is, where we aim', () => {
    const [item] = easyReadItems(model({ measures: [measure('Plans on time', 'off course')] }));
    expect(item!.sentences).toEqual(['This is not on course.', 'It is 55% now.', 'We aim for 80% by 31 March 2027.']);
  });

  it('leaves out a title that the public-text screen refuses', () => {
    const items = easyReadItems(model({ late: [late('L1', 9, 'Find a place for Oliver, aged 7, at his school'), late('L2', 5)] }));
    expect(items.map((i) => i.ref)).toEqual(['L2']);
  });

  it('keeps every sentence of its own short', () => {
    const e = buildEasyRead(model({ total: 46, counts: { ...zero, complete: 3 }, overdueCount: 7, late: [late('L1', 60)], completed: [done('D1', '2026-10-02')], measures: [measure('Plans on time', 'off course')] }));
    const own = [...e.inShort, ...EASY_READ_RULE, ...e.items.flatMap((i) => i.sentences)];
    for (const s of own) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(10);
    expect(e.inShort).toEqual(['Our plan has 46 jobs to make things better.', '3 are done.', '7 jobs are late.', 'We finished 1 job in these months.']);
  });
});

describe('the easy-read page', () => {
  it('escapes the partnership\'s words and links to the full report and each job', () => {
    const html = renderEasyRead(model({ late: [late('COM-03', 12, 'Check the <b>sign</b> & "menu" pages')] }), '2026-27-q3');
    expect(html).toContain('Check the &lt;b&gt;sign&lt;/b&gt; &amp;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<a href="/reports/2026-27-q3">The full report</a>');
    expect(html).toContain('<a href="/plan/actions/COM-03">');
    expect(html).toMatch(/<h2>The things that matter most<\/h2>/);
    expect(html).toContain('<html lang="en-GB">');
  });
});

describe('printing', () => {
  const page = '<!DOCTYPE html>\n<html><head><title>x</title></head><body><main><h1>x</h1></main></body></html>';
  it('adds the A4 print stylesheet once', () => {
    const once = withPrintCss(page);
    expect(once).toMatch(/<style media="print">[\s\S]*size: A4[\s\S]*<\/style>\n<\/head>/);
    expect(withPrintCss(once)).toBe(once);
    expect(withPrintCss('no head here')).toBe('no head here');
  });

  it('links a kept report to its easy-read version and Markdown, only when there is one', () => {
    const linked = withReportLinks(page, { slug: '2026-27-q3', easyRead: true });
    expect(linked).toContain('<a href="/reports/2026-27-q3/easy-read">Easy-read version</a>');
    expect(linked).toContain('<a href="/reports/2026-27-q3.md">Markdown</a>');
    expect(withReportLinks(linked, { slug: '2026-27-q3', easyRead: true })).toBe(linked);
    expect(withReportLinks(page, { slug: '2026-27-q3', easyRead: false })).not.toContain('easy-read');
  });
});
