// The Bot Framework adapter. With BOT_ID set, every inbound request must carry a valid
// Bot Framework token: anything else (missing, unsigned, wrongly signed, expired, for another
// bot, from another issuer) gets 401 before any bot code runs. With no BOT_ID, authentication
// is off and src/runtime keeps the server on loopback.
import {
  CallerIdConstants,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { Logger } from '../log/logger.js';

type BotFrameworkAuthConfig = Record<string, string | boolean>;

/**
 * The authentication settings. Normally the SDK's public-cloud defaults. BOT_OPENID_METADATA_URL
 * (tests only) points token validation at another OpenID configuration and key set, e.g. a stub on
 * 127.0.0.1 with locally made keys. Setting one endpoint makes the SDK take every endpoint from
 * this object, so all of them are spelled out with the public-cloud values.
 */
export function authSettings(config: Config): BotFrameworkAuthConfig {
  const identity = {
    MicrosoftAppId: config.BOT_ID ?? '',
    MicrosoftAppPassword: config.BOT_PASSWORD ?? '',
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID ?? '',
  };
  if (!config.BOT_OPENID_METADATA_URL) return identity;
  // Trusting other signing keys is for tests only: refuse anything but this machine.
  const host = new URL(config.BOT_OPENID_METADATA_URL).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new Error(`BOT_OPENID_METADATA_URL is for tests only and must point at 127.0.0.1 (it points at ${host}). Unset it in production.`);
  }
  return {
    ...identity,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
    // Tokens issued by Entra ID (the SDK calls them "emulator" tokens) are checked against the same keys.
    ToBotFromEmulatorOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * A TeamsAdapter that authenticates before anything else and turns every authentication failure
 * into 401. (The SDK answers 500 when a token's signature is wrong or missing, because the JWT
 * library's error is not an AuthenticationError; a caller without a valid token must never get
 * further than 401.) The turn logic is not run and nothing is stored for a rejected request.
 */
class AuthenticatingTeamsAdapter extends TeamsAdapter {
  constructor(settings: BotFrameworkAuthConfig, private readonly log?: Logger) {
    super(settings, new ConfigurationServiceClientCredentialFactory(settings));
  }

  protected override processActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
  protected override processActivity(result: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let result: AuthenticateRequestResult;
    try {
      result = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      // Never log the token; the reason is the SDK's or the JWT library's short message.
      this.log?.warn({ status: 401, reason: reason.slice(0, 200), authError: err instanceof AuthenticationError }, 'inbound request rejected: no valid Bot Framework token');
      return { status: StatusCodes.UNAUTHORIZED, body: { error: 'Unauthorized' } };
    }
    return super.processActivity(result, activity, logic);
  }
}

export function createAdapter(config: Config, log?: Logger): TeamsAdapter {
  return new AuthenticatingTeamsAdapter(authSettings(config), log);
}
