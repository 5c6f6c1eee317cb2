// Which flow runs a card's verb: the Universal Actions route and the Action.Submit fallback
// (older clients) share this table.
import { VERBS } from '../cards/action-update/index.js';
import type { ActionFlows, FlowResult, Via, Viewer } from './actions/index.js';
import type { MaturityFlows } from './maturity.js';

export function runCardVerb(
  flows: { actions: ActionFlows; maturity: MaturityFlows }, verb: string, viewer: Viewer, data: Record<string, unknown>, via: Via = 'card',
): Promise<FlowResult> | null {
  const { actions, maturity } = flows;
  switch (verb) {
    case VERBS.edit: return actions.edit(viewer, data);
    case VERBS.view: return actions.view(viewer, data);
    case VERBS.save: return actions.save(viewer, data, via);
    case VERBS.refresh: return actions.refresh(viewer, data);
    case VERBS.history: return actions.historyById(viewer, data);
    case VERBS.saveMany: return actions.saveMany(viewer, data, via);
    case VERBS.refreshMany: return actions.refreshMany(viewer, data);
    case VERBS.maturityEdit: return maturity.rateForm(viewer, typeof data.pillar === 'string' ? data.pillar : undefined);
    case VERBS.maturitySave: return maturity.rateSave(viewer, data);
    case VERBS.maturityRefresh: return maturity.rateRefresh(viewer, data);
    case VERBS.maturityMatrix: return maturity.matrix(viewer);
    default: return null;
  }
}
