// Posts one media to one feed through the poster port (src/core/feed-poster.ts), with what only the engine knows:
// the delivery nonce of (feed, media), the feed's stored webhook token, and whether a webhook feed may have posted
// this media before without recording it (earlier-post-watch.ts) — then it first asks the poster to look for that
// post in the channel and returns it instead of posting again. It acts on the poster's failures: a body Discord
// refused is posted again as a plain link; anything else is thrown as a PostError for the run to act on (retry
// later, disable the feed, skip the media). A run's fence check (docs/decisions/0021) is passed in as `beforeSend`
// and awaited right before each send, after the look, so nothing awaits between the last check and the post.
import {
  isPostFailure,
  type DigestPart,
  type FeedPoster,
  type OnChange,
  type Post,
  type PostChange,
  type PostFailure,
  type PostOptions,
  type PostTarget,
} from '../core/index.js';
import type { Logger } from '../log.js';
import { TokenDecryptError, type Feed, type FeedStore, type GuildSettingsStore } from '../storage/index.js';
import { deliveryNonce, digestNonce } from './delivery-nonce.js';
import { EarlierPostWatch } from './earlier-post-watch.js';
import { PostError } from './post-error.js';

/** A delivery's message: posted now, or `recovered` (an earlier post of this media through the feed's webhook). */
export interface PostedMessage {
  messageId: string;
  recovered: boolean;
}

export interface PostToFeed {
  /** Posts `media` to `feed` (or finds its earlier webhook post); resolves with the message. Throws PostError. */
  post(feed: Feed, media: Post, options?: PostToFeedOptions): Promise<PostedMessage>;
  /** Changes a delivered message after its post changed on Instagram (post-changes.ts). Throws PostError. */
  update(
    feed: Feed,
    messageId: string,
    change: PostChange,
    how: Exclude<OnChange, 'leave'>,
    options?: PostToFeedOptions,
  ): Promise<void>;
  /** Splits a digest's posts into its messages (the poster's limits); pure. */
  digestParts(posts: readonly Post[]): Post[][];
  /** Posts one message of a digest with its nonce; resolves with the message id. Throws PostError. */
  postDigest(feed: Feed, digest: DigestPart, options?: PostToFeedOptions): Promise<string>;
}

export interface PostToFeedOptions {
  test?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** A webhook feed looks in the channel first even if this process trusts it (an earlier run's intent is open). */
  lookFirst?: boolean | undefined;
  /** When the open intent was written: a forum feed looks at the threads created since (forum-post.ts). */
  lookSince?: number | undefined;
  /** Awaited right before each send (the run's fence check); a throw stops the post unsent. */
  beforeSend?: (() => Promise<void>) | undefined;
}

/**
 * Where the feed posts, its webhook token read. A token that cannot be decrypted (made with a key that is no
 * longer configured, or altered) will not decrypt on any later try either: the feed is disabled with what to do,
 * never retried. Any other failure to read it is tried again later.
 */
function targetOf(feeds: FeedStore, feed: Feed): PostTarget {
  const base = {
    feedId: feed.id,
    channelId: feed.channelId,
    guildId: feed.guildId,
    place: feed.place ?? 'channel',
    mentionRoleId: feed.mentionRoleId,
  };
  // A forum or a thread is posted in as the bot (a channel webhook belongs to a text channel).
  if (feed.delivery.mode === 'message' || base.place !== 'channel') return { ...base, delivery: { mode: 'message' } };
  let token: string | undefined;
  try {
    token = feeds.webhookToken(feed);
  } catch (error) {
    if (!(error instanceof TokenDecryptError))
      throw new PostError(
        'retry',
        error instanceof Error ? `${error.name}: ${error.message}` : 'reading the webhook token failed',
        { cause: error },
      );
    throw new PostError(
      'disable',
      `the feed's stored webhook token cannot be decrypted (${error.reason === 'unknown-key' ? 'its encryption key is no longer configured' : 'it is damaged'}): set the feed up again`,
      {
        cause: error,
        stop: { by: 'webhook-token-unreadable', detail: error.reason === 'unknown-key' ? 'unknown-key' : 'damaged' },
      },
    );
  }
  if (token === undefined)
    throw new PostError('disable', "the feed's webhook token is missing: set the feed up again", {
      stop: { by: 'webhook-token-unreadable', detail: 'missing' },
    });
  return { ...base, delivery: { mode: 'webhook', webhookId: feed.delivery.webhookId, token } };
}

export function createPostToFeed(deps: {
  poster: FeedPoster;
  feeds: FeedStore;
  guildSettings: GuildSettingsStore;
  log: Logger;
}): PostToFeed {
  const { poster, feeds, log } = deps;

  /** A templated feed's target carries its template and its server's time settings (read only for those). */
  async function withTemplate(target: PostTarget, feed: Feed): Promise<PostTarget> {
    if (feed.template === undefined) return target;
    let time;
    try {
      time = await deps.guildSettings.time(feed.guildId);
    } catch (error) {
      throw new PostError('retry', "reading the server's time settings failed", { cause: error });
    }
    return { ...target, template: feed.template, time };
  }
  const watch = new EarlierPostWatch();

  /**
   * The earlier post of `media` by this webhook feed, when the feed may have posted without recording it. A
   * channel where the bot may not read the history cannot be checked: the post goes out (the nonce is still sent)
   * and the feed is trusted from then on, so it does not ask again at every post.
   */
  async function earlierPost(
    feed: Feed,
    webhookId: string,
    media: Post,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    const look = await poster.findEarlierPost(feed.channelId, webhookId, media, signal);
    if (isPostFailure(look)) {
      // Without the look nothing is posted: a refused read is tried again later like a failed post.
      throw look.kind === 'skip'
        ? new PostError('retry', `reading the channel's recent messages failed: ${look.reason}`, {
            detail: look.detail,
          })
        : PostError.of(look);
    }
    if ('unreadable' in look) {
      log.warn(
        { feedId: feed.id, channelId: feed.channelId },
        'cannot read the channel history (Read Message History) to check for an unrecorded webhook post; posting without the check',
      );
      watch.trust(feed.id);
      return undefined;
    }
    // A post found means a crash or a lost answer: the next media may be in the same state, so keep looking
    // until a look finds nothing.
    if (look.found === undefined) watch.trust(feed.id);
    return look.found;
  }

  /**
   * A forum feed's thread of `media` made by an earlier run whose intent is still open. Without the look nothing
   * is posted: a failed look is tried again later like a failed post.
   */
  async function earlierThread(feed: Feed, media: Post, since: number, signal: AbortSignal | undefined) {
    const look = await poster.findEarlierThread(targetOf(feeds, feed), media, since, signal);
    if (isPostFailure(look)) {
      throw look.kind === 'skip'
        ? new PostError('retry', `reading the forum's threads failed: ${look.reason}`, { detail: look.detail })
        : PostError.of(look);
    }
    const found = 'found' in look ? look.found : undefined;
    if (found !== undefined)
      log.info(
        { feedId: feed.id, mediaId: media.id, threadId: found },
        'found an unrecorded earlier forum thread of this media; recording it instead of creating another',
      );
    return found;
  }

  async function send(
    feed: Feed,
    target: PostTarget,
    media: Post,
    options: PostOptions,
  ): Promise<{ messageId: string } | PostFailure> {
    const answer = await poster.post(target, media, options);
    // Discord may have posted it even though no answer came back (a timeout, a reset, a 5xx): look next time.
    if (isPostFailure(answer) && target.delivery.mode === 'webhook' && !('test' in options.intent))
      watch.doubt(feed.id);
    return answer;
  }

  return {
    async update(feed, messageId, change, how, options = {}) {
      const target = await withTemplate(targetOf(feeds, feed), feed);
      await options.beforeSend?.();
      const answer = await poster.update(target, messageId, change, how, options.signal);
      if (isPostFailure(answer)) throw PostError.of(answer);
    },

    digestParts: (posts) => poster.digestParts(posts),

    async postDigest(feed, digest, options = {}) {
      const target = targetOf(feeds, feed);
      await options.beforeSend?.();
      const answer = await poster.postDigest(target, digest, {
        intent: { nonce: digestNonce(feed.id, digest.dueAt, digest.part) },
        signal: options.signal,
      });
      if (isPostFailure(answer)) throw PostError.of(answer);
      return answer.messageId;
    },

    async post(feed, media, options = {}) {
      const test = options.test ?? false;
      const { signal, beforeSend } = options;
      if (!test && feed.place === 'forum' && options.lookFirst === true) {
        const found = await earlierThread(feed, media, options.lookSince ?? 0, signal);
        if (found !== undefined) return { messageId: found, recovered: true };
      }
      if (
        !test &&
        feed.place === undefined &&
        feed.delivery.mode === 'webhook' &&
        (options.lookFirst === true || watch.needsLook(feed))
      ) {
        const found = await earlierPost(feed, feed.delivery.webhookId, media, signal);
        if (found !== undefined) {
          log.info(
            { feedId: feed.id, mediaId: media.id, messageId: found },
            'found an unrecorded earlier webhook post of this media; recording it instead of posting again',
          );
          return { messageId: found, recovered: true };
        }
      }
      const target = await withTemplate(targetOf(feeds, feed), feed);
      const intent = test ? { test: true as const } : { nonce: deliveryNonce(feed.id, media.id) };
      await beforeSend?.();
      const first = await send(feed, target, media, { intent, signal });
      if (!isPostFailure(first)) return { messageId: first.messageId, recovered: false };
      if (first.kind !== 'skip') throw PostError.of(first);
      // The rendered embeds were refused (a limit the renderer missed): a plain link still gets the post out.
      await beforeSend?.();
      const second = await send(feed, target, media, { intent, plain: true, signal });
      if (isPostFailure(second)) throw PostError.of(second);
      return { messageId: second.messageId, recovered: false };
    },
  };
}
