// /feed why post:<link or id>: for each feed of this server that could have carried a post, what happened to it
// and when — delivered (with the message's link), filtered (by which rule), waiting or failed (the feed's pending
// list and the reason Discord gave when it disabled the feed), not seen yet (the source's next check), paused or
// disabled (the reason from the feed's state). Everything is read from the delivery records and the feed state,
// never guessed (docs/decisions/0025). A link is read from Instagram (the invoker's link, else a payer's of this
// server) to learn the post's author, tags, place and time; a bare id is looked up in the records only.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { plain, truncate } from '../../src/discord/embeds/text.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import { parseMediaUrl, type InstagramAuth, type Post } from '../../src/core/index.js';
import { describeFeedState } from '../../src/discord/notice-text.js';
import { sourceKey, type DeliveryRecord, type Feed, type FeedSource } from '../../src/storage/index.js';
import { text } from '../../src/i18n/i18n.js';
import { requireFeedAdmin } from './feed-admin.js';
import { recordedRuleText } from './feed-filters.js';

/** Media ids as the API writes them (`<pk>_<owner id>`; very old media: a plain integer). */
const MEDIA_ID = /^\d{1,25}(?:_\d{1,25})?$/;

interface FeedFacts {
  feed: Feed;
  record: DeliveryRecord | undefined;
  pending: boolean;
  /** When the digest it waits in is due (a digest feed gathered it, docs/decisions/0031). */
  digestDue: number | undefined;
}

/** Whether a feed following `source` would carry `post`. */
function carries(source: FeedSource, post: Post): boolean {
  switch (source.kind) {
    case 'account':
      return post.author.id === source.instagramUserId;
    case 'tag':
      return post.tags.some((t) => t.toLowerCase() === source.name);
    case 'location':
      return post.location?.id === source.id;
    case 'stories':
      return post.kind === 'story' && post.author.id === source.instagramUserId;
    case 'comments':
      return post.commentOn?.ownerId === source.instagramUserId;
    case 'mentions':
      return post.people.some((p) => p.id === source.instagramUserId);
  }
}

/** A token to read the post with: the invoker's link, else that of a member paying for one of this server's feeds. */
async function readerAuth(ctx: CommandContext, userId: string, feeds: readonly Feed[]): Promise<InstagramAuth> {
  for (const discordUserId of [userId, ...new Set(feeds.map((f) => f.ownerDiscordUserId))]) {
    const found = await ctx.storage.accounts.getWithToken(discordUserId);
    if (found !== undefined && found.account.status === 'active')
      return { userId: found.account.instagramUserId, accessToken: found.accessToken };
  }
  throw new UserFacingError('feeds.why-unreadable', text('feedCraft.why.unreadable'));
}

export async function whyPost(interaction: ChatInputCommandInteraction, ctx: CommandContext, input: string) {
  const admin = requireFeedAdmin(interaction);
  const typed = input.trim();
  const shortcode = MEDIA_ID.test(typed) ? undefined : parseMediaUrl(typed);
  if (!MEDIA_ID.test(typed) && shortcode === undefined)
    throw new UserFacingError(
      'input.invalid-media',
      text('feedCraft.why.notPost', { typed: plain(typed.slice(0, 80)) }),
    );
  const feeds = (await ctx.storage.feeds.listByGuild(admin.guildId)).sort((a, b) => a.createdAt - b.createdAt);
  const post =
    shortcode === undefined
      ? undefined
      : await ctx.instagram.media.byShortcode(await readerAuth(ctx, admin.userId, feeds), shortcode, {
          priority: 'interactive',
        });
  const mediaId = post?.id ?? typed;
  const facts: FeedFacts[] = [];
  for (const feed of feeds) {
    const record = await ctx.storage.deliveries.findDelivery(feed.id, mediaId);
    const pending = (await ctx.storage.deliveries.pendingMedia(feed.id)).some((m) => m.id === mediaId);
    const digestDue = record === undefined ? await ctx.storage.digests.waiting(feed.id, mediaId) : undefined;
    if (
      record !== undefined ||
      pending ||
      digestDue !== undefined ||
      (post !== undefined && carries(feed.source, post))
    )
      facts.push({ feed, record, pending, digestDue });
  }
  const { t } = ctx;
  const what =
    post !== undefined
      ? t('feedCraft.why.thisPost', { author: plain(`@${post.author.username}`) })
      : t('feedCraft.why.media', { id: mediaId });
  if (facts.length === 0) {
    await ctx.respond.reply({
      content: t(post !== undefined ? 'feedCraft.why.noFeedFollows' : 'feedCraft.why.noFeedRecord', { what }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const lines = [];
  for (const fact of facts)
    lines.push(
      t('feedCraft.why.line', {
        id: fact.feed.id,
        channel: `<#${fact.feed.channelId}>`,
        outcome: await outcome(ctx, fact, post),
      }),
    );
  await ctx.respond.reply({
    content: truncate(`${t('feedCraft.why.header', { what })}\n${lines.join('\n')}`, 2000),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** One feed's fate of the post, in the reader's words, from its records and state. */
async function outcome(ctx: CommandContext, { feed, record, pending, digestDue }: FeedFacts, post: Post | undefined) {
  const { t } = ctx;
  // A forum feed's post is a thread whose starter message has the thread's id: the link opens that thread.
  const where = feed.place === 'forum' ? record?.messageId : feed.channelId;
  if (record?.messageId !== undefined)
    return t('feedCraft.why.delivered', {
      when: relativeTime(record.deliveredAt),
      link: `https://discord.com/channels/${feed.guildId}/${where}/${record.messageId}`,
    });
  // The record keeps the rule in igcord's notation; it is worded here in the reader's language.
  if (record?.filteredBy !== undefined)
    return t('feedCraft.why.filtered', {
      rule: plain(recordedRuleText(record.filteredBy, t)),
      when: relativeTime(record.deliveredAt),
    });
  // A post a digest feed gathered goes out in that digest's message (then shown as delivered with its link).
  if (digestDue !== undefined)
    return t('feedCraft.why.digestWaiting', {
      at: `<t:${Math.floor(digestDue / 1000)}:f>`,
      when: relativeTime(digestDue),
    });
  // The state's reason in the reader's language, from the structured state (src/discord/notice-text.ts).
  const reason = describeFeedState(feed.state, t, feed.ownerDiscordUserId) ?? '';
  const status = ctx.deliveries.status(feed);
  const next =
    status.nextCheckAt !== undefined
      ? t('feedCraft.why.nextChecked', { when: relativeTime(status.nextCheckAt) })
      : status.checking === true
        ? t('feedCraft.why.beingRead')
        : t('feedCraft.why.notScheduled');
  // A read that stopped early says why (an owner's budget spent until a time, Instagram failing): the engine's words.
  // A spent budget is said as such, with when it frees as a Discord timestamp (in the reader's own time zone).
  const stopped =
    status.overBudgetUntil !== undefined
      ? t('feedCraft.why.stoppedOverBudget', { when: relativeTime(status.overBudgetUntil) })
      : status.retryReason === undefined
        ? ''
        : t('feedCraft.why.stopped', { reason: plain(status.retryReason) });
  if (pending) {
    if (feed.state.kind === 'disabled')
      return t('feedCraft.why.failed', { reason: reason || t('feedCraft.why.discordRefused') });
    if (feed.state.kind === 'paused') return t('feedCraft.why.pausedWaiting', { reason });
    return t('feedCraft.why.waiting', { next });
  }
  if (feed.state.kind === 'paused')
    return feed.state.by === 'budget'
      ? t('feedCraft.why.overBudget', { reason, next })
      : t('feedCraft.why.paused', { reason });
  if (feed.state.kind === 'disabled') return t('feedCraft.why.disabled', { reason });
  if (post === undefined) return t('feedCraft.why.noRecord');
  const cursor = await ctx.storage.deliveries.getCursor(sourceKey(feed.source));
  // Times are whole seconds: another post of the cursor's own second may still be ahead of it.
  const ahead =
    cursor === undefined ||
    post.time > cursor.createdTime ||
    (post.time === cursor.createdTime && post.id !== cursor.mediaId);
  if (ahead) return t('feedCraft.why.notSeen', { next, stopped });
  // Instagram gives seconds: a post of the feed's own second may have come after it, so only an earlier second counts.
  if (post.time < Math.floor(feed.createdAt / 1000)) return t('feedCraft.why.beforeFeed');
  return t('feedCraft.why.pastRecords');
}
