// /media: Instagram posts on the invoking user's own token — a post by id, shortcode or link, posts near a place,
// the posts they liked, a post's comments and likes, and commenting, uncommenting, liking and unliking. What is
// read with a user's token is private: answers are ephemeral unless `share` is set. Every answer is deferred
// before the first Instagram call (Discord wants an acknowledgement within 3 s; Instagram may be slower), and
// every failure is thrown for the one place that turns errors into replies (src/discord/reply-error.ts).
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/discord/command.js';
import { renderMediaEmbeds } from '../src/discord/embeds/media-embed.js';
import { plain, truncate } from '../src/discord/embeds/text.js';
import { UserFacingError } from '../src/discord/errors.js';
import { withInstagram, type LinkedAccount } from '../src/discord/linked-account.js';
import { assertCommentAcceptable } from '../src/discord/media/comment-refusal.js';
import { mediaPages } from '../src/discord/media-pages.js';

/** Liked media asked for per API call; the API caps `count` at 33, and 20 is its default. */
const LIKED_PER_CALL = 20;
import { commentPages, likerPages, mediaLink } from '../src/discord/media/media-lists.js';
import { fetchMedia, parseMediaReference, type MediaReference } from '../src/discord/media/media-reference.js';
import type { PagedSource } from '../src/discord/pagination.js';
import type { Media } from '../src/instagram/schemas.js';
import { parseCoordinates } from '../src/discord/input/location-input.js';
import { validateOption } from '../src/discord/input/validate-option.js';

/** Media search radius in metres: the API's default and its cap (reference §2.3). */
const DEFAULT_DISTANCE = 1000;
const MAX_DISTANCE = 5000;
/** Long enough that the comment rules, not Discord, explain a comment that is too long. */
const COMMENT_OPTION_MAX = 1000;

const SHARE_DESCRIPTION = 'Show the answer to the channel (by default only you see it)';

const data = new SlashCommandBuilder()
  .setName('media')
  .setDescription('Instagram posts, their comments and likes, on your linked account')
  .addSubcommand((s) =>
    s
      .setName('show')
      .setDescription('Show one post')
      .addStringOption((o) => o.setName('media').setDescription('A post link, its shortcode or its media id').setRequired(true).setMaxLength(300))
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  )
  .addSubcommand((s) =>
    s
      .setName('near')
      .setDescription('Posts taken near a place')
      .addNumberOption((o) => o.setName('lat').setDescription('Latitude, e.g. 60.1699').setRequired(true).setMinValue(-90).setMaxValue(90))
      .addNumberOption((o) => o.setName('lng').setDescription('Longitude, e.g. 24.9384').setRequired(true).setMinValue(-180).setMaxValue(180))
      .addIntegerOption((o) =>
        o.setName('distance').setDescription(`Radius in metres (default ${DEFAULT_DISTANCE}, at most ${MAX_DISTANCE})`).setMinValue(1).setMaxValue(MAX_DISTANCE),
      )
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  )
  .addSubcommand((s) =>
    s
      .setName('liked')
      .setDescription('Posts you liked')
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  )
  .addSubcommand((s) =>
    s
      .setName('comments')
      .setDescription("A post's comments")
      .addStringOption((o) => o.setName('media').setDescription('A post link, its shortcode or its media id').setRequired(true).setMaxLength(300))
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  )
  .addSubcommand((s) =>
    s
      .setName('comment')
      .setDescription('Comment on a post (at most 300 characters, 4 hashtags, 1 link; not all capitals)')
      .addStringOption((o) => o.setName('media').setDescription('A post link, its shortcode or its media id').setRequired(true).setMaxLength(300))
      .addStringOption((o) => o.setName('text').setDescription('What to say').setRequired(true).setMaxLength(COMMENT_OPTION_MAX)),
  )
  .addSubcommand((s) =>
    s
      .setName('uncomment')
      .setDescription('Delete a comment (yours, or any on your own post)')
      .addStringOption((o) => o.setName('media').setDescription('A post link, its shortcode or its media id').setRequired(true).setMaxLength(300))
      .addStringOption((o) => o.setName('comment').setDescription('The comment id, as /media comments shows it').setRequired(true).setMaxLength(40)),
  )
  .addSubcommand((s) =>
    s
      .setName('likes')
      .setDescription('Who liked a post')
      .addStringOption((o) => o.setName('media').setDescription('A post link, its shortcode or its media id').setRequired(true).setMaxLength(300))
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  )
  .addSubcommand((s) =>
    s
      .setName('like')
      .setDescription('Like a post')
      .addStringOption((o) => o.setName('media').setDescription('A post link, its shortcode or its media id').setRequired(true).setMaxLength(300)),
  )
  .addSubcommand((s) =>
    s
      .setName('unlike')
      .setDescription('Remove your like from a post')
      .addStringOption((o) => o.setName('media').setDescription('A post link, its shortcode or its media id').setRequired(true).setMaxLength(300)),
  );

const commentIdSchema = z.string().trim().regex(/^\d{1,30}$/, { error: 'must be a comment id, a number as /media comments shows it.' });

type Interaction = ChatInputCommandInteraction;

/** Answers with a paged list: one message with Previous / Next buttons only the invoker may press. */
function page(ctx: CommandContext, interaction: Interaction, source: PagedSource, ephemeral: boolean): Promise<void> {
  return ctx.paginator.start(ctx.respond, { ownerId: interaction.user.id, source, ephemeral });
}

/** Runs `call` on the invoker's link after acknowledging, ephemeral unless shared. */
async function onLink<T>(ctx: CommandContext, interaction: Interaction, ephemeral: boolean, call: (linked: LinkedAccount) => Promise<T>): Promise<T> {
  await ctx.respond.deferReply(ephemeral);
  return withInstagram(ctx, interaction.user.id, call);
}

async function show(interaction: Interaction, ctx: CommandContext, reference: MediaReference, ephemeral: boolean) {
  const media = await onLink(ctx, interaction, ephemeral, ({ auth }) => fetchMedia(ctx.instagram, auth, reference));
  await ctx.respond.reply({ embeds: renderMediaEmbeds(media), ephemeral, allowedMentions: { parse: [] } });
}

async function near(interaction: Interaction, ctx: CommandContext, ephemeral: boolean) {
  const at = parseCoordinates(
    {
      lat: interaction.options.getNumber('lat', true),
      lng: interaction.options.getNumber('lng', true),
      distance: interaction.options.getInteger('distance') ?? undefined,
    },
    MAX_DISTANCE,
  );
  const query = { lat: at.lat, lng: at.lng, distance: at.distance ?? DEFAULT_DISTANCE };
  const found = await onLink(ctx, interaction, ephemeral, async ({ auth }) => (await ctx.instagram.media.search(auth, query)).data);
  const where = `${query.lat.toFixed(5)}, ${query.lng.toFixed(5)}`;
  if (found.length === 0) {
    await ctx.respond.reply({ content: `No posts found within ${query.distance} m of ${where}.`, ephemeral });
    return;
  }
  const source: PagedSource = {
    count: found.length,
    render: (index) => {
      const media = found[index]!;
      const away = media.distance === undefined ? '' : ` · ${Math.round(media.distance)} m away`;
      return { content: `Posts within ${query.distance} m of ${where}: ${index + 1} of ${found.length}${away}`, embeds: renderMediaEmbeds(media) };
    },
  };
  await page(ctx, interaction, source, ephemeral);
}

async function liked(interaction: Interaction, ctx: CommandContext, ephemeral: boolean) {
  const first = await onLink(ctx, interaction, ephemeral, ({ auth }) => ctx.instagram.users.likedMedia(auth, { count: LIKED_PER_CALL }));
  if (first.data.length === 0) {
    await ctx.respond.reply({ content: 'You have not liked any posts that Instagram lists.', ephemeral });
    return;
  }
  const source = mediaPages(first, {
    heading: 'Your liked posts',
    // The next API page (cursor max_like_id) is fetched only when the person pages past the last post loaded.
    fetchMore: (next) => withInstagram(ctx, interaction.user.id, () => next()),
    empty: 'You have not liked any posts that Instagram lists.',
    end: (count) => `That is all: you have liked ${count} post${count === 1 ? '' : 's'} that Instagram lists.`,
  });
  await page(ctx, interaction, source, ephemeral);
}

async function comments(interaction: Interaction, ctx: CommandContext, reference: MediaReference, ephemeral: boolean) {
  const { media, list } = await onLink(ctx, interaction, ephemeral, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    return { media, list: (await ctx.instagram.comments.list(auth, media.id)).data };
  });
  if (list.length === 0) {
    await ctx.respond.reply({ content: `No comments on ${mediaLink(media)} yet.`, ephemeral });
    return;
  }
  await page(ctx, interaction, commentPages(media, list), ephemeral);
}

async function likes(interaction: Interaction, ctx: CommandContext, reference: MediaReference, ephemeral: boolean) {
  const { media, list } = await onLink(ctx, interaction, ephemeral, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    return { media, list: (await ctx.instagram.likes.list(auth, media.id)).data };
  });
  if (list.length === 0) {
    await ctx.respond.reply({ content: `Nobody has liked ${mediaLink(media)} yet.`, ephemeral });
    return;
  }
  await page(ctx, interaction, likerPages(media, list), ephemeral);
}

async function comment(interaction: Interaction, ctx: CommandContext, reference: MediaReference) {
  const text = interaction.options.getString('text', true);
  // Checked before anything is sent: a refusal is explained and spends nothing.
  assertCommentAcceptable(text);
  const { media, posted } = await onLink(ctx, interaction, true, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    await ctx.instagram.comments.create(auth, media.id, text);
    // The late API acknowledges with null; the new comment's id (for /media uncomment) is read back. The comment
    // is posted whatever happens to that read, so its failure must not make the person post it again.
    const posted = await ctx.instagram.comments.list(auth, media.id).then(
      (list) => list.data.filter((c) => c.from.id === auth.userId && c.text === text).at(-1),
      (error: unknown) => {
        ctx.log.warn({ err: error, mediaId: media.id }, 'comment posted, but reading it back failed');
        return undefined;
      },
    );
    return { media, posted };
  });
  const undo = posted ? `\nTo delete it: \`/media uncomment media:${media.id} comment:${posted.id}\`` : '';
  await ctx.respond.reply({
    content: `💬 Your comment on ${mediaLink(media)} is posted:\n>>> ${truncate(plain(text), 1200)}${undo}`,
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

async function uncomment(interaction: Interaction, ctx: CommandContext, reference: MediaReference) {
  const commentId = validateOption(commentIdSchema, interaction.options.getString('comment', true), { option: 'comment' });
  const media = await onLink(ctx, interaction, true, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    await ctx.instagram.comments.remove(auth, media.id, commentId);
    return media;
  });
  await ctx.respond.reply({ content: `🗑️ Comment \`${commentId}\` on ${mediaLink(media)} is deleted.`, ephemeral: true, allowedMentions: { parse: [] } });
}

async function setLike(interaction: Interaction, ctx: CommandContext, reference: MediaReference, like: boolean) {
  const { before, after } = await onLink(ctx, interaction, true, async ({ auth }) => {
    const before = await fetchMedia(ctx.instagram, auth, reference);
    await (like ? ctx.instagram.likes.like(auth, before.id) : ctx.instagram.likes.unlike(auth, before.id));
    // Read back, so the count shown is Instagram's and not a guess; the like is done even if this read fails.
    const after = await ctx.instagram.media.get(auth, before.id).then(
      (result): Media | undefined => result.data,
      (error: unknown) => {
        ctx.log.warn({ err: error, mediaId: before.id }, `${like ? 'liked' : 'unliked'}, but reading the post back failed`);
        return undefined;
      },
    );
    return { before, after };
  });
  const content = like ? `❤️ You like ${mediaLink(before)}.` : `You no longer like ${mediaLink(before)}.`;
  await ctx.respond.reply({ content, embeds: after ? renderMediaEmbeds(after) : [], ephemeral: true, allowedMentions: { parse: [] } });
}

export default defineCommand({
  data,
  // Deferred in execute instead: whether the answer is private depends on the `share` option.
  defer: false,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand(true);
    const ephemeral = !(interaction.options.getBoolean('share') ?? false);
    const reference = () => parseMediaReference(interaction.options.getString('media', true));
    switch (sub) {
      case 'show':
        return show(interaction, ctx, reference(), ephemeral);
      case 'near':
        return near(interaction, ctx, ephemeral);
      case 'liked':
        return liked(interaction, ctx, ephemeral);
      case 'comments':
        return comments(interaction, ctx, reference(), ephemeral);
      case 'likes':
        return likes(interaction, ctx, reference(), ephemeral);
      case 'comment':
        return comment(interaction, ctx, reference());
      case 'uncomment':
        return uncomment(interaction, ctx, reference());
      case 'like':
        return setLike(interaction, ctx, reference(), true);
      case 'unlike':
        return setLike(interaction, ctx, reference(), false);
      default:
        throw new UserFacingError('igcord.unknown-subcommand', `/media ${sub} is not available any more. Try again in a minute.`);
    }
  },
});
