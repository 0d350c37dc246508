// What the feed commands need from the delivery engine (src/feeds/), reached through the command services as
// `deliveries`. The commands only use this narrow view of it, so the admin commands keep working — and say so
// plainly for test and backfill — in a process whose engine is not running (yet).
import type { Feed } from '../../storage/index.js';
import { UserFacingError } from '../errors.js';

export interface FeedDeliveries {
  poke(sourceKey: string): void;
  initSource(feed: Feed): Promise<void>;
  sendTest(feed: Feed): Promise<{ posted: boolean; mediaId?: string | undefined }>;
  backfill(feed: Feed, n: number): Promise<{ posted: number }>;
  status(feed: Feed): { lastDeliveryAt?: number | undefined; nextCheckAt?: number | undefined };
}

const isDeliveries = (value: unknown): value is FeedDeliveries =>
  typeof value === 'object' &&
  value !== null &&
  ['poke', 'initSource', 'sendTest', 'backfill', 'status'].every((m) => typeof (value as Record<string, unknown>)[m] === 'function');

/** The delivery engine among the services, if one is wired. */
export function deliveriesOf(services: object): FeedDeliveries | undefined {
  const value: unknown = (services as { deliveries?: unknown }).deliveries;
  return isDeliveries(value) ? value : undefined;
}

/** The delivery engine, or an answer saying that posting is not available in this process. */
export function requireDeliveries(services: object): FeedDeliveries {
  const engine = deliveriesOf(services);
  if (engine === undefined) {
    throw new UserFacingError('feed.delivery-unavailable', 'Feed delivery is not running in this bot process, so nothing can be posted now. Ask the bot operator.');
  }
  return engine;
}
