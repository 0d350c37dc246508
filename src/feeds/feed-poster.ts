// Posts one media to one feed's channel: as the bot (`POST /channels/:id/messages`, the feed's role mentioned
// and allowed to ping, nothing else) or through the feed's channel webhook with the Instagram user's name and
// picture (`?wait=true`, so the message id comes back). Every delivery carries the nonce of (feed, media) with
// `enforce_nonce`, so a repeat after a crash returns the first message. Discord documents the nonce for channel
// messages only, so a webhook feed that may have posted before without recording it (earlier-post.ts) first looks
// for that post in the channel and returns it instead of posting again. Failures are classified once here:
// retry later (429/5xx/network, after discord.js's own retries), disable the feed (lost access, deleted channel
// or webhook, a stored webhook token that cannot be decrypted), or skip this media (Discord refused the body itself; repeating it cannot succeed).
import { DiscordAPIError, HTTPError, Routes, type APIMessage, type REST, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { plain, safeUrl, truncate } from '../discord/embeds/text.js';
import type { Post } from '../core/index.js';
import type { Logger } from '../log.js';
import { TokenDecryptError, type Feed, type FeedStore } from '../storage/index.js';
import { deliveryNonce } from './delivery-nonce.js';
import { feedEmbeds } from './feed-embeds.js';
import { EarlierPostWatch, findEarlierPost, recentChannelMessages, TEST_POST_MARK } from './earlier-post.js';

export type PostFailureKind = 'retry' | 'disable' | 'skip';

/** Why a post failed and what the engine does about it. `reason` is shown to admins (no secrets in it). */
export class PostError extends Error {
  override readonly name = 'PostError';
  constructor(
    readonly kind: PostFailureKind,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** Discord JSON error codes that mean this feed cannot post until an admin acts. */
const DISABLING_CODES: Record<number, string> = {
  50001: 'igcord lost access to the channel (Missing Access): give the bot View Channel there, then resume the feed',
  50013: 'igcord lacks permission to post in the channel (needs Send Messages and Embed Links): fix it, then resume the feed',
  10003: 'the channel was deleted: remove this feed or move it to another channel',
  10015: 'the feed\'s webhook was deleted: set the feed up again',
  50027: 'the feed\'s webhook token is no longer valid: set the feed up again',
};

export function classifyPostFailure(error: unknown): PostError {
  if (error instanceof PostError) return error;
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const disabling = DISABLING_CODES[code];
    if (disabling !== undefined) return new PostError('disable', `Discord error ${code}: ${disabling}`, { cause: error });
    if (error.status === 429 || error.status >= 500 || error.status === 401) {
      return new PostError('retry', `Discord answered ${error.status}`, { cause: error });
    }
    return new PostError('skip', `Discord refused the message (${error.status}, code ${code}): ${error.message}`, { cause: error });
  }
  if (error instanceof HTTPError) return new PostError('retry', `Discord answered ${error.status}`, { cause: error });
  // Network failures, timeouts (AbortError), a REST client being torn down: try again later.
  return new PostError('retry', error instanceof Error ? `${error.name}: ${error.message}` : 'Discord request failed', { cause: error });
}

/**
 * What a log line may say about a failed post. Never the error itself: discord.js errors carry the request URL,
 * and a webhook execution's URL contains the webhook token.
 */
export function postFailureFields(error: PostError): { kind: PostFailureKind; reason: string; cause?: { type: string; status?: number; code?: number | string } } {
  const cause = error.cause;
  if (cause instanceof DiscordAPIError) return { kind: error.kind, reason: error.reason, cause: { type: 'DiscordAPIError', status: cause.status, code: cause.code } };
  if (cause instanceof HTTPError) return { kind: error.kind, reason: error.reason, cause: { type: 'HTTPError', status: cause.status } };
  return { kind: error.kind, reason: error.reason, ...(cause instanceof Error ? { cause: { type: cause.name } } : {}) };
}

/** Discord refuses webhook names with "discord" or "clyde" in them, and longer than 80. */
export function webhookUsername(username: string): string {
  const name = truncate(plain(username, 'label').trim(), 80);
  return name.length === 0 || /discord|clyde/i.test(name) ? 'Instagram' : name;
}

/** A delivery's message: posted now, or `recovered` (an earlier post of this media through the feed's webhook). */
export interface PostedMessage {
  messageId: string;
  recovered: boolean;
}

export interface FeedPoster {
  /** Posts `media` to `feed` (or finds its earlier webhook post); resolves with the Discord message. Throws PostError. */
  post(feed: Feed, media: Post, options?: { test?: boolean | undefined; signal?: AbortSignal | undefined }): Promise<PostedMessage>;
  /** A plain message from the bot in a channel (notices to admins). */
  notice(channelId: string, content: string, signal?: AbortSignal): Promise<void>;
}

/**
 * The feed's webhook token. One that cannot be decrypted (made with a key that is no longer configured, or
 * altered) will not decrypt on any later try either: the feed is disabled with what to do, never retried.
 */
function storedWebhookToken(feeds: FeedStore, feed: Feed): string | undefined {
  try {
    return feeds.webhookToken(feed);
  } catch (error) {
    if (!(error instanceof TokenDecryptError)) throw error;
    throw new PostError(
      'disable',
      `the feed's stored webhook token cannot be decrypted (${error.reason === 'unknown-key' ? 'its encryption key is no longer configured' : 'it is damaged'}): set the feed up again`,
      { cause: error },
    );
  }
}

/** Discord refusing to list a channel's messages because a permission is missing (Read Message History). */
const isMissingAccess = (error: unknown) => error instanceof DiscordAPIError && (error.code === 50001 || error.code === 50013);

export function createFeedPoster(deps: { rest: REST; feeds: FeedStore; log: Logger }): FeedPoster {
  const { rest, feeds, log } = deps;
  const watch = new EarlierPostWatch();

  /**
   * The earlier post of `media` by this webhook feed, when the feed may have posted without recording it. A
   * channel where the bot may not read the history cannot be checked: the post goes out (the nonce is still sent)
   * and the feed is trusted from then on, so it does not ask again at every post.
   */
  async function earlierPost(feed: Feed, webhookId: string, media: Post, signal: AbortSignal | undefined): Promise<string | undefined> {
    let messages: APIMessage[];
    try {
      messages = await recentChannelMessages(rest, feed.channelId, signal);
    } catch (error) {
      if (!isMissingAccess(error)) throw error;
      log.warn({ feedId: feed.id, channelId: feed.channelId }, 'cannot read the channel history (Read Message History) to check for an unrecorded webhook post; posting without the check');
      watch.trust(feed.id);
      return undefined;
    }
    const found = findEarlierPost(messages, webhookId, media);
    // A post found means a crash or a lost answer: the next media may be in the same state, so keep looking
    // until a look finds nothing.
    if (found === undefined) watch.trust(feed.id);
    return found;
  }

  function body(feed: Feed, media: Post, test: boolean, wantCompact: boolean): RESTPostAPIChannelMessageJSONBody {
    // Embeds that cannot be made at all (every field tried) make a plain-link post, never a failure to retry.
    const embeds = wantCompact ? undefined : feedEmbeds(media, log);
    const compact = embeds === undefined;
    const mention = !test && feed.mentionRoleId !== undefined ? `<@&${feed.mentionRoleId}>` : undefined;
    const content = test
      ? `${TEST_POST_MARK} \`${feed.id}\`: this is how new posts from this source will look.`
      : compact
        ? [mention, `New post by ${plain(`@${media.author.username}`)}: ${safeUrl(media.permalink) ?? ''}`].filter(Boolean).join(' ')
        : mention;
    return {
      ...(content !== undefined ? { content } : {}),
      ...(embeds === undefined ? {} : { embeds }),
      // Only the feed's own role may ping; a caption saying @everyone never does.
      allowed_mentions: { parse: [], roles: mention !== undefined && feed.mentionRoleId !== undefined ? [feed.mentionRoleId] : [] },
      ...(test ? {} : { nonce: deliveryNonce(feed.id, media.id), enforce_nonce: true }),
    };
  }

  async function send(feed: Feed, media: Post, test: boolean, compact: boolean, signal: AbortSignal | undefined): Promise<string> {
    const message = body(feed, media, test, compact);
    if (feed.delivery.mode === 'message') {
      const sent = (await rest.post(Routes.channelMessages(feed.channelId), { body: message, signal })) as APIMessage;
      return sent.id;
    }
    const token = storedWebhookToken(feeds, feed);
    if (token === undefined) throw new PostError('disable', 'the feed\'s webhook token is missing: set the feed up again');
    const avatar = safeUrl(media.author.avatar);
    try {
      const sent = (await rest.post(Routes.webhook(feed.delivery.webhookId, token), {
        body: { ...message, username: webhookUsername(media.author.username), ...(avatar ? { avatar_url: avatar } : {}) },
        query: new URLSearchParams({ wait: 'true' }),
        auth: false,
        signal,
      })) as APIMessage;
      return sent.id;
    } catch (error) {
      // Discord may have posted it even though no answer came back (a timeout, a reset, a 5xx): look next time.
      if (!test) watch.doubt(feed.id);
      throw error;
    }
  }

  return {
    async post(feed, media, options = {}) {
      const test = options.test ?? false;
      if (!test && feed.delivery.mode === 'webhook' && watch.needsLook(feed)) {
        let found: string | undefined;
        try {
          found = await earlierPost(feed, feed.delivery.webhookId, media, options.signal);
        } catch (error) {
          const failure = classifyPostFailure(error);
          // Without the look nothing is posted: a refused read is tried again later like a failed post.
          throw failure.kind === 'skip' ? new PostError('retry', `reading the channel's recent messages failed: ${failure.reason}`, { cause: error }) : failure;
        }
        if (found !== undefined) {
          log.info({ feedId: feed.id, mediaId: media.id, messageId: found }, 'found an unrecorded earlier webhook post of this media; recording it instead of posting again');
          return { messageId: found, recovered: true };
        }
      }
      try {
        return { messageId: await send(feed, media, test, false, options.signal), recovered: false };
      } catch (error) {
        const failure = classifyPostFailure(error);
        if (failure.kind !== 'skip') throw failure;
        // The rendered embeds were refused (a limit the renderer missed): a plain link still gets the post out.
        try {
          return { messageId: await send(feed, media, test, true, options.signal), recovered: false };
        } catch (second) {
          throw classifyPostFailure(second);
        }
      }
    },

    async notice(channelId, content, signal) {
      await rest.post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: { parse: [] } }, signal });
    },
  };
}
