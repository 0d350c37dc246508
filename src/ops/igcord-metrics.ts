// Every metric igcord exposes on GET /metrics, declared in one place so names, labels and help texts stay
// consistent. Counting happens where the thing happens (command wrapper, gate wrapper); values other components
// already keep (limiter, webhook receiver, storage, feeds, delivery engine) are read by collectors at scrape time.
import { MetricsRegistry, type Counter, type Gauge, type Histogram } from './metrics.js';

/**
 * Delivery latency buckets, seconds: a notified post normally lands within a second or two; Instagram or Discord
 * being slow or down, and marks found after a restart, stretch it to minutes.
 */
export const DELIVERY_LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

export interface IgcordMetrics {
  registry: MetricsRegistry;
  /** Slash commands and their components, by command, kind (`command` | `component`) and outcome. */
  commands: Counter;
  commandSeconds: Histogram;
  /** Instagram calls through the gate, by priority and outcome (`ok` or the error's class). */
  instagramCalls: Counter;
  instagramCallSeconds: Histogram;
  /** Single HTTP attempts Instagram answered 429, by priority. */
  instagram429: Counter;
  /** Time a call waited in the limiter before its first attempt started, by priority. */
  limiterWaitSeconds: Histogram;
  limiterQueued: Gauge;
  limiterRunning: Gauge;
  limiterKeys: Gauge;
  /** The limiter's own cumulative counters (started, succeeded, refused, retries, rate_limited …). */
  limiterEvents: Counter;
  webhookNotifications: Counter;
  webhookUpdates: Counter;
  webhookRejected: Counter;
  storageCorruptRecords: Counter;
  feeds: Gauge;
  dirtySources: Gauge;
  deliveries: Counter;
  deliveryFailures: Counter;
  deliveryLastLatencySeconds: Gauge;
  /** Notification (or dirty mark) → Discord accepted the message, one observation per delivery (engine hook). */
  deliveryLatencySeconds: Histogram;
  /** Whatever else the delivery engine's stats() reports, one series per numeric field. */
  deliveryEngine: Gauge;
}

export function createIgcordMetrics(onCollectorError?: (error: unknown) => void): IgcordMetrics {
  const registry = new MetricsRegistry(onCollectorError);
  return {
    registry,
    commands: registry.counter(
      'igcord_commands_total',
      'Slash commands and their buttons/modals handled, by outcome (ok or the reply id of the error).',
      ['command', 'kind', 'outcome'],
    ),
    commandSeconds: registry.histogram(
      'igcord_command_duration_seconds',
      'Time from the handler starting to it finishing.',
      ['command', 'kind'],
    ),
    instagramCalls: registry.counter(
      'igcord_instagram_calls_total',
      'Instagram API calls through the rate limiter, by priority and outcome.',
      ['priority', 'outcome'],
    ),
    instagramCallSeconds: registry.histogram(
      'igcord_instagram_call_duration_seconds',
      'Instagram calls from being asked for to their answer, queueing and retries included.',
      ['priority'],
    ),
    instagram429: registry.counter(
      'igcord_instagram_rate_limited_attempts_total',
      'HTTP attempts Instagram answered with 429.',
      ['priority'],
    ),
    limiterWaitSeconds: registry.histogram(
      'igcord_limiter_wait_seconds',
      'Time a call waited in the limiter before its first attempt started.',
      ['priority'],
    ),
    limiterQueued: registry.gauge('igcord_limiter_queued', 'Calls waiting in the limiter for a budget slot.'),
    limiterRunning: registry.gauge('igcord_limiter_running', 'Calls whose HTTP attempt is in flight.'),
    limiterKeys: registry.gauge('igcord_limiter_keys', 'Budget keys (Instagram accounts) held in memory.'),
    limiterEvents: registry.counter(
      'igcord_limiter_events_total',
      "The limiter's own counters: started, succeeded, failed, refused, retries, rate_limited, corrections, evictions.",
      ['event'],
    ),
    webhookNotifications: registry.counter(
      'igcord_webhook_notifications_total',
      'Signed Instagram notifications acknowledged with 200.',
    ),
    webhookUpdates: registry.counter('igcord_webhook_updates_total', 'Updates inside the acknowledged notifications.'),
    webhookRejected: registry.counter('igcord_webhook_rejected_total', 'Notification POSTs refused, by HTTP status.', [
      'status',
    ]),
    storageCorruptRecords: registry.counter(
      'igcord_storage_corrupt_records_total',
      'Stored records that failed to decode and were skipped.',
    ),
    feeds: registry.gauge('igcord_feeds', 'Channel feeds by state.', ['state']),
    dirtySources: registry.gauge(
      'igcord_feed_dirty_sources',
      'Feed sources marked dirty and waiting for the delivery engine.',
    ),
    deliveries: registry.counter('igcord_deliveries_total', 'Feed posts delivered to Discord.'),
    deliveryFailures: registry.counter(
      'igcord_delivery_failures_total',
      'Feed deliveries that failed (and will be retried or disabled the feed).',
    ),
    deliveryLastLatencySeconds: registry.gauge(
      'igcord_delivery_last_latency_seconds',
      'Latency of the most recent delivery.',
    ),
    deliveryLatencySeconds: registry.histogram(
      'igcord_delivery_latency_seconds',
      'Feed deliveries from the notification (or the dirty mark found at start) to Discord accepting the message.',
      [],
      DELIVERY_LATENCY_BUCKETS,
    ),
    deliveryEngine: registry.gauge(
      'igcord_delivery_engine',
      "Other numeric fields of the delivery engine's stats(), by field.",
      ['field'],
    ),
  };
}
