// Delivery state: per source, the cursor (the newest media delivered, never moved backwards); per feed, the
// recent deliveries (media id → Discord message id, newest first, bounded) used to skip duplicates and to edit a
// post later; and the durable set of "dirty" sources that the webhook receiver records before answering 200,
// so a notification acknowledged to Instagram survives a crash until the delivery engine has handled it.
import { z } from 'zod';
import { validate } from '../util/validate.js';
import type { SourceKey } from './feed-source.js';
import type { RecordType } from './record-reader.js';
import { epochMs, storedId, type StoreContext } from './store-context.js';

export const RECENT_DELIVERIES_LIMIT = 200;

const cursorRecord = z.object({
  version: z.literal(1),
  mediaId: z.string().min(1).max(100),
  /** The media's created_time, unix seconds (reference §4.1). */
  createdTime: z.number().int().nonnegative(),
  /** Tag feeds page by tag id (reference §1.3): the min_tag_id to poll from. */
  minTagId: z.string().max(100).optional(),
  updatedAt: epochMs,
});
const cursorType: RecordType<typeof cursorRecord> = { name: 'source cursor', currentVersion: 1, schema: cursorRecord };
export type SourceCursor = Omit<z.output<typeof cursorRecord>, 'version'>;
export const cursorInputSchema = cursorRecord.omit({ version: true, updatedAt: true });
export type CursorInput = z.input<typeof cursorInputSchema>;

const deliveryEntry = z.object({
  mediaId: z.string().min(1).max(100),
  messageId: storedId,
  deliveredAt: epochMs,
});
export type DeliveryRecord = z.output<typeof deliveryEntry>;
const deliveriesRecord = z.object({ version: z.literal(1), entries: z.array(deliveryEntry) });
const deliveriesType: RecordType<typeof deliveriesRecord> = { name: 'feed deliveries', currentVersion: 1, schema: deliveriesRecord };

const dirtyRecord = z.object({ version: z.literal(1), sources: z.record(z.string(), epochMs) });
const dirtyType: RecordType<typeof dirtyRecord> = { name: 'dirty sources', currentVersion: 1, schema: dirtyRecord };
export interface DirtySource {
  sourceKey: SourceKey;
  /** When it was last marked; pass it back to clearDirty. */
  markedAt: number;
}

export interface DeliveryStore {
  getCursor(sourceKey: SourceKey): Promise<SourceCursor | undefined>;
  /**
   * Moves the cursor to `cursor` unless that is older than the stored one (by created_time), so a slow poll
   * finishing late cannot rewind it. Returns the cursor now stored.
   */
  advanceCursor(sourceKey: SourceKey, cursor: CursorInput): Promise<SourceCursor>;
  /** Records that `mediaId` was posted to the feed as `messageId`; keeps the newest RECENT_DELIVERIES_LIMIT. */
  recordDelivery(feedId: string, delivery: { mediaId: string; messageId: string; deliveredAt?: number }): Promise<void>;
  findDelivery(feedId: string, mediaId: string): Promise<DeliveryRecord | undefined>;
  /** Newest first. */
  recentDeliveries(feedId: string): Promise<DeliveryRecord[]>;
  forgetFeed(feedId: string): Promise<void>;
  /** Durably notes that a source has news; resolves once stored. */
  markDirty(sourceKey: SourceKey): Promise<void>;
  listDirty(): Promise<DirtySource[]>;
  /** Clears the mark only if it was not renewed after `markedAt`, so news arriving mid-run is not lost. */
  clearDirty(sourceKey: SourceKey, markedAt: number): Promise<boolean>;
}

const cursorKey = (sk: string) => `cursor:${sk}`;
const deliveriesKey = (feedId: string) => `deliveries:${feedId}`;
const DIRTY = 'dirty-sources';

export function createDeliveryStore(ctx: StoreContext): DeliveryStore {
  const { backend, mutex, reader } = ctx;
  const readCursor = async (sk: string) => reader.read(cursorType, cursorKey(sk), await backend.get(cursorKey(sk)));
  const readDeliveries = async (feedId: string) =>
    reader.read(deliveriesType, deliveriesKey(feedId), await backend.get(deliveriesKey(feedId)))?.entries ?? [];
  const readDirty = async () => reader.read(dirtyType, DIRTY, await backend.get(DIRTY))?.sources ?? {};
  const strip = ({ version: _v, ...rest }: z.output<typeof cursorRecord>): SourceCursor => rest;

  return {
    async getCursor(sk) {
      const record = await readCursor(sk);
      return record === undefined ? undefined : strip(record);
    },

    async advanceCursor(sk, input) {
      const data = validate(cursorInputSchema, input, 'source cursor');
      return mutex.run(cursorKey(sk), async () => {
        const current = await readCursor(sk);
        if (current !== undefined && data.createdTime < current.createdTime) return strip(current);
        const next = { version: 1 as const, ...data, updatedAt: ctx.now() };
        await backend.set(cursorKey(sk), next);
        return strip(next);
      });
    },

    async recordDelivery(feedId, delivery) {
      const entry = validate(deliveryEntry, { ...delivery, deliveredAt: delivery.deliveredAt ?? ctx.now() }, 'delivery');
      await mutex.run(deliveriesKey(feedId), async () => {
        const entries = (await readDeliveries(feedId)).filter((e) => e.mediaId !== entry.mediaId);
        const next = [entry, ...entries].slice(0, RECENT_DELIVERIES_LIMIT);
        await backend.set(deliveriesKey(validate(storedId, feedId, 'feed id')), { version: 1, entries: next });
      });
    },

    async findDelivery(feedId, mediaId) {
      return (await readDeliveries(feedId)).find((e) => e.mediaId === mediaId);
    },

    recentDeliveries: readDeliveries,

    async forgetFeed(feedId) {
      await mutex.run(deliveriesKey(feedId), () => backend.delete(deliveriesKey(feedId)));
    },

    async markDirty(sk) {
      await mutex.run(DIRTY, async () => {
        const sources = await readDirty();
        // Strictly increasing per source, so a clear holding the previous mark cannot erase this one.
        sources[sk] = Math.max(ctx.now(), (sources[sk] ?? 0) + 1);
        await backend.set(DIRTY, { version: 1, sources });
      });
    },

    async listDirty() {
      return Object.entries(await readDirty())
        .map(([sourceKey, markedAt]) => ({ sourceKey, markedAt }))
        .sort((a, b) => a.markedAt - b.markedAt);
    },

    async clearDirty(sk, markedAt) {
      return mutex.run(DIRTY, async () => {
        const sources = await readDirty();
        if (sources[sk] !== markedAt) return false;
        delete sources[sk];
        await backend.set(DIRTY, { version: 1, sources });
        return true;
      });
    },
  };
}
