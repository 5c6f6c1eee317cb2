// The baseline every latency and memory figure is compared with: an echo bot on the bot's own
// stack (restify 12, teams-ai's TeamsAdapter and Application, botbuilder), replying with the text
// it got through the Bot Framework connector, with no database and none of the bot's code. It is
// compiled and started exactly as the bot is in production (`node <file>.js`, see the Dockerfile),
// so neither pays a TypeScript loader.
//   PORT=3999 npx tsx bench/echo-bot.ts   (the benchmarks compile it first, see bench/lib/servers.ts)
import restify from 'restify';
import { ConfigurationServiceClientCredentialFactory, type Request, type Response } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';

// No app id: inbound authentication is off, as it is for the bot under benchmark.
const settings = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
const adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
const app = new Application<TurnState>({
  adapter, botAppId: '', removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false,
});
app.activity('message', async (context) => {
  await context.sendActivity(context.activity.text ?? '');
});

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req as unknown as Request, res as unknown as Response, async (context) => { await app.run(context); });
});
// Only for the harness to know it is up; the bot has the same route.
server.get('/healthz', async (_req: restify.Request, res: restify.Response) => { res.send(200, { status: 'ok' }); });

const port = Number(process.env.PORT ?? 3999);
server.listen(port, '127.0.0.1', () => { console.log(JSON.stringify({ msg: 'echo bot listening', port })); });
const stop = () => { server.close(() => process.exit(0)); setTimeout(() => process.exit(0), 2_000).unref(); };
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
