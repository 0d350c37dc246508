// /tag: a hashtag's post count (info), its recent posts one at a time (recent), and tags matching a word
// (search), read with the invoker's own Instagram link. Tag reads need the public_content scope (reference
// §2.6); a blocked tag, a missing scope or Instagram being down are answered by the one error mapping. Answers are
// private unless the person asks to share them.
import type { ChatInputCommandInteraction } from 'discord.js';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { plain } from '../../src/discord/embeds/text.js';
import { withInstagram } from '../_shared/linked-account.js';
import { about } from '../_shared/about-subject.js';
import { suggestTags } from '../_shared/places/place-autocomplete.js';
import { placeListEnds, renderTagEmbed, renderTagListEmbed } from '../_shared/places/place-embeds.js';
import { parseTagName } from '../_shared/input/tag-name.js';
import { mediaPages } from '../_shared/media-pages.js';

/** Tag media fetched per API call: the API's default page. */
const PAGE_SIZE = 20;
const SHARE_DESCRIPTION = 'Post the answer in the channel for everyone (by default only you see it)';

const share = { kind: 'boolean', description: SHARE_DESCRIPTION } as const;
const tagName = {
  kind: 'string',
  description: 'The tag, without #',
  required: true,
  autocomplete: true,
  maxLength: 100,
} as const;

const definition = defineSlash({
  name: 'tag',
  requires: 'tags',
  description: 'Instagram hashtags: post counts, recent posts and search',
  subcommands: {
    info: { description: 'How many posts a hashtag has', options: { name: tagName, share } },
    recent: { description: 'The most recent posts with a hashtag, one at a time', options: { name: tagName, share } },
    search: {
      description: 'Hashtags that start with a word, most used first',
      options: {
        query: { kind: 'string', description: 'The start of a tag, without #', required: true, maxLength: 100 },
        share,
      },
    },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

// Each subcommand checks its input first (a refusal costs nothing and is always private), then acknowledges in
// the visibility its answer will have: a deferred response cannot change it later.
async function info(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'info'>,
): Promise<void> {
  const ephemeral = !(options.share ?? false);
  const name = parseTagName(options.name, 'name');
  await ctx.respond.deferReply(ephemeral);
  const tag = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    about({ kind: 'tag', name }, () => ctx.instagram.tags.get(auth, name)),
  );
  await ctx.respond.reply({ embeds: [renderTagEmbed(tag, ctx.t)], ephemeral });
}

async function recent(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'recent'>,
): Promise<void> {
  const ephemeral = !(options.share ?? false);
  const name = parseTagName(options.name, 'name');
  await ctx.respond.deferReply(ephemeral);
  const ownerId = interaction.user.id;
  const first = await withInstagram(ctx, ownerId, ({ auth }) =>
    about({ kind: 'tag', name }, () => ctx.instagram.tags.recentPosts(auth, name, { count: PAGE_SIZE })),
  );
  if (first.data.length === 0) {
    await ctx.respond.reply({
      content: ctx.t('browse.noTagged', { tag: plain(`#${name}`) }),
      ephemeral,
    });
    return;
  }
  const source = mediaPages(first, {
    t: ctx.t,
    heading: ctx.t('browse.recentTagged', { tag: plain(`#${name}`) }),
    // The next page follows the API's own cursor (max_tag_id), on the invoker's link as it is at the press.
    fetchMore: (next) => withInstagram(ctx, ownerId, () => next()),
    ...placeListEnds(ctx.t),
  });
  await ctx.paginator.start(ctx.respond, { ownerId, source, ephemeral });
}

async function search(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'search'>,
): Promise<void> {
  const ephemeral = !(options.share ?? false);
  const query = parseTagName(options.query, 'query');
  await ctx.respond.deferReply(ephemeral);
  const tags = await withInstagram(ctx, interaction.user.id, ({ auth }) => ctx.instagram.tags.search(auth, query));
  if (tags.length === 0) {
    await ctx.respond.reply({ content: ctx.t('browse.noTagStarts', { query: plain(query) }), ephemeral });
    return;
  }
  await ctx.respond.reply({ embeds: [renderTagListEmbed(query, tags, ctx.t)], ephemeral });
}

export default defineCommand({
  ...slashCommand(definition, { info, recent, search }),
  autocomplete: (interaction, deps) => suggestTags(interaction, deps),
});
