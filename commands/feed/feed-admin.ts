// Who may administer feeds, and which feeds they can reach. Discord hides /feed from members without Manage
// Server by the command's default_member_permissions, but a server admin can override that in Integrations, so
// every handler checks the member's permissions again here. Feeds are only ever looked up within the guild the
// interaction comes from: a feed id from another server answers exactly like an id that does not exist.
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Feed, Storage } from '../../src/storage/index.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { text } from '../../src/i18n/i18n.js';

export interface FeedAdmin {
  guildId: string;
  userId: string;
}

/** The guild and member of an interaction whose member has Manage Server; else a refusal. */
export function requireFeedAdmin(interaction: BaseInteraction): FeedAdmin {
  if (!interaction.inGuild()) {
    throw new UserFacingError('feeds.guild-only', text('feed.admin.guildOnly'));
  }
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('feeds.not-allowed', text('feed.admin.notAllowed'));
  }
  return { guildId: interaction.guildId, userId: interaction.user.id };
}

/** True when the interaction's member may see this guild's feeds (for autocomplete, which cannot refuse). */
export function isFeedAdmin(interaction: BaseInteraction): boolean {
  return interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
}

/** The feed `feedId` of this guild, or a not-found answer (also for another guild's feed). */
export async function findGuildFeed(storage: Storage, guildId: string, feedId: string): Promise<Feed> {
  const id = feedId.trim().toLowerCase();
  const feed = /^[a-z0-9]{1,40}$/.test(id) ? await storage.feeds.get(id) : undefined;
  if (feed === undefined || feed.guildId !== guildId) {
    throw new UserFacingError('feeds.not-found', text('feed.admin.notFound', { id: feedId.slice(0, 40) }));
  }
  return feed;
}

/**
 * What every /feed handler acting on one feed starts with: the member may manage feeds here, and the feed is one of
 * this guild's (else the same refusals as requireFeedAdmin and findGuildFeed, in that order).
 */
export async function requireAdminFeed(
  interaction: BaseInteraction,
  storage: Storage,
  feedId: string,
): Promise<{ admin: FeedAdmin; feed: Feed }> {
  const admin = requireFeedAdmin(interaction);
  return { admin, feed: await findGuildFeed(storage, admin.guildId, feedId) };
}
