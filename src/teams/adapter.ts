// The Bot Framework adapter. With BOT_ID set, every inbound request must carry a valid
// Bot Framework token (the SDK answers 401 otherwise); with none, authentication is off
// and src/server keeps the server on loopback.
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';

export function createAdapter(config: Config): TeamsAdapter {
  const auth = {
    MicrosoftAppId: config.BOT_ID ?? '',
    MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
  };
  return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory(auth));
}
