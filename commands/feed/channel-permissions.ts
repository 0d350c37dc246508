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
  type Client,
  type Guild,
  type NewsChannel,
  type TextChannel,
} from 'discord.js';
import { UserFacingError } from '../../src/discord/errors.js';

export type DeliveryMode = 'message' | 'webhook';

/** A channel a feed can post in: a text or announcement channel of the guild. */
export type FeedChannel = TextChannel | NewsChannel;

const LABELS = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  [PermissionFlagsBits.ManageWebhooks, 'Manage Webhooks'],
] as const;

/**
 * What the bot needs in a feed's channel: posts are embeds; webhook delivery also creates the webhook and reads
 * the channel's recent messages, to find a post it may have made without recording it (Discord documents message
 * nonces for channel messages only, not for webhook executions).
 */
export function requiredPermissions(mode: DeliveryMode): bigint[] {
  const needed: bigint[] = [
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.EmbedLinks,
  ];
  if (mode === 'webhook') needed.push(PermissionFlagsBits.ReadMessageHistory, PermissionFlagsBits.ManageWebhooks);
  return needed;
}

export function permissionLabel(bit: bigint): string {
  return LABELS.find(([b]) => b === bit)?.[1] ?? `permission ${bit}`;
}

/** The labels of the permissions in `needed` that `has` lacks, in the order Discord's settings list them. */
export function missingPermissions(has: bigint, needed: readonly bigint[]): string[] {
  return needed.filter((bit) => (has & bit) !== bit).map(permissionLabel);
}

/**
 * The guild's channel `channelId` if the bot can run a feed of `mode` there; otherwise a UserFacingError that
 * says which permissions are missing (or that the channel is gone or of the wrong kind).
 */
export async function requireFeedChannel(
  client: Client,
  guild: Guild | null,
  channelId: string,
  mode: DeliveryMode,
): Promise<FeedChannel> {
  if (guild === null || client.user === null) {
    throw new UserFacingError('feeds.guild-unavailable', 'I cannot see this server right now. Try again in a minute.');
  }
  const channel = guild.channels.cache.get(channelId) ?? (await fetchChannel(guild, channelId));
  if (channel === null || channel === undefined) {
    throw new UserFacingError(
      'feeds.channel-gone',
      `The channel <#${channelId}> does not exist any more, or I cannot see it.`,
    );
  }
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    throw new UserFacingError(
      'feeds.channel-kind',
      `<#${channelId}> is not a text or announcement channel; feeds post into those.`,
    );
  }
  const has = channel.permissionsFor(client.user)?.bitfield ?? 0n;
  const missing = missingPermissions(has, requiredPermissions(mode));
  if (missing.length > 0) {
    throw new UserFacingError(
      'feeds.bot-missing-permissions',
      `I cannot post this feed in <#${channelId}>: I am missing ${missing.map((m) => `**${m}**`).join(', ')} there. ` +
        'Give my role those permissions in that channel (or the server), then run the command again. Nothing was created.',
    );
  }
  return channel;
}

/**
 * The channel as Discord answers for it, when the cache lacks it; null when Discord says it does not exist
 * (10003) or it is not this guild's. Only Discord's own codes say gone or hidden: a 5xx, a timeout or a lost
 * connection says Discord failed, so the admin tries again instead of hunting for a channel that is there.
 */
async function fetchChannel(guild: Guild, channelId: string) {
  try {
    return await guild.channels.fetch(channelId);
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) return null;
    if (error instanceof Error && 'code' in error && error.code === DiscordjsErrorCodes.GuildChannelUnowned)
      return null;
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingAccess) {
      throw new UserFacingError(
        'feeds.channel-no-access',
        `Discord says I have no access to <#${channelId}> (Missing Access). Give my role **View Channel** there, then run the command again. Nothing was created.`,
      );
    }
    throw new UserFacingError(
      'feeds.channel-lookup-failed',
      `Discord did not answer properly when I looked up <#${channelId}>. Try again in a minute. Nothing was created.`,
      { cause: error },
    );
  }
}

/** True when the bot could mention `roleId` in the channel (the role is mentionable, or the bot may mention all). */
export function canMentionRole(channel: FeedChannel, client: Client, mentionable: boolean): boolean {
  if (mentionable || client.user === null) return true;
  return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.MentionEveryone) ?? false;
}
