// Before a source is read with a feed owner's token, the owner (the feed's payer) must still be a member of the
// feed's server with Manage Server or Administrator (or own it): a member who left, or whose roles no longer let
// them manage the server, must not keep paying — and reading — for it. The standing is read from Discord's REST
// API (the guild's roles and owner, the member's roles), which answers in every process without the privileged
// GuildMembers intent, and kept for a short while so a busy source does not ask Discord at every run. A feed
// whose payer lost their standing is paused through the lifecycle (`by: 'permission'`, the detail saying why) and
// its server is told; when Discord cannot answer, nothing is paused (Discord being down is not the payer leaving).
import { DiscordAPIError, PermissionFlagsBits, Routes, type APIGuild, type APIGuildMember, type APIUser, type REST } from 'discord.js';
import { payerLost } from '../core/index.js';
import type { Logger } from '../log.js';
import type { Feed, Storage } from '../storage/index.js';

/** Where a payer stands in a feed's server. */
export type PayerStanding =
  | { kind: 'ok' }
  /** Not a member any more (left, kicked, banned, or the account was deleted). */
  | { kind: 'left'; name: string }
  /** A member whose roles no longer grant Manage Server or Administrator. */
  | { kind: 'no-manage-guild'; name: string }
  /** Discord did not say (down, the bot lost access to the guild): nothing is decided. */
  | { kind: 'unknown'; reason: string };

/** The port the delivery engine asks; tests and other transports may answer it their own way. */
export interface PayerCheck {
  standing(guildId: string, discordUserId: string): Promise<PayerStanding>;
}

/** Discord's "Unknown Member" and "Unknown User" JSON error codes (discord.com/developers/docs/topics/opcodes-and-status-codes). */
const UNKNOWN_MEMBER = 10007;
const UNKNOWN_USER = 10013;
const MANAGES = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild;

export interface PayerCheckOptions {
  rest: REST;
  /** How long a standing read from Discord is trusted; 0 asks at every run. */
  ttlMs: number;
  now: () => number;
}

export function createPayerCheck(options: PayerCheckOptions): PayerCheck {
  const { rest, ttlMs, now } = options;
  const known = new Map<string, { standing: PayerStanding; at: number }>();

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
    return { kind: 'no-manage-guild', name: member.user === undefined ? await nameOf(rest, userId) : `@${member.user.username}` };
  }

  return {
    async standing(guildId, discordUserId) {
      const key = `${guildId}:${discordUserId}`;
      const cached = known.get(key);
      if (cached !== undefined && now() - cached.at < ttlMs) return cached.standing;
      const standing = await read(guildId, discordUserId);
      if (standing.kind === 'unknown') known.delete(key);
      else known.set(key, { standing, at: now() });
      return standing;
    },
  };
}

/** `@name` of a Discord user, or their mention when Discord does not say (a deleted account). */
async function nameOf(rest: REST, userId: string): Promise<string> {
  try {
    return `@${((await rest.get(Routes.user(userId))) as APIUser).username}`;
  } catch {
    return `<@${userId}>`;
  }
}

/** Why a payer may no longer pay, in the words the feed's state and the server's notice show. */
export function standingDetail(standing: Extract<PayerStanding, { kind: 'left' | 'no-manage-guild' }>): string {
  return standing.kind === 'left' ? `${standing.name} left the server` : `${standing.name} no longer has Manage Server`;
}

export interface PayerGuardDeps {
  storage: Storage;
  payers: PayerCheck;
  log: Logger;
  now: () => number;
  tellGuild(feed: Feed, text: string): Promise<void>;
}

/**
 * Pauses each of `active` whose payer may no longer pay for it in its server, tells that server, and returns the
 * feeds that may still be read for. Asked once per (server, payer) per call.
 */
export async function keepEntitledPayers(deps: PayerGuardDeps, active: readonly Feed[]): Promise<Feed[]> {
  const standings = new Map<string, Promise<PayerStanding>>();
  const kept: Feed[] = [];
  for (const feed of active) {
    const key = `${feed.guildId}:${feed.ownerDiscordUserId}`;
    let pending = standings.get(key);
    if (pending === undefined) {
      pending = deps.payers.standing(feed.guildId, feed.ownerDiscordUserId);
      standings.set(key, pending);
    }
    const standing = await pending;
    if (standing.kind === 'ok') {
      kept.push(feed);
      continue;
    }
    if (standing.kind === 'unknown') {
      deps.log.warn({ feedId: feed.id, guildId: feed.guildId, reason: standing.reason }, 'could not check that the feed payer may still pay for it; reading on');
      kept.push(feed);
      continue;
    }
    const detail = standingDetail(standing);
    const next = payerLost(feed, detail, deps.now());
    if (next === undefined) continue;
    await deps.storage.feeds.setState(feed.id, next);
    deps.log.warn({ feedId: feed.id, guildId: feed.guildId, ownerDiscordUserId: feed.ownerDiscordUserId, standing: standing.kind }, 'feed paused: its payer may no longer pay for it in this server');
    await deps.tellGuild(
      feed,
      `⚠️ The Instagram feed \`${feed.id}\` in <#${feed.channelId}> is paused: ${detail}, and their Instagram link paid for it. ` +
        'They can resume it once they manage the server again; or an admin removes it (`/feed remove`) and adds it with their own link.',
    );
  }
  return kept;
}
