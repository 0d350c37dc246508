// The Discord fake's OAuth2 authorization code grant over real HTTP, as Discord documents it
// (https://discord.com/developers/docs/topics/oauth2): the authorize page and its redirect back, the code exchange
// at the token URL and the user behind the Bearer token at /users/@me.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_LIFETIME_S, startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';

const REDIRECT = 'http://127.0.0.1:9/link/discord-callback';

describe('discord fake: OAuth2 authorization code grant', () => {
  let fake: DiscordFake;
  let alice: { id: string };

  beforeAll(async () => {
    fake = await startDiscordFake({ redirectUris: [REDIRECT], clientSecret: 'the-client-secret' });
    alice = fake.createUser({ username: 'alice', globalName: 'Alice A' });
  });
  afterAll(async () => {
    await fake.close();
  });

  const authorizeQuery = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      client_id: fake.applicationId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'identify',
      state: 'st-1',
      prompt: 'consent',
      ...overrides,
    });

  /** Submits the authorize form directly, as a browser would, and returns the redirect's Location. */
  async function decide(
    decision: 'authorize' | 'cancel',
    userId = alice.id,
    overrides: Record<string, string> = {},
  ): Promise<URL> {
    const form = authorizeQuery(overrides);
    form.set('decision', decision);
    form.set('user_id', userId);
    const response = await fetch(`${fake.url}/oauth2/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location')!);
  }

  function exchange(
    code: string,
    options: { basic?: boolean; secret?: string; redirectUri?: string; json?: boolean } = {},
  ) {
    const secret = options.secret ?? fake.clientSecret;
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri ?? REDIRECT,
    });
    const headers: Record<string, string> = {};
    if (options.basic ?? true)
      headers.authorization = `Basic ${Buffer.from(`${fake.applicationId}:${secret}`).toString('base64')}`;
    else {
      form.set('client_id', fake.applicationId);
      form.set('client_secret', secret);
    }
    if (options.json) {
      return fetch(`${fake.apiUrl}/v10/oauth2/token`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(Object.fromEntries(form)),
      });
    }
    return fetch(`${fake.apiUrl}/v10/oauth2/token`, { method: 'POST', headers, body: form });
  }

  const me = (authorization?: string) =>
    fetch(`${fake.apiUrl}/v10/users/@me`, authorization === undefined ? {} : { headers: { authorization } });

  it("shows the authorize page with the fake's people (not the bot) and an Authorize and a Cancel form", async () => {
    const response = await fetch(`${fake.url}/oauth2/authorize?${authorizeQuery()}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form id="authorize" method="post" action="/oauth2/authorize">');
    expect(html).toContain('<form id="cancel"');
    expect(html).toContain(`<option value="${alice.id}">alice (Alice A)</option>`);
    expect(html).not.toContain(`<option value="${fake.botUserId}"`);
    expect(html).toContain('<input type="hidden" name="state" value="st-1">');
  });

  it('refuses an unregistered redirect URI, another client id or an unknown scope with an error page, redirecting nowhere', async () => {
    for (const overrides of [
      { redirect_uri: 'http://127.0.0.1:9/elsewhere' },
      { client_id: '123456789012345678' },
      { scope: 'identify superpowers' },
      { response_type: 'token' },
    ] as Record<string, string>[]) {
      const response = await fetch(`${fake.url}/oauth2/authorize?${authorizeQuery(overrides)}`, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('Invalid OAuth2 request');
    }
  });

  it('redirects back with error=access_denied and the state when the person cancels', async () => {
    const location = await decide('cancel');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('redirects back with a code and the state, exchanges the code once for a Bearer token, and /users/@me names the person', async () => {
    const location = await decide('authorize');
    expect(location.searchParams.get('state')).toBe('st-1');
    const code = location.searchParams.get('code')!;

    const response = await exchange(code);
    expect(response.status).toBe(200);
    const token = (await response.json()) as Record<string, unknown>;
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_S, scope: 'identify' });
    expect(token.access_token).toEqual(expect.any(String));
    expect(token.refresh_token).toEqual(expect.any(String));

    const user = await me(`Bearer ${String(token.access_token)}`);
    expect(user.status).toBe(200);
    expect(await user.json()).toMatchObject({ id: alice.id, username: 'alice', global_name: 'Alice A' });

    // Single use: the same code again is an invalid grant.
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    // The log never keeps the code or the secret.
    const logged = fake.restLog().filter((e) => e.path === '/oauth2/token');
    expect(JSON.stringify(logged)).not.toContain(code);
    expect(JSON.stringify(logged)).not.toContain(fake.clientSecret);
  });

  it('accepts the client credentials in the form body as well as by HTTP Basic', async () => {
    const code = (await decide('authorize')).searchParams.get('code')!;
    const response = await exchange(code, { basic: false });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong client secret (401 invalid_client), a JSON body, and a redirect_uri other than the one authorized', async () => {
    const wrongSecret = await exchange((await decide('authorize')).searchParams.get('code')!, {
      secret: 'not-the-secret',
    });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toEqual({ error: 'invalid_client' });

    const json = await exchange((await decide('authorize')).searchParams.get('code')!, { json: true });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });

    const otherRedirect = await exchange((await decide('authorize')).searchParams.get('code')!, {
      redirectUri: 'http://127.0.0.1:9/other',
    });
    expect(otherRedirect.status).toBe(400);
    expect(await otherRedirect.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an expired code', async () => {
    const shortLived = await startDiscordFake({ redirectUris: [REDIRECT], oauth2CodeLifetimeMs: 0 });
    try {
      const person = shortLived.createUser({ username: 'bob' });
      const form = new URLSearchParams({
        client_id: shortLived.applicationId,
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'identify',
        decision: 'authorize',
        user_id: person.id,
      });
      const redirect = await fetch(`${shortLived.url}/oauth2/authorize`, {
        method: 'POST',
        body: form,
        redirect: 'manual',
      });
      const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
      const response = await fetch(`${shortLived.apiUrl}/v10/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${shortLived.applicationId}:${shortLived.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    } finally {
      await shortLived.close();
    }
  });

  it('answers /users/@me with 401 without a valid token, and with the bot for the Bot token', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token', 'Basic abc']) {
      const response = await me(authorization);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    }
    const bot = await me(`Bot ${fake.botToken}`);
    expect(await bot.json()).toMatchObject({ id: fake.botUserId, bot: true });
  });

  it('registers a redirect URI later, as an admin would in the developer portal', async () => {
    const later = 'http://127.0.0.1:9/later';
    expect((await fetch(`${fake.url}/oauth2/authorize?${authorizeQuery({ redirect_uri: later })}`)).status).toBe(400);
    fake.registerRedirectUri(later);
    expect((await fetch(`${fake.url}/oauth2/authorize?${authorizeQuery({ redirect_uri: later })}`)).status).toBe(200);
  });
});
