// The posts a digest feed gathered for its coming digests (docs/decisions/0031), kept durably as they arrive so a
// restart in the middle of a period loses none, with the period each one is due in, and the parts of a due digest
// already posted (so a digest posted in several messages and interrupted posts only the parts it had not yet
// posted). One value per feed, changed by compare-and-swap (docs/decisions/0018), and one index of the feeds that
// have something gathered (what the engine reads at start to post digests that came due while igcord was down).
// Crash safety as elsewhere: the index entry is written before the record and removed after it.
import { z } from 'zod';
import { validate } from '../util/validate.js';
import type { PendingMedia } from './delivery-store.js';
import type { RecordType } from './record-reader.js';
import { epochMs, storedId, type StoreContext } from './store-context.js';

/** A post as the pending lists keep it: storage checks the id, the engine checks the rest when it reads it back. */
const gatheredPost = z.looseObject({ id: z.string().min(1).max(100) });
const entrySchema = z.object({ post: gatheredPost, dueAt: epochMs, gatheredAt: epochMs });
const sentSchema = z.object({ dueAt: epochMs, part: z.number().int().nonnegative(), messageId: storedId });
const digestRecord = z.object({ version: z.literal(1), entries: z.array(entrySchema), sent: z.array(sentSchema) });
const digestType: RecordType<typeof digestRecord> = { name: 'feed digest', currentVersion: 1, schema: digestRecord };

/** One post waiting for the digest due at `dueAt`. */
export type DigestEntry = z.output<typeof entrySchema>;
/** One posted message (part `part`) of the digest due at `dueAt`. */
export type DigestSent = z.output<typeof sentSchema>;
export interface FeedDigest {
  /** In the order they were gathered. */
  entries: DigestEntry[];
  sent: DigestSent[];
}

/** A feed gathering posts for this long without posting a digest is broken: the oldest are dropped (and said). */
export const DIGEST_LIMIT = 1000;

export interface DigestStore {
  /**
   * Keeps `post` for the digest due at `dueAt`, unless it waits already (then its period stays). Returns the due
   * time it waits for, and how many of the oldest entries were dropped over DIGEST_LIMIT (usually none).
   */
  gather(feedId: string, post: PendingMedia, dueAt: number): Promise<{ dueAt: number; dropped: number }>;
  read(feedId: string): Promise<FeedDigest>;
  /** When the digest that `mediaId` waits for is due, if it waits (what `/feed why` shows). */
  waiting(feedId: string, mediaId: string): Promise<number | undefined>;
  /** Records that part `part` of the digest due at `dueAt` was posted as `messageId`. */
  markSent(feedId: string, sent: DigestSent): Promise<void>;
  /** Forgets the digest due at `dueAt` (posted and recorded): its entries and its parts. */
  finish(feedId: string, dueAt: number): Promise<void>;
  /** Feeds with something gathered (an index: each is checked against its record). */
  feeds(): Promise<string[]>;
  /** Forgets everything of a removed feed. */
  forget(feedId: string): Promise<void>;
}

const INDEX = 'digest-feeds';
const recordKey = (feedId: string) => `digest:${validate(storedId, feedId, 'feed id')}`;
const empty = (): FeedDigest => ({ entries: [], sent: [] });

export function createDigestStore(ctx: StoreContext): DigestStore {
  const { backend, mutex, reader, indexes } = ctx;
  const from = (key: string, stored: unknown): FeedDigest => {
    const record = reader.read(digestType, key, stored);
    return record === undefined ? empty() : { entries: record.entries, sent: record.sent };
  };
  const read = async (feedId: string) => from(recordKey(feedId), await backend.get(recordKey(feedId)));
  const toStored = (d: FeedDigest) =>
    d.entries.length === 0 && d.sent.length === 0 ? undefined : { version: 1, ...d };

  /** Changes the record; when it ends empty, its index entry goes (and comes back if a gather raced in). */
  async function change(feedId: string, fn: (current: FeedDigest) => FeedDigest | undefined): Promise<FeedDigest> {
    const key = recordKey(feedId);
    let after = empty();
    await mutex.run(key, () =>
      backend.update(key, (stored) => {
        const current = from(key, stored);
        const next = fn(current);
        after = next ?? current;
        return next === undefined ? stored : toStored(next);
      }),
    );
    if (after.entries.length === 0 && after.sent.length === 0) {
      await indexes.remove(INDEX, [feedId]);
      // Another process's gather writes the index first, then the record: read the record again after removing.
      const again = await read(feedId);
      if (again.entries.length > 0 || again.sent.length > 0) await indexes.add(INDEX, [feedId]);
    }
    return after;
  }

  return {
    async gather(feedId, post, dueAt) {
      const entry = validate(entrySchema, { post, dueAt, gatheredAt: ctx.now() }, 'digest entry');
      await indexes.add(INDEX, [feedId]);
      let result = { dueAt, dropped: 0 };
      await change(feedId, (current) => {
        const known = current.entries.find((e) => e.post.id === entry.post.id);
        if (known !== undefined) {
          result = { dueAt: known.dueAt, dropped: 0 };
          return undefined;
        }
        const entries = [...current.entries, entry];
        const dropped = Math.max(0, entries.length - DIGEST_LIMIT);
        result = { dueAt, dropped };
        return { ...current, entries: entries.slice(dropped) };
      });
      return result;
    },

    read,

    async waiting(feedId, mediaId) {
      return (await read(feedId)).entries.find((e) => e.post.id === mediaId)?.dueAt;
    },

    async markSent(feedId, sent) {
      const entry = validate(sentSchema, sent, 'digest part');
      await change(feedId, (current) => ({
        ...current,
        sent: [...current.sent.filter((s) => !(s.dueAt === entry.dueAt && s.part === entry.part)), entry],
      }));
    },

    async finish(feedId, dueAt) {
      await change(feedId, (current) => ({
        entries: current.entries.filter((e) => e.dueAt !== dueAt),
        sent: current.sent.filter((s) => s.dueAt !== dueAt),
      }));
    },

    feeds: () => indexes.members(INDEX),

    async forget(feedId) {
      await change(feedId, () => empty());
    },
  };
}
