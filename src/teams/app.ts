// The teams-ai application: routes registered per concern, errors made kind, a correlation id
// and logger per turn. The only place (with the rest of src/teams) that knows about Teams.
import type { TurnState} from '@microsoft/teams-ai';
import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import type { Request, Response, TurnContext } from 'botbuilder';
import type restify from 'restify';
import { createAdapter } from './adapter.js';
import { reportTurnError } from './errors.js';
import { registerActionCardRoutes } from './routes/action-cards.js';
import { registerComposeRoutes } from './routes/compose.js';
import { registerGroupCardRoutes } from './routes/group-cards.js';
import { registerInstallRoutes } from './routes/install.js';
import { registerMessageRoutes } from './routes/messages.js';
import type { Services } from './services.js';
import { beginTurn } from './turn.js';
import { answerUnhandledInvoke, invokeUnanswered } from './unhandled-invokes.js';

export interface Bot {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /** Handles one POST /api/messages (the HTTP server's request and response, read by the adapter). */
  process(req: restify.Request, res: restify.Response): Promise<void>;
  /** Resolves when no turn is in flight (graceful shutdown). */
  idle(): Promise<void>;
}

export function createBot(services: Services): Bot {
  const adapter = createAdapter(services.config, services.log);
  const app = new Application<TurnState>({
    adapter,
    botAppId: services.config.BOT_ID ?? '',
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  app.error(async (context: TurnContext, err: Error) => reportTurnError(context, err, services.log));
  registerInstallRoutes(app, services);
  registerActionCardRoutes(app, services);
  registerGroupCardRoutes(app, services);
  registerMessageRoutes(app, services);
  registerComposeRoutes(app, services);

  let inFlight = 0;
  let waiters: Array<() => void> = [];
  const settle = () => { if (inFlight === 0) { waiters.forEach((w) => w()); waiters = []; } };

  return {
    adapter,
    app,
    async process(req, res) {
      inFlight++;
      try {
        // restify's request and response carry everything the adapter reads (body, headers, status, end).
        await adapter.process(req as unknown as Request, res as unknown as Response, async (context) => {
          const log = beginTurn(context, services.log);
          const started = performance.now();
          try {
            await app.run(context);
            if (invokeUnanswered(context)) await answerUnhandledInvoke(context, services.log);
          } catch (err) {
            await reportTurnError(context, err, services.log);
          } finally {
            log.debug({ ms: Math.round(performance.now() - started) }, 'turn done');
          }
        });
      } finally {
        inFlight--;
        settle();
      }
    },
    idle: () => new Promise<void>((resolve) => { if (inFlight === 0) resolve(); else waiters.push(resolve); }),
  };
}
