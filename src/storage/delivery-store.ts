// Delivery state: per source, the cursor (the newest media fetched and handed to the source's feeds, never moved
// backwards); per feed, the pending posts (core posts, handed over, not yet posted, oldest first, bounded) that the feed drains
// at its own pace, so one feed that cannot post holds back no other feed of its source; per feed, the recent
// deliveries (media id → Discord message id, newest first, bounded) used to skip duplicates and to edit a post
// later; and the durable set of "dirty" sources that the webhook receiver records before answering 200, so a
// notification acknowledged to Instagram survives a crash until the delivery engine has handled it. The set is
// one record, changed once per notification batch however many sources the batch names: a mark per source would
// make the largest batch (about 700 sources in 64 KiB) as many read-modify-writes of the record in a row, which
// outlasted Instagram's patience (docs/decisions/0004); and the marks and clears that arrive while it is being
// written go into its next write together (dirty-set.ts, docs/decisions/0036).
// Every change of a stored value here is a compare-and-swap loop (`backend.update`, docs/decisions/0018), so two
// processes on one storage cannot undo each other's deliveries, hand-overs or marks; the keyed mutex only queues
// this process's own writers of one value.
import { z } from 'zod';
import { validate } from '../util/validate.js';
import { DirtySetWriter, type DirtyMark } from './dirty-set.js';
import type { SourceKey } from './feed-source.js';
import type { RecordType } from './record-reader.js';
import { epochMs, storedId, type StoreContext } from './store-context.js';

export type { DirtyMark } from './dirty-set.js';

export const RECENT_DELIVERIES_LIMIT = 200;

const cursorRecord = z.object({
  version: z.literal(1),
  mediaId: z.string().min(1).max(100),
  /** The post's time, unix seconds. */
  createdTime: z.number().int().nonnegative(),
  /** Tag feeds page by tag id (reference §1.3): the min_tag_id to poll from. */
  minTagId: z.string().max(100).optional(),
  /**
   * A catch-up under way: the source had more new media than one run reads, and the last run stopped reading its
   * pages (newest first) here; the next run goes on below it (`max_id` / `max_tag_id`) instead of from the top.
   */
  resumeBelow: z.string().min(1).max(100).optional(),
  updatedAt: epochMs,
});
const cursorType: RecordType<typeof cursorRecord> = { name: 'source cursor', currentVersion: 1, schema: cursorRecord };
export type SourceCursor = Omit<z.output<typeof cursorRecord>, 'version'>;
export const cursorInputSchema = cursorRecord.omit({ version: true, updatedAt: true });
export type CursorInput = z.input<typeof cursorInputSchema>;

/**
 * What happened to one media in one feed: posted as `messageId`, or held back by the feed's filters (`filteredBy`,
 * the rule in words), which is as final as a post: never retried, never posted. `deliveredAt` is when it was decided.
 */
const deliveryEntry = z
  .object({
    mediaId: z.string().min(1).max(100),
    messageId: storedId.optional(),
    filteredBy: z.string().min(1).max(300).optional(),
    deliveredAt: epochMs,
    /** The posted caption's digest and the post's time (unix s): what a later poll compares (post-changes.ts). */
    captionHash: z.string().min(1).max(64).optional(),
    postTime: z.number().nonnegative().optional(),
    /** The post was deleted on Instagram and the feed acted on it: it is watched no more. */
    deleted: z.literal(true).optional(),
  })
  .refine((e) => (e.messageId === undefined) !== (e.filteredBy === undefined), {
    message: 'a delivery record has either a message or the rule that filtered it',
  });
export type DeliveryRecord = z.output<typeof deliveryEntry>;
const deliveriesRecord = z.object({ version: z.literal(1), entries: z.array(deliveryEntry) });
const deliveriesType: RecordType<typeof deliveriesRecord> = {
  name: 'feed deliveries',
  currentVersion: 1,
  schema: deliveriesRecord,
};

/**
 * A post (src/core/post.ts) kept until the feed has posted it. Storage checks only the id; the delivery engine
 * checks the rest against the core post schema when it reads it back (and drops one that no longer reads).
 */
const pendingEntry = z.looseObject({ id: z.string().min(1).max(100) });
export type PendingMedia = z.output<typeof pendingEntry>;
const pendingRecord = z.object({ version: z.literal(2), media: z.array(pendingEntry) });
/**
 * Reads records that an older igcord wrote in a provider's own terms, which storage cannot read itself (it knows
 * no provider). The composition root passes the configured provider's readers.
 */
export interface LegacyRecords {
  /**
   * One entry of a version-1 pending list, which kept media as the provider served them: returns it as a core
   * post, or unchanged when it does not read as that provider's media (the engine then reports and drops it).
   */
  pendingPost(stored: unknown): unknown;
}

/** Without a reader, a version-1 entry is kept as it is: one that is not a core post is dropped as unreadable. */
const keepAsStored: LegacyRecords = { pendingPost: (stored) => stored };

function pendingType(legacy: LegacyRecords): RecordType<typeof pendingRecord> {
  return {
    name: 'feed pending media',
    currentVersion: 2,
    schema: pendingRecord,
    migrations: {
      // Version 1 kept Platform API v1 media as Instagram served them: each is mapped into a core post by the
      // provider's own mapping. One that does not read is kept as it is, so the engine reports and drops it as it
      // always did, and the feed's other pending posts still read.
      1: (old) => ({
        ...old,
        version: 2,
        media: Array.isArray(old.media) ? old.media.map((m: unknown) => legacy.pendingPost(m)) : old.media,
      }),
    },
  };
}
/** A feed that cannot post for this long a queue has been failing for days: the oldest are dropped (and said). */
export const PENDING_LIMIT = 500;

const dirtyRecord = z.object({ version: z.literal(1), sources: z.record(z.string(), epochMs) });
const dirtyType: RecordType<typeof dirtyRecord> = { name: 'dirty sources', currentVersion: 1, schema: dirtyRecord };
export interface DirtySource {
  sourceKey: SourceKey;
  /** When it was last marked; pass it back to clearDirty. */
  markedAt: number;
}

export interface DeliveryStore {
  getCursor(sourceKey: SourceKey): Promise<SourceCursor | undefined>;
  /** The cursors of many sources in one round trip; a source without a cursor is absent from the map. */
  getCursors(sourceKeys: readonly SourceKey[]): Promise<Map<SourceKey, SourceCursor>>;
  /**
   * Moves the cursor to `cursor` unless that is older than the stored one (by post time), so a slow poll
   * finishing late cannot rewind it. Returns the cursor now stored.
   */
  advanceCursor(sourceKey: SourceKey, cursor: CursorInput): Promise<SourceCursor>;
  /**
   * Records that `mediaId` was posted to the feed as `messageId`, or held back by its filters (`filteredBy`); keeps
   * the newest RECENT_DELIVERIES_LIMIT.
   */
  recordDelivery(
    feedId: string,
    delivery: { mediaId: string; deliveredAt?: number; captionHash?: string; postTime?: number } & (
      { messageId: string } | { filteredBy: string }
    ),
  ): Promise<void>;
  /** Notes in place, keeping the order, what the feed did about a change of a delivered post; absent: nothing. */
  noteChange(feedId: string, mediaId: string, change: { captionHash: string } | { deleted: true }): Promise<void>;
  findDelivery(feedId: string, mediaId: string): Promise<DeliveryRecord | undefined>;
  /** Newest first. */
  recentDeliveries(feedId: string): Promise<DeliveryRecord[]>;
  /** Forgets a removed feed's deliveries and pending media. */
  forgetFeed(feedId: string): Promise<void>;
  /**
   * Appends `media` (oldest first) to each feed's pending list, skipping media already pending there; keeps the
   * newest PENDING_LIMIT. Returns, per feed, how many of its oldest pending media had to be dropped (usually none).
   */
  handOver(feedIds: readonly string[], media: readonly PendingMedia[]): Promise<Map<string, number>>;
  /** The feed's pending media, oldest first. */
  pendingMedia(feedId: string): Promise<PendingMedia[]>;
  /** Removes one media from the feed's pending list (posted, found posted, or refused for good). */
  dropPending(feedId: string, mediaId: string): Promise<void>;
  /**
   * Durably notes that a source has news; resolves once stored. With `unlessMarkedSince`, a mark already stored
   * at or after that time is left as it is (the news is already announced and not yet read): returns false then.
   */
  markDirty(sourceKey: SourceKey, options?: { unlessMarkedSince?: number | undefined }): Promise<boolean>;
  /**
   * markDirty for a whole notification batch in one read and one write of the dirty set (none when every mark is
   * left as it is; again only when another process wrote the set in between). Returns the sources marked, in the order given. If `signal` is aborted before the write (the
   * webhook has answered 503, so Instagram sends the batch again), rejects with its reason and writes nothing.
   */
  markDirtyMany(marks: readonly DirtyMark[], options?: { signal?: AbortSignal | undefined }): Promise<SourceKey[]>;
  listDirty(): Promise<DirtySource[]>;
  /** Clears the mark only if it was not renewed after `markedAt`, so news arriving mid-run is not lost. */
  clearDirty(sourceKey: SourceKey, markedAt: number): Promise<boolean>;
}

const cursorKey = (sk: string) => `cursor:${sk}`;
const deliveriesKey = (feedId: string) => `deliveries:${feedId}`;
const pendingKey = (feedId: string) => `pending:${feedId}`;
const DIRTY = 'dirty-sources';

export function createDeliveryStore(ctx: StoreContext, legacy: LegacyRecords = keepAsStored): DeliveryStore {
  const { backend, mutex, reader } = ctx;
  const pendingRecordType = pendingType(legacy);
  const readCursor = async (sk: string) => reader.read(cursorType, cursorKey(sk), await backend.get(cursorKey(sk)));
  const readDeliveries = async (feedId: string) =>
    reader.read(deliveriesType, deliveriesKey(feedId), await backend.get(deliveriesKey(feedId)))?.entries ?? [];
  const pendingFrom = (key: string, stored: unknown) => reader.read(pendingRecordType, key, stored)?.media ?? [];
  const readPending = async (feedId: string) => pendingFrom(pendingKey(feedId), await backend.get(pendingKey(feedId)));
  const readDirty = async () => dirtySources(await backend.get(DIRTY));
  const dirtySources = (stored: unknown) => reader.read(dirtyType, DIRTY, stored)?.sources ?? {};
  const strip = ({ version: _v, ...rest }: z.output<typeof cursorRecord>): SourceCursor => rest;

  // Marks and clears combine into one write of the set while another is under way (dirty-set.ts).
  const dirtySet = new DirtySetWriter({
    backend,
    key: DIRTY,
    sourcesOf: (stored) => ({ ...dirtySources(stored) }),
    now: ctx.now,
  });
  const markDirtyMany: DeliveryStore['markDirtyMany'] = (marks, { signal } = {}) => dirtySet.mark(marks, signal);

  return {
    async getCursor(sk) {
      const record = await readCursor(sk);
      return record === undefined ? undefined : strip(record);
    },

    async getCursors(sks) {
      const values = await backend.getMany(sks.map(cursorKey));
      const cursors = new Map<SourceKey, SourceCursor>();
      sks.forEach((sk, i) => {
        const record = reader.read(cursorType, cursorKey(sk), values[i]);
        if (record !== undefined) cursors.set(sk, strip(record));
      });
      return cursors;
    },

    async advanceCursor(sk, input) {
      const data = validate(cursorInputSchema, input, 'source cursor');
      return mutex.run(cursorKey(sk), async () => {
        let now!: SourceCursor;
        await backend.update(cursorKey(sk), (stored) => {
          const current = reader.read(cursorType, cursorKey(sk), stored);
          if (current !== undefined && data.createdTime < current.createdTime) {
            now = strip(current);
            return stored;
          }
          const next = { version: 1 as const, ...data, updatedAt: ctx.now() };
          now = strip(next);
          return next;
        });
        return now;
      });
    },

    async recordDelivery(feedId, delivery) {
      const entry = validate(
        deliveryEntry,
        { ...delivery, deliveredAt: delivery.deliveredAt ?? ctx.now() },
        'delivery',
      );
      const key = deliveriesKey(validate(storedId, feedId, 'feed id'));
      await mutex.run(key, () =>
        backend.update(key, (stored) => {
          const entries = (reader.read(deliveriesType, key, stored)?.entries ?? []).filter(
            (e) => e.mediaId !== entry.mediaId,
          );
          return { version: 1, entries: [entry, ...entries].slice(0, RECENT_DELIVERIES_LIMIT) };
        }),
      );
    },

    async noteChange(feedId, mediaId, change) {
      const key = deliveriesKey(validate(storedId, feedId, 'feed id'));
      await mutex.run(key, () =>
        backend.update(key, (stored) => {
          const entries = reader.read(deliveriesType, key, stored)?.entries ?? [];
          if (!entries.some((e) => e.mediaId === mediaId)) return stored;
          const next = entries.map((e) =>
            e.mediaId === mediaId ? validate(deliveryEntry, { ...e, ...change }, 'delivery') : e,
          );
          return { version: 1, entries: next };
        }),
      );
    },

    async findDelivery(feedId, mediaId) {
      return (await readDeliveries(feedId)).find((e) => e.mediaId === mediaId);
    },

    recentDeliveries: readDeliveries,

    async forgetFeed(feedId) {
      await mutex.run(pendingKey(feedId), () => backend.delete(pendingKey(feedId)));
      await mutex.run(deliveriesKey(feedId), () => backend.delete(deliveriesKey(feedId)));
    },

    async handOver(feedIds, media) {
      const entries = media.map((m) => validate(pendingEntry, m, 'pending media'));
      const dropped = new Map<string, number>();
      await Promise.all(
        feedIds.map((feedId) => {
          const key = pendingKey(validate(storedId, feedId, 'feed id'));
          return mutex.run(key, async () => {
            // Counted by the round that wins: what it dropped is what the stored list lost.
            let excess = 0;
            await backend.update(key, (stored) => {
              const current = pendingFrom(key, stored);
              const known = new Set(current.map((m) => m.id));
              const added = entries.filter((m) => !known.has(m.id) && known.add(m.id));
              excess = 0;
              if (added.length === 0) return stored;
              const next = [...current, ...added];
              excess = Math.max(0, next.length - PENDING_LIMIT);
              return { version: 2, media: next.slice(excess) };
            });
            if (excess > 0) dropped.set(feedId, excess);
          });
        }),
      );
      return dropped;
    },

    pendingMedia: readPending,

    async dropPending(feedId, mediaId) {
      const key = pendingKey(feedId);
      await mutex.run(key, () =>
        backend.update(key, (stored) => {
          const current = pendingFrom(key, stored);
          const next = current.filter((m) => m.id !== mediaId);
          if (next.length === current.length) return stored;
          return next.length === 0 ? undefined : { version: 2, media: next };
        }),
      );
    },

    async markDirty(sk, options = {}) {
      return (await markDirtyMany([{ sourceKey: sk, unlessMarkedSince: options.unlessMarkedSince }])).length > 0;
    },

    markDirtyMany,

    async listDirty() {
      return Object.entries(await readDirty())
        .map(([sourceKey, markedAt]) => ({ sourceKey, markedAt }))
        .sort((a, b) => a.markedAt - b.markedAt);
    },

    clearDirty: (sk, markedAt) => dirtySet.clear(sk, markedAt),
  };
}
