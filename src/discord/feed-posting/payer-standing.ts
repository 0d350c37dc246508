// Discord's answer to "may this payer still pay for feeds in this server?": a member with Manage Server or
// Administrator (or the owner). Read from Discord's REST API (the guild's roles and owner, the member's roles), which
// answers in every process without the privileged GuildMembers intent; when Discord cannot answer, the standing is
// unknown and nothing is decided. The delivery engine keeps answers for a while (src/feeds/payer-check.ts).
import {
  DiscordAPIError,
  PermissionFlagsBits,
  Routes,
  type APIGuild,
  type APIGuildMember,
  type APIUser,
  type REST,
} from 'discord.js';
import type { PayerCheck, PayerStanding } from '../../core/payer-standing.js';

/** Discord's "Unknown Member" and "Unknown User" JSON error codes (discord.com/developers/docs/topics/opcodes-and-status-codes). */
const UNKNOWN_MEMBER = 10007;
const UNKNOWN_USER = 10013;
const MANAGES = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild;

/** The standing as Discord says it now, read at every call (the engine keeps answers for a while). */
export function createDiscordPayerStanding(rest: REST): PayerCheck {
  async function read(guildId: string, userId: string): Promise<PayerStanding> {
    let member: APIGuildMember;
    try {
      member = (await rest.get(Routes.guildMember(guildId, userId))) as APIGuildMember;
    } catch (error) {
      if (error instanceof DiscordAPIError && (error.code === UNKNOWN_MEMBER || error.code === UNKNOWN_USER)) {
        return { kind: 'left', name: await nameOf(rest, userId) };
      }
      return { kind: 'unknown', reason: error instanceof Error ? error.message : 'unknown error' };
    }
    let guild: APIGuild;
    try {
      guild = (await rest.get(Routes.guild(guildId))) as APIGuild;
    } catch (error) {
      return { kind: 'unknown', reason: error instanceof Error ? error.message : 'unknown error' };
    }
    if (guild.owner_id === userId) return { kind: 'ok' };
    // Base permissions: @everyone's (the role whose id is the guild's) and every role the member has.
    const roles = new Set([guildId, ...member.roles]);
    const permissions = guild.roles.filter((r) => roles.has(r.id)).reduce((all, r) => all | BigInt(r.permissions), 0n);
    if ((permissions & MANAGES) !== 0n) return { kind: 'ok' };
    return {
      kind: 'no-manage-guild',
      name: member.user === undefined ? await nameOf(rest, userId) : `@${member.user.username}`,
    };
  }

  return { standing: (guildId, discordUserId) => read(guildId, discordUserId) };
}

/** `@name` of a Discord user, or their mention when Discord does not say (a deleted account). */
async function nameOf(rest: REST, userId: string): Promise<string> {
  try {
    return `@${((await rest.get(Routes.user(userId))) as APIUser).username}`;
  } catch {
    return `<@${userId}>`;
  }
}
