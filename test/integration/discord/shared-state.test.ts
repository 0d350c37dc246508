// The Discord-side shared state (docs/decisions/0022) against a real Redis: what one process writes another reads,
// values are checked with the reader's schema, entries expire, the memory store stays bounded; and autocomplete
// answers looked up by one process are served by another, whose invalidation reaches the first.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient } from '@redis/client';
import { LookupCache, LookupKind } from '../../../commands/_shared/lookup-cache.js';
import { openRedisSharedState } from '../../../src/discord/shared-state/redis-shared-state.js';
import { MemorySharedState, type SharedState } from '../../../src/discord/shared-state/shared-state.js';
import { createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { silentLogger } from '../../../src/log.js';
import { eventually } from '../../support/eventually.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const TAGS = new LookupKind<string[]>('test-tags', z.array(z.string()));
const item = z.object({ n: z.number() });

describe('Discord shared state', () => {
  const opened: Array<SharedState | Limiter> = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((o) => o.close()));
  });
  const redisState = async (prefix: string) => {
    const state = await openRedisSharedState({ url: REDIS_URL, prefix, log: silentLogger() });
    opened.push(state);
    return state;
  };

  it('memory: answers what was set until it expires, drops invalid values and keeps at most its bound', async () => {
    let now = 1_000;
    const state = new MemorySharedState(2, () => now);
    await state.set('a', { n: 1 }, 100);
    expect(await state.get('a', item)).toEqual({ n: 1 });
    expect(await state.get('a', z.object({ n: z.string() }))).toBeUndefined();
    now += 100;
    expect(await state.get('a', item)).toBeUndefined();
    await state.set('b', { n: 2 }, 1_000);
    await state.set('c', { n: 3 }, 1_000);
    await state.set('d', { n: 4 }, 1_000);
    expect(await state.get('b', item)).toBeUndefined();
    expect(await state.get('d', item)).toEqual({ n: 4 });
  });

  it('redis: one process reads what another wrote, with a TTL, and ignores a value of another shape', async () => {
    const prefix = `igcord:test:shared-state:${randomUUID()}`;
    const [one, two] = [await redisState(prefix), await redisState(prefix)];
    await one.set('a', { n: 1 }, 60_000);
    expect(await two.get('a', item)).toEqual({ n: 1 });
    const raw = createClient({ url: REDIS_URL });
    await raw.connect();
    try {
      const ttl = await raw.pTTL(`${prefix}:a`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      await raw.set(`${prefix}:b`, JSON.stringify({ n: 'not a number' }));
      await raw.set(`${prefix}:c`, 'not json');
    } finally {
      await raw.quit();
    }
    expect(await two.get('b', item)).toBeUndefined();
    expect(await two.get('c', item)).toBeUndefined();
    await two.delete('a');
    expect(await one.get('a', item)).toBeUndefined();
  });

  it('autocomplete: an answer looked up by one process is served by another, and forgetting it reaches both', async () => {
    const prefix = `igcord:test:shared-state:${randomUUID()}`;
    const limiter = createLimiter({
      windowMs: 60_000,
      global: 100,
      write: 5,
      deadlines: { interactive: 1000, delivery: 1000, background: 1000 },
    });
    opened.push(limiter);
    const caches = [await redisState(prefix), await redisState(prefix)].map(
      (state) => new LookupCache({ limiter, log: silentLogger(), state }),
    );
    let calls = 0;
    const lookup = () => Promise.resolve([`sunset${++calls}`]);
    expect(await caches[0]!.get('42', TAGS, 'Sun', lookup, [])).toEqual(['sunset1']);
    expect(await caches[1]!.get('42', TAGS, 'sun', lookup, [])).toEqual(['sunset1']);
    expect(calls).toBe(1);

    const probe = await redisState(prefix);
    caches[1]!.invalidate('42', TAGS);
    await eventually(
      async () => (await probe.get('lookup:42:test-tags', z.unknown())) === undefined || undefined,
      'the invalidation to reach Redis',
    );
    expect(await caches[0]!.get('42', TAGS, 'sun', lookup, [])).toEqual(['sunset2']);
    expect(calls).toBe(2);
  });
});
