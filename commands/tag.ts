// /tag: a hashtag's post count (info), its recent posts one at a time (recent), and tags matching a word
// (search), read with the invoker's own Instagram link. Tag reads need the public_content scope (reference
// §2.6); a blocked tag, a missing scope or Instagram being down are answered by the one error mapping. Answers are
// private unless the person asks to share them.
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { defineCommand, type CommandContext } from '../src/discord/command.js';
import { plain } from '../src/discord/embeds/text.js';
import { withInstagram } from '../src/discord/linked-account.js';
import { suggestTags } from '../src/discord/places/place-autocomplete.js';
import { PLACE_LIST_ENDS, renderTagEmbed, renderTagListEmbed } from '../src/discord/places/place-embeds.js';
import { parseTagName } from '../src/discord/input/tag-name.js';
import { mediaPages } from '../src/discord/media-pages.js';

/** Tag media fetched per API call: the API's default page. */
const PAGE_SIZE = 20;
const SHARE_DESCRIPTION = 'Post the answer in the channel for everyone (by default only you see it)';

const data = new SlashCommandBuilder()
  .setName('tag')
  .setDescription('Instagram hashtags: post counts, recent posts and search')
  .addSubcommand((s) =>
    s
      .setName('info')
      .setDescription('How many posts a hashtag has')
      .addStringOption((o) => o.setName('name').setDescription('The tag, without #').setRequired(true).setAutocomplete(true).setMaxLength(100))
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  )
  .addSubcommand((s) =>
    s
      .setName('recent')
      .setDescription('The most recent posts with a hashtag, one at a time')
      .addStringOption((o) => o.setName('name').setDescription('The tag, without #').setRequired(true).setAutocomplete(true).setMaxLength(100))
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  )
  .addSubcommand((s) =>
    s
      .setName('search')
      .setDescription('Hashtags that start with a word, most used first')
      .addStringOption((o) => o.setName('query').setDescription('The start of a tag, without #').setRequired(true).setMaxLength(100))
      .addBooleanOption((o) => o.setName('share').setDescription(SHARE_DESCRIPTION)),
  );

async function info(interaction: ChatInputCommandInteraction, ctx: CommandContext, ephemeral: boolean): Promise<void> {
  const name = parseTagName(interaction.options.getString('name', true), 'name');
  await ctx.respond.deferReply(ephemeral);
  const tag = await withInstagram(ctx, interaction.user.id, async ({ auth }) => (await ctx.instagram.tags.get(auth, name)).data);
  await ctx.respond.reply({ embeds: [renderTagEmbed(tag)], ephemeral });
}

async function recent(interaction: ChatInputCommandInteraction, ctx: CommandContext, ephemeral: boolean): Promise<void> {
  const name = parseTagName(interaction.options.getString('name', true), 'name');
  await ctx.respond.deferReply(ephemeral);
  const ownerId = interaction.user.id;
  const first = await withInstagram(ctx, ownerId, ({ auth }) => ctx.instagram.tags.recentMedia(auth, name, { count: PAGE_SIZE }));
  if (first.data.length === 0) {
    await ctx.respond.reply({ content: `No recent posts tagged **${plain(`#${name}`)}** that you can see.`, ephemeral });
    return;
  }
  const source = mediaPages(first, {
    heading: `Recent posts tagged **${plain(`#${name}`)}**`,
    // The next page follows the API's own cursor (max_tag_id), on the invoker's link as it is at the press.
    fetchMore: (next) => withInstagram(ctx, ownerId, () => next()),
    ...PLACE_LIST_ENDS,
  });
  await ctx.paginator.start(ctx.respond, { ownerId, source, ephemeral });
}

async function search(interaction: ChatInputCommandInteraction, ctx: CommandContext, ephemeral: boolean): Promise<void> {
  const query = parseTagName(interaction.options.getString('query', true), 'query');
  await ctx.respond.deferReply(ephemeral);
  const tags = await withInstagram(ctx, interaction.user.id, async ({ auth }) => (await ctx.instagram.tags.search(auth, query)).data);
  if (tags.length === 0) {
    await ctx.respond.reply({ content: `No hashtags start with **${plain(query)}**.`, ephemeral });
    return;
  }
  await ctx.respond.reply({ embeds: [renderTagListEmbed(query, tags)], ephemeral });
}

export default defineCommand({
  data,
  async execute(interaction, ctx) {
    const ephemeral = !(interaction.options.getBoolean('share') ?? false);
    // Each subcommand checks its input first (a refusal costs nothing and is always private), then acknowledges
    // in the visibility its answer will have: a deferred response cannot change it later.
    switch (interaction.options.getSubcommand(true)) {
      case 'info':
        return info(interaction, ctx, ephemeral);
      case 'recent':
        return recent(interaction, ctx, ephemeral);
      case 'search':
        return search(interaction, ctx, ephemeral);
      default:
        throw new Error(`unknown /tag subcommand ${interaction.options.getSubcommand(true)}`);
    }
  },
  autocomplete: (interaction, deps) => suggestTags(interaction, deps),
});
