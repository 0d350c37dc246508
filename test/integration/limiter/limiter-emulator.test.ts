// The limiter in front of igcord's real Instagram client, against the Instagram emulator over real sockets, with
// short real windows. What the server saw is read back from the emulator's request log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstagramClient, type InstagramClient } from '../../../src/providers/v1/client.js';
import { InstagramServerError } from '../../../src/providers/v1/errors.js';
import { createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';

const deadlines = { interactive: 5_000, delivery: 10_000, background: 10_000 };

let emulator: InstagramEmulator | undefined;
let limiter: Limiter | undefined;

afterEach(async () => {
  await limiter?.close();
  await emulator?.close();
  limiter = undefined;
  emulator = undefined;
});

async function setup(windowMs: number, global: number, write: number, extra: { retryBaseMs?: number } = {}) {
  emulator = await startInstagramEmulator({ windowMs, globalLimit: global, writeLimit: write });
  limiter = createLimiter({ windowMs, global, write, deadlines, ...extra });
  const client: InstagramClient = createInstagramClient({
    apiUrl: emulator.url,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    redirectUri: SANDBOX_CLIENT.redirectUris[0]!,
    timeoutMs: 5_000,
    signedRequests: false,
    gate: limiter,
  });
  const first = emulator.admin.users()[0]!;
  const minted = emulator.admin.mintToken({ userId: String(first.id) });
  const auth = { userId: String(minted.user.id), accessToken: minted.access_token };
  return { emulator, limiter, client, auth };
}

/** Most requests the emulator counted in any window of `windowMs` (arrival times from its log). */
function maxCountedInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) <= (sorted[i] as number) - windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('limiter against the Instagram emulator', () => {
  it('under three times the budget, gets no 429 and never lets a window hold more than the limit', async () => {
    const windowMs = 700;
    const { emulator, client, auth } = await setup(windowMs, 8, 3);
    const results = await Promise.all(
      Array.from({ length: 24 }, () => client.users.self(auth, { priority: 'background' })),
    );
    expect(results.every((r) => r.data.id === auth.userId)).toBe(true);
    const log = emulator.admin.requests().filter((r) => r.path.startsWith('/v1/'));
    expect(log).toHaveLength(24);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    expect(
      maxCountedInAnyWindow(
        log.map((r) => r.time),
        windowMs,
      ),
    ).toBe(8);
  });

  it('holds the likes write budget the same way while reads go on', async () => {
    const windowMs = 700;
    const { emulator, client, auth } = await setup(windowMs, 30, 2);
    const media = (await client.users.recentMedia(auth, {}, { priority: 'interactive' })).data[0]!;
    const likes = Array.from({ length: 6 }, (_, i) =>
      i % 2 === 0
        ? client.likes.like(auth, media.id, { priority: 'delivery' })
        : client.likes.unlike(auth, media.id, { priority: 'delivery' }),
    );
    const reads = Array.from({ length: 4 }, () => client.users.self(auth, { priority: 'delivery' }));
    await Promise.all([...likes, ...reads]);
    const log = emulator.admin.requests().filter((r) => r.path.startsWith('/v1/'));
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    const writes = log.filter((r) => r.writeBucket === 'likes');
    expect(writes).toHaveLength(6);
    expect(
      maxCountedInAnyWindow(
        writes.map((r) => r.time),
        windowMs,
      ),
    ).toBe(2);
  });

  it('on an injected 429, pauses the key and the call succeeds once the window frees', async () => {
    const windowMs = 600;
    const { emulator, client, auth } = await setup(windowMs, 10, 3);
    await client.users.self(auth, { priority: 'background' });
    const firstAnswered = Date.now();
    emulator.admin.injectFault({ path: '^/v1/users/self', kind: 'ratelimit', times: 1 });
    const result = await client.users.self(auth, { priority: 'delivery' });
    expect(result.data.id).toBe(auth.userId);
    const log = emulator.admin.requests().filter((r) => r.path === '/v1/users/self');
    expect(log.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(log[2]!.time).toBeGreaterThanOrEqual(firstAnswered + windowMs);
    expect(limiter!.stats().rateLimited).toBe(1);
  });

  it('retries a GET after an injected 503, counts only what Instagram counted, and keeps answering', async () => {
    const { emulator, limiter, client, auth } = await setup(3_600_000, 500, 30, { retryBaseMs: 20 });
    await client.users.self(auth);
    await client.users.self(auth);
    emulator.admin.injectFault({ method: 'GET', path: '^/v1/users/self$', kind: 'status', status: 503, times: 1 });
    expect((await client.users.self(auth)).data.id).toBe(auth.userId);
    const log = emulator.admin.requests().filter((r) => r.path === '/v1/users/self');
    expect(log.map((r) => r.status)).toEqual([200, 200, 503, 200]);
    // The 503 carried X-Ratelimit-Remaining: 498 and the retry 497: Instagram counted three calls, not a full window.
    expect(limiter.quota(auth.userId)).toMatchObject({ used: 3, remaining: 497, limit: 500 });
    expect(limiter.stats().rateLimited).toBe(0);
    // The next interactive call starts at once instead of being told the budget is used up.
    expect((await client.users.self(auth, { priority: 'interactive', deadlineMs: 1_000 })).data.id).toBe(auth.userId);
  });

  it('retries a GET after an injected 500, and never a POST', async () => {
    const { emulator, client, auth } = await setup(2_000, 20, 5, { retryBaseMs: 20 });
    const media = (await client.users.recentMedia(auth)).data[0]!;
    emulator.admin.injectFault({ method: 'GET', path: '^/v1/users/self$', kind: 'status', status: 500, times: 1 });
    expect((await client.users.self(auth)).data.id).toBe(auth.userId);
    emulator.admin.injectFault({ method: 'POST', path: '/likes$', kind: 'status', status: 500, times: 1 });
    await expect(client.likes.like(auth, media.id)).rejects.toBeInstanceOf(InstagramServerError);
    const log = emulator.admin.requests();
    expect(log.filter((r) => r.path === '/v1/users/self').map((r) => r.status)).toEqual([500, 200]);
    expect(log.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([500]);
  });
});
