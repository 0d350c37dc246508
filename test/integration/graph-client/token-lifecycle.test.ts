// Instagram Login's token rules through the Graph client on the emulator's moved clock (reference §1.2 step 4):
// a refresh is refused before the token is 24 h old (a typed error saying when it can be), accepted after with
// a new expiry 60 days from the refresh, and a token left 60 days without refresh is gone (a typed 190). Both
// answers to "does a refresh hand back a new string?" (unverified) are handled.
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { GraphRefreshTooEarlyError, GraphTokenError } from '../../../src/providers/graph/errors.js';
import { callback, clientFor, DAY, HOUR, signIn } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator | undefined;
afterEach(() => emu?.close());

async function linked(options: { refreshReturnsNewToken?: boolean } = {}) {
  emu = await startGraphEmulator({ seed: 'client-tokens', now: START, frozenClock: true, ...options });
  const client = clientFor(emu, 'instagram');
  const answer = await signIn(client.oauth.authorizeUrl({ state: 's' }), 'igcord.studio');
  const link = await client.oauth.completeLink(callback(answer.location).code);
  return { emu, client, link };
}

describe('Instagram Login token lifecycle on a moved clock', () => {
  it('refuses a refresh at 23 h with a typed error naming when it becomes possible, and the token still works', async () => {
    const { emu, client, link } = await linked();
    emu.admin.advance(23 * HOUR);
    const error = await client.oauth.instagram
      .refresh(link.accessToken, { issuedAt: link.issuedAt, key: link.userId })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRefreshTooEarlyError);
    expect(error).toMatchObject({ code: 100, retryable: false, refreshableAt: START + 24 * HOUR });
    const profile = await client.profile({ userId: link.userId, accessToken: link.accessToken });
    expect(profile.data.username).toBe('igcord.studio');
  });

  it('recognises the refusal by its wording when the caller does not say when the token was issued', async () => {
    const { client, link } = await linked();
    const error = await client.oauth.instagram.refresh(link.accessToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRefreshTooEarlyError);
    expect(error).toMatchObject({ refreshableAt: undefined });
  });

  it('accepts a refresh after 24 h: the same string comes back with a new expiry 60 days from the refresh', async () => {
    const { emu, client, link } = await linked();
    emu.admin.advance(24 * HOUR + 60_000);
    const refreshedAt = emu.admin.now();
    const grant = await client.oauth.instagram.refresh(link.accessToken, { issuedAt: link.issuedAt, key: link.userId });
    expect(grant).toMatchObject({ accessToken: link.accessToken, sameToken: true, issuedAt: refreshedAt });
    expect(Math.abs((grant.expiresAt ?? 0) - (refreshedAt + 60 * DAY))).toBeLessThan(60_000);
    expect(grant.expiresAt).toBeGreaterThan(link.expiresAt ?? Infinity);
  });

  it('takes a new string from a refresh when Graph hands one back', async () => {
    const { emu, client, link } = await linked({ refreshReturnsNewToken: true });
    emu.admin.advance(2 * DAY);
    const grant = await client.oauth.instagram.refresh(link.accessToken);
    expect(grant.sameToken).toBe(false);
    expect(grant.accessToken).not.toBe(link.accessToken);
    const profile = await client.profile({ userId: link.userId, accessToken: grant.accessToken });
    expect(profile.data.username).toBe('igcord.studio');
  });

  it('keeps a refreshed token alive past the first 60 days', async () => {
    const { emu, client, link } = await linked();
    emu.admin.advance(30 * DAY);
    await client.oauth.instagram.refresh(link.accessToken);
    emu.admin.advance(45 * DAY);
    const profile = await client.profile({ userId: link.userId, accessToken: link.accessToken });
    expect(profile.data.username).toBe('igcord.studio');
  });

  it('loses a token not refreshed for 60 days: calls and the refresh fail with a typed 190 "expired"', async () => {
    const { emu, client, link } = await linked();
    emu.admin.advance(60 * DAY + HOUR);
    const call = await client.profile({ userId: link.userId, accessToken: link.accessToken }).catch((e: unknown) => e);
    expect(call).toBeInstanceOf(GraphTokenError);
    expect(call).toMatchObject({
      code: 190,
      subcode: 463,
      problem: 'expired',
      retryable: false,
      type: 'OAuthException',
    });
    expect((call as GraphTokenError).fbtraceId).toMatch(/^\w+$/);
    const refresh = await client.oauth.instagram
      .refresh(link.accessToken, { issuedAt: link.issuedAt })
      .catch((e: unknown) => e);
    expect(refresh).toBeInstanceOf(GraphTokenError);
    expect(String(refresh)).not.toContain(link.accessToken);
  });

  it('reports a token invalidated by a password change as 190/460', async () => {
    const { emu, client, link } = await linked();
    emu.admin.revokeToken(link.accessToken, 'password');
    const error = await client.media
      .recent({ userId: link.userId, accessToken: link.accessToken })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error).toMatchObject({ subcode: 460, problem: 'password-changed' });
  });
});
