// Changes a test (or the sandbox console) makes to the fake's world — guilds, users, members, roles, channels,
// overwrites, the bot's own permissions — each announced over the gateway with the event Discord would send,
// so the bot's caches stay as true as they would be against Discord.
import {
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  OverwriteType,
  PermissionFlagsBits,
  RoleFlags,
} from 'discord-api-types/v10';
import type { APIOverwrite, APIRole, APIUser } from 'discord-api-types/v10';
import type { FakeState, ChannelKind, ChannelRecord, GuildRecord } from './state.js';
import { CHANNEL_TYPES } from './state.js';
import { DEFAULT_EVERYONE_PERMISSIONS } from './permissions.js';
import { isThread, renderChannel, renderGuild, renderMember } from './render.js';
import { FakeUsageError } from './interaction-payloads.js';

/** What Discord's invite flow grants a bot that asks for igcord's permissions. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.ManageWebhooks |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

export type Permissions = bigint | string | number;

export interface ChannelInput {
  name: string;
  type?: ChannelKind;
  /** Name or id of the parent: the category of a channel, the channel of a thread. */
  parent?: string;
  topic?: string;
  overwrites?: OverwriteInput[];
  /** A forum's tags, by name (`available_tags`; each gets an id). */
  tags?: string[];
  /** A forum whose posts must carry one of its tags (Discord's "Require tags"). */
  requireTag?: boolean;
}

export interface OverwriteInput {
  /** A role id, a member's user id, or the guild id for @everyone. */
  id: string;
  type: 'role' | 'member';
  allow?: Permissions;
  deny?: Permissions;
}

export interface GuildInput {
  name: string;
  ownerId?: string;
  channels?: ChannelInput[];
  roles?: { name: string; permissions?: Permissions; position?: number }[];
  /** Members by user id, with role names or ids. */
  members?: { userId: string; roles?: string[]; nick?: string }[];
  everyonePermissions?: Permissions;
  botPermissions?: Permissions;
  /** False for a guild the bot has not joined (default true). */
  withBot?: boolean;
  /** The community's preferred locale (`preferred_locale`, and `guild_locale` in interactions); en-US by default. */
  preferredLocale?: string;
}

export interface CreatedGuild {
  guildId: string;
  ownerId: string;
  everyoneRoleId: string;
  botRoleId: string;
  /** Channel ids by name. */
  channels: Record<string, string>;
  /** Role ids by name (created roles, `@everyone` and the bot's role). */
  roles: Record<string, string>;
}

const bits = (value: Permissions | undefined, fallback: bigint): bigint =>
  value === undefined ? fallback : BigInt(value);

export class World {
  constructor(
    private readonly state: FakeState,
    private readonly announceGuild: (guildId: string) => void,
  ) {}

  createUser(input: { username: string; globalName?: string; bot?: boolean; id?: string }): APIUser {
    const user: APIUser = {
      id: input.id ?? this.state.ids.next(),
      username: input.username,
      discriminator: '0',
      global_name: input.globalName ?? null,
      avatar: null,
      bot: input.bot ?? false,
    };
    this.state.users.set(user.id, user);
    return user;
  }

  createGuild(input: GuildInput): CreatedGuild {
    const id = this.state.ids.next();
    const ownerId =
      input.ownerId ?? this.createUser({ username: `${input.name.toLowerCase().replace(/\W+/g, '')}-owner` }).id;
    this.state.user(ownerId);
    const guild: GuildRecord = {
      id,
      name: input.name,
      ownerId,
      roles: new Map(),
      members: new Map(),
      channelIds: [],
      botRoleId: this.state.ids.next(),
      joinedAt: new Date().toISOString(),
      ...(input.preferredLocale === undefined ? {} : { preferredLocale: input.preferredLocale }),
    };
    this.state.guilds.set(id, guild);
    guild.roles.set(id, role(id, '@everyone', bits(input.everyonePermissions, DEFAULT_EVERYONE_PERMISSIONS), 0));
    const botRole = role(
      guild.botRoleId,
      this.state.botUser.username,
      bits(input.botPermissions, DEFAULT_BOT_PERMISSIONS),
      1,
    );
    botRole.managed = true;
    botRole.tags = { bot_id: this.state.botUser.id };
    guild.roles.set(botRole.id, botRole);
    const roles: Record<string, string> = { '@everyone': id, [botRole.name]: botRole.id };
    for (const [index, r] of (input.roles ?? []).entries()) {
      const created = role(this.state.ids.next(), r.name, bits(r.permissions, 0n), r.position ?? index + 2);
      guild.roles.set(created.id, created);
      roles[r.name] = created.id;
    }

    this.join(guild, ownerId, []);
    for (const m of input.members ?? [])
      this.join(
        guild,
        m.userId,
        (m.roles ?? []).map((r) => roles[r] ?? r),
        m.nick,
      );
    const channels: Record<string, string> = {};
    // Parents first, so a channel can name a category or a thread its channel listed later.
    const ordered = [...(input.channels ?? [])].sort((a, b) => rank(a) - rank(b));
    for (const c of ordered) channels[c.name] = this.addChannel(guild, c, channels).id;
    if (input.withBot ?? true) this.join(guild, this.state.botUser.id, [guild.botRoleId]);
    if (input.withBot ?? true) this.announceGuild(id);
    return { guildId: id, ownerId, everyoneRoleId: id, botRoleId: guild.botRoleId, channels, roles };
  }

  createChannel(guildId: string, input: ChannelInput): string {
    const guild = this.state.guild(guildId);
    const channel = this.addChannel(guild, input, {});
    const event = isThread(channel) ? GatewayDispatchEvents.ThreadCreate : GatewayDispatchEvents.ChannelCreate;
    this.state.emit(event, renderChannel(channel), { intent: GatewayIntentBits.Guilds });
    return channel.id;
  }

  addMember(guildId: string, userId: string, options: { roles?: string[]; nick?: string } = {}): void {
    const guild = this.state.guild(guildId);
    this.state.user(userId);
    this.join(guild, userId, options.roles ?? [], options.nick);
    const member = guild.members.get(userId)!;
    this.state.emit(
      GatewayDispatchEvents.GuildMemberAdd,
      { ...renderMember(this.state, member), guild_id: guildId },
      { intent: GatewayIntentBits.GuildMembers },
    );
  }

  /** The member leaves (or is kicked): GUILD_MEMBER_REMOVE, and `GET /guilds/:id/members/:user` answers 10007 from now on. */
  removeMember(guildId: string, userId: string): void {
    const guild = this.state.guild(guildId);
    if (guild.ownerId === userId) throw new FakeUsageError(`the owner of guild ${guildId} cannot leave it`);
    const member = this.state.member(guildId, userId);
    guild.members.delete(userId);
    this.state.emit(
      GatewayDispatchEvents.GuildMemberRemove,
      { guild_id: guildId, user: renderMember(this.state, member).user },
      { intent: GatewayIntentBits.GuildMembers },
    );
  }

  setMemberRoles(guildId: string, userId: string, roleIds: string[]): void {
    const member = this.state.member(guildId, userId);
    member.roles = [...roleIds];
    // Discord sends the bot its own member updates whatever its intents.
    const intent = userId === this.state.botUser.id ? undefined : GatewayIntentBits.GuildMembers;
    this.state.emit(
      GatewayDispatchEvents.GuildMemberUpdate,
      { ...renderMember(this.state, member), guild_id: guildId },
      intent === undefined ? {} : { intent },
    );
  }

  createRole(
    guildId: string,
    input: { name: string; permissions?: Permissions; position?: number; mentionable?: boolean },
  ): string {
    const guild = this.state.guild(guildId);
    const created = role(
      this.state.ids.next(),
      input.name,
      bits(input.permissions, 0n),
      input.position ?? guild.roles.size,
    );
    created.mentionable = input.mentionable ?? false;
    guild.roles.set(created.id, created);
    this.state.emit(
      GatewayDispatchEvents.GuildRoleCreate,
      { guild_id: guildId, role: created },
      { intent: GatewayIntentBits.Guilds },
    );
    return created.id;
  }

  setRolePermissions(guildId: string, roleId: string, permissions: Permissions): void {
    const target = this.state.guild(guildId).roles.get(roleId);
    if (!target) throw new FakeUsageError(`no role ${roleId} in guild ${guildId}`);
    target.permissions = BigInt(permissions).toString();
    this.state.emit(
      GatewayDispatchEvents.GuildRoleUpdate,
      { guild_id: guildId, role: target },
      { intent: GatewayIntentBits.Guilds },
    );
  }

  /** Sets the permissions of the bot's managed role (what a server admin changes in Server Settings). */
  setBotPermissions(guildId: string, permissions: Permissions): void {
    this.setRolePermissions(guildId, this.state.guild(guildId).botRoleId, permissions);
  }

  setChannelOverwrites(channelId: string, overwrites: OverwriteInput[]): void {
    const channel = this.state.channel(channelId);
    channel.overwrites = overwrites.map(toOverwrite);
    this.state.emit(
      isThread(channel) ? GatewayDispatchEvents.ThreadUpdate : GatewayDispatchEvents.ChannelUpdate,
      renderChannel(channel),
      { intent: GatewayIntentBits.Guilds },
    );
  }

  /** Sets (or, with null, clears) the guild's system channel, as an admin does in Server Settings: GUILD_UPDATE. */
  setSystemChannel(guildId: string, channelId: string | null): void {
    const guild = this.state.guild(guildId);
    if (channelId !== null && this.state.channel(channelId).guildId !== guildId)
      throw new FakeUsageError(`channel ${channelId} is not in guild ${guildId}`);
    guild.systemChannelId = channelId;
    this.state.emit(GatewayDispatchEvents.GuildUpdate, renderGuild(guild), { intent: GatewayIntentBits.Guilds });
  }

  /** Deletes a channel with its threads, messages and webhooks, as Discord does. */
  deleteChannel(channelId: string): void {
    const channel = this.state.channel(channelId);
    const guild = this.state.guild(channel.guildId);
    for (const child of [...this.state.channels.values()].filter((c) => c.parentId === channel.id && isThread(c)))
      this.deleteChannel(child.id);
    for (const [id, w] of this.state.webhooks) if (w.channelId === channelId) this.state.webhooks.delete(id);
    this.state.channels.delete(channelId);
    this.state.removeChannelMessages(channelId);
    guild.channelIds = guild.channelIds.filter((id) => id !== channelId);
    if (guild.systemChannelId === channelId) guild.systemChannelId = null;
    this.state.emit(
      isThread(channel) ? GatewayDispatchEvents.ThreadDelete : GatewayDispatchEvents.ChannelDelete,
      renderChannel(channel),
      { intent: GatewayIntentBits.Guilds },
    );
  }

  /** The bot is invited into a guild created `withBot: false`: it joins with its managed role, GUILD_CREATE follows. */
  addBot(guildId: string): void {
    const guild = this.state.guild(guildId);
    if (guild.members.has(this.state.botUser.id)) return;
    this.join(guild, this.state.botUser.id, [guild.botRoleId]);
    this.announceGuild(guildId);
  }

  /** The bot is kicked: GUILD_DELETE, and every route of that guild answers 50001 from now on. */
  removeBot(guildId: string): void {
    const guild = this.state.guild(guildId);
    guild.members.delete(this.state.botUser.id);
    this.state.emit(GatewayDispatchEvents.GuildDelete, { id: guildId }, { intent: GatewayIntentBits.Guilds });
  }

  private join(guild: GuildRecord, userId: string, roles: string[], nick?: string): void {
    this.state.user(userId);
    for (const r of roles) if (!guild.roles.has(r)) throw new FakeUsageError(`no role ${r} in guild ${guild.id}`);
    guild.members.set(userId, { userId, roles: [...roles], nick: nick ?? null, joinedAt: new Date().toISOString() });
  }

  private addChannel(guild: GuildRecord, input: ChannelInput, byName: Record<string, string>): ChannelRecord {
    const type = CHANNEL_TYPES[input.type ?? 'text'];
    const parentId = input.parent === undefined ? null : (byName[input.parent] ?? this.state.channel(input.parent).id);
    if (type === ChannelType.PublicThread && parentId === null)
      throw new FakeUsageError(`thread ${input.name} needs a parent channel`);
    const channel: ChannelRecord = {
      id: this.state.ids.next(),
      guildId: guild.id,
      type,
      name: input.name,
      position: guild.channelIds.length,
      topic: input.topic ?? null,
      parentId,
      ownerId: type === ChannelType.PublicThread ? guild.ownerId : null,
      overwrites: (input.overwrites ?? []).map(toOverwrite),
      lastMessageId: null,
      ...(type === ChannelType.GuildForum
        ? {
            availableTags: (input.tags ?? []).map((name) => ({ id: this.state.ids.next(), name })),
            ...(input.requireTag === true ? { requireTag: true } : {}),
          }
        : {}),
    };
    this.state.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    return channel;
  }
}

function rank(c: ChannelInput): number {
  return c.type === 'category' ? 0 : c.type === 'thread' ? 2 : 1;
}

function role(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

function toOverwrite(o: OverwriteInput): APIOverwrite {
  return {
    id: o.id,
    type: o.type === 'role' ? OverwriteType.Role : OverwriteType.Member,
    allow: bits(o.allow, 0n).toString(),
    deny: bits(o.deny, 0n).toString(),
  };
}
