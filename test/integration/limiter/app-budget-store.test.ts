// igcord as it starts (src/app.ts through the e2e harness) with LIMITER_STORE=redis: its limiter counts calls in
// the shared Redis window, where another process using the same tokens sees them.
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../../support/igcord-harness.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
let igcord: TestIgcord | undefined;
afterEach(async () => {
  await igcord?.close();
  igcord = undefined;
});

const connect = () => createClient({ url: REDIS_URL });

async function limiterKeys(redis: ReturnType<typeof connect>): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: 'igcord:limiter:*', COUNT: 500 })) keys.push(...batch);
  return keys;
}

describe('igcord with LIMITER_STORE=redis', () => {
  it('counts a call of its limiter in the Redis window shared by every process', async () => {
    const redis = connect();
    await redis.connect();
    // What igcord adds to Redis (its start spends the `app` budget too) is removed afterwards.
    const before = new Set(await limiterKeys(redis));
    igcord = await startTestIgcord({ LIMITER_STORE: 'redis', REDIS_URL });
    // A key of this run only, so that nothing else on this Redis shares it.
    const key = `e2e-${randomUUID()}`;
    const windowKey = `igcord:limiter:{${key}}:g`;
    try {
      await igcord.app.limiter.run(
        { key, priority: 'interactive', method: 'GET', path: '/users/self', idempotent: true },
        async () => ({
          rateLimit: { limit: undefined, remaining: undefined },
        }),
      );
      expect(await redis.zCard(windowKey)).toBe(1);
      expect(igcord.app.limiter.quota(key).used).toBe(1);
    } finally {
      await igcord.close();
      igcord = undefined;
      const added = (await limiterKeys(redis)).filter((k) => !before.has(k));
      if (added.length > 0) await redis.del(added);
      redis.destroy();
    }
  });
});
