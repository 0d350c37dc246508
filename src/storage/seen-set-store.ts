// Named sets of ids with a time to live: "this id was seen here, until then". A source whose reads cannot be
// ordered by a cursor keeps one: Graph story feeds note each story handed over for its 24 hours (a story lives
// that long), hashtag feeds each post for at least 25 hours (Hashtag Search answers unordered and reaches back
// 24 h, reference §1.4). One value per (set, id), written with a time to live on every backend (keyv's expiry)
// so nothing needs sweeping; read back by igcord's clock as well, so a test's clock decides as igcord does.
// Ids are public Instagram ids, not secrets.
import { z } from 'zod';
import { validate } from '../util/validate.js';
import { epochMs, storedId, type StoreContext } from './store-context.js';

export interface SeenSetStore {
  /** The ids of `ids` that `set` holds now. */
  seen(set: string, ids: readonly string[]): Promise<Set<string>>;
  /** Notes `ids` in `set` for `ttlMs` from now (noting one again renews it). */
  add(set: string, ids: readonly string[], ttlMs: number): Promise<void>;
}

const setName = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, { error: 'expected a set name of letters, digits, _ . : -' });
const seenEntry = z.object({ until: epochMs });

export function createSeenSetStore(ctx: StoreContext): SeenSetStore {
  const { backend, now } = ctx;
  const keysOf = (set: string, ids: readonly string[]) => {
    const name = validate(setName, set, 'seen-set set name');
    return ids.map((id) => `seen:${name}:${validate(storedId, id, 'seen-set id')}`);
  };
  return {
    async seen(set, ids) {
      if (ids.length === 0) return new Set();
      const values = await backend.getMany(keysOf(set, ids));
      const at = now();
      return new Set(
        ids.filter((_, i) => {
          const entry = seenEntry.safeParse(values[i]);
          return entry.success && entry.data.until > at;
        }),
      );
    },
    async add(set, ids, ttlMs) {
      if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new RangeError('a seen-set time to live is a positive ms');
      const keys = keysOf(set, ids);
      const until = now() + ttlMs;
      await Promise.all(keys.map((key) => backend.set(key, { until }, ttlMs)));
    },
  };
}
