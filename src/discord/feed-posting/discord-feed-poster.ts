// The poster port (src/core/feed-poster.ts) on Discord: posts one media to one feed's channel as the bot
// (`POST /channels/:id/messages`, the feed's role mentioned and allowed to ping, nothing else — post-content.ts) or through the
// feed's channel webhook with the Instagram user's name and picture (`?wait=true`, so the message id comes back);
// into a forum as a new thread per post (forum-post.ts), or into one thread, reopened when archived (thread-post.ts).
// A delivery carries the engine's nonce with `enforce_nonce`, so a repeat after a crash returns the first message.
// It also edits a delivered message whose post changed on Instagram (post-update.ts), reads a channel's newest
// messages for an earlier webhook post, sends the bot's notices (in a channel or
// by DM), and knows each
// guild's system channel from the gateway. Every refusal comes back as a classified failure (post-failure.ts).
import { Routes, type APIMessage, type Client, type REST, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { FeedPoster, Post, PostOptions, PostTarget } from '../../core/index.js';
import type { Logger } from '../../log.js';
import { plain, safeUrl, truncate } from '../embeds/text.js';
import { commentEmbeds, moderationRow } from './comment-message.js';
import { findEarlierPost, recentChannelMessages } from './earlier-post.js';
import { digestBody, DIGEST_WEBHOOK_NAME, splitDigest } from './digest-message.js';
import { feedEmbeds } from './feed-embeds.js';
import { postContent } from './post-content.js';
import { botIdOf, createForumPost, findEarlierThread } from './forum-post.js';
import { postInThread } from './thread-post.js';
import { classifyPostFailure, isMissingAccess } from './post-failure.js';
import { templateBody } from './template-body.js';
import { createTranslations, englishOnly, type Translate, type Translations } from '../../i18n/i18n.js';
import { updateFeedMessage } from './post-update.js';
import { feedNoticeText } from '../notice-text.js';
import type { ReaderLocale } from '../reader-locale.js';

/** Discord refuses webhook names with "discord" or "clyde" in them, and longer than 80. */
export function webhookUsername(username: string): string {
  const name = truncate(plain(username, 'label').trim(), 80);
  return name.length === 0 || /discord|clyde/i.test(name) ? 'Instagram' : name;
}

/** The message of one feed post: the template's or the built-in rendering, pinging only the feed's own role. */
export function feedMessage(
  target: PostTarget,
  media: Post,
  options: PostOptions,
  log: Logger,
  /** The guild's language (labels of the built-in rendering); a template's own text is the admin's. */
  t: Translate = englishOnly(),
): RESTPostAPIChannelMessageJSONBody {
  const test = 'test' in options.intent;
  // A comment (a comments feed) has its own rendering and the owner's moderation buttons (comment-message.ts).
  const comment = options.plain === true ? undefined : commentEmbeds(media, t);
  const templated = options.plain === true || comment !== undefined ? undefined : templateBody(target, media, t);
  // Embeds that cannot be made at all (every field tried) make a plain-link post, never a failure to retry.
  const embeds = comment ?? templated?.embeds ?? (options.plain === true ? undefined : feedEmbeds(media, log, t));
  const on = media.commentOn;
  const components =
    on !== undefined && !test
      ? [moderationRow(on.ownerId, media.id, on.hidden === true, t)]
      : (templated?.components ?? []);
  const { content, roles } = postContent(target, media, {
    test,
    compact: embeds === undefined,
    text: templated?.content,
    t,
  });
  return {
    ...(content !== undefined ? { content } : {}),
    ...(embeds === undefined || embeds.length === 0 ? {} : { embeds }),
    ...(components.length > 0 ? { components } : {}),
    // Only the feed's own role may ping, and only on a real post; a caption saying @everyone never does.
    allowed_mentions: { parse: [], roles },
    ...('nonce' in options.intent ? { nonce: options.intent.nonce, enforce_nonce: true } : {}),
  };
}

export interface DiscordFeedPosterDeps {
  /** The bot's REST client (messages, webhook executions). */
  rest: REST;
  /** The bot's gateway client, to find a guild's system channel; optional. */
  client?: Client | undefined;
  log: Logger;
  /** Posts speak the guild's preferred language (Community settings); built here when not given. */
  translations?: Translations | undefined;
  /** The language of a person a notice is sent to by DM (src/discord/reader-locale.ts); the guild's when absent. */
  readerLocale?: ReaderLocale | undefined;
}

export function createDiscordFeedPoster(deps: DiscordFeedPosterDeps): FeedPoster {
  const { rest, log } = deps;
  const forum = { rest, client: deps.client, botId: botIdOf(rest, deps.client) };
  const translations = deps.translations ?? createTranslations();

  /** The preferred locale of the guild the channel is in, from the gateway's cache; English when unknown. */
  function guildLocaleOf(channelId: string): string | undefined {
    const channel = deps.client?.channels.cache.get(channelId);
    return channel !== undefined && 'guild' in channel ? channel.guild.preferredLocale : undefined;
  }

  /** Sends a message body as the bot or through the feed's webhook (as `username`); its message id. */
  async function sendBody(
    target: PostTarget,
    message: RESTPostAPIChannelMessageJSONBody,
    as: { username: string; avatar?: string | undefined },
    signal: AbortSignal | undefined,
  ): Promise<string> {
    if (target.place === 'thread') return postInThread(rest, target.channelId, message, signal);
    if (target.delivery.mode === 'message') {
      const sent = (await rest.post(Routes.channelMessages(target.channelId), { body: message, signal })) as APIMessage;
      return sent.id;
    }
    const sent = (await rest.post(Routes.webhook(target.delivery.webhookId, target.delivery.token), {
      body: { ...message, username: as.username, ...(as.avatar ? { avatar_url: as.avatar } : {}) },
      query: new URLSearchParams({ wait: 'true' }),
      auth: false,
      signal,
    })) as APIMessage;
    return sent.id;
  }

  async function send(target: PostTarget, media: Post, options: PostOptions): Promise<string> {
    const t = translations.forLocale(guildLocaleOf(target.channelId));
    const message = feedMessage(target, media, options, log, t);
    const { signal } = options;
    if (target.place === 'forum')
      return createForumPost(forum, target, media, message, { test: 'test' in options.intent, t, signal });
    const as = { username: webhookUsername(media.author.username), avatar: safeUrl(media.author.avatar) };
    return sendBody(target, message, as, signal);
  }

  return {
    async post(target, media, options) {
      try {
        return { messageId: await send(target, media, options) };
      } catch (error) {
        return classifyPostFailure(error);
      }
    },

    digestParts: splitDigest,

    async postDigest(target, digest, options) {
      // A forum takes threads, not messages; /feed edit refuses a digest for a forum feed (docs/decisions/0031).
      if (target.place === 'forum')
        return {
          kind: 'disable',
          reason: 'a forum feed cannot post digests: set `digest:off` or move it to a channel',
          stop: { by: 'forum-digest' },
        };
      const message = digestBody(target, digest, translations.forLocale(guildLocaleOf(target.channelId)));
      const nonce = 'nonce' in options.intent ? { nonce: options.intent.nonce, enforce_nonce: true } : {};
      try {
        return {
          messageId: await sendBody(
            target,
            { ...message, ...nonce },
            { username: DIGEST_WEBHOOK_NAME },
            options.signal,
          ),
        };
      } catch (error) {
        return classifyPostFailure(error);
      }
    },

    async findEarlierPost(channelId, webhookId, media, signal) {
      try {
        return { found: findEarlierPost(await recentChannelMessages(rest, channelId, signal), webhookId, media) };
      } catch (error) {
        return isMissingAccess(error) ? { unreadable: true } : classifyPostFailure(error);
      }
    },

    async findEarlierThread(target, media, since, signal) {
      try {
        return { found: await findEarlierThread(forum, target, media, since, signal) };
      } catch (error) {
        return classifyPostFailure(error);
      }
    },

    async update(target, messageId, change, how, signal) {
      // The post rendered as a delivery renders it, minus the nonce (an edit is not a new message).
      const render: Parameters<typeof updateFeedMessage>[0]['render'] = (to, edited) => {
        const {
          nonce: _nonce,
          enforce_nonce: _enforce,
          ...body
        } = feedMessage(
          to,
          edited.post,
          { intent: { nonce: '0' } },
          log,
          translations.forLocale(guildLocaleOf(to.channelId)),
        );
        return body;
      };
      try {
        return { messageId: await updateFeedMessage({ rest, render }, target, messageId, change, how, signal) };
      } catch (error) {
        return classifyPostFailure(error);
      }
    },

    async notice(channelId, notice, signal) {
      // In the feed's server's language (the channel is its own or the system channel): read by members, not one person.
      const locale = deps.client?.guilds.cache.get(notice.guildId)?.preferredLocale ?? guildLocaleOf(channelId);
      const content = feedNoticeText(notice, translations.forLocale(locale));
      try {
        const sent = (await rest.post(Routes.channelMessages(channelId), {
          body: { content, allowed_mentions: { parse: [] } },
          signal,
        })) as APIMessage;
        return { messageId: sent.id };
      } catch (error) {
        return classifyPostFailure(error);
      }
    },

    async direct(userId, notice, signal) {
      try {
        const locale =
          deps.readerLocale !== undefined
            ? await deps.readerLocale(userId, notice.guildId)
            : deps.client?.guilds.cache.get(notice.guildId)?.preferredLocale;
        const content = feedNoticeText(notice, translations.forLocale(locale));
        // Opening the DM channel is idempotent on Discord's side; it fails (50007) for a user who shares no server.
        const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId }, signal })) as {
          id: string;
        };
        const sent = (await rest.post(Routes.channelMessages(channel.id), {
          body: { content, allowed_mentions: { parse: [] } },
          signal,
        })) as APIMessage;
        return { messageId: sent.id };
      } catch (error) {
        return classifyPostFailure(error);
      }
    },

    systemChannelOf: (guildId) => deps.client?.guilds.cache.get(guildId)?.systemChannelId ?? undefined,
  };
}
