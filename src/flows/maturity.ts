// Maturity ratings: the matrix, the rating form for the pillars a person may rate, and saving
// ratings (only if the card still shows each pillar's latest rating). Plain TypeScript over the
// maturity repository and the clock.
import {
  CANNOT_RATE, DAMAGED_CARD, UNKNOWN_PERSON, canRatePillar, maturityWord, parseRatingRefs, ratablePillars, ratingSavedSentence,
  ratingStaleNotice, validateRatings,
} from '../domain/actions/index.js';
import type { Person } from '../domain/plan/types.js';
import type { Clock } from '../domain/time/clock.js';
import { maturityFormCard, maturityMatrixCard, problemCard, type Banner, type Card, type PillarModel } from '../cards/action-update/index.js';
import type { MaturityStore } from '../store/maturity.js';
import type { PeopleRepository } from '../store/people.js';
import { refreshOptions, type RefreshDeps } from './actions/refresh.js';
import type { FlowResult, Viewer } from './actions/types.js';

export interface MaturityFlowDeps extends RefreshDeps {
  clock: Clock;
  maturity: MaturityStore;
  people: Pick<PeopleRepository, 'screenDirectory'>;
}

type PillarLead = { pillar: string; leadId: number | null };
interface Models { all: PillarModel[]; workstreams: PillarLead[] }
type Data = Record<string, unknown>;

const TAMPERED = "This card doesn't match the matrix, so nothing was changed. Here is the latest.";

/** The pillar views this person rates: those asked for (if allowed), else the ones they lead; an admin who leads none gets all. */
function pillarsToRate(person: Person | null, workstreams: PillarLead[], asked?: string): string[] {
  if (!person) return [];
  if (asked) return canRatePillar(person, asked, workstreams) ? [asked] : [];
  const led = ratablePillars({ ...person, roles: person.roles.filter((r) => r !== 'admin') }, workstreams);
  return led.length ? led : ratablePillars(person, workstreams);
}

export class MaturityFlows {
  constructor(private readonly deps: MaturityFlowDeps) {}

  private now(): Date { return this.deps.clock.now(); }

  private async models(): Promise<Models> {
    const [matrix, ws] = await Promise.all([this.deps.maturity.matrix(), this.deps.maturity.workstreams()]);
    return { all: matrix, workstreams: ws.map((w) => ({ pillar: w.workstream.pillar, leadId: w.workstream.leadId })) };
  }

  private async matrixCard(viewer: Viewer, banner: Banner | null, models?: Models): Promise<Card> {
    const m = models ?? await this.models();
    const refresh = await refreshOptions(this.deps, viewer, []);
    return maturityMatrixCard(m.all, { refresh, banner, canRate: ratablePillars(viewer.person, m.workstreams).length > 0 });
  }

  /** "maturity ratings", maturity.matrix {}. */
  async matrix(viewer: Viewer): Promise<FlowResult> {
    return { outcome: 'matrix', text: 'Here is the maturity matrix, with the trend since the rating before.', card: await this.matrixCard(viewer, null) };
  }

  /** "rate my pillar", "rate pillar 5b", maturity.edit {pillar?}. */
  async rateForm(viewer: Viewer, asked?: string): Promise<FlowResult> {
    const models = await this.models();
    if (!viewer.person) return { outcome: 'unknown-person', text: UNKNOWN_PERSON, card: await this.matrixCard(viewer, { text: UNKNOWN_PERSON, tone: 'attention' }, models) };
    if (asked && !models.all.some((p) => p.pillar === asked)) {
      const text = `There is no pillar ${asked} in the matrix.`;
      return { outcome: 'unknown-pillar', text, card: await this.matrixCard(viewer, { text, tone: 'attention' }, models) };
    }
    const pillars = pillarsToRate(viewer.person, models.workstreams, asked);
    if (pillars.length === 0) return { outcome: 'refused', text: CANNOT_RATE, card: await this.matrixCard(viewer, { text: CANNOT_RATE, tone: 'attention' }, models) };
    const refresh = await refreshOptions(this.deps, viewer, []);
    const text = pillars.length === 1 ? `Rate pillar ${pillars[0]} from 0 to 3.` : `Rate pillars ${pillars.join(', ')} from 0 to 3.`;
    return { outcome: 'form', text, card: maturityFormCard(models.all.filter((p) => pillars.includes(p.pillar)), { refresh }) };
  }

  /** maturity.refresh {pillars}: the form for someone who may rate them all, else the matrix. */
  async rateRefresh(viewer: Viewer, data: Data): Promise<FlowResult> {
    const pillars = Array.isArray(data.pillars) ? data.pillars.filter((p): p is string => typeof p === 'string' && /^\d{1,2}[a-z]?$/.test(p)).slice(0, 20) : [];
    const models = await this.models();
    const mayRate = viewer.person && pillars.length > 0 && pillars.every((p) => canRatePillar(viewer.person, p, models.workstreams));
    if (!mayRate) return { outcome: 'matrix', card: await this.matrixCard(viewer, null, models) };
    const refresh = await refreshOptions(this.deps, viewer, []);
    return { outcome: 'form', card: maturityFormCard(models.all.filter((p) => pillars.includes(p.pillar)), { refresh }) };
  }

  private staleText(all: readonly PillarModel[], pillar: string): string {
    const p = all.find((x) => x.pillar === pillar);
    return ratingStaleNotice(pillar, p?.latest?.raterName ?? null, p?.latest?.rating.ratedAt ?? null, this.now());
  }

  /** maturity.save {ratings: [{pillar, latestId}], score_<pillar>, note_<pillar>}. */
  async rateSave(viewer: Viewer, data: Data): Promise<FlowResult> {
    const refs = parseRatingRefs(data);
    if (!refs) return { outcome: 'damaged', card: problemCard(DAMAGED_CARD) };
    const models = await this.models();
    const { all, workstreams } = models;
    if (!viewer.person) return { outcome: 'unknown-person', card: await this.matrixCard(viewer, { text: UNKNOWN_PERSON, tone: 'attention' }, models) };
    const person = viewer.person;
    const pillars = refs.map((r) => r.pillar);
    if (!pillars.every((p) => canRatePillar(person, p, workstreams))) {
      return { outcome: 'refused', card: await this.matrixCard(viewer, { text: CANNOT_RATE, tone: 'attention' }, models) };
    }
    const shown = all.filter((p) => pillars.includes(p.pillar));
    const refresh = await refreshOptions(this.deps, viewer, []);
    for (const r of refs) {
      const latestId = all.find((p) => p.pillar === r.pillar)?.latest?.rating.id ?? 0;
      if (r.latestId > latestId) return { outcome: 'tampered', card: maturityFormCard(shown, { refresh, banner: { text: TAMPERED, tone: 'attention' } }) };
      if (r.latestId < latestId) return { outcome: 'stale', card: maturityFormCard(shown, { refresh, banner: { text: this.staleText(all, r.pillar), tone: 'warning' } }) };
    }
    const checked = validateRatings(data, pillars, await this.deps.people.screenDirectory());
    if (!checked.ok) return { outcome: 'invalid', card: maturityFormCard(shown, { refresh, errors: checked.errors, values: checked.values }) };
    const result = await this.deps.maturity.rate(checked.changes, new Map(refs.map((r) => [r.pillar, r.latestId])), { actor: person, now: this.now() });
    const after = await this.models();
    if (result.kind === 'stale') {
      const banner: Banner = { text: this.staleText(after.all, result.pillar), tone: 'warning' };
      return { outcome: 'stale', card: maturityFormCard(after.all.filter((x) => pillars.includes(x.pillar)), { refresh, banner }) };
    }
    const sentence = ratingSavedSentence(checked.changes.map((c) => ({ pillar: c.pillar, word: maturityWord(c.score) })));
    return { outcome: 'saved', text: sentence, log: { ratings: result.ids.length }, card: await this.matrixCard(viewer, { text: sentence, tone: 'good' }, after) };
  }
}
