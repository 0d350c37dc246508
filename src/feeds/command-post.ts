// How a feed command (`/feed backfill`, the "post the missed posts" choice of `/feed resume`) posts one media: by the
// same rules a run follows (docs/decisions/0021), so a command and a worker's run posting the same media at
// the same moment post it once. A delivery already recorded is skipped, also when found right before the send.
// A webhook or forum feed (no nonce de-duplication on Discord's side) honours a run's open posting intent — the
// command waits for it to resolve (the run records the delivery, or its execution comes back, or the intent
// outlives `intentSettleMs`) and then looks in the channel instead of posting again — and records its own intent,
// marked as a command's, which a run honours in turn. The command takes no fence token: taking one would stop a
// run that is posting the feed's other media for nothing.
import type { Post } from '../core/index.js';
import type { Logger } from '../log.js';
import {
  FencedOutError,
  IntentTakenError,
  sourceKey,
  type Feed,
  type PostingIntent,
  type Storage,
} from '../storage/index.js';
import { PostError } from './post-error.js';
import type { PostToFeed, PostedMessage } from './post-to-feed.js';

export interface CommandPostDeps {
  storage: Storage;
  poster: PostToFeed;
  signal: AbortSignal;
  now: () => number;
  log: Logger;
  /** How long a run's open intent may still land (DeliveryTuning.intentSettleMs). */
  intentSettleMs: number;
}

/** How often a command waiting for a run's open intent reads it again. */
const INTENT_POLL_MS = 250;

/** What a command may do: nothing (delivered), or post, looking first when an intent remains; `seen` is what it read. */
type Claim = 'known' | { lookFirst: boolean; since?: number; seen: PostingIntent | undefined };

/** Found delivered right before the send: nothing is posted. */
class AlreadyDelivered extends Error {}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Waits while a run's intent for (feed, media) is open and young; resolves `known` when the run recorded the
 * delivery meanwhile, else whether to look in the channel first (an intent remains) and since when.
 */
async function waitForOpenIntent(deps: CommandPostDeps, feed: Feed, media: Post): Promise<Claim> {
  const { storage } = deps;
  let told = false;
  for (;;) {
    if (await storage.deliveries.findDelivery(feed.id, media.id)) return 'known';
    const intent = await storage.fences.intentOf(feed.id, media.id);
    if (intent === undefined) return { lookFirst: false, seen: undefined };
    if (intent.settled === true || deps.now() - intent.at >= deps.intentSettleMs)
      return { lookFirst: true, since: intent.at, seen: intent };
    if (!told)
      deps.log.info(
        { feedId: feed.id, mediaId: media.id, intentToken: intent.token },
        'the posting intent of a run of this source is open; waiting for it to resolve before posting',
      );
    told = true;
    await pause(INTENT_POLL_MS, deps.signal);
  }
}

/** Posts `media` to `feed` for a command unless it is (or gets) delivered; the message, or `known`. Throws PostError. */
export async function postForCommand(deps: CommandPostDeps, feed: Feed, media: Post): Promise<PostedMessage | 'known'> {
  const { storage, signal } = deps;
  const beforeSend = async () => {
    if (await storage.deliveries.findDelivery(feed.id, media.id)) throw new AlreadyDelivered();
  };
  const webhook = feed.place === 'forum' || (feed.place === undefined && feed.delivery.mode === 'webhook');
  if (!webhook) {
    if (await storage.deliveries.findDelivery(feed.id, media.id)) return 'known';
    return deps.poster.post(feed, media, { signal, beforeSend }).catch((error: unknown) => {
      if (error instanceof AlreadyDelivered) return 'known' as const;
      throw error;
    });
  }
  const sk = sourceKey(feed.source);
  let claim: Exclude<Claim, 'known'>;
  let token: number;
  for (;;) {
    const read = await waitForOpenIntent(deps, feed, media);
    if (read === 'known') return 'known';
    token = await storage.fences.current(sk);
    try {
      // Recorded only over what was read: a run that claimed the media meanwhile is waited for in turn.
      await storage.fences.recordIntent(sk, token, feed.id, media.id, deps.now(), {
        by: 'command',
        ifSeen: { seen: read.seen },
      });
      claim = read;
      break;
    } catch (error) {
      // Another claimed the media, or a run took a newer token, since the read: read again.
      if (!(error instanceof IntentTakenError) && !(error instanceof FencedOutError)) throw error;
    }
  }
  try {
    return await deps.poster.post(feed, media, {
      signal,
      lookFirst: claim.lookFirst,
      lookSince: claim.since,
      beforeSend,
    });
  } catch (error) {
    if (error instanceof AlreadyDelivered) {
      await storage.fences.clearIntent(feed.id, media.id);
      return 'known';
    }
    // The execution came back: nothing of it is in flight, so a run looks in the channel without waiting for it.
    if (error instanceof PostError) await storage.fences.settleIntent(feed.id, media.id, token);
    throw error;
  }
}

/** After the command recorded the delivery: its intent is resolved. */
export async function commandPostRecorded(deps: Pick<CommandPostDeps, 'storage'>, feed: Feed, media: Post) {
  const webhook = feed.place === 'forum' || (feed.place === undefined && feed.delivery.mode === 'webhook');
  if (webhook) await deps.storage.fences.clearIntent(feed.id, media.id);
}
