// Updating actions: open or view the update card, save one action, save several. Plain
// TypeScript over the action repository and the clock; the Teams edge (cards and chat commands)
// only parses, calls these and sends what they return.
import type { ActionStatus } from '../../domain/plan/types.js';
import * as many from './many.js';
import * as one from './one.js';
import type { ActionFlowDeps, FlowResult, Via, Viewer } from './types.js';
import { ActionViews } from './views.js';

export type { ActionFlowDeps, FlowResult, Via, Viewer } from './types.js';

type Data = Record<string, unknown>;

export class ActionFlows {
  private readonly views: ActionViews;

  constructor(deps: ActionFlowDeps) {
    this.views = new ActionViews(deps);
  }

  /** "update COM-06"; "mark COM-06 as complete" (that status chosen on the form). */
  openByRef(viewer: Viewer, candidates: readonly string[], typed: string, status?: ActionStatus): Promise<FlowResult> {
    return one.openByRef(this.views, viewer, candidates, typed, status);
  }
  /** action.edit: the form, or why not. */
  edit(viewer: Viewer, data: Data): Promise<FlowResult> { return one.edit(this.views, viewer, data); }
  /** action.view: the read-only summary. */
  view(viewer: Viewer, data: Data): Promise<FlowResult> { return one.view(this.views, viewer, data); }
  /** action.refresh: this viewer's own view. */
  refresh(viewer: Viewer, data: Data): Promise<FlowResult> { return one.refresh(this.views, viewer, data); }
  /** action.history. */
  historyById(viewer: Viewer, data: Data): Promise<FlowResult> { return one.historyById(this.views, viewer, data); }
  /** "history of COM-06". */
  historyByRef(viewer: Viewer, candidates: readonly string[], typed: string): Promise<FlowResult> { return one.historyByRef(this.views, viewer, candidates, typed); }
  /** action.save: one action. */
  save(viewer: Viewer, data: Data, via: Via = 'card'): Promise<FlowResult> { return one.save(this.views, viewer, data, via); }
  /** "update my actions". */
  mine(viewer: Viewer): Promise<FlowResult> { return many.mine(this.views, viewer); }
  /** actions.refreshMany. */
  refreshMany(viewer: Viewer, data: Data): Promise<FlowResult> { return many.refreshMany(this.views, viewer, data); }
  /** actions.saveMany: the touched rows, all or nothing. */
  saveMany(viewer: Viewer, data: Data, via: Via = 'card'): Promise<FlowResult> { return many.saveMany(this.views, viewer, data, via); }
}
