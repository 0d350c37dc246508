// /hashtag: Graph's Hashtag Search (Facebook Login only): a hashtag's id, and its public posts of the last
// 24 hours, one at a time, read with the invoker's own link. Each new tag takes one of the account's 30 weekly
// slots (reference §1.4); a 31st is refused with the date a slot frees. Registered only where the provider
// serves `hashtag-search` (v1's tags are /tag). Private unless shared.
import type { ChatInputCommandInteraction } from 'discord.js';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { plain } from '../../src/discord/embeds/text.js';
import { withInstagram } from '../_shared/linked-account.js';
import { mediaPages } from '../_shared/media-pages.js';
import { parseTagName } from '../_shared/input/tag-name.js';

const PAGE_SIZE = 25;
const name = {
  kind: 'string',
  description: 'The hashtag, with or without # (each new one uses one of 30 weekly lookups)',
  required: true,
  maxLength: 101,
} as const;
const share = { kind: 'boolean', description: 'Show the answer to the channel (by default only you see it)' } as const;

const definition = defineSlash({
  name: 'hashtag',
  requires: 'hashtag-search',
  description: 'Instagram hashtags through Hashtag Search: their id and posts of the last day',
  subcommands: {
    info: { description: "A hashtag's id (uses one of your 30 weekly hashtag lookups)", options: { name, share } },
    recent: {
      description: 'Public posts with a hashtag from the last 24 hours, one at a time',
      options: { name, share },
    },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

async function info(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'info'>,
): Promise<void> {
  const tag = parseTagName(options.name.replace(/^#/, ''), 'name');
  const ephemeral = !(options.share ?? false);
  await ctx.respond.deferReply(ephemeral);
  const found = await withInstagram(ctx, interaction.user.id, ({ auth }) => ctx.instagram.hashtags.find(auth, tag));
  await ctx.respond.reply({
    content: ctx.t('browse.hashtagId', { tag: plain(`#${found.name}`), id: found.id }),
    ephemeral,
    allowedMentions: { parse: [] },
  });
}

async function recent(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'recent'>,
): Promise<void> {
  const tag = parseTagName(options.name.replace(/^#/, ''), 'name');
  const ephemeral = !(options.share ?? false);
  const ownerId = interaction.user.id;
  await ctx.respond.deferReply(ephemeral);
  const first = await withInstagram(ctx, ownerId, async ({ auth }) => {
    const found = await ctx.instagram.hashtags.find(auth, tag);
    return ctx.instagram.hashtags.recentPosts(auth, found.id, { count: PAGE_SIZE });
  });
  if (first.data.length === 0) {
    await ctx.respond.reply({
      content: ctx.t('browse.noTaggedDay', { tag: plain(`#${tag}`) }),
      ephemeral,
    });
    return;
  }
  const source = mediaPages(first, {
    t: ctx.t,
    heading: ctx.t('browse.taggedDay', { tag: plain(`#${tag}`) }),
    fetchMore: (next) => withInstagram(ctx, ownerId, () => next()),
    empty: ctx.t('browse.noTaggedDayPlain', { tag: `#${tag}` }),
    end: () => ctx.t('browse.lastTaggedDay', { tag: `#${tag}` }),
  });
  await ctx.paginator.start(ctx.respond, { ownerId, source, ephemeral });
}

export default defineCommand(slashCommand(definition, { info, recent }));
