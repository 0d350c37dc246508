// Scrape-time collectors: they read the counters other components keep for themselves (the limiter's stats(),
// the webhook receiver's stats, storage's corrupt-record count, feed states, the delivery engine's stats()) into
// the igcord metrics just before /metrics is rendered. Reading at scrape time keeps those components free of
// metrics code and costs nothing between scrapes.
import type { WebhookStats } from '../http/webhook-receiver.js';
import type { Limiter } from '../limiter/index.js';
import type { Storage } from '../storage/index.js';
import type { IgcordMetrics } from './igcord-metrics.js';

/** Anything with a stats() of numbers: the delivery engine, whose exact fields are its own business. */
export interface StatsSource {
  stats(): object;
}

export interface CollectorSources {
  limiter: Pick<Limiter, 'stats'>;
  webhook: { stats: WebhookStats };
  storage: Pick<Storage, 'corruptRecords' | 'feeds' | 'deliveries'>;
  /** The delivery engine once it is wired; read through `stats()` when it has one. */
  deliveries?: (() => StatsSource | undefined) | undefined;
}

const LIMITER_EVENTS = [
  'started',
  'succeeded',
  'failed',
  'refused',
  'retries',
  'rateLimited',
  'corrections',
  'evictions',
] as const;

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function registerCollectors(metrics: IgcordMetrics, sources: CollectorSources): void {
  const { registry } = metrics;

  registry.collect(() => {
    const stats = sources.limiter.stats();
    metrics.limiterQueued.set({}, stats.queued);
    metrics.limiterRunning.set({}, stats.running);
    metrics.limiterKeys.set({}, stats.keys);
    for (const event of LIMITER_EVENTS) metrics.limiterEvents.setTotal({ event: snake(event) }, stats[event]);
  });

  registry.collect(() => {
    const { stats } = sources.webhook;
    metrics.webhookNotifications.setTotal({}, stats.accepted);
    metrics.webhookUpdates.setTotal({}, stats.updates);
    for (const [status, count] of Object.entries(stats.rejected)) metrics.webhookRejected.setTotal({ status }, count);
  });

  registry.collect(() => {
    metrics.storageCorruptRecords.setTotal({}, sources.storage.corruptRecords());
  });

  registry.collect(async () => {
    // Every state is always present (0 included) so a dashboard sees a feed leave a state, not a vanishing series.
    const counts: Record<string, number> = { active: 0, paused: 0, disabled: 0 };
    const seen = new Set<string>();
    for (const source of await sources.storage.feeds.listSources()) {
      for (const feed of await sources.storage.feeds.listBySource(source)) {
        if (seen.has(feed.id)) continue;
        seen.add(feed.id);
        counts[feed.state.kind] = (counts[feed.state.kind] ?? 0) + 1;
      }
    }
    metrics.feeds.reset();
    for (const [state, count] of Object.entries(counts)) metrics.feeds.set({ state }, count);
    metrics.dirtySources.set({}, (await sources.storage.deliveries.listDirty()).length);
  });

  registry.collect(() => {
    const engine = sources.deliveries?.();
    if (!engine) return;
    metrics.deliveryEngine.reset();
    for (const [field, value] of Object.entries(engine.stats())) {
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      if (field === 'deliveries' || field === 'delivered') metrics.deliveries.setTotal({}, value);
      else if (field === 'failures' || field === 'failed') metrics.deliveryFailures.setTotal({}, value);
      else if (field === 'lastLatencyMs') metrics.deliveryLastLatencySeconds.set({}, value / 1000);
      else metrics.deliveryEngine.set({ field: snake(field) }, value);
    }
  });
}
