// `npm run bench -- limiter`: what the per-token limiter costs and how well it uses the budget, against the
// Instagram emulator over real sockets. (a) added cost per call versus the client without a gate; (b) budget
// utilisation under saturation (calls the emulator counted ÷ calls the windows allowed, and 429s); (c) how long
// interactive calls wait to start while the same key's background queue is saturated and budget remains;
// (d) heap after 100,000 keys have gone idle versus before; (e) the shared limiter (RedisBudgetStore at
// REDIS_URL, default redis://127.0.0.1:6379): the cost of one admission (the atomic script's round trip) and of a
// whole call through the limiter with the store versus without it. `LIMITER_PARTS=a,e` runs only those parts.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchRow } from './index.js';
import type { CallGate } from '../src/providers/v1/call-gate.js';
import { createInstagramClient } from '../src/providers/v1/client.js';
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { createLimiter, openRedisBudgetStore } from '../src/limiter/index.js';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../sandbox/instagram/index.js';

const BENCH = 'limiter';
const deadlines = { interactive: 5_000, delivery: 600_000, background: 600_000 };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function clientFor(emulator: InstagramEmulator, gate: CallGate | undefined) {
  return createInstagramClient({
    apiUrl: emulator.url,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    redirectUri: SANDBOX_CLIENT.redirectUris[0]!,
    timeoutMs: 10_000,
    signedRequests: false,
    gate,
  });
}

function authFor(emulator: InstagramEmulator) {
  const user = emulator.admin.users()[0]!;
  const minted = emulator.admin.mintToken({ userId: String(user.id) });
  return { userId: String(minted.user.id), accessToken: minted.access_token };
}

async function overhead(): Promise<BenchRow[]> {
  const emulator = await startInstagramEmulator({ windowMs: 3_600_000, globalLimit: 1_000_000 });
  const limiter = createLimiter({ windowMs: 3_600_000, global: 1_000_000, write: 60, deadlines });
  try {
    const auth = authFor(emulator);
    const direct = clientFor(emulator, undefined);
    const gated = clientFor(emulator, limiter);
    const measure = async (client: typeof direct) => {
      const samples: number[] = [];
      for (let i = 0; i < 400; i++) {
        const started = performance.now();
        await client.users.self(auth);
        if (i >= 50) samples.push((performance.now() - started) * 1000);
      }
      return percentile(samples, 50);
    };
    // Interleave to share the machine's noise between both.
    const directUs: number[] = [];
    const gatedUs: number[] = [];
    for (let round = 0; round < 3; round++) {
      directUs.push(await measure(direct));
      gatedUs.push(await measure(gated));
    }
    const d = percentile(directUs, 50);
    const g = percentile(gatedUs, 50);
    console.log(
      `(a) sequential GET /users/self: direct median ${d.toFixed(0)} µs, through the limiter ${g.toFixed(0)} µs`,
    );
    return [
      { bench: BENCH, metric: '(a) direct call median', value: `${d.toFixed(0)} µs` },
      { bench: BENCH, metric: '(a) through limiter median', value: `${g.toFixed(0)} µs` },
      { bench: BENCH, metric: '(a) added cost per call', value: `${(g - d).toFixed(0)} µs (×${(g / d).toFixed(2)})` },
    ];
  } finally {
    await limiter.close();
    await emulator.close();
  }
}

async function utilisation(): Promise<BenchRow[]> {
  const windowMs = 2_000;
  const limit = 200;
  const windows = 4;
  const emulator = await startInstagramEmulator({ windowMs, globalLimit: limit });
  const limiter = createLimiter({ windowMs, global: limit, write: 60, deadlines });
  try {
    const auth = authFor(emulator);
    const client = clientFor(emulator, limiter);
    const started = Date.now();
    // More than the windows can take: the queue never runs dry during the measured span.
    const calls = Array.from({ length: limit * (windows + 1) + 50 }, () =>
      client.users.self(auth, { priority: 'background' }).then(
        () => 'ok',
        (e: unknown) => (e instanceof Error ? e.name : 'error'),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, windows * windowMs + 200));
    await limiter.close();
    const outcomes = await Promise.all(calls);
    const log = emulator.admin.requests().filter((r) => r.path.startsWith('/v1/'));
    const first = Math.min(...log.map((r) => r.time));
    const span = log.filter((r) => r.time < first + windows * windowMs);
    const counted = span.filter((r) => r.counted).length;
    const rateLimited = log.filter((r) => r.status === 429).length;
    const ratio = counted / (windows * limit);
    console.log(
      `(b) window ${windowMs} ms, limit ${limit}: ${counted} calls counted in ${windows} windows from the first ` +
        `(allowed ${windows * limit}), utilisation ${ratio.toFixed(4)}, 429s ${rateLimited}; ` +
        `${outcomes.filter((o) => o === 'ok').length} succeeded, ${outcomes.filter((o) => o !== 'ok').length} closed unsent; ` +
        `elapsed ${Date.now() - started} ms`,
    );
    return [
      { bench: BENCH, metric: '(b) budget utilisation under saturation', value: ratio.toFixed(4), goal: '≥ 0.99' },
      { bench: BENCH, metric: '(b) 429 answers', value: String(rateLimited), goal: '0' },
    ];
  } finally {
    await limiter.close();
    await emulator.close();
  }
}

async function interactiveWait(): Promise<BenchRow[]> {
  const emulator = await startInstagramEmulator({ windowMs: 3_600_000, globalLimit: 1_000_000 });
  const limiter = createLimiter({ windowMs: 3_600_000, global: 1_000_000, write: 60, deadlines, maxConcurrent: 4 });
  try {
    const auth = authFor(emulator);
    const waits: number[] = [];
    // Records when each interactive attempt actually starts.
    const probe: CallGate = {
      run: (call, attempt) => {
        const issued = performance.now();
        return limiter.run(call, () => {
          if (call.priority === 'interactive') waits.push(performance.now() - issued);
          return attempt();
        });
      },
    };
    const client = clientFor(emulator, probe);
    const background = Array.from({ length: 3_000 }, () =>
      client.users.self(auth, { priority: 'background' }).catch(() => undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    let minQueued = Infinity;
    for (let i = 0; i < 200; i++) {
      minQueued = Math.min(minQueued, limiter.quota(auth.userId).queued.background);
      await client.users.self(auth, { priority: 'interactive' });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await limiter.close();
    await Promise.all(background);
    const p50 = percentile(waits, 50);
    const p99 = percentile(waits, 99);
    console.log(
      `(c) ${waits.length} interactive calls while ≥ ${minQueued} background calls stayed queued on the same key: ` +
        `wait to start p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${Math.max(...waits).toFixed(2)} ms`,
    );
    return [
      { bench: BENCH, metric: '(c) interactive wait p50 (bg saturated)', value: `${p50.toFixed(2)} ms` },
      {
        bench: BENCH,
        metric: '(c) interactive wait p99 (bg saturated)',
        value: `${p99.toFixed(2)} ms`,
        goal: '< 100 ms',
      },
    ];
  } finally {
    await limiter.close();
    await emulator.close();
  }
}

async function memory(): Promise<BenchRow[]> {
  const keys = 100_000;
  // Long enough that every key is still held when the last one has made its call.
  const windowMs = 8_000;
  const mb = (bytes: number) => bytes / 1024 / 1024;
  gc();
  const before = process.memoryUsage().heapUsed;
  const limiter = createLimiter({ windowMs, global: 500, write: 30, deadlines, idleEvictionMs: 200 });
  const ok = { rateLimit: { limit: 500, remaining: 499 } };
  const fillStart = Date.now();
  // The transport does not matter for memory: each key makes one call that answers at once.
  for (let base = 0; base < keys; base += 5_000) {
    await Promise.all(
      Array.from({ length: 5_000 }, (_, i) =>
        limiter.run(
          { key: String(base + i), priority: 'background', method: 'GET', path: '/users/self', idempotent: true },
          async () => ok,
        ),
      ),
    );
  }
  const fillMs = Date.now() - fillStart;
  gc();
  const peak = process.memoryUsage().heapUsed;
  const held = limiter.stats().keys;
  const waitStart = Date.now();
  while (limiter.stats().keys > 0 && Date.now() - waitStart < 20_000)
    await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  const after = process.memoryUsage().heapUsed;
  const remaining = limiter.stats().keys;
  await limiter.close();
  console.log(
    `(d) heap before ${mb(before).toFixed(1)} MB, with ${held} keys (one call each, made in ${fillMs} ms) ` +
      `${mb(peak).toFixed(1)} MB, after they went idle ` +
      `${mb(after).toFixed(1)} MB (${remaining} keys left, evicted within ${Date.now() - waitStart} ms)`,
  );
  return [
    {
      bench: BENCH,
      metric: `(d) heap with ${held} of 100k keys still held`,
      value: `+${mb(peak - before).toFixed(1)} MB`,
    },
    {
      bench: BENCH,
      metric: '(d) heap after 100k keys idle vs before',
      value: `${mb(after - before) >= 0 ? '+' : ''}${mb(after - before).toFixed(1)} MB`,
      goal: '≤ +50 MB',
    },
  ];
}

async function shared(): Promise<BenchRow[]> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `igcord-bench:limiter:${randomUUID()}`;
  const store = await openRedisBudgetStore({ url, prefix });
  const windowMs = 3_600_000;
  const ok = { rateLimit: { limit: undefined, remaining: undefined } };
  const call = { key: 'bench', priority: 'background', method: 'GET', path: '/users/self', idempotent: true } as const;
  try {
    // (e1) One admission: the ADMIT script's round trip, then COMPLETE, as the limiter does for each call.
    const admitUs: number[] = [];
    for (let i = 0; i < 3_000; i++) {
      const id = `bench-${i}`;
      const started = performance.now();
      const result = await store.admit({
        key: 'bench',
        id,
        priority: 'background',
        arrival: Date.now(),
        cap: 1_000_000,
        writeLimit: 60,
        windowMs,
        holdMs: 120_000,
      });
      if (i >= 200) admitUs.push((performance.now() - started) * 1000);
      if (!result.admitted) throw new Error('bench budget exhausted');
      await store.complete('bench', id, undefined, windowMs);
    }
    // (e2) A whole call with an attempt that answers at once, through the limiter with and without the store:
    // the difference is what sharing the budget adds to each call.
    const measure = async (withStore: boolean) => {
      const limiter = createLimiter({
        windowMs,
        global: 1_000_000,
        write: 60,
        deadlines,
        store: withStore ? store : undefined,
      });
      const samples: number[] = [];
      for (let i = 0; i < 2_000; i++) {
        const started = performance.now();
        await limiter.run({ ...call, key: withStore ? 'shared' : 'local' }, async () => ok);
        if (i >= 200) samples.push((performance.now() - started) * 1000);
      }
      await limiter.close();
      return samples;
    };
    const local = await measure(false);
    const viaRedis = await measure(true);
    const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(0)} µs`);
    console.log(
      `(e) shared budget in Redis: one admission p50 ${fmt(percentile(admitUs, 50))}, p99 ${fmt(percentile(admitUs, 99))}; ` +
        `a call through the limiter (attempt answers at once): in memory p50 ${fmt(percentile(local, 50))} p99 ${fmt(percentile(local, 99))}, ` +
        `with the Redis store p50 ${fmt(percentile(viaRedis, 50))} p99 ${fmt(percentile(viaRedis, 99))}`,
    );
    return [
      {
        bench: BENCH,
        metric: '(e) shared admission (Redis script) p50',
        value: fmt(percentile(admitUs, 50)),
        goal: '< 1 ms',
      },
      { bench: BENCH, metric: '(e) shared admission (Redis script) p99', value: fmt(percentile(admitUs, 99)) },
      {
        bench: BENCH,
        metric: '(e) call through limiter, in memory p50',
        value: fmt(percentile(local, 50)),
        goal: '< 1 ms',
      },
      { bench: BENCH, metric: '(e) call through limiter, Redis store p50', value: fmt(percentile(viaRedis, 50)) },
      { bench: BENCH, metric: '(e) call through limiter, Redis store p99', value: fmt(percentile(viaRedis, 99)) },
    ];
  } finally {
    await store.close();
    const client = createClient({ url });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
      if (keys.length > 0) await client.del(keys);
    client.destroy();
  }
}

const PARTS: Record<string, () => Promise<BenchRow[]>> = {
  a: overhead,
  b: utilisation,
  c: interactiveWait,
  d: memory,
  e: shared,
};

export default async function limiterBench(): Promise<BenchRow[]> {
  return limiterParts((process.env.LIMITER_PARTS ?? Object.keys(PARTS).join(',')).split(',').map((p) => p.trim()));
}

/** Runs the named parts (a–e) in order; `npm run bench -- scale` reuses (a) and (e). */
export async function limiterParts(asked: string[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const part of asked) {
    const run = PARTS[part];
    if (!run) throw new Error(`LIMITER_PARTS: unknown part ${part}; expected some of ${Object.keys(PARTS).join(',')}`);
    rows.push(...(await run()));
  }
  return rows;
}
