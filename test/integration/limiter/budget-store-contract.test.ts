// One contract for both budget stores: what the limiter relies on when it admits calls through a store. Run on
// the in-memory store and on Redis at 127.0.0.1:6379 (a key prefix per run, deleted afterwards).
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { AdmitRequest, BudgetStore } from '../../../src/limiter/budget-store.js';
import { MemoryBudgetStore } from '../../../src/limiter/memory-budget-store.js';
import { openRedisBudgetStore } from '../../../src/limiter/redis-budget-store.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `igcord-test:limiter:${randomUUID()}`;

afterAll(async () => {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
    if (keys.length > 0) await client.del(keys);
  client.destroy();
});

let nextKey = 0;
let nextId = 0;
function request(key: string, overrides: Partial<AdmitRequest> = {}): AdmitRequest {
  return {
    key,
    id: `c${++nextId}`,
    priority: 'background',
    arrival: Date.now(),
    cap: 3,
    writeLimit: 2,
    windowMs: 60_000,
    holdMs: 5_000,
    ...overrides,
  };
}

const stores: Array<[string, (waiterTtlMs?: number) => Promise<BudgetStore>]> = [
  ['memory', (ttl) => Promise.resolve(new MemoryBudgetStore(Date.now, ttl))],
  [
    'redis',
    (ttl) =>
      openRedisBudgetStore({ url: REDIS_URL, prefix: `${prefix}:${++nextKey}`, ...(ttl ? { waiterTtlMs: ttl } : {}) }),
  ],
];

describe.each(stores)('budget store contract (%s)', (_name, open) => {
  it('admits up to the cap, then refuses and says when the earliest slot frees', async () => {
    const store = await open();
    try {
      const admitted = [];
      for (let i = 0; i < 3; i++) admitted.push(await store.admit(request('k', { id: `a${i}` })));
      expect(admitted.every((r) => r.admitted)).toBe(true);
      await store.complete('k', 'a0', undefined, 60_000);
      const refused = await store.admit(request('k'));
      expect(refused.admitted).toBe(false);
      // a0 was answered: it leaves 60 s (+ margin) after its answer, before a1 and a2, still in flight.
      expect(refused.admitted === false && refused.retryAt - refused.now).toBeGreaterThan(59_000);
      expect(refused.admitted === false && refused.retryAt - refused.now).toBeLessThanOrEqual(60_001);
      expect(await store.used('k')).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('frees a refunded slot at once and a completed one when its window has passed', async () => {
    const store = await open();
    try {
      const short = { windowMs: 50, cap: 1 };
      expect((await store.admit(request('k', { id: 'x', ...short }))).admitted).toBe(true);
      await store.refund('k', 'x', undefined);
      expect(await store.used('k')).toBe(0);
      expect((await store.admit(request('k', { id: 'y', ...short }))).admitted).toBe(true);
      await store.complete('k', 'y', undefined, 50);
      // The same call asks again when told: it waited, registered, in the meantime.
      const later = request('k', short);
      const refused = await store.admit(later);
      expect(refused.admitted).toBe(false);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, (refused.admitted ? 0 : refused.retryAt - refused.now) + 5)),
      );
      expect((await store.admit(later)).admitted).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('tells a call held back by a call still in flight to ask again a window from now, not at the attempt bound', async () => {
    const store = await open();
    try {
      expect(
        (await store.admit(request('k', { id: 'running', cap: 1, holdMs: 120_000, windowMs: 1_000 }))).admitted,
      ).toBe(true);
      const refused = await store.admit(request('k', { cap: 1, holdMs: 120_000, windowMs: 1_000 }));
      expect(refused.admitted === false && refused.retryAt - refused.now).toBeLessThanOrEqual(1_001);
    } finally {
      await store.close();
    }
  });

  it('keeps a waiting interactive call ahead of a background call that asks later, and lets it through first', async () => {
    const store = await open();
    try {
      const one = { cap: 1, windowMs: 80 };
      expect((await store.admit(request('k', { id: 'first', ...one }))).admitted).toBe(true);
      await store.complete('k', 'first', undefined, 80);
      const person = request('k', { id: 'person', priority: 'interactive', arrival: Date.now() + 10, ...one });
      const waiting = await store.admit(person);
      expect(waiting.admitted).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, waiting.admitted ? 0 : waiting.retryAt - waiting.now + 5));
      // The slot is free, but the interactive call waits for it: the background one, submitted earlier, is refused.
      const background = await store.admit(
        request('k', { id: 'bg', priority: 'background', arrival: Date.now() - 1_000, ...one }),
      );
      expect(background.admitted).toBe(false);
      expect((await store.admit(person)).admitted).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('lets calls pass waiters ahead when there are more free slots than waiters', async () => {
    const store = await open();
    try {
      expect((await store.admit(request('k', { id: 'a', cap: 1 }))).admitted).toBe(true);
      expect((await store.admit(request('k', { id: 'waiting', priority: 'interactive', cap: 1 }))).admitted).toBe(
        false,
      );
      // With a cap of 3 there are two free slots and one waiter ahead.
      expect((await store.admit(request('k', { id: 'b', cap: 3 }))).admitted).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('forgets a waiter that stops heartbeating (its process was killed)', async () => {
    const store = await open(100);
    try {
      expect((await store.admit(request('k', { id: 'a', cap: 2 }))).admitted).toBe(true);
      expect((await store.admit(request('k', { id: 'gone', priority: 'interactive', cap: 1 }))).admitted).toBe(false);
      await store.leave('k', 'gone');
      expect((await store.admit(request('k', { id: 'b', cap: 2 }))).admitted).toBe(true);
      await store.refund('k', 'b', undefined);
      // Registered, then never heard of again: a store that did not hear from it is in another process.
      const other = await open(100);
      try {
        expect((await other.admit(request('k2', { id: 'held', cap: 1 }))).admitted).toBe(true);
        expect((await other.admit(request('k2', { id: 'dead', priority: 'interactive', cap: 2 }))).admitted).toBe(true);
        expect((await other.admit(request('k2', { id: 'dead2', priority: 'interactive', cap: 2 }))).admitted).toBe(
          false,
        );
      } finally {
        await other.close();
      }
    } finally {
      await store.close();
    }
  });

  it('holds a write bucket to its own limit without holding back reads', async () => {
    const store = await open();
    try {
      const like = { bucket: 'likes' as const, writeLimit: 1, cap: 10 };
      expect((await store.admit(request('k', { id: 'l1', ...like }))).admitted).toBe(true);
      expect((await store.admit(request('k', { id: 'l2', priority: 'interactive', ...like }))).admitted).toBe(false);
      expect((await store.admit(request('k', { id: 'read', cap: 10 }))).admitted).toBe(true);
      expect((await store.admit(request('k', { id: 'c1', bucket: 'comments', writeLimit: 1, cap: 10 }))).admitted).toBe(
        true,
      );
    } finally {
      await store.close();
    }
  });

  it('counts the calls Instagram reports beyond its own, fills on a bare 429, and honours a pause', async () => {
    const store = await open();
    try {
      expect((await store.admit(request('k', { id: 'own', cap: 10 }))).admitted).toBe(true);
      expect(await store.observe('k', 4, 60_000)).toBe(3);
      expect(await store.observe('k', 2, 60_000)).toBe(0);
      expect(await store.used('k')).toBe(4);
      expect(await store.fill('k', undefined, 10, 60_000)).toBe(6);
      expect((await store.admit(request('k', { cap: 10 }))).admitted).toBe(false);
      const until = Date.now() + 60_000;
      await store.pause('other', until);
      const paused = await store.admit(request('other', { cap: 10 }));
      expect(paused).toMatchObject({ admitted: false, retryAt: until });
    } finally {
      await store.close();
    }
  });
});
