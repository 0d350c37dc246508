// Turns the fake's records into the wire objects of discord-api-types/v10, so that a field the types require
// (and discord.js reads) is filled in one place and type drift in a new discord-api-types fails at tsc here.
import {
  ChannelFlags,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  ThreadAutoArchiveDuration,
} from 'discord-api-types/v10';
import type {
  APIChannel,
  APIGuild,
  APIGuildMember,
  GuildMemberFlags,
  GatewayGuildCreateDispatchData,
  GuildChannelType,
  ThreadChannelType,
} from 'discord-api-types/v10';
import type { ChannelRecord, FakeState, GuildRecord, MemberRecord } from './state.js';

const THREAD_TYPES = new Set<ChannelType>([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

export function isThread(channel: ChannelRecord): boolean {
  return THREAD_TYPES.has(channel.type);
}

export function renderMember(state: FakeState, member: MemberRecord): APIGuildMember {
  return {
    user: state.user(member.userId),
    nick: member.nick,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    avatar: null,
    banner: null,
  };
}

export function renderChannel(channel: ChannelRecord): APIChannel {
  const base = {
    id: channel.id,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    permission_overwrites: channel.overwrites.map((o) => ({ ...o })),
    nsfw: false,
    flags: channel.requireTag === true ? ChannelFlags.RequireTag : 0,
  };
  if (isThread(channel)) {
    return {
      ...base,
      type: channel.type as ThreadChannelType,
      owner_id: channel.ownerId ?? undefined,
      last_message_id: channel.lastMessageId,
      member_count: 1,
      message_count: 0,
      total_message_sent: 0,
      ...(channel.appliedTags === undefined ? {} : { applied_tags: [...channel.appliedTags] }),
      thread_metadata: {
        archived: channel.archived ?? false,
        auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
        archive_timestamp: channel.archivedAt ?? new Date().toISOString(),
        locked: channel.locked ?? false,
      },
    } as APIChannel;
  }
  switch (channel.type) {
    case ChannelType.GuildForum:
      return {
        ...base,
        type: ChannelType.GuildForum,
        topic: channel.topic,
        available_tags: (channel.availableTags ?? []).map((t) => ({
          id: t.id,
          name: t.name,
          moderated: false,
          emoji_id: null,
          emoji_name: null,
        })),
        default_reaction_emoji: null,
        default_sort_order: null,
        default_forum_layout: 0,
        default_auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
        last_message_id: channel.lastMessageId,
        rate_limit_per_user: 0,
      } as APIChannel;
    case ChannelType.GuildCategory:
      return { ...base, type: ChannelType.GuildCategory } as APIChannel;
    case ChannelType.GuildVoice:
      return {
        ...base,
        type: ChannelType.GuildVoice,
        bitrate: 64000,
        user_limit: 0,
        rtc_region: null,
        last_message_id: channel.lastMessageId,
        rate_limit_per_user: 0,
      } as APIChannel;
    default:
      return {
        ...base,
        type: channel.type as ChannelType.GuildText | ChannelType.GuildAnnouncement,
        topic: channel.topic,
        last_message_id: channel.lastMessageId,
        rate_limit_per_user: 0,
        default_auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
      } as APIChannel;
  }
}

export function renderGuild(guild: GuildRecord): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [...guild.roles.values()].map((r) => ({ ...r })),
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.systemChannelId ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: (guild.preferredLocale as Locale | undefined) ?? Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

/**
 * GUILD_CREATE as the bot receives it. Without the Guild Presences intent Discord sends only the bot's own member
 * (plus members in voice), so the bot must not rely on other members being cached — neither may igcord.
 */
export function renderGuildCreate(
  state: FakeState,
  guild: GuildRecord,
  allMembers: boolean,
): GatewayGuildCreateDispatchData {
  const channels = guild.channelIds.map((id) => state.channel(id));
  const members = [...guild.members.values()].filter((m) => allMembers || m.userId === state.botUser.id);
  return {
    ...renderGuild(guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: members.map((m) => renderMember(state, m)),
    channels: channels
      .filter((c) => !isThread(c))
      .map((c) => renderChannel(c) as APIChannel & { type: Exclude<GuildChannelType, ThreadChannelType> }),
    // Only active threads come with GUILD_CREATE; archived ones are fetched (GET /channels/:id) when needed.
    threads: channels
      .filter((c) => isThread(c) && c.archived !== true)
      .map((c) => renderChannel(c) as APIChannel & { type: ThreadChannelType }),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
