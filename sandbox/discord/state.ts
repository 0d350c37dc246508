// The Discord fake's world: users, guilds with their roles, members and channels (with permission overwrites),
// channel messages, channel webhooks and application commands. Records are plain data; `render.ts` turns them
// into the discord-api-types objects that go over the wire, so a field discord.js needs and the types require
// is added in one place. Changes that Discord would announce go out through `emit` (wired to the gateway).
import { ChannelType, OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type {
  APIApplicationCommand,
  APIMessage,
  APIOverwrite,
  APIRole,
  APIUser,
  APIWebhook,
  GatewayDispatchEvents,
} from 'discord-api-types/v10';
import type { SnowflakeSource } from './ids.js';
import type { DispatchOptions } from './dispatch-options.js';
import { computeChannelPermissions } from './permissions.js';
import { unknownChannel, unknownGuild, unknownMember, unknownMessage, unknownUser } from './errors.js';

export type ChannelKind = 'text' | 'announcement' | 'forum' | 'category' | 'voice' | 'thread';

export const CHANNEL_TYPES: Record<ChannelKind, ChannelType> = {
  text: ChannelType.GuildText,
  announcement: ChannelType.GuildAnnouncement,
  forum: ChannelType.GuildForum,
  category: ChannelType.GuildCategory,
  voice: ChannelType.GuildVoice,
  thread: ChannelType.PublicThread,
};

export interface ChannelRecord {
  id: string;
  guildId: string;
  type: ChannelType;
  name: string;
  position: number;
  topic: string | null;
  parentId: string | null;
  /** The thread's creator (threads only). */
  ownerId: string | null;
  overwrites: APIOverwrite[];
  lastMessageId: string | null;
  /** A forum's tags (`available_tags`, at most 20), each an id and a name. */
  availableTags?: { id: string; name: string }[];
  /** A forum whose posts must carry a tag (channel flag REQUIRE_TAG). */
  requireTag?: boolean;
  /** A forum post's tags (`applied_tags`, at most 5 of its forum's). */
  appliedTags?: string[];
  /** A thread's `thread_metadata.archived` and `locked` (absent: active and unlocked). */
  archived?: boolean;
  locked?: boolean;
  /** When the thread was last archived (or unarchived): `thread_metadata.archive_timestamp`. */
  archivedAt?: string;
}

export interface MemberRecord {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  roles: Map<string, APIRole>;
  members: Map<string, MemberRecord>;
  channelIds: string[];
  /** The managed role Discord gives a bot when it joins; setBotPermissions changes it. */
  botRoleId: string;
  joinedAt: string;
  /** Where Discord posts its system messages (and where bots tell a server things); none unless set. */
  systemChannelId?: string | null;
  /** The community's preferred locale; en-US when not set. */
  preferredLocale?: string;
}

export interface StoredMessage {
  message: APIMessage;
  /** `avatar_url` a webhook execution asked for (Discord turns it into an avatar hash; tests want the URL). */
  avatarUrl?: string;
  /** Ephemeral interaction responses exist only for their user: never listed in the channel. */
  ephemeral: boolean;
  /** When a nonce was recorded with enforce_nonce, for the dedupe window. */
  nonceAt?: number;
}

export interface WebhookRecord {
  /** As Discord answers it; `token` only while this process holds it (a snapshot keeps its hash alone). */
  webhook: APIWebhook;
  /** SHA-256 (hex) of the webhook's token: what an execution's token is checked against. */
  tokenHash: string;
  channelId: string;
}

export type EmitFn = (event: GatewayDispatchEvents, data: unknown, options?: DispatchOptions) => void;

export class FakeState {
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, StoredMessage[]>();
  /**
   * Every stored message by id. Waiters look messages up on every change, and a sandbox or benchmark channel
   * holds thousands: a scan per look-up made the fake, not the bot, the slow part under load.
   */
  private readonly messageIndex = new Map<string, StoredMessage>();
  readonly webhooks = new Map<string, WebhookRecord>();
  /**
   * Every interaction and channel-webhook token this fake handed out, kept after the interaction expires or the
   * webhook is deleted, so a test can check that none of them ever reached the bot's logs.
   */
  readonly issuedTokens = { interactions: [] as string[], webhooks: [] as string[] };
  /** Application commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  emit: EmitFn = () => {};
  private readonly waiters = new Set<{ check: () => void; fail: (error: Error) => void }>();

  /** Calls `check` after every change until it returns a value, or rejects after `timeoutMs` or on close. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        check: () => {
          const value = check();
          if (value === undefined) return;
          cleanup();
          resolve(value);
        },
        fail: (error: Error) => {
          cleanup();
          reject(error);
        },
      };
      const timer = setTimeout(
        () => waiter.fail(new Error(`discord fake: timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  /** Wakes the waiters after a change (a message posted or edited, an interaction answered). */
  changed(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /** Rejects every pending wait, so a closed fake leaves no timer holding the process. */
  stopWaiting(): void {
    for (const waiter of [...this.waiters]) waiter.fail(new Error('discord fake: closed while waiting'));
  }

  constructor(
    readonly ids: SnowflakeSource,
    readonly applicationId: string,
    readonly botUser: APIUser,
  ) {
    this.users.set(botUser.id, botUser);
  }

  /** The bot's DM channel with a user (recipient id → channel id), opened by `POST /users/@me/channels`. */
  readonly dmChannels = new Map<string, string>();

  /** The DM channel with `userId`, opened on first use as Discord does; an unknown user is 10013. */
  dmChannel(userId: string): ChannelRecord {
    const existing = this.dmChannels.get(userId);
    if (existing !== undefined) return this.channel(existing);
    this.user(userId);
    // The recipient is kept as the owner: a DM channel has none, and this keeps the record's shape.
    const channel: ChannelRecord = {
      id: this.ids.next(),
      guildId: '',
      type: ChannelType.DM,
      name: '',
      position: 0,
      topic: null,
      parentId: null,
      ownerId: userId,
      overwrites: [],
      lastMessageId: null,
    };
    this.channels.set(channel.id, channel);
    this.dmChannels.set(userId, channel.id);
    return channel;
  }

  user(id: string): APIUser {
    const user = this.users.get(id);
    if (!user) throw unknownUser();
    return user;
  }

  guild(id: string): GuildRecord {
    const guild = this.guilds.get(id);
    if (!guild) throw unknownGuild();
    return guild;
  }

  channel(id: string): ChannelRecord {
    const channel = this.channels.get(id);
    if (!channel) throw unknownChannel();
    return channel;
  }

  member(guildId: string, userId: string): MemberRecord {
    const member = this.guild(guildId).members.get(userId);
    if (!member) throw unknownMember();
    return member;
  }

  /** The permissions of a member in a channel, from roles and overwrites (a thread uses its parent's). */
  permissionsIn(channelId: string, userId: string): bigint {
    const channel = this.channel(channelId);
    // A DM has no guild: its two people may read and send there.
    if (channel.type === ChannelType.DM)
      return (
        PermissionFlagsBits.ViewChannel |
        PermissionFlagsBits.SendMessages |
        PermissionFlagsBits.EmbedLinks |
        PermissionFlagsBits.ReadMessageHistory
      );
    const guild = this.guild(channel.guildId);
    const member = guild.members.get(userId);
    if (!member) return 0n;
    const isThread =
      channel.type === ChannelType.PublicThread ||
      channel.type === ChannelType.PrivateThread ||
      channel.type === ChannelType.AnnouncementThread;
    const source = isThread && channel.parentId ? this.channel(channel.parentId) : channel;
    return computeChannelPermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      userId,
      memberRoleIds: member.roles,
      roles: guild.roles,
      overwrites: source.overwrites,
      isThread,
    });
  }

  channelMessages(channelId: string): StoredMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }

  /** Adds a message at the end of its channel (`message.channel_id`). */
  storeMessage(stored: StoredMessage): void {
    this.channelMessages(stored.message.channel_id).push(stored);
    this.messageIndex.set(stored.message.id, stored);
  }

  /** Removes a message from its channel; undefined when it is not there. */
  removeMessage(channelId: string, messageId: string): StoredMessage | undefined {
    const stored = this.messageIndex.get(messageId);
    if (!stored || stored.message.channel_id !== channelId) return undefined;
    const list = this.channelMessages(channelId);
    list.splice(list.indexOf(stored), 1);
    this.messageIndex.delete(messageId);
    return stored;
  }

  /** Forgets every message of a deleted channel. */
  removeChannelMessages(channelId: string): void {
    for (const stored of this.messages.get(channelId) ?? []) this.messageIndex.delete(stored.message.id);
    this.messages.delete(channelId);
  }

  /** A message by id in any channel, or undefined. */
  messageById(messageId: string): StoredMessage | undefined {
    return this.messageIndex.get(messageId);
  }

  findMessage(channelId: string, messageId: string): StoredMessage {
    const found = this.messageIndex.get(messageId);
    if (!found || found.message.channel_id !== channelId) throw unknownMessage();
    return found;
  }

  /** Finds a message in any channel (components carry only the message id in the tests' calls). */
  findMessageAnywhere(messageId: string): StoredMessage {
    const found = this.messageIndex.get(messageId);
    if (!found) throw unknownMessage();
    return found;
  }

  everyoneOverwrite(guildId: string, allow: bigint, deny: bigint): APIOverwrite {
    return { id: guildId, type: OverwriteType.Role, allow: allow.toString(), deny: deny.toString() };
  }
}
