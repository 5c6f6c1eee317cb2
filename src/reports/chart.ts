// An inline SVG stacked bar chart: one bar per group (area for improvement, workstream), split by
// status. Self-contained (no scripts, no fonts to fetch), deterministic, and readable without
// colour: every segment carries its count, and the report repeats the numbers in a table.
import { escapeHtml } from '../domain/text/escape.js';
import type { ActionStatus } from '../domain/plan/types.js';
import { statusWord } from '../domain/plan/status.js';
import type { ChartRow } from '../domain/quarterly/report-model.js';

/** Statuses in chart order, with colours from the GOV.UK palette (contrast-checked with white text). */
export const CHART_STATUSES: readonly { status: ActionStatus; fill: string; text: string }[] = [
  { status: 'complete', fill: '#00703c', text: '#ffffff' },
  { status: 'on_track', fill: '#1d70b8', text: '#ffffff' },
  { status: 'not_started', fill: '#b1b4b6', text: '#0b0c0c' },
  { status: 'at_risk', fill: '#f47738', text: '#0b0c0c' },
  { status: 'off_track', fill: '#d4351c', text: '#ffffff' },
];

export type { ChartRow } from '../domain/quarterly/report-model.js';

const esc = escapeHtml;

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function stackedBarChart(title: string, rows: readonly ChartRow[], id: string): string {
  const width = 760;
  const labelWidth = 300;
  const barWidth = width - labelWidth - 50;
  const rowHeight = 30;
  const top = 46;
  const height = top + rows.length * rowHeight + 10;
  const max = Math.max(1, ...rows.map((r) => CHART_STATUSES.reduce((n, s) => n + r.counts[s.status], 0)));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Arial, Helvetica, sans-serif" font-size="13">`);
  out.push(`<title id="${id}-title">${esc(title)}</title>`);
  // Legend.
  let x = labelWidth;
  for (const s of CHART_STATUSES) {
    const word = statusWord(s.status);
    out.push(`<rect x="${x}" y="8" width="14" height="14" fill="${s.fill}"/><text x="${x + 19}" y="20" fill="#0b0c0c">${word}</text>`);
    x += 24 + word.length * 7.2;
  }
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const total = CHART_STATUSES.reduce((n, s) => n + r.counts[s.status], 0);
    out.push(`<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end" fill="#0b0c0c">${esc(truncate(r.label, 38))}</text>`);
    let at = labelWidth;
    for (const s of CHART_STATUSES) {
      const n = r.counts[s.status];
      if (n === 0) continue;
      const w = Math.round((n / max) * barWidth * 10) / 10;
      out.push(`<rect x="${at}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" fill="${s.fill}"><title>${esc(r.label)}: ${n} ${statusWord(s.status)}</title></rect>`);
      if (w >= 12) out.push(`<text x="${Math.round((at + w / 2) * 10) / 10}" y="${y + 19}" text-anchor="middle" fill="${s.text}">${n}</text>`);
      at += w;
    }
    out.push(`<text x="${Math.round((at + 6) * 10) / 10}" y="${y + 19}" fill="#505a5f">${total}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
