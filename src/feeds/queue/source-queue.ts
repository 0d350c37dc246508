// The delivery job queue of edge and worker processes (docs/decisions/0020), on BullMQ in Redis: one job per
// followed source, whose id is the source key, so BullMQ itself keeps a source to one job (an add whose id exists
// changes nothing). The job IS the source's poll schedule: a worker runs it, then moves it back to delayed until
// its next poll (source-worker.ts). A notification promotes it (runs it now); the reconciler (reconciler.ts) adds
// the jobs of followed sources that have none and drops those of sources nobody follows any more.
import { createClient } from '@redis/client';
import { Queue, type Job } from 'bullmq';
import type { SourceKey } from '../../storage/index.js';

export const QUEUE_NAME = 'sources';

export interface SourceJobData {
  sourceKey: SourceKey;
  /** When the job is due next, as its last run set it (what `/feed list` shows as the next check). */
  dueAt?: number | undefined;
}

/** BullMQ refuses `:` in a custom job id (its key separator); a source key has one, so ids are URI-encoded. */
export const jobIdOf = (sk: SourceKey): string => encodeURIComponent(sk);

export interface QueueConnection {
  /** redis://… (REDIS_URL). */
  url: string;
  /** The queue's key prefix (QUEUE_PREFIX), so several installs can share one Redis. */
  prefix: string;
}

/** A node-redis client, not connected yet: BullMQ connects it (and duplicates it for a worker's blocking reads). */
export function redisClientFor(connection: QueueConnection) {
  return createClient({ url: connection.url });
}

export interface SourceQueue {
  /** Adds the source's job, due in `delayMs`, unless it has one. */
  ensure(sk: SourceKey, delayMs: number): Promise<void>;
  /**
   * Makes the source's job run now: promotes it when delayed, adds it when missing. A job waiting or running is
   * left alone: the notification's durable mark makes a running job run again once it ends (its run sees the mark).
   */
  runNow(sk: SourceKey): Promise<void>;
  /** The source's job as stored, if any. */
  job(sk: SourceKey): Promise<Job<SourceJobData> | undefined>;
  /** Every source that has a job (in any state but done), for the reconciler. */
  sources(): Promise<SourceKey[]>;
  /** Drops the source's job unless a worker is running it (that run ends it: its source has no feed). */
  drop(sk: SourceKey): Promise<void>;
  close(): Promise<void>;
}

export function openSourceQueue(connection: QueueConnection): SourceQueue {
  const client = redisClientFor(connection);
  const queue = new Queue<SourceJobData>(QUEUE_NAME, { connection: client, prefix: connection.prefix });
  const add = (sk: SourceKey, delayMs: number) =>
    queue.add(
      'source',
      { sourceKey: sk, dueAt: Date.now() + Math.max(0, delayMs) },
      {
        jobId: jobIdOf(sk),
        delay: Math.max(0, Math.round(delayMs)),
        // Gone when done or failed, so that the reconciler can add the source's job again under the same id.
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  const job = async (sk: SourceKey) => (await queue.getJob(jobIdOf(sk))) ?? undefined;
  return {
    async ensure(sk, delayMs) {
      await add(sk, delayMs);
    },
    async runNow(sk) {
      const found = await job(sk);
      if (found === undefined) {
        await add(sk, 0);
        return;
      }
      try {
        await found.promote();
      } catch {
        // Not delayed (any more): it is waiting, running or just done; the durable mark covers each case, and a
        // job gone meanwhile comes back from the reconciler or the next add.
        if ((await job(sk)) === undefined) await add(sk, 0);
      }
    },
    job,
    async sources() {
      const jobs = await queue.getJobs(['delayed', 'waiting', 'active', 'prioritized']);
      return jobs.filter((j): j is Job<SourceJobData> => j !== undefined).map((j) => j.data.sourceKey);
    },
    async drop(sk) {
      const found = await job(sk);
      if (found === undefined || (await found.isActive())) return;
      await found.remove().catch(() => undefined);
    },
    async close() {
      await queue.close();
      await client.close().catch(() => undefined);
    },
  };
}
