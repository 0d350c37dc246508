// /account: another professional Instagram account's profile and recent posts, by exact username, through the
// Graph API's Business Discovery (Facebook Login only), read with the invoker's own link. Registered only where
// the provider serves `other-accounts`. Private unless the person shares the answer.
import type { ChatInputCommandInteraction } from 'discord.js';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { renderUserEmbed } from '../../src/discord/embeds/user-embed.js';
import { plain } from '../../src/discord/embeds/text.js';
import { withInstagram } from '../_shared/linked-account.js';
import { about } from '../_shared/about-subject.js';
import { mediaPages } from '../_shared/media-pages.js';
import { parseUsername } from '../_shared/users/username.js';

const PAGE_SIZE = 12;
const username = {
  kind: 'string',
  description: 'The exact username of a professional (Business or Creator) account',
  required: true,
  maxLength: 100,
} as const;
const share = { kind: 'boolean', description: 'Show the answer to the channel (by default only you see it)' } as const;

const definition = defineSlash({
  name: 'account',
  requires: 'other-accounts',
  description: "Another professional Instagram account's profile and posts",
  subcommands: {
    profile: { description: "A professional account's profile", options: { username, share } },
    posts: { description: "A professional account's recent posts, one at a time", options: { username, share } },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

async function profile(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'profile'>,
): Promise<void> {
  const name = parseUsername(options.username);
  const ephemeral = !(options.share ?? false);
  await ctx.respond.deferReply(ephemeral);
  const user = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    about({ kind: 'user', username: name }, () => ctx.instagram.accounts.profile(auth, name)),
  );
  await ctx.respond.reply({ embeds: [renderUserEmbed(user, ctx.t)], ephemeral });
}

async function posts(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'posts'>,
): Promise<void> {
  const name = parseUsername(options.username);
  const ephemeral = !(options.share ?? false);
  const ownerId = interaction.user.id;
  await ctx.respond.deferReply(ephemeral);
  const first = await withInstagram(ctx, ownerId, ({ auth }) =>
    about({ kind: 'user', username: name }, () => ctx.instagram.accounts.recentPosts(auth, name, { count: PAGE_SIZE })),
  );
  if (first.data.length === 0) {
    await ctx.respond.reply({ content: ctx.t('browse.noPosts', { account: plain(`@${name}`) }), ephemeral });
    return;
  }
  const source = mediaPages(first, {
    t: ctx.t,
    heading: ctx.t('browse.recentOf', { account: plain(`@${name}`) }),
    fetchMore: (next) => withInstagram(ctx, ownerId, () => next()),
    empty: ctx.t('browse.noPostsPlain', { account: `@${name}` }),
    end: () => ctx.t('browse.lastOfShown', { account: `@${name}` }),
  });
  await ctx.paginator.start(ctx.respond, { ownerId, source, ephemeral });
}

export default defineCommand(slashCommand(definition, { profile, posts }));
