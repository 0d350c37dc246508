// A worker process's BullMQ worker over the source queue (source-queue.ts). Its processor runs the source once
// and moves the same job back to delayed until the source is due again (`moveToDelayed` + DelayedError: the job is
// the schedule, never a second job). A source no feed follows any more completes, and its job is removed. The
// processor never fails a job: a run that throws is retried later like any other early stop. A worker that dies
// mid-run stops renewing the job's lock; after `stalledMs` another worker's stalled check puts the job back and it
// runs there (BullMQ's stalled-job handling, with no cap on how often: a source is never given up). A notification
// that lands between the end of a run and its job's move back to delayed is caught by a look at the marks after it.
import { DelayedError, Worker, type Job } from 'bullmq';
import type { Logger } from '../../log.js';
import { parseSourceKey, type SourceKey } from '../../storage/index.js';
import type { RunSourceOnce } from './queued-runner.js';
import { QUEUE_NAME, redisClientFor, type QueueConnection, type SourceJobData } from './source-queue.js';

export interface SourceWorkerOptions {
  connection: QueueConnection;
  run: RunSourceOnce;
  /** Whether a notification's mark waits for the source. */
  marked(sk: SourceKey): Promise<boolean>;
  /** Source runs at once in this process. */
  concurrency: number;
  /** How long a job's lock lives without renewal, and how often stalled jobs are looked for. */
  stalledMs: number;
  log: Logger;
}

export interface SourceWorker {
  close(): Promise<void>;
}

export function startSourceWorker(options: SourceWorkerOptions): SourceWorker {
  const { log } = options;
  const client = redisClientFor(options.connection);
  const processor = async (job: Job<SourceJobData>, token?: string) => {
    const sk = job.data.sourceKey;
    const source = parseSourceKey(sk);
    if (source === undefined) {
      log.warn({ sourceKey: sk }, 'job for an unknown kind of source dropped');
      return;
    }
    const next = await options.run(sk, source);
    if (next === 'gone') return;
    const dueAt = Date.now() + next.dueInMs;
    await job.updateData({ sourceKey: sk, dueAt });
    await job.moveToDelayed(dueAt, token);
    // A run that served every mark it could see leaves none: a mark now is news that came after its last look,
    // whose promotion found the job still active (which changes nothing). Promote it here, now that it is delayed.
    if (next.served && (await options.marked(sk))) await job.promote().catch(() => undefined);
    throw new DelayedError();
  };
  const worker = new Worker<SourceJobData>(QUEUE_NAME, processor, {
    connection: client,
    prefix: options.connection.prefix,
    concurrency: options.concurrency,
    lockDuration: options.stalledMs,
    stalledInterval: options.stalledMs,
    // A source's job is its schedule: however often its workers die, it must come back.
    maxStalledCount: Number.MAX_SAFE_INTEGER,
  });
  worker.on('error', (error) => log.warn({ err: error }, 'delivery queue worker error'));
  worker.on('stalled', (jobId) => log.info({ jobId }, 'a source job whose worker stopped is taken over'));
  worker.on('failed', (job, error) => log.error({ err: error, jobId: job?.id }, 'source job failed'));
  return {
    async close() {
      await worker.close();
      await client.close().catch(() => undefined);
    },
  };
}
