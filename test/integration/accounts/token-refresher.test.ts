// The token refresher on the Graph emulator's moved clock: real Graph client (Instagram Login) against the
// emulator, real SQLite storage, DMs through discord.js's REST to the Discord fake. The refresher's clock is the
// emulator's, so a week or two months pass in one call.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveLink } from '../../../src/accounts/link.js';
import { createTokenRefresher, type TokenRefresher } from '../../../src/accounts/token-refresher.js';
import { createOwnerDms } from '../../../src/discord/owner-dm.js';
import { Writable } from 'node:stream';
import { createLogger, silentLogger } from '../../../src/log.js';
import { assertNoSecretLogged } from '../../support/secret-scan.js';
import { createGraphClient } from '../../../src/providers/graph/client.js';
import { createGraphLinker } from '../../../src/providers/graph/linker.js';
import { openStorage, type Storage } from '../../../src/storage/index.js';
import { startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import { SANDBOX_GRAPH_APP, startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';

const DAY = 86_400_000;

describe('token refresher (Instagram Login tokens)', () => {
  let emulator: GraphEmulator;
  let discord: DiscordFake;
  let storage: Storage;
  let refresher: TokenRefresher;
  let owner: string;
  let accessToken: string;
  let studioId: string;
  let lines: string[];

  beforeEach(async () => {
    emulator = await startGraphEmulator({ seed: 'refresher', now: Date.UTC(2026, 10, 2), frozenClock: true });
    discord = await startDiscordFake();
    storage = await openStorage({
      url: undefined,
      dataDir: mkdtempSync(join(tmpdir(), 'igcord-refresher-')),
      keys: { current: { id: 'k1', key: Buffer.alloc(32, 7) } },
      log: silentLogger(),
    });
    const graph = createGraphClient({
      login: 'instagram',
      hosts: emulator.hosts,
      version: 'v25.0',
      appId: SANDBOX_GRAPH_APP.instagramAppId,
      appSecret: SANDBOX_GRAPH_APP.instagramAppSecret,
      redirectUri: 'http://127.0.0.1:3000/oauth/callback',
      timeoutMs: 5000,
      now: () => emulator.admin.now(),
    });
    const rest = new REST({ api: discord.apiUrl, timeout: 5000, retries: 0 }).setToken(discord.botToken);
    lines = [];
    const log = createLogger({
      level: 'debug',
      destination: new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }),
    });
    refresher = createTokenRefresher({
      storage,
      linker: createGraphLinker(graph),
      notices: createOwnerDms(rest),
      clock: () => emulator.admin.now(),
      log,
    });
    owner = discord.createUser({ username: 'studio-owner' }).id;
    // Discord lets a bot open a DM only with someone it shares a server with (50007 otherwise).
    discord.createGuild({ name: 'studio', members: [{ userId: owner }] });
    ({ accessToken, studioId } = await link());
  });
  afterEach(async () => {
    // Renewals, failures and broken links are logged; no token ever is.
    assertNoSecretLogged(
      lines.join(''),
      emulator.issuedTokens().map((value, i) => ({ name: `Graph token ${i}`, value })),
      "the refresher's log",
    );
    await refresher.close();
    await storage.close();
    await discord.close();
    await emulator.close();
  });

  /** Links `owner` to igcord.studio with a fresh long-lived token, as the OAuth callback stores it. */
  async function link() {
    const minted = emulator.admin.mintToken({ account: 'igcord.studio' });
    await saveLink(
      storage,
      {
        discordUserId: owner,
        instagramUserId: minted.account_id,
        username: 'igcord.studio',
        scopes: ['instagram_business_basic'],
        accessToken: minted.access_token,
        provider: 'instagram-graph',
        login: 'instagram',
        tokenIssuedAt: emulator.admin.now(),
        tokenExpiresAt: minted.expires_at!,
      },
      silentLogger(),
    );
    return { accessToken: minted.access_token, studioId: minted.account_id };
  }

  const refreshCalls = () => emulator.admin.requests().filter((r) => r.path.endsWith('/refresh_access_token')).length;
  const dms = () => discord.directMessages(owner);

  it('renews a token about weekly, never before, and stores the new expiry and last refresh', async () => {
    emulator.admin.advance(6 * DAY);
    expect(await refresher.refreshOne(owner)).toBe('not-due');
    expect(refreshCalls()).toBe(0);

    emulator.admin.advance(DAY);
    expect(await refresher.sweep()).toEqual({ [owner]: 'renewed' });
    const renewed = (await storage.accounts.get(owner))!;
    expect(renewed.lastRefreshAt).toBe(emulator.admin.now());
    expect(renewed.tokenExpiresAt).toBe(emulator.admin.now() + 60 * DAY);
    expect(refreshCalls()).toBe(1);
    expect(lines.join('')).toContain('Instagram token renewed');

    // The next one a week after that one, not before.
    emulator.admin.advance(3 * DAY);
    expect(await refresher.sweep()).toEqual({ [owner]: 'not-due' });
    emulator.admin.advance(4 * DAY);
    expect(await refresher.sweep()).toEqual({ [owner]: 'renewed' });
    expect(refreshCalls()).toBe(2);
    // The renewed token works on Graph.
    const { accessToken: current } = (await storage.accounts.getWithToken(owner))!;
    const me = await fetch(`${emulator.hosts.instagramGraph}/v25.0/me?fields=user_id,username&access_token=${current}`);
    expect(me.status).toBe(200);
    expect(dms()).toEqual([]);
  });

  it('runs one renewal at a time per account', async () => {
    emulator.admin.advance(7 * DAY);
    const both = await Promise.all([refresher.refreshOne(owner), refresher.refreshOne(owner)]);
    expect(both.sort()).toEqual(['busy', 'renewed']);
    expect(refreshCalls()).toBe(1);
  });

  it('warns once each at 14 and 7 days before expiry, then daily for the last 3, when renewals keep failing', async () => {
    emulator.admin.injectFault({ method: 'GET', path: '/refresh_access_token$', kind: 'status', status: 503 });
    const expiresAt = (await storage.accounts.get(owner))!.tokenExpiresAt!;
    // Two sweeps a day from day 7 until the day before expiry.
    emulator.admin.advance(7 * DAY);
    while (emulator.admin.now() < expiresAt - DAY / 2) {
      await refresher.sweep();
      emulator.admin.advance(DAY / 2);
      await refresher.sweep();
      emulator.admin.advance(DAY / 2);
    }
    const warnings = dms().map((m) => /expires in (\d+) day/.exec(m.content)?.[1]);
    expect(warnings).toEqual(['14', '7', '3', '2', '1']);
    expect(dms().every((m) => JSON.stringify(m.components).includes('instagram:link'))).toBe(true);
    expect((await storage.accounts.get(owner))!.expiryWarnings).toEqual(['14d', '7d', '3d', '2d', '1d']);
    expect((await storage.accounts.get(owner))!.status).toBe('active');
  });

  it('marks the link broken on 190, pauses its feeds, DMs the owner once, and resumes them on relink', async () => {
    const feed = await storage.feeds.add({
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      source: { kind: 'account', instagramUserId: studioId },
      ownerDiscordUserId: owner,
      ownerInstagramUserId: studioId,
      createdBy: owner,
      delivery: { mode: 'message' },
    });
    emulator.admin.revokeToken(accessToken, 'password');
    emulator.admin.advance(7 * DAY);
    expect(await refresher.sweep()).toEqual({ [owner]: 'broken' });
    expect((await storage.accounts.get(owner))!.status).toBe('broken');
    expect((await storage.feeds.get(feed.id))!.state).toMatchObject({ kind: 'paused', by: 'owner-link-broken' });
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.content).toContain('stopped working');
    expect(JSON.stringify(dms()[0]!.components)).toContain('instagram:link');

    // Later sweeps leave a broken link alone: no call, no second DM.
    emulator.admin.advance(7 * DAY);
    expect(await refresher.sweep()).toEqual({ [owner]: 'skipped' });
    expect(dms()).toHaveLength(1);

    await link();
    expect((await storage.feeds.get(feed.id))!.state).toEqual({ kind: 'active' });
    expect((await storage.accounts.get(owner))!.status).toBe('active');
  });
});
