// A member's permissions in a channel, computed the way Discord documents it
// (https://discord.com/developers/docs/topics/permissions#permission-overwrites): owner and Administrator get
// everything; otherwise @everyone and the member's roles are OR-ed, then the channel's @everyone overwrite, the
// role overwrites (all denies, then all allows) and the member overwrite apply in that order. Threads use their
// parent's overwrites. Missing View Channel removes everything, and missing Send Messages removes the permissions
// that only make sense when sending, as Discord's implicit-permission rules do.
import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { APIOverwrite, APIRole } from 'discord-api-types/v10';

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** The @everyone permissions of a new Discord server (the client's defaults). */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseExternalStickers |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.UseVAD |
  PermissionFlagsBits.Stream;

export interface PermissionInput {
  guildId: string;
  ownerId: string;
  userId: string;
  memberRoleIds: readonly string[];
  roles: ReadonlyMap<string, APIRole>;
  /** Overwrites of the channel (for a thread: of its parent). Undefined for guild-level permissions. */
  overwrites?: readonly APIOverwrite[];
  /** True when the channel is a thread: Send Messages in Threads stands in for Send Messages. */
  isThread?: boolean;
}

export function computeBasePermissions(input: PermissionInput): bigint {
  if (input.userId === input.ownerId) return ALL_PERMISSIONS;
  let permissions = BigInt(input.roles.get(input.guildId)?.permissions ?? '0');
  for (const roleId of input.memberRoleIds) {
    const role = input.roles.get(roleId);
    if (role) permissions |= BigInt(role.permissions);
  }
  if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  return permissions;
}

export function computeChannelPermissions(input: PermissionInput): bigint {
  let permissions = computeBasePermissions(input);
  if (permissions === ALL_PERMISSIONS) return ALL_PERMISSIONS;
  const overwrites = input.overwrites ?? [];

  const everyone = overwrites.find((o) => o.id === input.guildId);
  if (everyone) {
    permissions &= ~BigInt(everyone.deny);
    permissions |= BigInt(everyone.allow);
  }
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const o of overwrites) {
    if (o.type === OverwriteType.Role && o.id !== input.guildId && input.memberRoleIds.includes(o.id)) {
      roleAllow |= BigInt(o.allow);
      roleDeny |= BigInt(o.deny);
    }
  }
  permissions &= ~roleDeny;
  permissions |= roleAllow;
  const member = overwrites.find((o) => o.type === OverwriteType.Member && o.id === input.userId);
  if (member) {
    permissions &= ~BigInt(member.deny);
    permissions |= BigInt(member.allow);
  }

  if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
  const send = input.isThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  if ((permissions & send) === 0n) {
    permissions &= ~(
      PermissionFlagsBits.SendTTSMessages |
      PermissionFlagsBits.MentionEveryone |
      PermissionFlagsBits.EmbedLinks |
      PermissionFlagsBits.AttachFiles
    );
  }
  return permissions;
}

/** Names of the flags in a bit set, for readable test failures and logs. */
export function permissionNames(bits: bigint): string[] {
  return Object.entries(PermissionFlagsBits)
    .filter(([, bit]) => (bits & bit) === bit)
    .map(([name]) => name);
}
