// The OAuth steps of reference §4 between igcord's client and the emulator: the authorize URL igcord builds is
// opened, the emulator's authorize form is submitted with fetch as a browser would, and the code that comes back
// on the redirect is exchanged for a token that works, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../../sandbox/instagram/index.js';
import { InstagramError, InstagramOAuthError, InstagramScopeError } from '../../../src/providers/v1/errors.js';
import { parseAuthorizeCallback, type AuthorizeUrlInput } from '../../../src/providers/v1/oauth.js';
import { startWorld, type EmulatorWorld, type SeededUser } from './emulator-fixture.js';

let world: EmulatorWorld;
let alice: SeededUser;

beforeAll(async () => {
  world = await startWorld();
  alice = world.publicUsers[0]!;
});
afterAll(() => world?.close());

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Opens the authorize page and submits its form (Authorize or Cancel) as `user`; answers the redirect target. */
async function authorizeInBrowser(
  input: AuthorizeUrlInput,
  decision: 'authorize' | 'cancel',
  user: SeededUser,
): Promise<string> {
  const page = await fetch(world.client.oauth.authorizeUrl(input));
  expect(page.status).toBe(200);
  const html = await page.text();
  const formId = decision === 'authorize' ? 'authorize' : 'cancel';
  const form = new RegExp(`<form id="${formId}" method="post" action="([^"]+)">([\\s\\S]*?)</form>`).exec(html);
  expect(form).not.toBeNull();
  const fields = new URLSearchParams();
  for (const input of form![2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.append(input[1]!, unescapeHtml(input[2]!));
  }
  fields.set('user_id', user.id);
  fields.set('decision', decision);
  const answer = await fetch(new URL(form![1]!, world.emulator.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return answer.headers.get('location')!;
}

async function oauthFailure(call: Promise<unknown>): Promise<InstagramError> {
  const outcome = await call.then(
    () => new Error('expected failure'),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(InstagramOAuthError);
  return outcome as InstagramError;
}

describe('OAuth code flow against the emulator (§4)', () => {
  it('authorize URL → form → redirect with code and state → exchange → a working token for that user', async () => {
    const location = await authorizeInBrowser(
      { scopes: ['basic', 'public_content'], state: 'st-1' },
      'authorize',
      alice,
    );
    expect(location.startsWith(SANDBOX_CLIENT.redirectUris[0]!)).toBe(true);
    const callback = parseAuthorizeCallback(location);
    expect(callback).toMatchObject({ kind: 'code', state: 'st-1' });
    if (callback.kind !== 'code') return;
    const token = await world.client.oauth.exchangeCode(callback.code);
    expect(token.user).toMatchObject({ id: alice.id, username: alice.username });
    expect(token.access_token.startsWith(`${alice.id}.${SANDBOX_CLIENT.clientId.slice(0, 7)}.`)).toBe(true);
    const auth = { userId: token.user.id, accessToken: token.access_token };
    expect((await world.client.users.self(auth)).data.id).toBe(alice.id);
  });

  it('grants exactly the scopes asked for, joined with + in the URL', async () => {
    const location = await authorizeInBrowser({ scopes: ['basic', 'public_content'] }, 'authorize', alice);
    const callback = parseAuthorizeCallback(location);
    if (callback.kind !== 'code') throw new Error('expected a code');
    const token = await world.client.oauth.exchangeCode(callback.code);
    const auth = { userId: token.user.id, accessToken: token.access_token };
    const other = world.publicUsers[1]!;
    const media = (await world.client.users.recentMedia(auth, { userId: other.id, count: 1 })).data[0]!;
    const refused = await world.client.likes.like(auth, media.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InstagramScopeError);
  });

  it('a code is single use: the second exchange fails with OAuthException', async () => {
    const callback = parseAuthorizeCallback(await authorizeInBrowser({ scopes: ['basic'] }, 'authorize', alice));
    if (callback.kind !== 'code') throw new Error('expected a code');
    await world.client.oauth.exchangeCode(callback.code);
    const error = await oauthFailure(world.client.oauth.exchangeCode(callback.code));
    expect(error).toMatchObject({ type: 'OAuthException', status: 400 });
    expect(error.message).toBe('Matching code was not found or was already used.');
  });

  it('an exchange with another redirect_uri than the authorize step fails', async () => {
    const callback = parseAuthorizeCallback(await authorizeInBrowser({ scopes: ['basic'] }, 'authorize', alice));
    if (callback.kind !== 'code') throw new Error('expected a code');
    const error = await oauthFailure(
      world.client.oauth.exchangeCode(callback.code, { redirectUri: SANDBOX_CLIENT.redirectUris[1]! }),
    );
    expect(error.message).toBe('Redirect URI does not match registered redirect URI');
  });

  it('an unregistered redirect URI is refused by the authorize page with a top-level OAuthException', async () => {
    const answer = await fetch(world.client.oauth.authorizeUrl({ redirectUri: 'http://127.0.0.1:3000/elsewhere' }));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      code: 400,
      error_type: 'OAuthException',
      error_message: 'Redirect URI does not match registered redirect URI',
    });
  });

  it('a wrong code fails with OAuthException', async () => {
    await oauthFailure(world.client.oauth.exchangeCode('0'.repeat(32)));
  });

  it('Cancel redirects back with access_denied and the state', async () => {
    const callback = parseAuthorizeCallback(
      await authorizeInBrowser({ scopes: ['basic'], state: 'st-2' }, 'cancel', alice),
    );
    expect(callback).toMatchObject({ kind: 'denied', error: 'access_denied', reason: 'user_denied', state: 'st-2' });
  });

  it('the implicit flow puts a working token in the fragment', async () => {
    const callback = parseAuthorizeCallback(
      await authorizeInBrowser({ responseType: 'token', scopes: ['basic'] }, 'authorize', alice),
    );
    if (callback.kind !== 'token') throw new Error('expected a token');
    expect((await world.client.users.self({ userId: alice.id, accessToken: callback.accessToken })).data.id).toBe(
      alice.id,
    );
  });
});
