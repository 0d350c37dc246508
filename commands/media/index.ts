// /media: Instagram posts on the invoking user's own token — a post by id, shortcode or link, posts near a place,
// the posts they liked, a post's comments and likes, and commenting, uncommenting, liking and unliking. What is
// read with a user's token is private: answers are ephemeral unless `share` is set. Every answer is deferred
// before the first Instagram call (Discord wants an acknowledgement within 3 s; Instagram may be slower), and
// every failure is thrown for the one place that turns errors into replies (commands/_shared/describe-error.ts).
import type { ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { renderMediaEmbeds } from '../../src/discord/embeds/media-embed.js';
import { plain, truncate } from '../../src/discord/embeds/text.js';
import { withInstagram, type LinkedAccount } from '../_shared/linked-account.js';
import { assertCommentAcceptable } from './comment-refusal.js';
import { mediaPages } from '../_shared/media-pages.js';

/** Liked media asked for per API call; the API caps `count` at 33, and 20 is its default. */
const LIKED_PER_CALL = 20;
import { commentPages, likerPages, mediaLink } from './media-lists.js';
import { fetchMedia, parseMediaReference, type MediaReference } from './media-reference.js';
import type { PagedSource } from '../../src/discord/pagination.js';
import type { Post } from '../../src/core/index.js';
import { parseCoordinates } from '../_shared/input/location-input.js';
import { validateOption } from '../_shared/input/validate-option.js';

/** Media search radius in metres: the API's default and its cap (reference §2.3). */
const DEFAULT_DISTANCE = 1000;
const MAX_DISTANCE = 5000;
/** Long enough that the comment rules, not Discord, explain a comment that is too long. */
const COMMENT_OPTION_MAX = 1000;

const SHARE_DESCRIPTION = 'Show the answer to the channel (by default only you see it)';

const share = { kind: 'boolean', description: SHARE_DESCRIPTION } as const;
const media = {
  kind: 'string',
  description: 'A post link, its shortcode or its media id',
  required: true,
  maxLength: 300,
} as const;

const definition = defineSlash({
  name: 'media',
  description: 'Instagram posts, their comments and likes, on your linked account',
  subcommands: {
    show: { description: 'Show one post', options: { media, share } },
    near: {
      requires: 'search',
      description: 'Posts taken near a place',
      options: {
        lat: { kind: 'number', description: 'Latitude, e.g. 60.1699', required: true, minValue: -90, maxValue: 90 },
        lng: { kind: 'number', description: 'Longitude, e.g. 24.9384', required: true, minValue: -180, maxValue: 180 },
        distance: {
          kind: 'integer',
          description: `Radius in metres (default ${DEFAULT_DISTANCE}, at most ${MAX_DISTANCE})`,
          minValue: 1,
          maxValue: MAX_DISTANCE,
        },
        share,
      },
    },
    liked: { requires: 'likes', description: 'Posts you liked', options: { share } },
    comments: { requires: 'comments', description: "A post's comments", options: { media, share } },
    comment: {
      requires: 'comments',
      description: 'Comment on a post (at most 300 characters, 4 hashtags, 1 link; not all capitals)',
      options: {
        media,
        text: { kind: 'string', description: 'What to say', required: true, maxLength: COMMENT_OPTION_MAX },
      },
    },
    uncomment: {
      requires: 'comments',
      description: 'Delete a comment (yours, or any on your own post)',
      options: {
        media,
        comment: {
          kind: 'string',
          description: 'The comment id, as /media comments shows it',
          required: true,
          maxLength: 40,
        },
      },
    },
    likes: { requires: 'likes', description: 'Who liked a post', options: { media, share } },
    like: { requires: 'likes', description: 'Like a post', options: { media } },
    unlike: { requires: 'likes', description: 'Remove your like from a post', options: { media } },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

const commentIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,30}$/, { error: 'must be a comment id, a number as /media comments shows it.' });

type Interaction = ChatInputCommandInteraction;

/** Answers with a paged list: one message with Previous / Next buttons only the invoker may press. */
function page(ctx: CommandContext, interaction: Interaction, source: PagedSource, ephemeral: boolean): Promise<void> {
  return ctx.paginator.start(ctx.respond, { ownerId: interaction.user.id, source, ephemeral });
}

/** Runs `call` on the invoker's link after acknowledging, ephemeral unless shared. */
async function onLink<T>(
  ctx: CommandContext,
  interaction: Interaction,
  ephemeral: boolean,
  call: (linked: LinkedAccount) => Promise<T>,
): Promise<T> {
  await ctx.respond.deferReply(ephemeral);
  return withInstagram(ctx, interaction.user.id, call);
}

async function show(interaction: Interaction, ctx: CommandContext, reference: MediaReference, ephemeral: boolean) {
  const media = await onLink(ctx, interaction, ephemeral, ({ auth }) => fetchMedia(ctx.instagram, auth, reference));
  await ctx.respond.reply({
    embeds: renderMediaEmbeds(media, { t: ctx.t }),
    ephemeral,
    allowedMentions: { parse: [] },
  });
}

async function near(interaction: Interaction, ctx: CommandContext, options: Options<'near'>) {
  const ephemeral = ephemeralUnless(options.share);
  const at = parseCoordinates({ lat: options.lat, lng: options.lng, distance: options.distance }, MAX_DISTANCE);
  const query = { lat: at.lat, lng: at.lng, distance: at.distance ?? DEFAULT_DISTANCE };
  // A place name typed later (/location, /feed add-location) is looked for around this point.
  ctx.recentPlaces.rememberPoint(interaction.user.id, query);
  const found = await onLink(ctx, interaction, ephemeral, ({ auth }) => ctx.instagram.media.near(auth, query));
  const where = `${query.lat.toFixed(5)}, ${query.lng.toFixed(5)}`;
  const { t } = ctx;
  if (found.length === 0) {
    await ctx.respond.reply({ content: t('media.noneNear', { distance: query.distance, where }), ephemeral });
    return;
  }
  const source: PagedSource = {
    count: found.length,
    render: (index) => {
      const media = found[index]!;
      const away = media.distance === undefined ? '' : t('media.away', { meters: Math.round(media.distance) });
      return {
        content: t('media.near', { distance: query.distance, where, n: index + 1, total: found.length }) + away,
        embeds: renderMediaEmbeds(media, { t: ctx.t }),
      };
    },
  };
  await page(ctx, interaction, source, ephemeral);
}

async function liked(interaction: Interaction, ctx: CommandContext, ephemeral: boolean) {
  const first = await onLink(ctx, interaction, ephemeral, ({ auth }) =>
    ctx.instagram.media.liked(auth, { count: LIKED_PER_CALL }),
  );
  if (first.data.length === 0) {
    await ctx.respond.reply({ content: ctx.t('media.noLiked'), ephemeral });
    return;
  }
  const source = mediaPages(first, {
    t: ctx.t,
    heading: ctx.t('media.likedHeading'),
    // The next API page (cursor max_like_id) is fetched only when the person pages past the last post loaded.
    fetchMore: (next) => withInstagram(ctx, interaction.user.id, () => next()),
    empty: ctx.t('media.noLiked'),
    end: (count) => ctx.t('media.likedEnd', { count }),
  });
  await page(ctx, interaction, source, ephemeral);
}

async function comments(interaction: Interaction, ctx: CommandContext, reference: MediaReference, ephemeral: boolean) {
  const { media, list } = await onLink(ctx, interaction, ephemeral, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    return { media, list: await ctx.instagram.media.comments(auth, media.id) };
  });
  if (list.length === 0) {
    await ctx.respond.reply({ content: ctx.t('media.noComments', { post: mediaLink(media, ctx.t) }), ephemeral });
    return;
  }
  await page(ctx, interaction, commentPages(media, list, ctx.t), ephemeral);
}

async function likes(interaction: Interaction, ctx: CommandContext, reference: MediaReference, ephemeral: boolean) {
  const { media, list } = await onLink(ctx, interaction, ephemeral, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    return { media, list: await ctx.instagram.media.likes(auth, media.id) };
  });
  if (list.length === 0) {
    await ctx.respond.reply({ content: ctx.t('media.noLikes', { post: mediaLink(media, ctx.t) }), ephemeral });
    return;
  }
  await page(ctx, interaction, likerPages(media, list, ctx.t), ephemeral);
}

async function comment(interaction: Interaction, ctx: CommandContext, reference: MediaReference, text: string) {
  // Checked before anything is sent: a refusal is explained and spends nothing.
  assertCommentAcceptable(text);
  const { media, posted } = await onLink(ctx, interaction, true, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    await ctx.instagram.media.comment(auth, media.id, text);
    // The late API acknowledges with null; the new comment's id (for /media uncomment) is read back. The comment
    // is posted whatever happens to that read, so its failure must not make the person post it again.
    const posted = await ctx.instagram.media.comments(auth, media.id).then(
      (list) => list.filter((c) => c.author.id === auth.userId && c.text === text).at(-1),
      (error: unknown) => {
        ctx.log.warn({ err: error, mediaId: media.id }, 'comment posted, but reading it back failed');
        return undefined;
      },
    );
    return { media, posted };
  });
  const undo = posted
    ? `\n${ctx.t('media.undo', { command: `\`/media uncomment media:${media.id} comment:${posted.id}\`` })}`
    : '';
  await ctx.respond.reply({
    content: `${ctx.t('media.commented', { post: mediaLink(media, ctx.t) })}\n>>> ${truncate(plain(text), 1200)}${undo}`,
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

async function uncomment(interaction: Interaction, ctx: CommandContext, reference: MediaReference, typedId: string) {
  const commentId = validateOption(commentIdSchema, typedId, { option: 'comment' });
  const media = await onLink(ctx, interaction, true, async ({ auth }) => {
    const media = await fetchMedia(ctx.instagram, auth, reference);
    await ctx.instagram.media.deleteComment(auth, media.id, commentId);
    return media;
  });
  await ctx.respond.reply({
    content: ctx.t('media.uncommented', { commentId, post: mediaLink(media, ctx.t) }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

async function setLike(interaction: Interaction, ctx: CommandContext, reference: MediaReference, like: boolean) {
  const { before, after } = await onLink(ctx, interaction, true, async ({ auth }) => {
    const before = await fetchMedia(ctx.instagram, auth, reference);
    await (like ? ctx.instagram.media.like(auth, before.id) : ctx.instagram.media.unlike(auth, before.id));
    // Read back, so the count shown is Instagram's and not a guess; the like is done even if this read fails.
    const after = await ctx.instagram.media.get(auth, before.id).then(
      (post): Post | undefined => post,
      (error: unknown) => {
        ctx.log.warn(
          { err: error, mediaId: before.id },
          `${like ? 'liked' : 'unliked'}, but reading the post back failed`,
        );
        return undefined;
      },
    );
    return { before, after };
  });
  // One line with Instagram's count: the person just saw the post, so sending every image of it again (a whole
  // carousel) only buries the confirmation.
  const likes = after?.counts.likes;
  const count = likes !== undefined ? ctx.t('media.likesNow', { count: likes }) : '';
  const post = mediaLink(before, ctx.t);
  const content = ctx.t(like ? 'media.liked' : 'media.unliked', { post, likes: count });
  await ctx.respond.reply({ content, embeds: [], ephemeral: true, allowedMentions: { parse: [] } });
}

const ephemeralUnless = (share: boolean | undefined) => !(share ?? false);

export default defineCommand({
  ...slashCommand(definition, {
    show: (interaction, ctx, o) => show(interaction, ctx, parseMediaReference(o.media), ephemeralUnless(o.share)),
    near: (interaction, ctx, o) => near(interaction, ctx, o),
    liked: (interaction, ctx, o) => liked(interaction, ctx, ephemeralUnless(o.share)),
    comments: (interaction, ctx, o) =>
      comments(interaction, ctx, parseMediaReference(o.media), ephemeralUnless(o.share)),
    likes: (interaction, ctx, o) => likes(interaction, ctx, parseMediaReference(o.media), ephemeralUnless(o.share)),
    comment: (interaction, ctx, o) => comment(interaction, ctx, parseMediaReference(o.media), o.text),
    uncomment: (interaction, ctx, o) => uncomment(interaction, ctx, parseMediaReference(o.media), o.comment),
    like: (interaction, ctx, o) => setLike(interaction, ctx, parseMediaReference(o.media), true),
    unlike: (interaction, ctx, o) => setLike(interaction, ctx, parseMediaReference(o.media), false),
  }),
  // Deferred in each handler instead: whether the answer is private depends on the `share` option.
  defer: false,
});
