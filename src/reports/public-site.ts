// The public pages' answers: each request reads the plan (or the kept reports) afresh, builds the
// page model and renders it. Reports are served only once published (their round closed); drafts
// and unknown quarters or actions get the kind "not found" page, never an error.
import type { Clock } from '../domain/time/clock.js';
import { londonDate } from '../domain/time/london.js';
import { formatDate } from '../domain/time/format.js';
import { quarterOfYear, type QuarterNumber } from '../domain/time/quarters.js';
import { buildActionPage, buildPlanPage, type PlanInput } from '../domain/public/plan-page.js';
import { quarterMonths } from '../domain/quarterly/report-model.js';
import type { JobStores } from '../store/job-stores.js';
import { renderActionPage, renderNotFound, renderPlanPage, renderReportIndex } from './public-pages.js';
import { renderGlossaryPage, withGlossaryHtml, type Glossary } from './glossary.js';
import { withPrintCss, withReportLinks } from './print.js';

export type PublicFormat = 'html' | 'markdown';
export interface PublicResponse { status: 200 | 301 | 404; format: PublicFormat; body: string; location?: string }
/** A quarter as the address names it: the financial year's first calendar year and the quarter. */
export interface QuarterAddress { startYear: number; quarter: QuarterNumber }

export interface PublicSite {
  plan(): Promise<PublicResponse>;
  action(ref: string): Promise<PublicResponse>;
  /** GET /glossary: the workstreams and the partnership's terms. */
  glossary(): Promise<PublicResponse>;
  reports(): Promise<PublicResponse>;
  report(which: 'latest' | QuarterAddress, format: PublicFormat): Promise<PublicResponse>;
  /** The report's easy-read version (HTML). */
  easyRead(which: 'latest' | QuarterAddress): Promise<PublicResponse>;
  notFound(): PublicResponse;
}

/** '2026-27 Q3' (the cycle's key) ↔ '2026-27-q3' (its address). */
export function reportSlug(key: string): string {
  return key.replace(' Q', '-q');
}

function keyOf(a: QuarterAddress): string {
  const q = quarterOfYear(a.startYear, a.quarter);
  return `${q.year} Q${q.quarter}`;
}

function quarterOfKey(key: string) {
  const m = /^(\d{4})-\d{2} Q([1-4])$/.exec(key);
  return m ? quarterOfYear(Number(m[1]), Number(m[2]) as QuarterNumber) : null;
}

// Every page prints well: the print stylesheet goes in as it is served (src/reports/print.ts).
const html = (body: string, status: 200 | 404 = 200): PublicResponse => ({ status, format: 'html', body: withPrintCss(body) });

export function createPublicSite(stores: Pick<JobStores, 'plan' | 'cycles'> & Partial<Pick<JobStores, 'measures' | 'glossary'>>, clock: Clock): PublicSite {
  const notFound = (what = 'There is no page at this address.') => html(renderNotFound(what), 404);
  const publishedReport = async (which: 'latest' | QuarterAddress) => {
    const key = which === 'latest' ? (await stores.cycles.published())[0]?.key : keyOf(which);
    return key ? stores.cycles.publishedReport(key) : null;
  };
  const unpublished = (which: 'latest' | QuarterAddress) => notFound(which === 'latest'
    ? 'No quarterly report has been published yet. Each one is published when its quarter\'s update round closes.'
    : 'That quarter\'s report has not been published. A report is published when its quarter\'s update round closes.');
  const planInput = async (): Promise<PlanInput> => {
    const [actions, workstreams, people, measures] = await Promise.all([
      stores.plan.actions(), stores.plan.workstreams(), stores.plan.people(), stores.measures?.all() ?? [],
    ]);
    return { today: londonDate(clock.now()), actions, workstreams, people, measures };
  };
  const glossaryOf = async (input?: PlanInput): Promise<Glossary> => ({
    terms: await stores.glossary?.all() ?? [], workstreams: input?.workstreams ?? await stores.plan.workstreams(),
  });
  const explained = async (input: PlanInput, body: string) => html(withGlossaryHtml(body, await glossaryOf(input)));
  return {
    notFound: () => notFound(),
    plan: async () => {
      const input = await planInput();
      return explained(input, renderPlanPage(buildPlanPage(input)));
    },
    action: async (ref) => {
      const input = await planInput();
      const model = buildActionPage(input, ref);
      return model ? explained(input, renderActionPage(model)) : notFound('The plan has no action with that reference. Every action is listed on the plan page.');
    },
    glossary: async () => html(renderGlossaryPage(await glossaryOf())),
    reports: async () => {
      const published = await stores.cycles.published();
      return html(renderReportIndex(published.flatMap((r) => {
        const q = quarterOfKey(r.key);
        return q ? [{ slug: reportSlug(r.key), label: q.label, months: quarterMonths(q), publishedOn: formatDate(londonDate(r.publishedAt)), easyRead: r.easyRead }] : [];
      })));
    },
    report: async (which, format) => {
      const report = await publishedReport(which);
      if (!report) return unpublished(which);
      if (format === 'markdown') return { status: 200, format, body: report.markdown };
      return html(withReportLinks(report.html, { slug: reportSlug(report.key), easyRead: report.easyRead !== null }));
    },
    easyRead: async (which) => {
      const report = await publishedReport(which);
      if (!report) return unpublished(which);
      return report.easyRead === null ? notFound('That report was published before there were easy-read versions. The full report is at its own address.') : html(report.easyRead);
    },
  };
}
