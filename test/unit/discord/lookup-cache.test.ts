import { describe, expect, it } from 'vitest';
import { LookupCache, LookupKind } from '../../../commands/_shared/lookup-cache.js';
import { createLimiter } from '../../../src/limiter/index.js';
import { silentLogger } from '../../../src/log.js';

const TAGS = new LookupKind<string[]>('tag');
const REQUESTED_BY = new LookupKind<string[]>('requested-by');

function limiterWithBudget(global: number) {
  return createLimiter({
    windowMs: 60_000,
    global,
    write: 5,
    deadlines: { interactive: 1000, delivery: 1000, background: 1000 },
  });
}

describe('autocomplete lookup cache', () => {
  it('answers a repeated query from the cache without a second lookup', async () => {
    const limiter = limiterWithBudget(100);
    const cache = new LookupCache({ limiter, log: silentLogger() });
    let calls = 0;
    const lookup = async () => {
      calls += 1;
      return ['sunset'];
    };
    expect(await cache.get('42', TAGS, 'sun', lookup, [])).toEqual(['sunset']);
    expect(await cache.get('42', TAGS, 'SUN', lookup, [])).toEqual(['sunset']);
    expect(calls).toBe(1);
    await limiter.close();
  });

  it('shares one lookup between identical queries in flight', async () => {
    const limiter = limiterWithBudget(100);
    const cache = new LookupCache({ limiter, log: silentLogger() });
    let calls = 0;
    const lookup = () => new Promise<string[]>((resolve) => setTimeout(() => resolve([`r${++calls}`]), 20));
    const answers = await Promise.all([cache.get('42', TAGS, 'a', lookup, []), cache.get('42', TAGS, 'a', lookup, [])]);
    expect(answers).toEqual([['r1'], ['r1']]);
    expect(calls).toBe(1);
    await limiter.close();
  });

  it('sends nothing to Instagram once the account is within its reserve, and answers the fallback', async () => {
    const limiter = limiterWithBudget(5);
    // Spend 4 of 5 calls: 1 left is below the 20 % reserve (1 is not more than 1).
    for (let i = 0; i < 4; i += 1) {
      await limiter.run(
        { key: '42', priority: 'interactive', method: 'GET', path: '/users/self', idempotent: true },
        async () => ({
          rateLimit: { limit: undefined, remaining: undefined },
        }),
      );
    }
    const cache = new LookupCache({ limiter, log: silentLogger() });
    let calls = 0;
    const answer = await cache.get('42', TAGS, 'x', async () => [`r${++calls}`], ['fallback']);
    expect(answer).toEqual(['fallback']);
    expect(calls).toBe(0);
    await limiter.close();
  });

  it('answers the fallback when the lookup fails, and caches nothing', async () => {
    const limiter = limiterWithBudget(100);
    const cache = new LookupCache({ limiter, log: silentLogger() });
    expect(await cache.get('42', TAGS, 'y', () => Promise.reject(new Error('slow')), [])).toEqual([]);
    expect(await cache.get('42', TAGS, 'y', async () => ['ok'], [])).toEqual(['ok']);
    await limiter.close();
  });
});

describe('autocomplete lookup kinds', () => {
  it('keeps the answers of two kinds apart, even when they share a name, an account and a query', async () => {
    const limiter = limiterWithBudget(100);
    const cache = new LookupCache({ limiter, log: silentLogger() });
    const names = new LookupKind<string[]>('tag');
    const counts = new LookupKind<number[]>('tag');
    expect(await cache.get('42', names, 'sun', async () => ['sunset'], [])).toEqual(['sunset']);
    expect(await cache.get('42', counts, 'sun', async () => [7], [])).toEqual([7]);
    expect(await cache.get('42', names, 'sun', async () => ['other'], [])).toEqual(['sunset']);
    // @ts-expect-error a kind only accepts lookups that answer its own type
    await cache.get('42', counts, 'sun', async () => ['sunset'], []);
    await limiter.close();
  });
});

describe('autocomplete lookup cache invalidation', () => {
  it('forgets one kind of answer for one account and keeps the rest', async () => {
    const limiter = limiterWithBudget(100);
    const cache = new LookupCache({ limiter, log: silentLogger() });
    let calls = 0;
    const lookup = async () => [`r${++calls}`];
    await cache.get('42', REQUESTED_BY, '', lookup, []);
    await cache.get('42', TAGS, 'a', lookup, []);
    await cache.get('43', REQUESTED_BY, '', lookup, []);
    cache.invalidate('42', REQUESTED_BY);
    expect(await cache.get('42', REQUESTED_BY, '', lookup, [])).toEqual(['r4']);
    expect(await cache.get('42', TAGS, 'a', lookup, [])).toEqual(['r2']);
    expect(await cache.get('43', REQUESTED_BY, '', lookup, [])).toEqual(['r3']);
    await limiter.close();
  });
});
