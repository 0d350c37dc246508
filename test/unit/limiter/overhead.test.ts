// What the limiter adds to a call that has budget: no timer between admission and the attempt, and none between
// the answer and the caller. Checked by event-loop order, never by elapsed time: a call admitted at once must have
// started, and its answer reached the caller, before the next macrotask (setImmediate) runs. bottleneck's local
// store yields to a timer on every step (LocalDatastore.yieldLoop → setTimeout), which cost ~5 ms per call.
import { afterEach, describe, expect, it } from 'vitest';
import { createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { call, NO_HEADERS } from './helpers.js';

const deadlines = { interactive: 5_000, delivery: 5_000, background: 5_000 };
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
});

const nextMacrotask = () => new Promise((resolve) => setImmediate(resolve));

describe('limiter overhead', () => {
  it("starts an admitted call's attempt within the same turn of the event loop, with no timer in between", async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 100, write: 10, deadlines });
    let started = false;
    void limiter.run(call(), async () => {
      started = true;
      return { rateLimit: NO_HEADERS };
    });
    await nextMacrotask();
    expect(started).toBe(true);
  });

  it('hands an answered call back to its caller before the next macrotask', async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 100, write: 10, deadlines });
    let answered = false;
    const running = limiter.run(call(), async () => ({ rateLimit: NO_HEADERS })).then(() => (answered = true));
    await nextMacrotask();
    await nextMacrotask();
    expect(answered).toBe(true);
    await running;
  });

  it('still bounds an attempt that never settles, failing it as a timeout and freeing its slot', async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 100, write: 10, deadlines, attemptTimeoutMs: 50, retries: 0 });
    const outcome = await limiter.run(call(), () => new Promise<never>(() => undefined)).catch((e: unknown) => e);
    expect(outcome).toMatchObject({ name: 'InstagramTimeoutError' });
    expect(limiter.quota('1001').running).toBe(0);
  });
});
