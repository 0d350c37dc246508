// The webhook route of the configured provider: v1's (X-Hub-Signature, a notification marks sources dirty) or
// Graph's (X-Hub-Signature-256 under either app's secret, comments and mentions recorded, docs/decisions/0024),
// on the same path, with the counters /metrics reads in one shape.
import type { WebhookEventStore } from '../storage/index.js';
import { createGraphWebhookReceiver, type SourceHints } from './graph-webhook-receiver.js';
import { createWebhookReceiver, type NotificationSink, type WebhookStats } from './webhook-receiver.js';
import type { Route } from './router.js';

export type InstagramWebhookOptions =
  | { provider: 'v1'; clientSecret: string; verifyToken: string; sink: NotificationSink }
  | {
      provider: 'graph';
      /** The app secret igcord logs in with, and the other app's when configured (GRAPH_WEBHOOK_SECRET). */
      secrets: readonly string[];
      verifyToken: string;
      events: Pick<WebhookEventStore, 'record'>;
      hints: SourceHints;
    };

export function createInstagramWebhook(options: InstagramWebhookOptions): { routes: Route[]; stats: WebhookStats } {
  if (options.provider === 'v1') return createWebhookReceiver(options);
  const receiver = createGraphWebhookReceiver(options);
  const { stats } = receiver;
  return {
    routes: receiver.routes,
    // Read at each scrape: a delivery is a notification, each change in it an update.
    stats: {
      get accepted() {
        return stats.accepted;
      },
      get updates() {
        return stats.recorded + stats.duplicates + stats.ignored;
      },
      get rejected() {
        return stats.rejected;
      },
    },
  };
}
