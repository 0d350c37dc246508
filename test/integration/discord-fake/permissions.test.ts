import { describe, expect, it } from 'vitest';
import { OverwriteType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { APIRole } from 'discord-api-types/v10';
import { ALL_PERMISSIONS, computeChannelPermissions } from '../../../sandbox/discord/permissions.js';

const guildId = '100';
const role = (id: string, permissions: bigint): APIRole => ({
  id,
  name: id,
  color: 0,
  colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
  hoist: false,
  position: 0,
  permissions: permissions.toString(),
  managed: false,
  mentionable: false,
  flags: 0 as APIRole['flags'],
});
const roles = new Map([
  [guildId, role(guildId, P.ViewChannel | P.SendMessages | P.EmbedLinks)],
  ['mods', role('mods', P.ManageMessages)],
  ['admins', role('admins', P.Administrator)],
]);
const ow = (id: string, type: OverwriteType, allow: bigint, deny: bigint) => ({
  id,
  type,
  allow: allow.toString(),
  deny: deny.toString(),
});
const compute = (userId: string, memberRoleIds: string[], overwrites: ReturnType<typeof ow>[], isThread = false) =>
  computeChannelPermissions({ guildId, ownerId: 'owner', userId, memberRoleIds, roles, overwrites, isThread });

describe('discord fake: channel permission computation', () => {
  it('gives the owner and Administrator everything, whatever the overwrites', () => {
    const denyAll = [ow(guildId, OverwriteType.Role, 0n, ALL_PERMISSIONS)];
    expect(compute('owner', [], denyAll)).toBe(ALL_PERMISSIONS);
    expect(compute('u', ['admins'], denyAll)).toBe(ALL_PERMISSIONS);
  });

  it('applies @everyone, then role overwrites, then the member overwrite', () => {
    const overwrites = [
      ow(guildId, OverwriteType.Role, 0n, P.SendMessages),
      ow('mods', OverwriteType.Role, P.SendMessages, 0n),
      ow('u', OverwriteType.Member, 0n, P.EmbedLinks),
    ];
    expect(compute('other', [], overwrites) & P.SendMessages).toBe(0n);
    const mod = compute('u', ['mods'], overwrites);
    expect(mod & P.SendMessages).toBe(P.SendMessages);
    expect(mod & P.EmbedLinks).toBe(0n);
    expect(mod & P.ManageMessages).toBe(P.ManageMessages);
  });

  it('lets a role allow win over a role deny of another role', () => {
    const overwrites = [
      ow('mods', OverwriteType.Role, 0n, P.EmbedLinks),
      ow('extra', OverwriteType.Role, P.EmbedLinks, 0n),
    ];
    expect(compute('u', ['mods', 'extra'], overwrites) & P.EmbedLinks).toBe(P.EmbedLinks);
  });

  it('removes everything without View Channel, and embed rights without Send Messages', () => {
    expect(compute('u', [], [ow(guildId, OverwriteType.Role, 0n, P.ViewChannel)])).toBe(0n);
    const noSend = compute('u', [], [ow(guildId, OverwriteType.Role, 0n, P.SendMessages)]);
    expect(noSend & P.EmbedLinks).toBe(0n);
    expect(noSend & P.ViewChannel).toBe(P.ViewChannel);
  });

  it('uses Send Messages in Threads for a thread', () => {
    const inThread = compute('u', [], [], true);
    expect(inThread & P.EmbedLinks).toBe(0n);
  });
});
