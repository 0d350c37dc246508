// Keeps the source queue in step with the feeds in storage, at a worker's start and then every `everyMs`: a
// followed source without a job gets one (due soon, spread so a fleet's first polls do not land together); a job
// whose source no feed follows is dropped. Any number of workers may do this at once: adds are idempotent by job
// id, and a drop that races a new feed is undone by the feed's own add (initSource) or the next pass.
import type { Logger } from '../../log.js';
import { sourceKey, type Storage } from '../../storage/index.js';
import type { SourceQueue } from './source-queue.js';

export interface Reconciler {
  /** One pass now; resolves with how many jobs it added and dropped. */
  pass(): Promise<{ added: number; dropped: number }>;
  stop(): void;
}

export function startReconciler(options: {
  storage: Storage;
  queue: SourceQueue;
  everyMs: number;
  spreadMs: number;
  log: Logger;
}): Reconciler {
  const { storage, queue, log } = options;
  const pass = async () => {
    const followed = new Set((await storage.feeds.listSources()).map((source) => sourceKey(source)));
    const queued = new Set(await queue.sources());
    let added = 0;
    let dropped = 0;
    for (const sk of followed) {
      if (queued.has(sk)) continue;
      await queue.ensure(sk, Math.floor(Math.random() * options.spreadMs));
      added += 1;
    }
    for (const sk of queued) {
      if (followed.has(sk)) continue;
      await queue.drop(sk);
      dropped += 1;
    }
    if (added + dropped > 0) log.info({ added, dropped, sources: followed.size }, 'source jobs reconciled');
    return { added, dropped };
  };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const again = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      pass()
        .catch((error: unknown) => log.warn({ err: error }, 'source job reconciliation failed; retrying later'))
        .finally(again);
    }, options.everyMs);
    timer.unref();
  };
  again();
  return {
    pass,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
