// Several igcord processes spending one token's budget through Redis (docs/decisions/0016): the real limiter in
// child processes, their calls recorded on arrival by a local HTTP server, the windows checked from the arrivals.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@redis/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/limiter/index.js';
import { openRedisBudgetStore } from '../../../src/limiter/redis-budget-store.js';
import { REPO, startChild, TSX_IMPORT, type Child } from '../../support/child-process.js';
import { maxInAnyWindow } from '../../unit/limiter/helpers.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const runPrefix = `igcord-test:shared-limiter:${randomUUID()}`;
const CHILD = 'test/integration/limiter/shared-budget-child.ts';

interface Arrival {
  at: number;
  /** When the sender's limiter started the attempt. */
  started: number;
  from: string;
  priority: string;
}

/** A server that records when each call arrives and who sent it, and wakes whoever waits for a count. */
async function recordingServer() {
  const arrivals: Arrival[] = [];
  const waiters: Array<{ test: () => boolean; resolve: () => void }> = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    arrivals.push({
      at: Date.now(),
      started: Number(url.searchParams.get('started')),
      from: url.searchParams.get('from') ?? '?',
      priority: url.searchParams.get('priority') ?? '?',
    });
    for (const w of [...waiters]) if (w.test()) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    until: (test: () => boolean) =>
      test() ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ test, resolve })),
    // The spenders' fetch keeps connections alive; a killed or finished one must not hold the server open.
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.signal('SIGKILL');
    await child.exited;
  }
});
afterAll(async () => {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${runPrefix}*`, COUNT: 500 }))
    if (keys.length > 0) await client.del(keys);
  client.destroy();
});

function spawnSpender(env: Record<string, string>): Child {
  const child = startChild(process.execPath, [...TSX_IMPORT, CHILD], {
    cwd: REPO,
    env: { REDIS_URL, ...env },
    killAfterMs: 60_000,
  });
  children.push(child);
  return child;
}

describe('one budget shared by several processes through Redis', () => {
  it('never lets any window hold more than the limit across three processes, one of them killed mid-run, and the others go on', async () => {
    const server = await recordingServer();
    try {
      const limit = 20;
      const windowMs = 2_000;
      const env = {
        PREFIX: `${runPrefix}:flood`,
        TARGET: server.url,
        LIMIT: String(limit),
        WINDOW_MS: String(windowMs),
        MODE: 'flood',
        CONCURRENCY: '4',
      };
      const spenders = ['p1', 'p2', 'p3'].map((label) => spawnSpender({ ...env, LABEL: label }));
      await Promise.all(spenders.map((c) => c.waitForStdout(/ready/)));
      // Mid-run: the killed process has spent some of the budget and has calls admitted or waiting.
      await server.until(
        () => server.arrivals.filter((a) => a.from === 'p3').length >= 3 && server.arrivals.length >= limit + 5,
      );
      spenders[2]!.signal('SIGKILL');
      await spenders[2]!.exited;
      const killedAt = Date.now();
      const survivorsBefore = server.arrivals.filter((a) => a.from !== 'p3').length;
      // The survivors go on for two more whole windows of budget.
      await server.until(() => server.arrivals.filter((a) => a.from !== 'p3').length >= survivorsBefore + 2 * limit);
      const times = server.arrivals.map((a) => a.at);
      expect(maxInAnyWindow(times, windowMs)).toBeLessThanOrEqual(limit);
      // The budget was used, not merely respected: some window was full.
      expect(maxInAnyWindow(times, windowMs)).toBe(limit);
      expect(server.arrivals.filter((a) => a.from === 'p3' && a.at > killedAt)).toEqual([]);
      expect(new Set(server.arrivals.filter((a) => a.at > killedAt).map((a) => a.from))).toEqual(new Set(['p1', 'p2']));
    } finally {
      await server.close();
    }
  }, 90_000);

  it("starts an interactive call issued behind another process's 1,000 queued background calls first when budget frees", async () => {
    const server = await recordingServer();
    const prefix = `${runPrefix}:priority`;
    const windowMs = 6_000;
    // Slots free one at a time, as a sliding window's usually do: each goes to the first call in line.
    // (Slots that free together go to as many calls as there are slots; then B only has to be among them.)
    const limit = 1;
    const store = await openRedisBudgetStore({ url: REDIS_URL, prefix });
    const limiter = createLimiter({
      windowMs,
      global: limit,
      write: 10,
      deadlines: { interactive: 60_000, delivery: 60_000, background: 60_000 },
      store,
    });
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      const backlog = spawnSpender({
        PREFIX: prefix,
        TARGET: server.url,
        LABEL: 'A',
        LIMIT: String(limit),
        WINDOW_MS: String(windowMs),
        MODE: 'backlog',
        COUNT: '1000',
        GO: 'stdin',
      });
      await backlog.waitForStdout(/ready/);
      // The window is spent (as Instagram's headers would reveal of another user of the token), so A's backlog
      // asks the shared store, is refused, and waits there, registered ahead of anything that comes later. The
      // window is spent once A has loaded, and only then is A told to go: loading a process can outlast the window.
      const filledAt = Date.now();
      expect(await store.fill('shared', undefined, limit, windowMs)).toBe(limit);
      backlog.proc.stdin.write('go\n');
      const waitingKey = `${prefix}:{shared}:q`;
      while ((await redis.zCard(waitingKey)) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const issuedAt = Date.now();
      await limiter.run(
        { key: 'shared', priority: 'interactive', method: 'GET', path: '/users/self', idempotent: true },
        async () => {
          const response = await fetch(`${server.url}/call?from=B&priority=interactive&started=${Date.now()}`);
          await response.text();
          return { rateLimit: { limit: undefined, remaining: undefined } };
        },
      );
      const b = server.arrivals.find((a) => a.from === 'B')!;
      // Nothing of A's backlog started before B's call, though A asked first; A goes on once B is through.
      await server.until(() => server.arrivals.filter((a) => a.from === 'A').length >= 1);
      const backlogStarts = server.arrivals.filter((a) => a.from === 'A').map((a) => a.started);
      expect(
        backlogStarts.filter((t) => t < b.started),
        `B was issued ${issuedAt - filledAt} ms after the window was spent (it frees after ${windowMs} ms)`,
      ).toEqual([]);
      expect(b.started).toBeGreaterThan(issuedAt);
    } finally {
      redis.destroy();
      await limiter.close();
      await store.close();
      await server.close();
    }
  }, 90_000);
});
