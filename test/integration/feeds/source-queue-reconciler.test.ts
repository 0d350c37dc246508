// The source job queue and its reconciler, on real Redis (BullMQ) and PostgreSQL storage: a followed source
// without a job gets exactly one (its id is the source key, so two reconcilers at once still make one), a job
// removed behind igcord's back comes back on the next pass, the job of a source nobody follows any more is
// dropped, and promoting a delayed job makes it due now.
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import type { Storage } from '../../../src/storage/index.js';
import { startReconciler, type Reconciler } from '../../../src/feeds/queue/reconciler.js';
import { openSourceQueue, type SourceQueue } from '../../../src/feeds/queue/source-queue.js';
import { createPlace, type TestPlace } from '../storage/backends.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const HOUR = 3_600_000;

describe('source queue reconciler', () => {
  let place: TestPlace | undefined;
  let storage: Storage | undefined;
  const queues: SourceQueue[] = [];
  const reconcilers: Reconciler[] = [];
  const prefix = `igcord-rec-${randomBytes(5).toString('hex')}`;

  afterEach(async () => {
    for (const r of reconcilers.splice(0)) r.stop();
    for (const q of queues.splice(0)) await q.close();
    await storage?.close();
    await place?.cleanup();
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(keys);
    redis.destroy();
  });

  async function feedFor(instagramUserId: string) {
    return storage!.feeds.add({
      guildId: '123456789012345678',
      channelId: '223456789012345678',
      source: { kind: 'account', instagramUserId },
      ownerDiscordUserId: '323456789012345678',
      ownerInstagramUserId: instagramUserId,
      createdBy: '323456789012345678',
      delivery: { mode: 'message' },
    });
  }

  it('adds one job per followed source, brings back a removed one, drops an unfollowed one, and promotes', async () => {
    place = await createPlace('postgres');
    storage = await place.open();
    const connection = { url: REDIS_URL, prefix };
    const [a, b] = [openSourceQueue(connection), openSourceQueue(connection)];
    queues.push(a, b);
    const reconcile = (queue: SourceQueue) => {
      const r = startReconciler({ storage: storage!, queue, everyMs: HOUR, spreadMs: HOUR, log: silentLogger() });
      reconcilers.push(r);
      return r;
    };
    const [ra, rb] = [reconcile(a), reconcile(b)];
    const kept = await feedFor('111');
    const gone = await feedFor('222');

    // Two reconcilers at once: still one job per source.
    await Promise.all([ra.pass(), rb.pass()]);
    expect((await a.sources()).sort()).toEqual(['account:111', 'account:222']);

    // A job lost behind igcord's back (an operator, a flush) comes back.
    await (await a.job('account:111'))!.remove();
    expect(await a.sources()).toEqual(['account:222']);
    expect(await ra.pass()).toEqual({ added: 1, dropped: 0 });
    expect((await a.sources()).sort()).toEqual(['account:111', 'account:222']);

    // A source nobody follows any more loses its job.
    await storage.feeds.remove(gone.id);
    expect(await rb.pass()).toEqual({ added: 0, dropped: 1 });
    expect(await a.sources()).toEqual(['account:111']);

    // A notification's promotion: the job is due now, not when its poll would be.
    await a.ensure('account:111', HOUR);
    expect(await (await a.job('account:111'))!.getState()).toBe('delayed');
    await b.runNow('account:111');
    expect(await (await a.job('account:111'))!.getState()).toBe('waiting');
    expect(kept.source).toEqual({ kind: 'account', instagramUserId: '111' });
  });
});
