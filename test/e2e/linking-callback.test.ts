// The OAuth callback on its own HTTP server, with storage on a clock the test moves: a state that storage still
// holds but whose 10 minutes are over gets the expired page; a code Instagram refuses gets its own page; a browser
// without the link's cookie nonce gets nothing exchanged; and a link completes even when Discord cannot be reached
// to edit the reply (that edit is best effort). States are made as the link page makes them once Discord has
// confirmed the person (stage `instagram`, bound to a cookie nonce).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { newBrowserBinding } from '../../src/http/link-cookie.js';
import { createOAuthCallback } from '../../src/http/oauth-callback.js';
import { createV1Linker } from '../../src/providers/v1/linker.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';
import { createInstagramClient, type InstagramClient } from '../../src/providers/v1/client.js';
import { createLogger } from '../../src/log.js';
import { openStorage, OAUTH_STATE_TTL_MS, type Storage } from '../../src/storage/index.js';
import { freePort } from '../../src/util/free-port.js';

describe('OAuth callback', () => {
  const log = createLogger({ level: 'silent' });
  let dataDir: string;
  let now = Date.now();
  let emulator: InstagramEmulator;
  let storage: Storage;
  let instagram: InstagramClient;
  let discord: Client;
  let server: HttpServer;
  let callbackUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'igcord-callback-'));
    const port = await freePort('127.0.0.1');
    callbackUrl = `http://127.0.0.1:${port}/oauth/callback`;
    emulator = await startInstagramEmulator({ clients: [{ ...SANDBOX_CLIENT, redirectUris: [callbackUrl] }] });
    storage = await openStorage({
      url: undefined,
      dataDir,
      keys: { current: { id: 'k1', key: Buffer.alloc(32, 7) } },
      log,
      now: () => now,
    });
    instagram = createInstagramClient({
      apiUrl: emulator.url,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      redirectUri: callbackUrl,
      timeoutMs: 5000,
      signedRequests: false,
    });
    // A real discord.js client that never logs in, whose REST points at a closed port: Discord is unreachable.
    discord = new Client({
      intents: [],
      rest: { api: `http://127.0.0.1:${await freePort('127.0.0.1')}/api`, retries: 0, timeout: 2000 },
    });
    server = await startHttpServer({
      host: '127.0.0.1',
      port,
      log,
      routes: createOAuthCallback({ storage, linker: createV1Linker(instagram), discord, secureCookies: false, log })
        .routes,
    });
  });
  afterAll(async () => {
    await server?.close();
    await discord?.destroy();
    await storage?.close();
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A real code for `username`, obtained through the emulator's Authorize form with the given state. */
  async function codeFor(username: string, state: string): Promise<string> {
    const user = emulator.admin.users().find((u) => u.username === username)!;
    const form = new URLSearchParams({
      client_id: SANDBOX_CLIENT.clientId,
      redirect_uri: callbackUrl,
      response_type: 'code',
      scope: 'basic',
      state,
      user_id: String(user.id),
      decision: 'authorize',
    });
    const redirect = await fetch(`${emulator.url}/oauth/authorize/`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    return new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  }

  /** An `instagram` state as the link page makes it, and the Cookie header of the browser it was made for. */
  async function boundState(input: {
    discordUserId: string;
    interactionToken?: string;
    applicationId?: string;
    scopes: string[];
  }) {
    const binding = newBrowserBinding();
    const state = await storage.oauthStates.create({
      ...input,
      stage: 'instagram',
      browserHash: binding.hash,
      flowId: binding.flowId,
    });
    return { state, headers: { cookie: `igcord_link_${binding.flowId}=${binding.nonce}` } };
  }

  it('shows the expired page for a state past its 10 minutes, burns it, and links nothing', async () => {
    const username = String(emulator.admin.users()[0]!.username);
    const { state, headers } = await boundState({ discordUserId: '100000000000000001', scopes: ['basic'] });
    const code = await codeFor(username, state.state);
    now += OAUTH_STATE_TTL_MS + 1;
    try {
      const response = await fetch(`${callbackUrl}?code=${code}&state=${state.state}`, { headers });
      const html = await response.text();
      expect(response.status).toBe(400);
      expect(html).toContain('data-outcome="state-expired"');
      expect(html).toContain('This link has expired');
      expect(response.headers.get('cache-control')).toBe('no-store');
    } finally {
      now -= OAUTH_STATE_TTL_MS + 1;
    }
    expect(await storage.accounts.get('100000000000000001')).toBeUndefined();
    // Taken even though refused: a second try is simply unknown.
    expect(await storage.oauthStates.take(state.state)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('shows the refused-code page when Instagram does not accept the code, and links nothing', async () => {
    const { state, headers } = await boundState({ discordUserId: '100000000000000002', scopes: ['basic'] });
    const response = await fetch(`${callbackUrl}?code=0123456789abcdef0123456789abcdef&state=${state.state}`, {
      headers,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('data-outcome="exchange-refused"');
    expect(await storage.accounts.get('100000000000000002')).toBeUndefined();
  });

  it('still links and shows the success page when the Discord reply cannot be edited', async () => {
    const username = String(emulator.admin.users()[1]!.username);
    const { state, headers } = await boundState({
      discordUserId: '100000000000000003',
      interactionToken: 'interaction-token-that-cannot-be-used',
      applicationId: '100000000000000009',
      scopes: ['basic', 'likes'],
    });
    const code = await codeFor(username, state.state);
    const response = await fetch(`${callbackUrl}?code=${code}&state=${state.state}`, { headers });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('data-outcome="linked"');
    expect(html).toContain(
      `Instagram account @${username} is now linked to your Discord account (user id 100000000000000003)`,
    );
    expect(html).not.toContain('interaction-token-that-cannot-be-used');
    expect(await storage.accounts.get('100000000000000003')).toMatchObject({
      username,
      scopes: ['basic', 'likes'],
      status: 'active',
    });
  });

  it("refuses a browser without the link's cookie, or with another link's, burns the state and exchanges nothing", async () => {
    const username = String(emulator.admin.users()[2]!.username);
    const other = await boundState({ discordUserId: '100000000000000005', scopes: ['basic'] });
    for (const headers of [{}, other.headers, { cookie: `${other.headers.cookie.split('=')[0]}=not-the-nonce` }]) {
      const { state } = await boundState({ discordUserId: '100000000000000006', scopes: ['basic'] });
      const code = await codeFor(username, state.state);
      const response = await fetch(`${callbackUrl}?code=${code}&state=${state.state}`, { headers });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('data-outcome="browser-mismatch"');
      expect(await storage.accounts.get('100000000000000006')).toBeUndefined();
      expect(await storage.oauthStates.take(state.state)).toEqual({ ok: false, reason: 'unknown' });
      // The code is still good: igcord never exchanged it.
      const exchange = await fetch(`${emulator.url}/oauth/access_token`, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: SANDBOX_CLIENT.clientId,
          client_secret: SANDBOX_CLIENT.clientSecret,
          grant_type: 'authorization_code',
          redirect_uri: callbackUrl,
          code,
        }),
      });
      expect(exchange.status).toBe(200);
    }
  });

  it('refuses a state made for an earlier step of linking (the link itself), burning it', async () => {
    const username = String(emulator.admin.users()[3]!.username);
    const link = await storage.oauthStates.create({ discordUserId: '100000000000000007', scopes: ['basic'] });
    const code = await codeFor(username, link.state);
    const response = await fetch(`${callbackUrl}?code=${code}&state=${link.state}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('data-outcome="state-invalid"');
    expect(await storage.accounts.get('100000000000000007')).toBeUndefined();
    expect(await storage.oauthStates.take(link.state)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('refuses a repeated state parameter without looking it up', async () => {
    const state = await storage.oauthStates.create({ discordUserId: '100000000000000004', scopes: ['basic'] });
    const response = await fetch(`${callbackUrl}?state=${state.state}&state=${state.state}&code=x`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('data-outcome="state-invalid"');
    // Not consumed: the state is still there for its real callback.
    expect((await storage.oauthStates.take(state.state)).ok).toBe(true);
  });
});
