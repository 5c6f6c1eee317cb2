// The public pages' routes: GET /plan, /plan/actions/{ref}, /glossary, /reports, /reports/latest(.md)
// and /reports/{year}-q{n}(.md), and each report's /easy-read. No sign-in: the plan is public, and the pages name nobody. The
// addresses are checked here (zod); anything that is not a page gets the kind "not found" page.
// The pages themselves are handed in (src/reports builds them), so this file knows only HTTP.
import type restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../log/logger.js';

export interface PublicResponse { status: 200 | 301 | 404; format: 'html' | 'markdown'; body: string; location?: string }
export interface QuarterAddress { startYear: number; quarter: 1 | 2 | 3 | 4 }

/** What src/reports/public-site.ts provides. */
export interface PublicPages {
  plan(): Promise<PublicResponse>;
  action(ref: string): Promise<PublicResponse>;
  glossary(): Promise<PublicResponse>;
  reports(): Promise<PublicResponse>;
  report(which: 'latest' | QuarterAddress, format: 'html' | 'markdown'): Promise<PublicResponse>;
  easyRead(which: 'latest' | QuarterAddress): Promise<PublicResponse>;
  notFound(): PublicResponse;
}

// Any reference the importer accepts (one word: no spaces, commas or semicolons), as it limits it.
const ref = z.string().min(1).max(100).regex(/^[^\s;,]+$/u);
// 'latest', '2026-27-q3' (the financial year as written) or '2026-q3' (its first year), then '.md' or nothing.
const reportName = z.string().regex(/^(?:latest|\d{4}(?:-\d{2})?-q[1-4])(?:\.md)?$/i).transform((raw) => {
  const lower = raw.toLowerCase();
  const format = lower.endsWith('.md') ? 'markdown' as const : 'html' as const;
  const name = format === 'markdown' ? lower.slice(0, -3) : lower;
  if (name === 'latest') return { which: 'latest' as const, format, canonical: true };
  const m = /^(\d{4})(?:-(\d{2}))?-q([1-4])$/.exec(name)!;
  const startYear = Number(m[1]);
  const expected = String((startYear + 1) % 100).padStart(2, '0');
  if (m[2] !== undefined && m[2] !== expected) return null; // '2026-29-q3' is no financial year
  return { which: { startYear, quarter: Number(m[3]) as 1 | 2 | 3 | 4 }, format, canonical: m[2] !== undefined, slug: `${startYear}-${expected}-q${m[3]}` };
});

const TYPES = { html: 'text/html; charset=utf-8', markdown: 'text/markdown; charset=utf-8' } as const;

// sendRaw writes the body as it is (no formatter) and marks the response sent for restify.
function send(res: restify.Response, page: PublicResponse): void {
  res.sendRaw(page.status, page.body, {
    'content-type': TYPES[page.format],
    'x-content-type-options': 'nosniff',
    // Nothing runs and nothing is fetched; the page may be framed (a Local Offer site, a Teams tab).
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
    'cache-control': 'no-cache',
    ...(page.location ? { location: page.location } : {}),
  });
}

export function registerPublicRoutes(server: restify.Server, pages: PublicPages, log: Logger): void {
  const serve = (make: (req: restify.Request) => Promise<PublicResponse> | PublicResponse) => async (req: restify.Request, res: restify.Response) => {
    try {
      send(res, await make(req));
    } catch (err) {
      log.error({ err: { message: err instanceof Error ? err.message : String(err) }, path: req.path() }, 'public page failed');
      if (!res.headersSent) res.sendRaw(503, 'The page is not available just now. Please try again in a few minutes.', { 'content-type': 'text/plain; charset=utf-8' });
    }
  };
  server.get('/plan', serve(() => pages.plan()));
  server.get('/plan/actions/:ref', serve((req) => {
    const parsed = ref.safeParse(req.params?.ref);
    return parsed.success ? pages.action(parsed.data) : pages.notFound();
  }));
  server.get('/glossary', serve(() => pages.glossary()));
  server.get('/reports', serve(() => pages.reports()));
  server.get('/reports/:name', serve((req) => {
    const parsed = reportName.safeParse(req.params?.name);
    if (!parsed.success || parsed.data === null) return pages.notFound();
    const r = parsed.data;
    if (!r.canonical && 'slug' in r) {
      return { status: 301, format: 'html', body: '', location: `/reports/${r.slug}${r.format === 'markdown' ? '.md' : ''}` };
    }
    return pages.report(r.which, r.format);
  }));
  server.get('/reports/:name/easy-read', serve((req) => {
    const parsed = reportName.safeParse(req.params?.name);
    if (!parsed.success || parsed.data === null || parsed.data.format !== 'html') return pages.notFound();
    const r = parsed.data;
    if (!r.canonical && 'slug' in r) return { status: 301, format: 'html', body: '', location: `/reports/${r.slug}/easy-read` };
    return pages.easyRead(r.which);
  }));
}

/** Any other GET under the public pages' addresses gets the kind "not found" page too. */
export function isPublicPath(path: string): boolean {
  return /^\/(plan|reports|glossary)(\/|$)/.test(path);
}

export function sendNotFound(res: restify.Response, pages: PublicPages): void {
  send(res, pages.notFound());
}
