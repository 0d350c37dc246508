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

describe('igcord with LIMITER_STORE=redis', () => {
  it('counts a call of its limiter in the Redis window shared by every process', async () => {
    igcord = await startTestIgcord({ LIMITER_STORE: 'redis', REDIS_URL });
    // A key of this run only, so that nothing else on this Redis shares it.
    const key = `e2e-${randomUUID()}`;
    const windowKey = `igcord:limiter:{${key}}:g`;
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      await igcord.app.limiter.run({ key, priority: 'interactive', method: 'GET', path: '/users/self', idempotent: true }, async () => ({
        rateLimit: { limit: undefined, remaining: undefined },
      }));
      expect(await redis.zCard(windowKey)).toBe(1);
      expect(igcord.app.limiter.quota(key).used).toBe(1);
    } finally {
      await redis.del(windowKey);
      redis.destroy();
    }
  });
});
