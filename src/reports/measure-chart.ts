// A measure's small trend chart as inline SVG: the figures so far as a line from the baseline,
// a dashed line from the baseline to the target (the way it has to go), and the target as a dot.
// The chart repeats what the words beside it say; its text alternative says it in full.
import { escapeHtml as esc } from '../domain/text/escape.js';
import { diffDays } from '../domain/time/dates.js';
import type { MeasureLine } from '../domain/public/measures.js';

const W = 240;
const H = 64;
const PAD = 6;

export function measureChart(m: MeasureLine): string {
  const start = m.points[0]!.date;
  const span = Math.max(1, diffDays(start, m.target.date));
  const values = [...m.points.map((p) => p.value), m.target.value];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const range = high - low || 1;
  const x = (d: string) => PAD + (Math.min(span, Math.max(0, diffDays(start, d))) / span) * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((v - low) / range) * (H - 2 * PAD);
  const at = (d: string, v: number) => `${x(d).toFixed(1)},${y(v).toFixed(1)}`;
  const line = m.points.map((p) => at(p.date, p.value)).join(' ');
  const last = m.points.at(-1)!;
  return [
    `<svg class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(m.alternative)}">`,
    `<title>${esc(m.alternative)}</title>`,
    `<line x1="${x(start).toFixed(1)}" y1="${y(m.points[0]!.value).toFixed(1)}" x2="${x(m.target.date).toFixed(1)}" y2="${y(m.target.value).toFixed(1)}" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    `<polyline points="${line}" fill="none" stroke="#1d70b8" stroke-width="3"/>`,
    `<circle cx="${x(last.date).toFixed(1)}" cy="${y(last.value).toFixed(1)}" r="4" fill="#1d70b8"/>`,
    `<circle cx="${x(m.target.date).toFixed(1)}" cy="${y(m.target.value).toFixed(1)}" r="4" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"/>`,
    '</svg>',
  ].join('');
}
