// core's InstagramPort over the Graph client, against the Graph emulator: what Graph serves comes back in core
// types, what it cannot serve fails with InstagramNotAvailableError before any request, Graph's errors arrive as
// core's, and the usage each answer reports reaches the real limiter, which pauses a key Graph reports at 95 %.
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { InstagramNotAvailableError, InstagramTokenError, type InstagramPort } from '../../../src/core/index.js';
import { createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { createGraphPort } from '../../../src/providers/graph/port.js';
import { clientFor } from '../graph-client/helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator | undefined;
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
  await emu?.close();
});

async function start(login: 'instagram' | 'facebook') {
  emu = await startGraphEmulator({ seed: 'graph-port', now: START, frozenClock: true });
  limiter = createLimiter({
    windowMs: 60_000,
    global: 600,
    write: 60,
    deadlines: { interactive: 2_000, delivery: 2_000, background: 2_000 },
  });
  const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio')!;
  const token = emu.admin.mintToken({
    account: 'igcord.studio',
    ...(login === 'facebook' ? { login: 'facebook', kind: 'page' } : {}),
  });
  const port: InstagramPort = createGraphPort(clientFor(emu, login, limiter), () => emu!.admin.now());
  return { emu, port, limiter, auth: { userId: studio.id, accessToken: token.access_token } };
}

describe('the Graph port', () => {
  it("serves the owner's profile and posts in core types", async () => {
    const { port, auth } = await start('instagram');
    const profile = await port.users.self(auth);
    expect(profile).toMatchObject({ id: auth.userId, username: 'igcord.studio' });
    const posts = await port.users.recentPosts(auth, { count: 5 });
    expect(posts.data).toHaveLength(5);
    expect(posts.data[0]).toMatchObject({
      id: expect.any(String),
      permalink: expect.stringContaining('instagram.com'),
    });
    expect((await posts.next!()).data).toHaveLength(5);
  });

  it('refuses what Graph cannot serve before any request, naming the capability', async () => {
    const { emu, port, auth } = await start('instagram');
    emu.admin.clearRequests();
    const refusals = [
      [() => port.users.followers(auth), 'relationships'],
      [() => port.users.search(auth, 'lena'), 'search'],
      [() => port.media.likes(auth, '1'), 'likes'],
      [() => port.locations.get(auth, '1'), 'locations'],
      [() => port.media.near(auth, { lat: 1, lng: 2 }), 'search'],
      [() => port.users.get(auth, 'someone-else'), 'other-accounts'],
      [() => port.accounts.profile(auth, 'harbor.cafe'), 'other-accounts'],
      [() => port.hashtags.find(auth, 'sunset'), 'hashtag-search'],
    ] as const;
    for (const [call, capability] of refusals) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InstagramNotAvailableError);
      expect((error as InstagramNotAvailableError).capability).toBe(capability);
    }
    expect(emu.admin.requests()).toEqual([]);
  });

  it("answers a revoked token with core's token error", async () => {
    const { emu, port, auth } = await start('instagram');
    emu.admin.revokeToken(auth.accessToken, 'password');
    await expect(port.users.self(auth)).rejects.toBeInstanceOf(InstagramTokenError);
  });

  it('reads another professional account and a hashtag on Facebook Login', async () => {
    const { port, auth } = await start('facebook');
    expect(await port.accounts.profile(auth, 'harbor.cafe')).toMatchObject({ username: 'harbor.cafe' });
    expect((await port.accounts.recentPosts(auth, 'harbor.cafe', { count: 3 })).data.length).toBeGreaterThan(0);
    const tag = await port.hashtags.find(auth, '#Sunset');
    expect(tag).toMatchObject({ id: expect.any(String), name: 'sunset' });
    await expect(port.hashtags.recentPosts(auth, tag.id, { count: 5 })).resolves.toMatchObject({
      data: expect.any(Array),
    });
  });

  it('feeds the usage Graph reports to the limiter: a key reported at 95 % or more is paused until it regains access', async () => {
    const { emu, port, limiter, auth } = await start('instagram');
    await port.users.self(auth);
    expect(limiter.quota(auth.userId).pausedUntil).toBeNull();
    emu.admin.setUsage('igcord.studio', { call_count: 96 });
    await port.users.self(auth);
    expect(limiter.quota(auth.userId).pausedUntil).toBeGreaterThan(Date.now());
  });
});
