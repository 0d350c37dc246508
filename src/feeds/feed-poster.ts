// Posts one media to one feed's channel: as the bot (`POST /channels/:id/messages`, the feed's role mentioned
// and allowed to ping, nothing else) or through the feed's channel webhook with the Instagram user's name and
// picture (`?wait=true`, so the message id comes back). Every delivery carries the nonce of (feed, media) with
// `enforce_nonce`, so a repeat after a crash returns the first message. Failures are classified once here:
// retry later (429/5xx/network, after discord.js's own retries), disable the feed (lost access, deleted channel
// or webhook), or skip this media (Discord refused the body itself; repeating it cannot succeed).
import { DiscordAPIError, HTTPError, Routes, type APIMessage, type REST, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { renderMediaEmbeds } from '../discord/embeds/media-embed.js';
import { safeUrl, truncate } from '../discord/embeds/text.js';
import type { Media } from '../instagram/schemas.js';
import type { Feed, FeedStore } from '../storage/index.js';
import { deliveryNonce } from './delivery-nonce.js';

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
  const name = truncate(username.trim(), 80);
  return name.length === 0 || /discord|clyde/i.test(name) ? 'Instagram' : name;
}

export interface FeedPoster {
  /** Posts `media` to `feed`; resolves with the Discord message id. Throws PostError. */
  post(feed: Feed, media: Media, options?: { test?: boolean | undefined; signal?: AbortSignal | undefined }): Promise<string>;
  /** A plain message from the bot in a channel (notices to admins). */
  notice(channelId: string, content: string, signal?: AbortSignal): Promise<void>;
}

export function createFeedPoster(deps: { rest: REST; feeds: FeedStore }): FeedPoster {
  const { rest, feeds } = deps;

  function body(feed: Feed, media: Media, test: boolean, compact: boolean): RESTPostAPIChannelMessageJSONBody {
    const mention = !test && feed.mentionRoleId !== undefined ? `<@&${feed.mentionRoleId}>` : undefined;
    const content = test
      ? `🧪 Test post for feed \`${feed.id}\`: this is how new posts from this source will look.`
      : compact
        ? [mention, `New post by @${media.user.username}: ${media.link}`].filter(Boolean).join(' ')
        : mention;
    return {
      ...(content !== undefined ? { content } : {}),
      ...(compact ? {} : { embeds: renderMediaEmbeds(media) }),
      // Only the feed's own role may ping; a caption saying @everyone never does.
      allowed_mentions: { parse: [], roles: mention !== undefined && feed.mentionRoleId !== undefined ? [feed.mentionRoleId] : [] },
      ...(test ? {} : { nonce: deliveryNonce(feed.id, media.id), enforce_nonce: true }),
    };
  }

  async function send(feed: Feed, media: Media, test: boolean, compact: boolean, signal: AbortSignal | undefined): Promise<string> {
    const message = body(feed, media, test, compact);
    if (feed.delivery.mode === 'message') {
      const sent = (await rest.post(Routes.channelMessages(feed.channelId), { body: message, signal })) as APIMessage;
      return sent.id;
    }
    const token = feeds.webhookToken(feed);
    if (token === undefined) throw new PostError('disable', 'the feed\'s webhook token is missing: set the feed up again');
    const avatar = safeUrl(media.user.profile_picture);
    const sent = (await rest.post(Routes.webhook(feed.delivery.webhookId, token), {
      body: { ...message, username: webhookUsername(media.user.username), ...(avatar ? { avatar_url: avatar } : {}) },
      query: new URLSearchParams({ wait: 'true' }),
      auth: false,
      signal,
    })) as APIMessage;
    return sent.id;
  }

  return {
    async post(feed, media, options = {}) {
      const test = options.test ?? false;
      try {
        return await send(feed, media, test, false, options.signal);
      } catch (error) {
        const failure = classifyPostFailure(error);
        if (failure.kind !== 'skip') throw failure;
        // The rendered embeds were refused (a limit the renderer missed): a plain link still gets the post out.
        try {
          return await send(feed, media, test, true, options.signal);
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
