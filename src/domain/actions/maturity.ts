// The maturity matrix: each pillar (view) rated 0–3 by its workstream lead, with a note. Ratings
// are append-only; the latest is the current one and the one before it gives the trend.
import { z } from 'zod';
import type { ScreenOptions } from '../privacy/index.js';
import { cardInputSchema, charCount, cleanFreeText, NOT_TEXT_MESSAGE, privacyProblem } from './update.js';

export const MATURITY_SCALE = [
  { score: 0, word: 'not yet emerging' },
  { score: 1, word: 'emerging' },
  { score: 2, word: 'developing' },
  { score: 3, word: 'maturing' },
] as const;
export type MaturityScore = 0 | 1 | 2 | 3;

export const MATURITY_NOTE_MAX_CHARS = 2_000;

export function maturityWord(score: number): string {
  return MATURITY_SCALE.find((s) => s.score === score)?.word ?? 'not rated';
}

export interface Rating {
  id: number;
  pillar: string;
  score: number;
  note: string | null;
  ratedById: number | null;
  ratedAt: Date;
}

export type Trend = 'new' | 'up' | 'down' | 'steady' | 'none';

/** The trend of a pillar from its latest rating and the one before it. */
export function maturityTrend(latest: Pick<Rating, 'score'> | null | undefined, previous: Pick<Rating, 'score'> | null | undefined): Trend {
  if (!latest) return 'none';
  if (!previous) return 'new';
  return latest.score > previous.score ? 'up' : latest.score < previous.score ? 'down' : 'steady';
}

/** 'up from emerging', 'down from maturing', 'no change', 'first rating', 'not rated yet'. */
export function trendWords(trend: Trend, previous: Pick<Rating, 'score'> | null | undefined): string {
  switch (trend) {
    case 'up': return `up from ${maturityWord(previous?.score ?? -1)}`;
    case 'down': return `down from ${maturityWord(previous?.score ?? -1)}`;
    case 'steady': return 'no change';
    case 'new': return 'first rating';
    default: return 'not rated yet';
  }
}

export function trendArrow(trend: Trend): string {
  return trend === 'up' ? '↑' : trend === 'down' ? '↓' : trend === 'steady' ? '→' : '';
}

// ---- the rating form ------------------------------------------------------------------------

const MAX_INT = 2_147_483_647;
const pillarSchema = z.string().regex(/^\d{1,2}[a-z]?$/);
/** The latest rating id the person saw for the pillar (0: none yet): stale-card protection. */
const seenSchema = z.union([z.number(), z.string().regex(/^\d{1,10}$/).transform(Number)]).pipe(z.number().int().min(0).max(MAX_INT));

export const ratingRefsSchema = z.object({
  ratings: z.array(z.object({ pillar: pillarSchema, latestId: seenSchema })).min(1).max(20),
});
export type RatingRef = z.infer<typeof ratingRefsSchema>['ratings'][number];

export function parseRatingRefs(data: unknown): RatingRef[] | null {
  const r = ratingRefsSchema.safeParse(data);
  if (!r.success) return null;
  const pillars = r.data.ratings.map((x) => x.pillar);
  return new Set(pillars).size === pillars.length ? r.data.ratings : null;
}

const scoreSchema = z.union([z.number(), z.string().trim().regex(/^[0-3]$/).transform(Number)]).pipe(z.number().int().min(0).max(3));

export interface RatingChange { pillar: string; score: MaturityScore; note: string | null }
export type RatingErrors = Record<string, { score?: string; note?: string }>;
export interface RatingValues { score: string; note: string }

/** The inputs of one pillar: `score_2`, `note_2` (`score_5a`…). */
export function validateRatings(
  data: Record<string, unknown>,
  pillars: readonly string[],
  screen: ScreenOptions = {},
): { ok: true; changes: RatingChange[]; values: Record<string, RatingValues> } | { ok: false; errors: RatingErrors; values: Record<string, RatingValues> } {
  const errors: RatingErrors = {};
  const values: Record<string, RatingValues> = {};
  const changes: RatingChange[] = [];
  for (const pillar of pillars) {
    const rawScore = data[`score_${pillar}`];
    const note = cleanFreeText(data[`note_${pillar}`]);
    values[pillar] = { score: typeof rawScore === 'string' || typeof rawScore === 'number' ? String(rawScore) : '', note };
    const e: { score?: string; note?: string } = {};
    if (!cardInputSchema.safeParse(data[`note_${pillar}`]).success) e.note = NOT_TEXT_MESSAGE;
    const score = scoreSchema.safeParse(rawScore);
    if (!score.success) e.score = 'Please choose a rating: not yet emerging, emerging, developing or maturing.';
    const n = charCount(note);
    if (n > MATURITY_NOTE_MAX_CHARS) e.note = `Please keep the note to 2,000 characters or fewer (this has ${n.toLocaleString('en-GB')}).`;
    else if (!e.note) e.note = privacyProblem(note, screen);
    if (e.score || e.note) errors[pillar] = e;
    else if (score.success) changes.push({ pillar, score: score.data as MaturityScore, note: note || null });
  }
  return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, changes, values };
}
