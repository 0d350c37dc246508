// Graph's errors inside the real limiter, against the Graph emulator: the Graph client's typed errors are core's
// Instagram errors, so the limiter's gate understands them as it does v1's. An 80002 pauses that account until the
// regain time Graph reported and its call runs again after it; a 5xx on a GET is retried, on a POST it is not; a
// 190 is core's token error and is not retried. Graph reports regain times in whole minutes: so that the test
// waits one second and not a minute, the client's clock runs 59 s behind the limiter's (the regain time it
// derives lands a second ahead), and the emulator's frozen clock is moved by the minute once the limiter paused.
import { setImmediate as tick } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { InstagramServerError, InstagramTokenError, type InstagramPort } from '../../../src/core/index.js';
import { createLimiter, type Limiter } from '../../../src/limiter/index.js';
import type { CallGate } from '../../../src/providers/v1/call-gate.js';
import { GraphTokenError } from '../../../src/providers/graph/errors.js';
import { createGraphPort } from '../../../src/providers/graph/port.js';
import { clientFor } from '../graph-client/helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
const MINUTE = 60_000;
const PAUSE_MS = 1_000;

let emu: GraphEmulator | undefined;
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
  await emu?.close();
  emu = undefined;
});

async function start() {
  emu = await startGraphEmulator({ seed: 'graph-errors-limiter', now: START, frozenClock: true });
  limiter = createLimiter({
    windowMs: MINUTE,
    global: 600,
    write: 60,
    deadlines: { interactive: 2_000, delivery: 30_000, background: 30_000 },
    retryBaseMs: 20,
  });
  const real = limiter;
  // The real limiter, noting when it actually lets each attempt go (the emulator's log has only its own clock).
  const sentAt: number[] = [];
  const gate: CallGate = { run: (call, attempt) => real.run(call, () => (sentAt.push(Date.now()), attempt())) };
  const client = clientFor(emu, 'instagram', gate, 5_000, () => Date.now() - (MINUTE - PAUSE_MS));
  const port: InstagramPort = createGraphPort(client);
  const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio')!;
  const token = emu.admin.mintToken({ account: 'igcord.studio' });
  emu.admin.clearRequests();
  return { emu, limiter: real, client, port, sentAt, auth: { userId: studio.id, accessToken: token.access_token } };
}

/** Each request the emulator answered: its Graph error code, else its HTTP status. */
const outcomes = (e: GraphEmulator) => e.admin.requests().map((r) => r.errorCode ?? r.status);
const statuses = (e: GraphEmulator) => e.admin.requests().map((r) => r.status);

describe("Graph's errors through the limiter", () => {
  it('pauses the account on an 80002 until its regain time, sends nothing of it meanwhile, then delivery resumes', async () => {
    const { emu, limiter, port, sentAt, auth } = await start();
    emu.admin.injectFault({ path: '/media$', kind: 'error', code: 80002, regainMinutes: 1, times: 1 });
    let settled = false;
    const first = port.users.recentPosts(auth, { count: 3 }, { priority: 'delivery' });
    first.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (limiter.quota(auth.userId).pausedUntil === null && !settled) await tick();
    const regainAt = limiter.quota(auth.userId).pausedUntil;
    expect(regainAt, 'the 80002 paused the account in the limiter').not.toBeNull();
    expect(regainAt!).toBeGreaterThan(Date.now());
    // Graph's minute passes for the emulator too, which blocked the account until then.
    emu.admin.advance(MINUTE);
    const second = port.users.recentPosts(auth, { count: 3 }, { priority: 'delivery' });

    const [a, b] = await Promise.all([first, second]);
    expect(a.data).toHaveLength(3);
    expect(b.data).toHaveLength(3);
    expect(outcomes(emu)).toEqual([80002, 200, 200]);
    expect(sentAt).toHaveLength(3);
    for (const t of sentAt.slice(1)) expect(t).toBeGreaterThanOrEqual(regainAt! - 1);
  });

  it("sends a second feed read of the account only after the first's answer, so an 80002 leaves it unsent until the regain time", async () => {
    const { emu, limiter, client, sentAt, auth } = await start();
    emu.admin.injectFault({ path: '/media$', kind: 'error', code: 80002, regainMinutes: 1, times: 1 });
    // Two feeds of one account (its posts, its stories) polled at once, as a poke of both sources does: the same
    // Business Use Case bucket. The first read's 80002 is the only news of the block; the second must not be on the
    // wire already (Meta: calling on while blocked lengthens the block, reference §1.6).
    const posts = client.media.recent(auth, { priority: 'delivery' });
    const stories = client.media.stories(auth, { priority: 'delivery' });
    while (limiter.quota(auth.userId).pausedUntil === null) await tick();
    const regainAt = limiter.quota(auth.userId).pausedUntil!;
    emu.admin.advance(MINUTE);

    await Promise.all([posts, stories]);
    expect(outcomes(emu)).toEqual([80002, 200, 200]);
    expect(sentAt).toHaveLength(3);
    for (const t of sentAt.slice(1)) expect(t).toBeGreaterThanOrEqual(regainAt - 1);
  });

  it('retries a GET that Graph answered with a 500, and succeeds', async () => {
    const { emu, port, auth } = await start();
    emu.admin.injectFault({ path: '/media$', kind: 'status', status: 500, times: 1 });
    const posts = await port.users.recentPosts(auth, { count: 3 }, { priority: 'delivery' });
    expect(posts.data).toHaveLength(3);
    expect(statuses(emu)).toEqual([500, 200]);
  });

  it('does not retry a POST that Graph answered with a 500: commenting twice is worse than failing', async () => {
    const { emu, port, auth } = await start();
    const [post] = (await port.users.recentPosts(auth, { count: 1 })).data;
    emu.admin.clearRequests();
    emu.admin.injectFault({ method: 'POST', path: '/comments$', kind: 'status', status: 500, times: 1 });
    await expect(port.media.comment(auth, post!.id, 'Lovely light')).rejects.toBeInstanceOf(InstagramServerError);
    expect(statuses(emu)).toEqual([500]);
  });

  it("answers a revoked token with a Graph error that is core's InstagramTokenError, and does not retry it", async () => {
    const { emu, client, auth } = await start();
    emu.admin.revokeToken(auth.accessToken, 'password');
    const error = await client.profile(auth).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InstagramTokenError);
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error).toMatchObject({ code: 190, subcode: 460, problem: 'password-changed', retryable: false });
    expect(outcomes(emu)).toEqual([190]);
  });
});
