// The hashtag slots each Instagram account has used, for /instagram quota: Graph lets an account query 30 unique
// hashtags in a rolling 7 days (reference §1.4), a tag counting from its first query, and does not say how many
// are used until the 31st is refused. So igcord notes each unique tag an account queried successfully with the
// time of its first query, and the refusal's date a slot frees when Graph refuses one. One value per account,
// keyed by its Instagram user id (the Graph port records for whoever's token asked), changed with `update()` so
// two processes recording at once cannot undo each other; entries older than 7 days are pruned on every change
// and read, and the value expires 7 days after its last change. Tag names are public words, not secrets.
import { z } from 'zod';
import { epochMs, storedId, type StoreContext } from './store-context.js';
import type { RecordType } from './record-reader.js';

export const HASHTAG_SLOT_WINDOW_MS = 7 * 24 * 3_600_000;
export const HASHTAG_SLOT_LIMIT = 30;
/** More tags than Graph allows are kept only up to this, should igcord's count and Graph's disagree. */
const MAX_TRACKED = 2 * HASHTAG_SLOT_LIMIT;

const slotsRecord = z.object({
  version: z.literal(1),
  /** Tag name → first successful query in its current 7 days (epoch ms). */
  tags: z.record(z.string().min(1).max(100), epochMs),
  /** Graph's last refusal of a new tag: when, and the date it named for a slot to free, if any. */
  refusedAt: epochMs.optional(),
  freesAt: epochMs.optional(),
});
type SlotsRecord = z.output<typeof slotsRecord>;
const slotsType: RecordType<typeof slotsRecord> = { name: 'hashtag slots', currentVersion: 1, schema: slotsRecord };

export interface HashtagSlots {
  /** Slots in use: tags tracked in the last 7 days, or all 30 while Graph's refusal holds. */
  used: number;
  limit: number;
  /** When the next slot frees (epoch ms): the refusal's date, else the oldest tracked tag's 7 days; null when none is used. */
  nextFreesAt: number | null;
  /** The tracked tags, oldest first. */
  tags: { name: string; firstQueriedAt: number }[];
}

export interface HashtagSlotStore {
  /** Notes a successful query of `tag` by the account; a tag already in its 7 days keeps its first time. */
  recordQuery(instagramUserId: string, tag: string, at: number): Promise<void>;
  /** Notes Graph's refusal of a new tag, with the date it named for a slot to free. */
  recordRefusal(instagramUserId: string, freesAt: number | undefined, at: number): Promise<void>;
  get(instagramUserId: string): Promise<HashtagSlots>;
}

const key = (instagramUserId: string) => `hashtag-slots:${storedId.parse(instagramUserId)}`;

/** The record without what has left the 7 days: old tags, and a refusal whose date has passed (or that is a week old). */
function prune(record: SlotsRecord, now: number): SlotsRecord {
  const tags = Object.fromEntries(
    Object.entries(record.tags).filter(([, first]) => first > now - HASHTAG_SLOT_WINDOW_MS),
  );
  const refusalHolds =
    record.refusedAt !== undefined &&
    (record.freesAt !== undefined ? record.freesAt > now : record.refusedAt > now - HASHTAG_SLOT_WINDOW_MS);
  return { version: 1, tags, ...(refusalHolds ? { refusedAt: record.refusedAt, freesAt: record.freesAt } : {}) };
}

export function createHashtagSlotStore(ctx: StoreContext): HashtagSlotStore {
  const { backend, reader, now } = ctx;
  const empty = (): SlotsRecord => ({ version: 1, tags: {} });
  // A value that does not parse is reported and started afresh: the slots are advisory, Graph keeps the real count.
  const current = (k: string, raw: unknown): SlotsRecord => reader.read(slotsType, k, raw) ?? empty();
  const change = (instagramUserId: string, at: number, edit: (record: SlotsRecord) => SlotsRecord) =>
    backend.update(key(instagramUserId), (raw) => edit(prune(current(key(instagramUserId), raw), at)), {
      ttlMs: HASHTAG_SLOT_WINDOW_MS,
    });

  return {
    async recordQuery(instagramUserId, tag, at) {
      await change(instagramUserId, at, (record) => {
        const tags = { ...record.tags };
        if (tags[tag] === undefined && Object.keys(tags).length < MAX_TRACKED) tags[tag] = at;
        // A new tag accepted: whatever refusal was noted no longer holds.
        return { version: 1, tags };
      });
    },
    async recordRefusal(instagramUserId, freesAt, at) {
      await change(instagramUserId, at, (record) => ({
        ...record,
        refusedAt: at,
        ...(freesAt === undefined ? {} : { freesAt }),
      }));
    },
    async get(instagramUserId) {
      const k = key(instagramUserId);
      const stored = reader.read(slotsType, k, await backend.get(k));
      const t = now();
      const record = prune(stored ?? empty(), t);
      const tags = Object.entries(record.tags)
        .map(([name, firstQueriedAt]) => ({ name, firstQueriedAt }))
        .sort((a, b) => a.firstQueriedAt - b.firstQueriedAt);
      const refused = record.refusedAt !== undefined;
      const oldestFrees = tags.length === 0 ? null : tags[0]!.firstQueriedAt + HASHTAG_SLOT_WINDOW_MS;
      return {
        used: refused ? HASHTAG_SLOT_LIMIT : Math.min(tags.length, HASHTAG_SLOT_LIMIT),
        limit: HASHTAG_SLOT_LIMIT,
        nextFreesAt: refused ? (record.freesAt ?? oldestFrees) : oldestFrees,
        tags,
      };
    },
  };
}
