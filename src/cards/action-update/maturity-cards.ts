// Maturity-matrix cards: the rating form for a lead's pillar views, and the matrix with trends.
import { MATURITY_NOTE_MAX_CHARS, MATURITY_SCALE, maturityTrend, maturityWord, trendArrow, trendWords, type Rating, type RatingErrors, type RatingValues } from '../../domain/actions/maturity.js';
import { formatDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import {
  adaptiveCard, capitalise, clip, execute, fieldError, heading, notice, refreshSection, subtle, text, typed, VERBS,
  type Card, type Element,
} from './common.js';
import type { Banner, RefreshOptions } from './action-cards.js';

export interface PillarModel {
  pillar: string;
  workstream: { code: string; name: string } | null;
  lead: { name: string } | null;
  latest: { rating: Rating; raterName: string | null } | null;
  previous: { rating: Rating; raterName: string | null } | null;
}

function pillarTitle(p: PillarModel): string {
  return `Pillar ${p.pillar}${p.workstream ? `: ${p.workstream.name}` : ''}`;
}

function ratedLine(p: PillarModel): string {
  if (!p.latest) return 'Not rated yet.';
  const by = p.latest.raterName ? ` by ${p.latest.raterName}` : '';
  return `Now ${maturityWord(p.latest.rating.score)} (${p.latest.rating.score}), rated${by} on ${formatDate(londonDate(p.latest.rating.ratedAt))}.`;
}

export interface RatingFormOptions {
  refresh: RefreshOptions;
  banner?: Banner | null;
  errors?: RatingErrors;
  values?: Record<string, RatingValues>;
}

/** One section per pillar view the lead rates (pillar 5 has three); one Save for all of them. */
export function maturityFormCard(pillars: readonly PillarModel[], o: RatingFormOptions): Card {
  const errors = o.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const body: Element[] = [
    heading(pillars.length === 1 ? `Rate pillar ${pillars[0]?.pillar ?? ''}` : 'Rate your pillars'),
    text('0 not yet emerging, 1 emerging, 2 developing, 3 maturing. Add a note on the evidence.', { spacing: 'Small' }),
    ...(o.banner ? [notice(o.banner.text, o.banner.tone)] : []),
    ...(hasErrors ? [notice('Please check the form below: nothing has been saved yet.', 'attention')] : []),
  ];
  for (const p of pillars) {
    const v = o.values?.[p.pillar];
    const e = errors[p.pillar] ?? {};
    body.push({
      type: 'Container', separator: true, spacing: 'Medium', items: [
        text(pillarTitle(p), { weight: 'Bolder' }),
        subtle(ratedLine(p)),
        {
          type: 'Input.ChoiceSet', id: `score_${p.pillar}`, label: 'Rating', style: 'compact', isRequired: true,
          errorMessage: 'Please choose a rating.',
          value: v?.score || (p.latest ? String(p.latest.rating.score) : ''),
          choices: MATURITY_SCALE.map((s) => ({ title: `${s.score}: ${s.word}`, value: String(s.score) })),
        },
        ...fieldError(e.score),
        {
          type: 'Input.Text', id: `note_${p.pillar}`, label: 'Note (evidence, what would move it up)', isMultiline: true,
          maxLength: MATURITY_NOTE_MAX_CHARS, ...(v?.note ? { value: v.note } : {}),
        },
        ...fieldError(e.note),
      ],
    });
  }
  const ratings = pillars.map((p) => ({ pillar: p.pillar, latestId: p.latest?.rating.id ?? 0 }));
  const actions = [
    execute('Save rating', VERBS.maturitySave, { ratings }, { style: 'positive' }),
    execute('See the matrix', VERBS.maturityMatrix, {}, { associatedInputs: 'none' }),
  ];
  return adaptiveCard(body, actions, o.refresh.enabled ? refreshSection(VERBS.maturityRefresh, { pillars: pillars.map((p) => p.pillar) }, o.refresh.userIds) : null);
}

export interface MatrixOptions {
  refresh: RefreshOptions;
  banner?: Banner | null;
  /** Offer "Rate my pillar" (the viewer leads a workstream or is an admin). */
  canRate: boolean;
}

/** Every pillar view: current rating in words, the trend from the rating before, who rated it and when. */
export function maturityMatrixCard(pillars: readonly PillarModel[], o: MatrixOptions): Card {
  const body: Element[] = [heading('Maturity matrix'), ...(o.banner ? [notice(o.banner.text, o.banner.tone)] : [])];
  for (const p of pillars) {
    const trend = maturityTrend(p.latest?.rating, p.previous?.rating);
    const arrow = trendArrow(trend);
    body.push({
      type: 'ColumnSet', separator: true, spacing: 'Small', columns: [
        { type: 'Column', width: 'stretch', items: [
          text(pillarTitle(p), { weight: 'Bolder' }),
          subtle(p.latest ? `Rated${p.latest.raterName ? ` by ${p.latest.raterName}` : ''} on ${formatDate(londonDate(p.latest.rating.ratedAt))}` : (p.lead ? `Lead: ${p.lead.name}` : 'No lead yet')),
          ...(p.latest?.rating.note ? [typed(clip(p.latest.rating.note, 160), { subtle: true, size: 'Small' })] : []),
        ] },
        { type: 'Column', width: 'auto', items: [
          text(p.latest ? `${capitalise(maturityWord(p.latest.rating.score))} (${p.latest.rating.score})` : 'Not rated yet', { weight: 'Bolder', horizontalAlignment: 'Right' }),
          subtle(`${arrow ? `${arrow} ` : ''}${trendWords(trend, p.previous?.rating)}`, { horizontalAlignment: 'Right' }),
        ] },
      ],
    });
  }
  if (pillars.length === 0) body.push(text('There are no pillars in the plan yet.'));
  const actions = o.canRate ? [execute('Rate my pillar', VERBS.maturityEdit, {}, { associatedInputs: 'none' })] : [];
  return adaptiveCard(body, actions, o.refresh.enabled ? refreshSection(VERBS.maturityMatrix, {}, o.refresh.userIds) : null);
}
