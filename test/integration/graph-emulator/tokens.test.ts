import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { DAY, HOUR, V, call, envelope, form, graphGet } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let studio: AccountView;
let app: ReturnType<GraphEmulator['admin']['app']>;
let redirectUri: string;

beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'tokens', now: START, frozenClock: true });
  app = emu.admin.app();
  redirectUri = app.redirectUris[0] ?? '';
  studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio') as AccountView;
});
afterAll(() => emu.close());

const SCOPE = 'instagram_business_basic,instagram_business_manage_comments';

async function instagramCode(username: string) {
  const fields = {
    client_id: app.instagramAppId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: SCOPE,
    state: 'st-1',
  };
  return form(`${emu.hosts.instagramWww}/oauth/authorize`, { ...fields, username, decision: 'allow' });
}

const exchangeCode = (code: string) =>
  form(`${emu.hosts.instagramApi}/oauth/access_token`, {
    client_id: app.instagramAppId,
    client_secret: app.instagramAppSecret,
    grant_type: 'authorization_code',
    redirect_uri: redirectUri,
    code,
  });

const refresh = (token: string) =>
  call(`${emu.hosts.instagramGraph}/refresh_access_token?grant_type=ig_refresh_token&access_token=${token}`);
const me = (token: string) =>
  graphGet(emu, 'ig', '/me', { fields: 'user_id,username,account_type', access_token: token });
const EXPIRED = (at: number, now: number) =>
  envelope(
    190,
    `Error validating access token: Session has expired on ${new Date(at).toUTCString()}. The current time is ${new Date(now).toUTCString()}.`,
    {
      error_subcode: 463,
    },
  );

describe('Instagram Login tokens on a moved clock', () => {
  it('links through the authorize page: code (single use) → short-lived → long-lived token for the professional account', async () => {
    const page = await call(
      `${emu.hosts.instagramWww}/oauth/authorize?${new URLSearchParams({ client_id: app.instagramAppId, redirect_uri: redirectUri, response_type: 'code', scope: SCOPE })}`,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('<option value="igcord.studio">igcord.studio (BUSINESS)</option>');

    const allowed = await instagramCode('igcord.studio');
    expect(allowed.status).toBe(302);
    const location = allowed.headers.get('location') ?? '';
    expect(location.endsWith('#_')).toBe(true);
    const back = new URL(location.slice(0, -2));
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code') ?? '';

    const exchanged = await exchangeCode(code);
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toEqual({
      data: [{ access_token: expect.stringMatching(/^IGAA\w+$/), user_id: studio.app_scoped_id, permissions: SCOPE }],
    });
    const again = await exchangeCode(code);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      error_type: 'OAuthException',
      code: 400,
      error_message: 'Matching code was not found or was already used',
    });

    const short = exchanged.body.data[0].access_token as string;
    const long = await call(
      `${emu.hosts.instagramGraph}/access_token?grant_type=ig_exchange_token&client_secret=${app.instagramAppSecret}&access_token=${short}`,
    );
    expect(long.body).toEqual({
      access_token: expect.stringMatching(/^IGAA\w+$/),
      token_type: 'bearer',
      expires_in: 5_184_000,
    });
    expect(long.body.access_token).not.toBe(short);
    expect((await me(long.body.access_token)).body).toEqual({
      user_id: studio.id,
      username: 'igcord.studio',
      account_type: 'BUSINESS',
      id: studio.app_scoped_id,
    });
  });

  it('expires a code and a short-lived token after one hour of emulator time', async () => {
    const code =
      new URL((await instagramCode('igcord.studio')).headers.get('location') ?? '').searchParams.get('code') ?? '';
    const short = (await exchangeCode(code)).body.data[0].access_token as string;
    const staleCode =
      new URL((await instagramCode('igcord.studio')).headers.get('location') ?? '').searchParams.get('code') ?? '';
    expect((await me(short)).status).toBe(200);
    const issued = emu.admin.now();
    emu.admin.advance(HOUR);
    expect((await me(short)).body).toEqual(EXPIRED(issued + HOUR, issued + HOUR));
    expect((await exchangeCode(staleCode)).body.error_message).toBe('Matching code was not found or was already used');
  });

  it('refuses a refresh before the token is 24 h old, accepts it after, and the refreshed token lasts 60 days from the refresh', async () => {
    const { access_token: token } = emu.admin.mintToken({ account: 'igcord.studio' });
    emu.admin.advance(23 * HOUR + 59 * 60_000);
    const early = await refresh(token);
    expect(early.status).toBe(400);
    expect(early.body).toEqual(
      envelope(100, '(#100) The access token cannot be refreshed until it is at least 24 hours old'),
    );

    emu.admin.advance(2 * 60_000);
    const refreshed = await refresh(token);
    expect(refreshed.status).toBe(200);
    // The same string with a new expiry (the default; `refreshReturnsNewToken` gives a new string).
    expect(refreshed.body).toEqual({ access_token: token, token_type: 'bearer', expires_in: 5_184_000 });
    const refreshedAt = emu.admin.now();

    emu.admin.advance(60 * DAY - 60_000);
    expect((await me(token)).status).toBe(200);
    emu.admin.advance(60_000);
    const now = emu.admin.now();
    expect((await me(token)).body).toEqual(EXPIRED(refreshedAt + 60 * DAY, now));
    expect((await refresh(token)).body).toEqual(EXPIRED(refreshedAt + 60 * DAY, now));
  });

  it('loses a token that was never refreshed at 60 days, and answers a POST refresh as the real API does', async () => {
    const { access_token: token, expires_at } = emu.admin.mintToken({ account: 'igcord.studio' });
    expect(
      (
        await call(
          `${emu.hosts.instagramGraph}/refresh_access_token?grant_type=ig_refresh_token&access_token=${token}`,
          { method: 'POST' },
        )
      ).body,
    ).toEqual(envelope(100, 'Unsupported request - method type: post', { type: 'GraphMethodException' }));
    emu.admin.advance(60 * DAY);
    expect((await refresh(token)).body).toEqual(EXPIRED(expires_at ?? 0, emu.admin.now()));
  });

  it('answers a revoked token with 190/460 and a made-up or other-login token with 190', async () => {
    const { access_token: token } = emu.admin.mintToken({ account: 'igcord.studio' });
    const fbToken = emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook' }).access_token;
    expect((await me(fbToken)).body).toEqual(envelope(190, 'Invalid OAuth access token - Cannot parse access token'));
    expect((await me('IGAAnot-a-token')).body).toEqual(
      envelope(190, 'Invalid OAuth access token - Cannot parse access token'),
    );
    emu.admin.revokeToken(token);
    expect((await me(token)).body).toEqual(
      envelope(
        190,
        'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
        { error_subcode: 460 },
      ),
    );
  });
});

describe('personal accounts', () => {
  it('cannot link: the sign-in page refuses them and issues no code', async () => {
    const refused = await instagramCode('mila.personal');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('location')).toBeNull();
    expect(refused.text).toContain('<h1 id="personal-account">mila.personal is a personal account</h1>');
    expect(() => emu.admin.mintToken({ account: 'mila.personal' })).toThrow(
      'mila.personal is a personal account: only professional accounts can link',
    );
  });

  it("are not shown as the Page's instagram_business_account under Facebook Login", async () => {
    const mila = emu.admin.accounts().find((a) => a.username === 'mila.personal') as AccountView;
    const { access_token } = emu.admin.mintToken({ account: 'mila.personal', login: 'facebook' });
    const pages = await graphGet(emu, 'fb', '/me/accounts', {
      fields: 'id,name,instagram_business_account{id,username}',
      access_token,
    });
    expect(pages.body).toEqual({
      data: [{ id: mila.page_id, name: "Mila's Page" }],
      paging: { cursors: { before: expect.any(String), after: expect.any(String) } },
    });
  });
});

describe('Facebook Login tokens', () => {
  it('code → short-lived user token → long-lived (60 days) → Page token that outlives it', async () => {
    const dialog = `${emu.hosts.facebookWww}/${V}/dialog/oauth`;
    const page = await call(
      `${dialog}?${new URLSearchParams({ client_id: app.metaAppId, redirect_uri: redirectUri, config_id: '42', state: 'fb-1' })}`,
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<option value="${studio.facebook_user_id}">Ada Lindqvist</option>`);
    const allowed = await form(dialog, {
      client_id: app.metaAppId,
      redirect_uri: redirectUri,
      config_id: '42',
      state: 'fb-1',
      user_id: studio.facebook_user_id ?? '',
      decision: 'allow',
    });
    const location = allowed.headers.get('location') ?? '';
    expect(location.endsWith('#_=_')).toBe(true);
    const code = new URL(location).searchParams.get('code') ?? '';

    const tokenUrl = `${emu.hosts.facebookGraph}/${V}/oauth/access_token`;
    const creds = { client_id: app.metaAppId, client_secret: app.metaAppSecret };
    const short = await call(`${tokenUrl}?${new URLSearchParams({ ...creds, redirect_uri: redirectUri, code })}`);
    expect(short.body).toEqual({
      access_token: expect.stringMatching(/^EAA\w+$/),
      token_type: 'bearer',
      expires_in: 3600,
    });
    const used = await call(`${tokenUrl}?${new URLSearchParams({ ...creds, redirect_uri: redirectUri, code })}`);
    expect(used.body).toEqual(envelope(100, 'This authorization code has been used.', { error_subcode: 36009 }));
    const long = await call(
      `${tokenUrl}?${new URLSearchParams({ ...creds, grant_type: 'fb_exchange_token', fb_exchange_token: short.body.access_token })}`,
    );
    expect(long.body).toEqual({
      access_token: expect.stringMatching(/^EAA\w+$/),
      token_type: 'bearer',
      expires_in: 5_184_000,
    });

    const pages = await graphGet(emu, 'fb', '/me/accounts', {
      fields: 'id,name,access_token,instagram_business_account{id,username}',
      access_token: long.body.access_token,
    });
    expect(pages.body.data).toEqual([
      {
        id: studio.page_id,
        name: 'igcord Studio',
        access_token: expect.stringMatching(/^EAA\w+$/),
        instagram_business_account: { id: studio.id, username: 'igcord.studio' },
      },
    ]);
    const pageToken = pages.body.data[0].access_token as string;

    const linkedAt = emu.admin.now();
    emu.admin.advance(60 * DAY);
    const later = emu.admin.now();
    expect((await graphGet(emu, 'fb', '/me', { access_token: long.body.access_token })).body).toEqual(
      EXPIRED(linkedAt + 60 * DAY, later),
    );
    const viaPage = await graphGet(emu, 'fb', `/${studio.id}`, { fields: 'username', access_token: pageToken });
    expect(viaPage.body).toEqual({ username: 'igcord.studio', id: studio.id });
    // No long-lived token from an expired one.
    const fromExpired = await call(
      `${tokenUrl}?${new URLSearchParams({ ...creds, grant_type: 'fb_exchange_token', fb_exchange_token: long.body.access_token })}`,
    );
    expect(fromExpired.body).toEqual(EXPIRED(linkedAt + 60 * DAY, later));
  });

  it('ends the Page tokens derived from a user token when that token is revoked', async () => {
    const user = emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook' }).access_token;
    const pages = await graphGet(emu, 'fb', '/me/accounts', { fields: 'access_token', access_token: user });
    const pageToken = pages.body.data[0].access_token as string;
    emu.admin.revokeToken(user);
    expect(
      (await graphGet(emu, 'fb', `/${studio.id}`, { fields: 'username', access_token: pageToken })).body.error,
    ).toMatchObject({ code: 190, error_subcode: 460 });
  });
});
