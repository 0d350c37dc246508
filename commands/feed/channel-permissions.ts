// Before a feed is promised, the bot checks that it can actually post in the channel, with the permissions as
// Discord computes them for it there (roles and channel overwrites, from the gateway cache), and names exactly what
// is missing. A feed whose posts would be refused with 50013 is how posts silently go missing; refusing to create
// it, with the list, lets the admin fix the channel first.
import {
  ChannelType,
  DiscordAPIError,
  DiscordjsErrorCodes,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type AnyThreadChannel,
  type Client,
  type ForumChannel,
  type Guild,
  type NewsChannel,
  type TextChannel,
} from 'discord.js';
import type { FeedPlace } from '../../src/core/index.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { text, type Translate } from '../../src/i18n/i18n.js';

export type DeliveryMode = 'message' | 'webhook';

/** A channel that can carry a channel webhook: a text or announcement channel of the guild. */
export type WebhookChannel = TextChannel | NewsChannel;

/** A channel a feed can post in: a text or announcement channel, a forum (a thread per post) or one thread. */
export type FeedChannel = WebhookChannel | ForumChannel | AnyThreadChannel;

/** The channel types a feed's `channel` option offers. */
export const FEED_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

/** What kind of place a feed channel is (stored with the feed: the poster posts in each kind its own way). */
export function placeOf(channel: FeedChannel): FeedPlace {
  if (channel.type === ChannelType.GuildForum) return 'forum';
  return channel.isThread() ? 'thread' : 'channel';
}

/** The channel as one a webhook can be made in; only text and announcement channels are (checked before). */
export function webhookChannel(channel: FeedChannel): WebhookChannel {
  if (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) return channel;
  throw new UserFacingError(
    'feeds.webhook-place',
    text('feedManage.channel.webhookPlace', { channel: `<#${channel.id}>` }),
  );
}

/** Each permission's catalogue key: Discord's own name for it, as its settings show it in the reader's language. */
const LABELS = [
  [PermissionFlagsBits.ViewChannel, 'feedManage.channel.permission.viewChannel'],
  [PermissionFlagsBits.SendMessages, 'feedManage.channel.permission.sendMessages'],
  [PermissionFlagsBits.EmbedLinks, 'feedManage.channel.permission.embedLinks'],
  [PermissionFlagsBits.ReadMessageHistory, 'feedManage.channel.permission.readMessageHistory'],
  [PermissionFlagsBits.ManageWebhooks, 'feedManage.channel.permission.manageWebhooks'],
  [PermissionFlagsBits.SendMessagesInThreads, 'feedManage.channel.permission.sendMessagesInThreads'],
  [PermissionFlagsBits.ManageThreads, 'feedManage.channel.permission.manageThreads'],
] as const;

/**
 * What the bot needs in a feed's channel: posts are embeds; webhook delivery also creates the webhook and reads
 * the channel's recent messages, to find a post it may have made without recording it (Discord documents message
 * nonces for channel messages only, not for webhook executions).
 */
export function requiredPermissions(mode: DeliveryMode, place: FeedPlace = 'channel'): bigint[] {
  // In a thread Discord checks Send Messages in Threads instead of Send Messages. In a forum a post is a thread
  // made with Send Messages ("Create Posts"); after a crash the bot reads the forum's threads and their first
  // messages to find one it made without recording it (Read Message History).
  const send = place === 'thread' ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  const needed: bigint[] = [PermissionFlagsBits.ViewChannel, send, PermissionFlagsBits.EmbedLinks];
  if (place === 'forum') needed.push(PermissionFlagsBits.ReadMessageHistory);
  if (mode === 'webhook') needed.push(PermissionFlagsBits.ReadMessageHistory, PermissionFlagsBits.ManageWebhooks);
  return needed;
}

export function permissionLabel(bit: bigint, t: Translate): string {
  const key = LABELS.find(([b]) => b === bit)?.[1];
  return key === undefined ? t('feedManage.channel.permission.other', { bit: String(bit) }) : t(key);
}

/** The labels of the permissions in `needed` that `has` lacks, in the order Discord's settings list them. */
export function missingPermissions(has: bigint, needed: readonly bigint[], t: Translate): string[] {
  return needed.filter((bit) => (has & bit) !== bit).map((bit) => permissionLabel(bit, t));
}

/**
 * The guild's channel `channelId` if the bot can run a feed of `mode` there; otherwise a UserFacingError that
 * says which permissions are missing (or that the channel is gone or of the wrong kind). `t` is the reader's: the
 * missing permissions are named as Discord names them in their language.
 */
export async function requireFeedChannel(
  client: Client,
  guild: Guild | null,
  channelId: string,
  mode: DeliveryMode,
  t: Translate,
): Promise<FeedChannel> {
  const at = { channel: `<#${channelId}>` };
  if (guild === null || client.user === null) {
    throw new UserFacingError('feeds.guild-unavailable', text('feedManage.channel.guildUnavailable'));
  }
  const channel = guild.channels.cache.get(channelId) ?? (await fetchChannel(guild, channelId, t));
  if (channel === null || channel === undefined) {
    throw new UserFacingError('feeds.channel-gone', text('feedManage.channel.gone', at));
  }
  if (!isFeedChannel(channel)) {
    throw new UserFacingError('feeds.channel-kind', text('feedManage.channel.wrongKind', at));
  }
  const place = placeOf(channel);
  if (mode === 'webhook') webhookChannel(channel);
  const has = channel.permissionsFor(client.user)?.bitfield ?? 0n;
  const needed = requiredPermissions(mode, place);
  // A thread archived and locked takes a post only once reopened, which needs Manage Threads (thread-post.ts).
  if (channel.isThread() && channel.archived === true && channel.locked === true)
    needed.push(PermissionFlagsBits.ManageThreads);
  const missing = missingPermissions(has, needed, t);
  if (missing.length > 0) {
    throw new UserFacingError(
      'feeds.bot-missing-permissions',
      text('feedManage.channel.missingPermissions', {
        ...at,
        count: missing.length,
        permissions: missing.map((m) => `**${m}**`).join(', '),
      }),
    );
  }
  return channel;
}

function isFeedChannel(channel: { type: ChannelType }): channel is FeedChannel {
  return (FEED_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type);
}

/**
 * The channel as Discord answers for it, when the cache lacks it; null when Discord says it does not exist
 * (10003) or it is not this guild's. Only Discord's own codes say gone or hidden: a 5xx, a timeout or a lost
 * connection says Discord failed, so the admin tries again instead of hunting for a channel that is there.
 */
async function fetchChannel(guild: Guild, channelId: string, t: Translate) {
  try {
    return await guild.channels.fetch(channelId);
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) return null;
    if (error instanceof Error && 'code' in error && error.code === DiscordjsErrorCodes.GuildChannelUnowned)
      return null;
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingAccess) {
      throw new UserFacingError(
        'feeds.channel-no-access',
        text('feedManage.channel.noAccess', {
          channel: `<#${channelId}>`,
          viewChannel: permissionLabel(PermissionFlagsBits.ViewChannel, t),
        }),
      );
    }
    throw new UserFacingError(
      'feeds.channel-lookup-failed',
      text('feedManage.channel.lookupFailed', { channel: `<#${channelId}>` }),
      { cause: error },
    );
  }
}

/** True when the bot could mention `roleId` in the channel (the role is mentionable, or the bot may mention all). */
export function canMentionRole(channel: FeedChannel, client: Client, mentionable: boolean): boolean {
  if (mentionable || client.user === null) return true;
  return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.MentionEveryone) ?? false;
}
