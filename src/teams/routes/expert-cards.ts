import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Services } from '../services.js';

export function registerExpertCardRoutes(_app: Application<TurnState>, _services: Services): void {
  // Card actions (Action.Execute verbs) for this concern are registered here.
}
