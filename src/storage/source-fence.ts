// The per-source fence (docs/decisions/0021): each run of a source takes a token, a counter in storage that only
// grows, and every write the run makes (cursor, pending lists, delivery records, dirty mark) and every post it is
// about to send is checked against the current token first. When a run stalls (a paused process, a long GC, a
// partition) long enough for its job to be handed to another worker, the other run takes a newer token and the
// stalled one, on waking, is refused at its next check instead of posting or writing again.
// Posting intents live here too: before a feed posts a media through a channel webhook (which Discord does not
// de-duplicate by nonce) the run records (feed, media, token, time); the intent key itself refuses an older token
// (one compare-and-swap on one key), so a stalled run cannot take back a media a newer run has claimed.
import { z } from 'zod';
import { StorageError } from './errors.js';
import { epochMs, type StoreContext } from './store-context.js';

/** A run whose fence token is no longer the source's current one: it must stop without writing or posting. */
export class FencedOutError extends StorageError {
  override readonly name = 'FencedOutError';
  constructor(
    readonly sourceKey: string,
    readonly token: number,
    readonly current: number,
  ) {
    super(`the run of ${sourceKey} holds fence token ${token} but ${current} is current: a newer run took the source`);
  }
}

/** The intent changed between a read and the write meant to replace it: another poster claimed the media first. */
export class IntentTakenError extends StorageError {
  override readonly name = 'IntentTakenError';
  constructor(
    readonly feedId: string,
    readonly mediaId: string,
  ) {
    super(`the posting intent of media ${mediaId} on feed ${feedId} changed since it was read`);
  }
}

/** What a poster read before recording its intent, so the write is refused when another wrote meanwhile. */
export interface IntentWrite {
  by?: 'command' | undefined;
  /** When set, the write is a compare-and-swap against this read (`seen: undefined` = no intent was there). */
  ifSeen?: { seen: PostingIntent | undefined } | undefined;
}

const sameIntent = (a: PostingIntent | undefined, b: PostingIntent | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : a.sourceKey === b.sourceKey && a.token === b.token && a.at === b.at && a.by === b.by && a.settled === b.settled;

/** An intent as intentOf shows it: one that does not read is one of unknown age (the caller looks before posting). */
const UNREADABLE_INTENT: PostingIntent = { sourceKey: '', token: 1, at: 0 };
function intentView(raw: unknown): PostingIntent | undefined {
  if (raw === undefined) return undefined;
  const parsed = intentRecord.safeParse(raw);
  return parsed.success ? parsed.data : UNREADABLE_INTENT;
}

const fenceRecord = z.object({ token: z.number().int().positive() });
const intentRecord = z.object({
  sourceKey: z.string(),
  token: z.number().int().positive(),
  at: epochMs,
  /** The run's request came back (failed, outcome unknown): nothing of it is in flight any more. */
  settled: z.boolean().optional(),
  /** Who recorded it when not a run holding `token`: a feed command (backfill, catch-up), which takes no token. */
  by: z.literal('command').optional(),
});
/** A recorded intent to post one media to one feed: which source run (token) meant to, and when. */
export type PostingIntent = z.output<typeof intentRecord>;

/** An intent outlives any run that could resolve it by far; it is cleared once the delivery is recorded. */
const INTENT_TTL_MS = 30 * 24 * 3600_000;

export interface SourceFences {
  /** A new token for a run of `sk`, greater than every token taken before on this storage (by any process). */
  take(sk: string): Promise<number>;
  /** The source's current token; 0 when none was ever taken. */
  current(sk: string): Promise<number>;
  /** Resolves when `token` is the current one; throws FencedOutError otherwise. */
  check(sk: string, token: number): Promise<void>;
  /** Runs `write` only when `token` is current (FencedOutError otherwise, `write` not called). */
  guarded<T>(sk: string, token: number, write: () => Promise<T>): Promise<T>;
  /**
   * Records the intent of run `token` of `sk` to post `mediaId` to `feedId`, after checking the fence; refused
   * (FencedOutError) when a run with a newer token already recorded its own intent for this delivery, and
   * (IntentTakenError) when `write.ifSeen` is given and the intent is no longer what was seen.
   */
  recordIntent(
    sk: string,
    token: number,
    feedId: string,
    mediaId: string,
    at: number,
    write?: IntentWrite,
  ): Promise<void>;
  /**
   * Marks run `token`'s intent settled: its request came back without a recorded delivery (a 5xx, a timeout), so a
   * later run need not wait for it to land before looking in the channel. An intent of another run is left alone.
   */
  settleIntent(feedId: string, mediaId: string, token: number): Promise<void>;
  /** The intent recorded for this delivery, if any. */
  intentOf(feedId: string, mediaId: string): Promise<PostingIntent | undefined>;
  /** Drops the intent once its delivery is recorded (or the media will never be posted). */
  clearIntent(feedId: string, mediaId: string): Promise<void>;
}

const fenceKey = (sk: string) => `fence:${sk}`;
const intentKey = (feedId: string, mediaId: string) => `intent:${feedId}:${mediaId}`;

export function createSourceFences(ctx: StoreContext): SourceFences {
  const { backend, log } = ctx;
  const tokenIn = (key: string, raw: unknown): number => {
    if (raw === undefined) return 0;
    const parsed = fenceRecord.safeParse(raw);
    // A damaged counter must not hand out a token lower than one already taken: refuse rather than guess.
    if (!parsed.success) throw new StorageError(`the fence at ${key} does not read as a token; repair it by hand`);
    return parsed.data.token;
  };
  const current = async (sk: string) => tokenIn(fenceKey(sk), await backend.get(fenceKey(sk)));
  const check = async (sk: string, token: number) => {
    const now = await current(sk);
    if (now !== token) throw new FencedOutError(sk, token, now);
  };

  return {
    async take(sk) {
      const key = fenceKey(sk);
      const next = await backend.update(key, (raw) => ({ token: tokenIn(key, raw) + 1 }));
      return next.token;
    },
    current,
    check,
    async guarded(sk, token, write) {
      await check(sk, token);
      return write();
    },
    async recordIntent(sk, token, feedId, mediaId, at, write = {}) {
      const { by, ifSeen } = write;
      await check(sk, token);
      const key = intentKey(feedId, mediaId);
      await backend.update(
        key,
        (raw) => {
          const held = raw === undefined ? undefined : intentRecord.safeParse(raw);
          if (ifSeen !== undefined && !sameIntent(intentView(raw), ifSeen.seen))
            throw new IntentTakenError(feedId, mediaId);
          // Only a newer run may replace an intent: an older one waking up cannot claim the media back.
          if (held?.success && held.data.token > token && held.data.sourceKey === sk)
            throw new FencedOutError(sk, token, held.data.token);
          return by === undefined ? { sourceKey: sk, token, at } : { sourceKey: sk, token, at, by };
        },
        { ttlMs: INTENT_TTL_MS },
      );
    },
    async settleIntent(feedId, mediaId, token) {
      await backend.update(
        intentKey(feedId, mediaId),
        (raw) => {
          const held = raw === undefined ? undefined : intentRecord.safeParse(raw);
          return held?.success && held.data.token === token ? { ...held.data, settled: true } : raw;
        },
        { ttlMs: INTENT_TTL_MS },
      );
    },
    async intentOf(feedId, mediaId) {
      const key = intentKey(feedId, mediaId);
      const raw = await backend.get(key);
      if (raw === undefined) return undefined;
      const parsed = intentRecord.safeParse(raw);
      // An intent that does not read is treated as one of unknown age: the caller looks before posting.
      if (!parsed.success) {
        log.error({ key }, 'a posting intent does not read; treated as unresolved');
        return UNREADABLE_INTENT;
      }
      return parsed.data;
    },
    async clearIntent(feedId, mediaId) {
      await backend.delete(intentKey(feedId, mediaId));
    },
  };
}
