// /feed pause, resume and list (remove asks first: remove-feed.ts). Each acts only on a feed of the guild it is run in
// (findGuildFeed). Resume re-checks what may have made the feed stop (resumable.ts), and asks what to do with the posts
// the feed missed while stopped (resume-choice.ts).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { pausedByPerson, resumedByPerson } from '../../src/core/index.js';
import { describeFeedState } from '../../src/discord/notice-text.js';
import { sourceKey, type Account, type Feed } from '../../src/storage/index.js';
import { askCatchUp } from './resume-choice.js';
import { requireResumable } from './resumable.js';
import { requireFeedChannel } from './channel-permissions.js';
import { requireAdminFeed, requireFeedAdmin } from './feed-admin.js';
import { describeSource, feedListPages } from './feed-list.js';
import { requirePayer } from './payer.js';

export async function pauseFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  feedId: string,
): Promise<void> {
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  // A feed the engine paused on its own (its owner's link broke) resumes by itself once relinked; an admin's
  // pause replaces that state, so it holds until an admin resumes it.
  const next = pausedByPerson(feed, admin.userId, ctx.clock.now());
  if (next === undefined) {
    await ctx.respond.reply({
      content: ctx.t('feed.manage.alreadyPaused', {
        id: feed.id,
        reason: describeFeedState(feed.state, ctx.t, feed.ownerDiscordUserId) ?? '',
      }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  await ctx.storage.feeds.setState(feed.id, next);
  ctx.log.info({ feedId: feed.id }, 'feed paused');
  await ctx.respond.reply({
    content: ctx.t('feed.manage.paused', { id: feed.id, channel: `<#${feed.channelId}>` }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

export async function resumeFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  feedId: string,
): Promise<void> {
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  requirePayer(feed, admin, 'resume');
  const next = resumedByPerson(feed);
  if (next === undefined) {
    await ctx.respond.reply({ content: ctx.t('feed.manage.alreadyActive', { id: feed.id }), ephemeral: true });
    return;
  }
  await requireResumable(interaction, ctx, feed);
  // A feed that missed posts while it was stopped asks what to do with them first (resume-choice.ts).
  const missed = await ctx.deliveries.missedPosts(feed);
  if (missed > 0) {
    await askCatchUp(ctx, feed, admin.userId, missed);
    return;
  }
  await ctx.storage.feeds.setState(feed.id, next);
  ctx.deliveries.poke(sourceKey(feed.source));
  ctx.log.info({ feedId: feed.id }, 'feed resumed');
  await ctx.respond.reply({
    content: ctx.t('feed.manage.resumed', { id: feed.id, channel: `<#${feed.channelId}>` }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

export async function listFeeds(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const feeds = await ctx.storage.feeds.listByGuild(admin.guildId);
  if (feeds.length === 0) {
    await ctx.respond.reply({
      content: ctx.t('feed.manage.none'),
      ephemeral: true,
    });
    return;
  }
  const ownerIds = [...new Set(feeds.map((f) => f.ownerDiscordUserId))];
  const owners = new Map<string, Account>();
  for (const id of ownerIds) {
    const account = await ctx.storage.accounts.get(id);
    if (account !== undefined) owners.set(id, account);
  }
  await ctx.paginator.start(ctx.respond, {
    ownerId: admin.userId,
    source: feedListPages(feeds, owners, ctx.deliveries, ctx.t),
    ephemeral: true,
  });
}
