// Which delivery engine a process runs, by its role (docs/decisions/0020): one process (`all`) schedules every
// source in its own memory (delivery-engine.ts); edge and worker processes share one job queue in Redis
// (queue/queued-deliveries.ts), where only workers run the jobs.
import { createDeliveryEngine, type DeliveryEngineOptions } from './delivery-engine.js';
import type { FeedDeliveryEngine } from './delivery-engine-api.js';
import { createQueuedDeliveries } from './queue/queued-deliveries.js';
import type { QueueConnection } from './queue/source-queue.js';

export interface RoleDeliveryOptions extends DeliveryEngineOptions {
  role: 'all' | 'edge' | 'worker';
  /** The job queue of edge and worker processes (unused by `all`). */
  queue: QueueConnection & { stalledMs: number };
}

export function createRoleDeliveries(options: RoleDeliveryOptions): FeedDeliveryEngine {
  const { role, queue, ...engine } = options;
  if (role === 'all') return createDeliveryEngine(engine);
  return createQueuedDeliveries({
    ...engine,
    role,
    connection: { url: queue.url, prefix: queue.prefix },
    stalledMs: queue.stalledMs,
  });
}
