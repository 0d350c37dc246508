// A process that spends a budget shared through Redis, for shared-budget.test.ts: it builds the real limiter on a
// RedisBudgetStore and sends its calls to the test's recording server. Settings come from the environment:
//   REDIS_URL, PREFIX, TARGET (server URL), LABEL, LIMIT, WINDOW_MS, MODE:
//     flood       — CONCURRENCY loops, each calling again as soon as its call is answered, until killed;
//     backlog     — COUNT background calls submitted at once, then waits for them all; with GO=stdin, submitted
//                   only once a line arrives on stdin, so the test can spend the window after this process has
//                   loaded (loading takes seconds on a busy machine, longer than the window the test spends).
// It prints `ready` once the store is connected and `done` when a backlog is through.
import { createLimiter } from '../../../src/limiter/index.js';
import { openRedisBudgetStore } from '../../../src/limiter/redis-budget-store.js';

const env = process.env;
const store = await openRedisBudgetStore({ url: env.REDIS_URL!, prefix: env.PREFIX! });
const windowMs = Number(env.WINDOW_MS);
const limiter = createLimiter({
  windowMs,
  global: Number(env.LIMIT),
  write: 10,
  // Long enough for a backlog of 1,000 calls at a few calls per window.
  deadlines: { interactive: 3_600_000, delivery: 3_600_000, background: 3_600_000 },
  attemptTimeoutMs: 2_000,
  store,
});
const label = env.LABEL!;
let sent = 0;
const once = (priority: 'interactive' | 'background') =>
  limiter.run({ key: 'shared', priority, method: 'GET', path: '/users/self', idempotent: true }, async () => {
    // `started`: when the limiter let the attempt start, which the HTTP round trip may reorder on arrival.
    const response = await fetch(
      `${env.TARGET}/call?from=${label}&n=${++sent}&priority=${priority}&started=${Date.now()}`,
    );
    await response.text();
    return { rateLimit: { limit: undefined, remaining: undefined } };
  });

console.log('ready');
if (env.MODE === 'flood') {
  const loops = Array.from({ length: Number(env.CONCURRENCY ?? 4) }, async () => {
    for (;;) await once('background');
  });
  await Promise.all(loops);
} else {
  if (env.GO === 'stdin') {
    await new Promise((resolve) => process.stdin.once('data', resolve));
    process.stdin.destroy();
  }
  await Promise.allSettled(Array.from({ length: Number(env.COUNT) }, () => once('background')));
  console.log('done');
  await limiter.close();
  await store.close();
}
