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
import { requireFeedAdmin } from './feed-admin.js';

/** Media ids as the API writes them (`<pk>_<owner id>`; very old media: a plain integer). */
const MEDIA_ID = /^\d{1,25}(?:_\d{1,25})?$/;
const UNDERSTOOD =
  'Give a post link (https://www.instagram.com/p/…/) or a media id such as `1368346650868743235_1127977711`.';

/** A post a digest feed gathered: it goes out in that digest's message (then shown as delivered with its link). */
const DIGEST_WAITING = (dueAt: number) =>
  `waiting for its digest: in the digest due at <t:${Math.floor(dueAt / 1000)}:f> (${relativeTime(dueAt)}).`;

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
  throw new UserFacingError(
    'feeds.why-unreadable',
    'igcord needs a linked Instagram account to read that post: link yours with /instagram link, or give the media id.',
  );
}

export async function whyPost(interaction: ChatInputCommandInteraction, ctx: CommandContext, input: string) {
  const admin = requireFeedAdmin(interaction);
  const text = input.trim();
  const shortcode = MEDIA_ID.test(text) ? undefined : parseMediaUrl(text);
  if (!MEDIA_ID.test(text) && shortcode === undefined)
    throw new UserFacingError(
      'input.invalid-media',
      `"${plain(text.slice(0, 80))}" is not an Instagram post. ${UNDERSTOOD}`,
    );
  const feeds = (await ctx.storage.feeds.listByGuild(admin.guildId)).sort((a, b) => a.createdAt - b.createdAt);
  const post =
    shortcode === undefined
      ? undefined
      : await ctx.instagram.media.byShortcode(await readerAuth(ctx, admin.userId, feeds), shortcode, {
          priority: 'interactive',
        });
  const mediaId = post?.id ?? text;
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
  const what = post !== undefined ? `this post by ${plain(`@${post.author.username}`)}` : `media \`${mediaId}\``;
  if (facts.length === 0) {
    await ctx.respond.reply({
      content:
        post !== undefined
          ? `No feed of this server follows the account, a tag or the place of ${what}.`
          : `No feed of this server has a record of ${what}. Give the post's link to see which feeds could carry it.`,
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const lines = [];
  for (const fact of facts)
    lines.push(`• Feed \`${fact.feed.id}\` in <#${fact.feed.channelId}>: ${await outcome(ctx, fact, post)}`);
  await ctx.respond.reply({
    content: truncate(`What happened to ${what}:\n${lines.join('\n')}`, 2000),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** One feed's fate of the post, in words, from its records and state. */
async function outcome(ctx: CommandContext, { feed, record, pending, digestDue }: FeedFacts, post: Post | undefined) {
  // A forum feed's post is a thread whose starter message has the thread's id: the link opens that thread.
  const where = feed.place === 'forum' ? record?.messageId : feed.channelId;
  if (record?.messageId !== undefined)
    return `delivered ${relativeTime(record.deliveredAt)}: https://discord.com/channels/${feed.guildId}/${where}/${record.messageId}`;
  if (record?.filteredBy !== undefined)
    return `filtered by ${plain(record.filteredBy)} ${relativeTime(record.deliveredAt)}; it will not be posted.`;
  if (digestDue !== undefined) return DIGEST_WAITING(digestDue);
  const reason = describeFeedState(feed.state, ctx.t, feed.ownerDiscordUserId);
  const status = ctx.deliveries.status(feed);
  const next =
    status.nextCheckAt !== undefined
      ? `next checked ${relativeTime(status.nextCheckAt)}`
      : status.checking === true
        ? 'being read now'
        : 'not scheduled in this process';
  // A read that stopped early says why (an owner's budget spent until a time, Instagram failing): the engine's words.
  // A spent budget is said as such, with when it frees as a Discord timestamp (in the reader's own time zone).
  const stopped =
    status.overBudgetUntil !== undefined
      ? ` Its last read stopped early: over budget (the payer's Instagram budget frees ${relativeTime(status.overBudgetUntil)}).`
      : status.retryReason === undefined
        ? ''
        : ` Its last read stopped early: ${plain(status.retryReason)}`;
  if (pending) {
    if (feed.state.kind === 'disabled')
      return `failed: ${reason ?? 'Discord refused it'}. It is posted if the feed is resumed.`;
    if (feed.state.kind === 'paused') return `paused (${reason}); the post waits to be posted when the feed resumes.`;
    return `waiting to be posted (the last try failed, or it is next in line); its source is ${next}.`;
  }
  if (feed.state.kind === 'paused')
    return feed.state.by === 'budget' ? `over budget: ${reason} Its source is ${next}.` : `paused: ${reason}`;
  if (feed.state.kind === 'disabled') return `disabled: ${reason}`;
  if (post === undefined) return 'no record of this media in the feed.';
  const cursor = await ctx.storage.deliveries.getCursor(sourceKey(feed.source));
  // Times are whole seconds: another post of the cursor's own second may still be ahead of it.
  const ahead =
    cursor === undefined ||
    post.time > cursor.createdTime ||
    (post.time === cursor.createdTime && post.id !== cursor.mediaId);
  if (ahead) return `not seen yet: its source is ${next}.${stopped}`;
  // Instagram gives seconds: a post of the feed's own second may have come after it, so only an earlier second counts.
  if (post.time < Math.floor(feed.createdAt / 1000)) return 'posted on Instagram before this feed was added.';
  return 'no record: the feed keeps the records of its last 200 posts, and this one is not among them.';
}
