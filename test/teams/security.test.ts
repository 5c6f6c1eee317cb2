// Inbound security with a bot id configured: every POST /api/messages needs a valid Bot Framework
// token. Tokens are made here and checked by the real SDK against a stub OpenID configuration and
// key set on 127.0.0.1 (BOT_OPENID_METADATA_URL), so nothing leaves the machine.
import http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { authSettings } from '../../src/teams/adapter.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore } from '../support/store.js';

const BOT_ID = '3f6b2c1e-5a4d-4e8f-9b7a-1c2d3e4f5a6b';
const CHANNEL_ISSUER = 'https://api.botframework.com';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

interface OpenIdStub { url: string; requests: number; close(): Promise<void> }

/** The OpenID configuration and key set Teams' tokens are checked against, served from 127.0.0.1. */
async function startOpenIdStub(keys: JWK[]): Promise<OpenIdStub> {
  let requests = 0;
  let base = '';
  const server = http.createServer((req, res) => {
    requests++;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, authorization_endpoint: `${base}/auth`, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] }));
    } else if (req.url === '/v1/keys') {
      res.end(JSON.stringify({ keys }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: `${base}/v1/.well-known/openidconfiguration`,
    get requests() { return requests; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('inbound authentication with BOT_ID set', () => {
  let bot: TestBot;
  let openId: OpenIdStub;
  let teamsKey: Key;
  let otherChannelKey: Key;
  let strangerKey: Key;
  let teamsJwk: JWK;
  const KID = 'teams-key-1';
  const OTHER_KID = 'webchat-key-1';

  beforeAll(async () => {
    const teams = await generateKeyPair('RS256', { extractable: true });
    const other = await generateKeyPair('RS256', { extractable: true });
    const stranger = await generateKeyPair('RS256', { extractable: true });
    teamsKey = teams.privateKey;
    otherChannelKey = other.privateKey;
    strangerKey = stranger.privateKey;
    teamsJwk = { ...(await exportJWK(teams.publicKey)), kid: KID, use: 'sig', kty: 'RSA' };
    // Like the real key set: each key says which channels it may sign for.
    const keys = [
      { ...teamsJwk, endorsements: ['msteams'] },
      { ...(await exportJWK(other.publicKey)), kid: OTHER_KID, use: 'sig', endorsements: ['webchat'] },
    ];
    openId = await startOpenIdStub(keys as JWK[]);
    const store = await createTestStore('embedded');
    await store.db.person.create({ data: { key: 'oprice', name: 'Owen Price', roles: ['owner'], aadObjectId: '6f1c2a10-0010-4a6e-9c1a-000000000010' } });
    bot = await startTestBot(store, {
      env: { BOT_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_TYPE: 'MultiTenant', HOST: '127.0.0.1', BOT_OPENID_METADATA_URL: openId.url },
    });
    // The SDK prints rejected tokens' errors to the console; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await bot?.close();
    await openId?.close();
  });

  const claims = (over: Record<string, unknown> = {}) => ({
    iss: CHANNEL_ISSUER, aud: BOT_ID, serviceurl: bot.connector.serviceUrl, ...over,
  });

  async function sign(payload: Record<string, unknown>, opts: { key?: Key; kid?: string; expiresIn?: string | number; notBefore?: number } = {}): Promise<string> {
    const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? KID, typ: 'JWT' }).setIssuedAt();
    if (opts.notBefore !== undefined) jwt.setNotBefore(opts.notBefore);
    jwt.setExpirationTime(opts.expiresIn ?? '1h');
    return jwt.sign(opts.key ?? teamsKey);
  }

  /** A message and a conversation id no other case uses. */
  async function message(): Promise<{ activity: Record<string, unknown>; conversationId: string }> {
    const activity: Record<string, unknown> = { ...(await bot.activity({ as: 'oprice' })), text: "what's overdue?" };
    return { activity, conversationId: (activity.conversation as { id: string }).id };
  }

  async function postWith(authorization: string | undefined, activity: Record<string, unknown>): Promise<{ status: number; body: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== undefined) headers.authorization = authorization;
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
    return { status: res.status, body: await res.text() };
  }

  const nowSeconds = () => Math.floor(Date.now() / 1000);

  const rejected: Array<[string, () => Promise<string | undefined>]> = [
    ['no Authorization header', async () => undefined],
    ['an empty Authorization header', async () => ''],
    ['a header that is not a bearer token', async () => `Basic ${Buffer.from('bot:secret').toString('base64')}`],
    ['a bearer token that is not a JWT', async () => 'Bearer not-a-token'],
    ['an unsigned token (alg none)', async () => `Bearer ${b64url({ alg: 'none', typ: 'JWT', kid: KID })}.${b64url({ ...claims(), exp: nowSeconds() + 3600 })}.`],
    ['a token whose signature was cut off', async () => `Bearer ${(await sign(claims())).split('.').slice(0, 2).join('.')}.`],
    ['a token signed with the right key id but another key', async () => `Bearer ${await sign(claims(), { key: strangerKey })}`],
    ['a token signed with a key the key set does not have', async () => `Bearer ${await sign(claims(), { key: strangerKey, kid: 'unknown-key' })}`],
    ['a token signed with HS256 using the public key as the secret', async () => {
      const secret = new TextEncoder().encode(JSON.stringify(teamsJwk));
      return `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: KID }).setIssuedAt().setExpirationTime('1h').sign(secret)}`;
    }],
    ['a token that expired an hour ago', async () => `Bearer ${await sign({ ...claims(), iat: nowSeconds() - 7200 }, { expiresIn: nowSeconds() - 3600 })}`],
    ['a token not valid until tomorrow', async () => `Bearer ${await sign(claims(), { notBefore: nowSeconds() + 86_400, expiresIn: nowSeconds() + 90_000 })}`],
    ['a token for another bot (wrong audience)', async () => `Bearer ${await sign(claims({ aud: '00000000-1111-2222-3333-444444444444' }))}`],
    ['a token with no audience', async () => `Bearer ${await sign(claims({ aud: undefined }))}`],
    ['a token from another issuer', async () => `Bearer ${await sign(claims({ iss: 'https://login.example.com' }))}`],
    ['an Entra ID token issued to another app', async () => `Bearer ${await sign(claims({ iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', ver: '1.0', appid: '00000000-1111-2222-3333-444444444444' }))}`],
    ['a token for another service URL', async () => `Bearer ${await sign(claims({ serviceurl: 'https://smba.trafficmanager.net/evil/' }))}`],
    ['a token signed by a key endorsed only for another channel', async () => `Bearer ${await sign(claims(), { key: otherChannelKey, kid: OTHER_KID })}`],
  ];

  it.each(rejected)('rejects %s with 401 and does nothing', async (_name, header) => {
    const { activity, conversationId } = await message();
    const sentBefore = bot.connector.requests;
    const res = await postWith(await header(), activity);
    expect(res.status).toBe(401);
    expect(res.body).not.toMatch(/at .*\.js|Available keys|BEGIN/); // no stack traces or key material
    expect(bot.connector.requests).toBe(sentBefore);
    expect(await bot.store.db.conversationRef.count({ where: { conversationId } })).toBe(0);
  });

  it('stores nothing and sends nothing for any rejected request', async () => {
    expect(bot.connector.requests).toBe(0);
    expect(await bot.store.db.conversationRef.count()).toBe(0);
  });

  it('rejects an install event without a token: no welcome, no stored conversation', async () => {
    const act = await bot.activity({ as: 'oprice' });
    const conversationId = (act.conversation as { id: string }).id;
    const res = await postWith(undefined, { ...act, type: 'conversationUpdate', membersAdded: [{ id: (act.recipient as { id: string }).id }] });
    expect(res.status).toBe(401);
    expect(bot.connector.for(conversationId)).toHaveLength(0);
    expect(await bot.store.db.conversationRef.count({ where: { conversationId } })).toBe(0);
  });

  it('accepts a valid Teams token and processes the activity', async () => {
    const act = await bot.activity({ as: 'oprice' });
    const conversationId = (act.conversation as { id: string }).id;
    // An install event: processed (the conversation is remembered) without the bot having to
    // fetch an outbound token from Entra ID, which this offline test cannot do.
    const res = await postWith(`Bearer ${await sign(claims())}`, { ...act, type: 'installationUpdate', action: 'add' });
    expect(res.status).toBe(200);
    expect(await bot.store.db.conversationRef.count({ where: { conversationId } })).toBe(1);
    expect(openId.requests).toBeGreaterThanOrEqual(2); // configuration, then keys
  });

  it('accepts a token within the five-minute clock skew Teams allows', async () => {
    const act = await bot.activity({ as: 'oprice' });
    const conversationId = (act.conversation as { id: string }).id;
    const token = await sign({ ...claims(), iat: nowSeconds() - 3600 }, { expiresIn: nowSeconds() - 60 });
    const res = await postWith(`Bearer ${token}`, { ...act, type: 'installationUpdate', action: 'add' });
    expect(res.status).toBe(200);
    expect(await bot.store.db.conversationRef.count({ where: { conversationId } })).toBe(1);
  });

  it('still answers health probes without a token', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
  });
});

describe('BOT_OPENID_METADATA_URL', () => {
  it('is refused unless it points at this machine, so production can never trust other keys', () => {
    const config = (url: string) => loadConfig({ BOT_ID, BOT_OPENID_METADATA_URL: url });
    expect(() => authSettings(config('https://login.example.com/v1/.well-known/openidconfiguration'))).toThrow(/tests only.*127\.0\.0\.1/);
    expect(authSettings(config('http://127.0.0.1:9/v1/.well-known/openidconfiguration'))).toMatchObject({ ToBotFromChannelTokenIssuer: 'https://api.botframework.com' });
    expect(authSettings(loadConfig({ BOT_ID }))).not.toHaveProperty('ToBotFromChannelOpenIdMetadataUrl');
  });
});
