// Both logins end to end through the Graph client against the emulator: the authorize page or dialog the
// client's URL names, the code it redirects with, the token exchanges, and the profile the token serves; and
// the refusal of a personal account, which the linking flow can explain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { GraphNotProfessionalError, GraphOAuthError } from '../../../src/providers/graph/errors.js';
import { callback, clientFor, DAY, recordingGate, signIn } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;

beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'client-logins', now: START, frozenClock: true });
});
afterAll(() => emu.close());

describe('Instagram Login through the Graph client', () => {
  it('authorize page → code → short-lived → long-lived (≈ 60 days) → the professional account, with both ids', async () => {
    const gate = recordingGate();
    const client = clientFor(emu, 'instagram', gate);
    const url = new URL(client.oauth.authorizeUrl({ state: 'st-ig' }));
    expect(url.searchParams.get('scope')).toBe(
      'instagram_business_basic,instagram_business_manage_comments,instagram_business_manage_insights',
    );
    expect(url.searchParams.get('response_type')).toBe('code');

    const answer = await signIn(url.toString(), 'igcord.studio');
    expect(answer.status).toBe(302);
    const { code, state } = callback(answer.location);
    expect(state).toBe('st-ig');
    expect(code.endsWith('#_')).toBe(true);

    const link = await client.oauth.completeLink(code);
    const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio');
    expect(link).toMatchObject({
      login: 'instagram',
      tokenKind: 'instagram-user',
      userId: studio?.id,
      appScopedId: studio?.app_scoped_id,
      username: 'igcord.studio',
      accountType: 'BUSINESS',
      scopes: ['instagram_business_basic', 'instagram_business_manage_comments', 'instagram_business_manage_insights'],
      issuedAt: START,
    });
    expect(link.expiresAt).toBe(START + (link.expiresIn ?? 0) * 1000);
    expect(Math.abs((link.expiresAt ?? 0) - (START + 60 * DAY))).toBeLessThan(DAY);
    // Token endpoints are charged to `app`; nothing is keyed by a token.
    expect(gate.calls.map((c) => `${c.method} ${c.path} ${c.key}`)).toEqual([
      'POST /oauth/access_token app',
      'GET /access_token app',
      'GET /v25.0/me app',
    ]);

    const profile = await client.profile({ userId: link.userId, accessToken: link.accessToken });
    expect(profile.data).toMatchObject({ id: studio?.id, username: 'igcord.studio', business: true });
    expect(profile.data.counts.posts).toBeGreaterThan(0);
  });

  it('reads the flat code-exchange answer as well as the documented data[] one', async () => {
    const flat = await startGraphEmulator({
      seed: 'client-logins',
      now: START,
      frozenClock: true,
      tokenExchangeShape: 'flat',
    });
    try {
      const client = clientFor(flat, 'instagram');
      const answer = await signIn(client.oauth.authorizeUrl({ state: 's' }), 'lena.creates');
      const short = await client.oauth.instagram.exchangeCode(callback(answer.location).code);
      const lena = flat.admin.accounts().find((a) => a.username === 'lena.creates');
      expect(short).toMatchObject({ appScopedId: lena?.app_scoped_id, issuedAt: START, expiresAt: START + 3_600_000 });
      expect(short.scopes).toContain('instagram_business_basic');
    } finally {
      await flat.close();
    }
  });

  it('refuses a code used twice with a typed OAuth error that names no secret', async () => {
    const client = clientFor(emu, 'instagram');
    const { code } = callback((await signIn(client.oauth.authorizeUrl({ state: 's' }), 'lena.creates')).location);
    await client.oauth.instagram.exchangeCode(code);
    const error = await client.oauth.instagram.exchangeCode(code).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphOAuthError);
    expect(error).toMatchObject({
      type: 'OAuthException',
      code: 400,
      status: 400,
      retryable: false,
      message: 'Matching code was not found or was already used',
    });
    expect(String((error as Error).message)).not.toContain(emu.admin.app().instagramAppSecret);
  });

  it('cannot link a personal account: the sign-in page refuses it and issues no code', async () => {
    const client = clientFor(emu, 'instagram');
    const answer = await signIn(client.oauth.authorizeUrl({ state: 's' }), 'mila.personal');
    expect(answer.status).toBe(403);
    expect(answer.location).toBeUndefined();
    expect(answer.text).toContain('personal account');
  });
});

describe('Facebook Login for Business through the Graph client', () => {
  it('dialog → code → user token → long-lived → Pages → the Instagram account and its Page token → profile', async () => {
    const gate = recordingGate();
    const client = clientFor(emu, 'facebook', gate);
    const url = new URL(client.oauth.authorizeUrl({ state: 'st-fb', configId: 'cfg-1' }));
    expect(url.pathname).toBe('/facebook-www/v25.0/dialog/oauth');
    const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio');
    const answer = await signIn(url.toString(), studio?.facebook_user_id ?? '');
    expect(answer.status).toBe(302);
    const { code, state } = callback(answer.location);
    expect(state).toBe('st-fb');

    const link = await client.oauth.completeLink(code);
    expect(link).toMatchObject({
      login: 'facebook',
      tokenKind: 'page',
      userId: studio?.id,
      username: 'igcord.studio',
      pageId: studio?.page_id,
      expiresAt: undefined,
    });
    expect(Math.abs((link.userTokenExpiresAt ?? 0) - (START + 60 * DAY))).toBeLessThan(DAY);
    expect(gate.calls.map((c) => `${c.method} ${c.path} ${c.key}`)).toEqual([
      'GET /v25.0/oauth/access_token app',
      'GET /v25.0/oauth/access_token app',
      'GET /v25.0/me/accounts app',
      `GET /v25.0/${studio?.id} ${studio?.id}`,
    ]);

    const profile = await client.profile({ userId: link.userId, accessToken: link.accessToken });
    expect(profile.data).toMatchObject({ id: studio?.id, username: 'igcord.studio' });
  });

  it('refuses a person whose Pages carry no professional Instagram account (a personal account) with a typed, explainable error', async () => {
    const client = clientFor(emu, 'facebook');
    const mila = emu.admin.accounts().find((a) => a.username === 'mila.personal');
    expect(mila?.facebook_user_id).toBeDefined();
    const answer = await signIn(client.oauth.authorizeUrl({ state: 's' }), mila?.facebook_user_id ?? '');
    const error = await client.oauth.completeLink(callback(answer.location).code).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphNotProfessionalError);
    expect(error).toMatchObject({ reason: 'no-instagram-on-pages', retryable: false });
    expect((error as Error).message).toMatch(/professional/);
  });
});
