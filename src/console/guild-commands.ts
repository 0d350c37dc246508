// `roles`, `members`, `delete-channel #name`, `deny #channel <permission>` and `allow #channel <permission>`: the
// sandbox guild as a server admin sees it, and the two changes that make igcord's safety features visible — a
// feed whose channel was deleted, or where igcord lost a permission, is disabled with a reason at its next post.
// The changes go through the Discord fake, which announces them over the gateway as Discord would.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { ConsoleSession } from './console-session.js';

/** `SendMessages` → "Send Messages", as Discord's settings name it. */
const spaced = (flag: string) => flag.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');

export function listRoles(session: ConsoleSession): void {
  const { discord, guild, say } = session;
  for (const role of discord.roles(guild.guildId).sort((a, b) => b.position - a.position)) {
    const name = role.name.startsWith('@') ? role.name : `@${role.name}`;
    const notes = [role.mentionable ? 'mentionable' : 'not mentionable'];
    if (role.managed && role.tags?.bot_id === discord.botUserId) notes.push("igcord's own role");
    if ((BigInt(role.permissions) & PermissionFlagsBits.ManageGuild) !== 0n) notes.push('Manage Server');
    say(`  ${name}: ${notes.join(', ')}`);
  }
}

export function listMembers(session: ConsoleSession): void {
  const { discord, guild, personId, say } = session;
  const general = session.channelId;
  for (const member of discord.members(guild.guildId)) {
    const who = member.user.id === personId ? 'you' : member.user.username;
    const roles = member.roles
      .map((id) => session.names.role(id))
      .filter(Boolean)
      .map((r) => `@${r}`);
    const manages = (discord.permissionsFor(general, member.user.id) & PermissionFlagsBits.ManageGuild) !== 0n;
    const notes = [
      member.user.bot ? 'the bot' : undefined,
      member.user.id === guild.ownerId ? 'owner' : undefined,
      roles.length > 0 ? `roles ${roles.join(' ')}` : 'no role',
      manages ? 'Manage Server' : 'without Manage Server',
    ].filter(Boolean);
    say(`  ${who}: ${notes.join(', ')}`);
  }
  say('Act as a member with: as <member> /command …');
}

export function deleteChannel(session: ConsoleSession, args: string[]): void {
  const { discord, say } = session;
  const id = args[0] ? session.mentions.channel(args[0]) : undefined;
  if (!id)
    return say(`delete-channel #channel; channels: ${[...session.channels.keys()].map((c) => `#${c}`).join(' ')}`);
  if (id === session.channelId) return say('#general is where the console types its commands; delete another channel.');
  const name = session.channelNames.get(id) ?? id;
  discord.deleteChannel(id);
  session.channels.delete(name);
  const watch = session.watches.get(id);
  if (watch) clearInterval(watch);
  session.watches.delete(id);
  say(`Deleted #${name}. A feed posting there is disabled at its next post; /feed list shows why.`);
}

/** `deny #channel SendMessages` / `allow #channel send-messages`: one permission of igcord's in one channel. */
export function setBotPermission(session: ConsoleSession, args: string[], allow: boolean): void {
  const { discord, say } = session;
  const verb = allow ? 'allow' : 'deny';
  const id = args[0] ? session.mentions.channel(args[0]) : undefined;
  const wanted = args
    .slice(1)
    .join('')
    .replace(/[^a-z]/gi, '')
    .toLowerCase();
  const flag = Object.keys(PermissionFlagsBits).find((name) => name.toLowerCase() === wanted) as
    keyof typeof PermissionFlagsBits | undefined;
  if (!id || !flag) {
    return say(
      `${verb} #channel <permission>, e.g. ${verb} #instagram SendMessages (also ViewChannel, EmbedLinks, ManageWebhooks)`,
    );
  }
  const bit = PermissionFlagsBits[flag];
  const botId = discord.botUserId;
  const overwrites = discord.channelOverwrites(id);
  const own = overwrites.find((o) => o.id === botId);
  let allowBits = BigInt(own?.allow ?? 0) & ~bit;
  let denyBits = BigInt(own?.deny ?? 0) & ~bit;
  if (allow) allowBits |= bit;
  else denyBits |= bit;
  const others = overwrites
    .filter((o) => o.id !== botId)
    .map((o) => ({
      id: o.id,
      type: o.type === 0 ? ('role' as const) : ('member' as const),
      allow: o.allow,
      deny: o.deny,
    }));
  discord.setChannelOverwrites(id, [...others, { id: botId, type: 'member', allow: allowBits, deny: denyBits }]);
  const name = session.channelNames.get(id) ?? id;
  say(
    allow
      ? `In #${name}, igcord may now ${spaced(flag)}.`
      : `In #${name}, igcord can no longer ${spaced(flag)}. Its feeds there are disabled at their next post; allow #${name} ${flag} gives it back.`,
  );
}
