// /user: Instagram profiles and posts, on the invoker's own link. `profile` and `media` show the invoker's own
// account, or another one named by username (suggested while typing, then resolved to an id through the API's
// user search); `search` lists the accounts matching a query. What is read with someone's token is theirs to
// see: answers are ephemeral unless `share` is set.
import type { ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { renderUserEmbed } from '../../src/discord/embeds/user-embed.js';
import { plain } from '../../src/discord/embeds/text.js';
import { withInstagram } from '../_shared/linked-account.js';
import { about } from '../_shared/about-subject.js';
import { mediaPages } from '../_shared/media-pages.js';
import { resolveUsername } from '../_shared/users/resolve-user.js';
import { suggestUsers } from '../_shared/users/user-autocomplete.js';
import { userListSource } from '../_shared/users/user-list.js';
import { parseUsername } from '../_shared/users/username.js';
import { validateOption } from '../_shared/input/validate-option.js';
import { text } from '../../src/i18n/i18n.js';

const SHARE_DESCRIPTION = 'Show the answer to the channel (by default only you see it)';
/** The API returns up to 50 search results by default; that many fit five pages. */
const SEARCH_COUNT = 50;

const share = { kind: 'boolean', description: SHARE_DESCRIPTION } as const;
const user = {
  kind: 'string',
  description: 'Instagram username (yours when left out)',
  autocomplete: true,
  maxLength: 100,
} as const;

const definition = defineSlash({
  name: 'user',
  description: 'Instagram profiles and posts: yours or another account’s, and user search',
  subcommands: {
    profile: { description: 'Show an Instagram profile: yours, or the user you name', options: { user, share } },
    media: { description: 'Page through recent posts: yours, or the user you name', options: { user, share } },
    search: {
      requires: 'search',
      description: 'Find Instagram accounts by username or name',
      options: {
        query: {
          kind: 'string',
          description: 'Part of a username or a name',
          required: true,
          minLength: 1,
          maxLength: 100,
        },
        share,
      },
    },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

const querySchema = z.string().trim().min(1, { error: 'expected some text to search for' }).max(100);

/** The search text, checked: an empty query gets a plain answer, not an API error. */
function parseQuery(input: string): string {
  return validateOption(querySchema, input, {
    option: 'query',
    id: 'input.invalid-query',
    message: () => text('browse.typeToSearch'),
  });
}

/** The `user` option as a bare username, or undefined for "myself". */
function targetOf(typed: string | undefined): string | undefined {
  return typed === undefined ? undefined : parseUsername(typed);
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function profile(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'profile'>,
): Promise<void> {
  const share = options.share ?? false;
  const username = targetOf(options.user);
  await ctx.respond.deferReply(!share);
  const user = await withInstagram(ctx, interaction.user.id, async ({ auth, account }) => {
    // One's own profile needs no search: the link already knows whose it is.
    if (username === undefined || sameName(username, account.username)) return ctx.instagram.users.self(auth);
    const target = await resolveUsername(ctx.instagram, auth, username);
    return about({ kind: 'user', username: target.username }, () => ctx.instagram.users.get(auth, target.id));
  });
  await ctx.respond.reply({ embeds: [renderUserEmbed(user, ctx.t)], ephemeral: !share });
}

async function media(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'media'>,
): Promise<void> {
  const share = options.share ?? false;
  const username = targetOf(options.user);
  const invoker = interaction.user.id;
  await ctx.respond.deferReply(!share);
  const { owner, first } = await withInstagram(ctx, invoker, async ({ auth, account }) => {
    if (username === undefined || sameName(username, account.username)) {
      return { owner: account.username, first: await ctx.instagram.users.recentPosts(auth) };
    }
    const target = await resolveUsername(ctx.instagram, auth, username);
    const first = await about({ kind: 'user', username: target.username }, () =>
      ctx.instagram.users.recentPosts(auth, { userId: target.id }),
    );
    return { owner: target.username, first };
  });
  if (first.data.length === 0) {
    await ctx.respond.reply({ content: ctx.t('browse.noPosts', { account: plain(`@${owner}`) }), ephemeral: !share });
    return;
  }
  await ctx.paginator.start(ctx.respond, {
    ownerId: invoker,
    // Later pages are fetched on the invoker's link as they page, so a link revoked meanwhile is noticed.
    source: mediaPages(first, {
      t: ctx.t,
      heading: ctx.t('browse.recentOf', { account: plain(`@${owner}`) }),
      fetchMore: (next) => withInstagram(ctx, invoker, () => next()),
      empty: ctx.t('browse.noPostsPlain', { account: `@${owner}` }),
      end: () => ctx.t('browse.lastOf', { account: `@${owner}` }),
    }),
    ephemeral: !share,
  });
}

async function search(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'search'>,
): Promise<void> {
  const share = options.share ?? false;
  const query = parseQuery(options.query);
  await ctx.respond.deferReply(!share);
  const found = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    ctx.instagram.users.search(auth, query, SEARCH_COUNT),
  );
  await ctx.paginator.start(ctx.respond, {
    ownerId: interaction.user.id,
    source: userListSource(found, {
      t: ctx.t,
      title: ctx.t('browse.accountsMatching', { query }),
      empty: ctx.t('browse.noAccountMatches', { query: plain(query) }),
    }),
    ephemeral: !share,
  });
}

export default defineCommand({
  ...slashCommand(definition, { profile, media, search }),
  // Each subcommand defers itself, ephemeral or public according to `share`, once its options are checked.
  defer: false,
  async autocomplete(interaction, deps) {
    if (interaction.options.getFocused(true).name !== 'user') {
      await interaction.respond([]);
      return;
    }
    await suggestUsers(interaction, deps, 'search');
  },
});
