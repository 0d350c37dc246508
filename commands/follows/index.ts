// /follows: the invoker's own Instagram relationships (reference §2.2, late API: only the token owner's lists).
// `following`, `followers` and `requests` page through those lists; `status` says how the invoker and another
// account relate; `follow`, `unfollow`, `approve` and `ignore` change that. Lists and status are ephemeral
// unless `share` is set; the outcome of an action is only ever shown to the person who took it. Every answer
// speaks the invoker's language (`ctx.t`); Instagram's usernames are shown as written.
import type { ChatInputCommandInteraction } from 'discord.js';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { plain } from '../../src/discord/embeds/text.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { text, type Translate } from '../../src/i18n/i18n.js';
import { withInstagram } from '../_shared/linked-account.js';
import { describeAction, describeRelationship } from './relationship-text.js';
import { findByUsername, resolveUsername } from '../_shared/users/resolve-user.js';
import { suggestUsers } from '../_shared/users/user-autocomplete.js';
import { collectUsers, userListSource } from '../_shared/users/user-list.js';
import { parseUsername } from '../_shared/users/username.js';
import type {
  InstagramAuth as Auth,
  InstagramPort,
  ListedPerson,
  Page,
  RelationshipAction,
} from '../../src/core/index.js';
import { LOOKUPS } from '../_shared/lookup-kinds.js';

const SHARE_DESCRIPTION = 'Show the answer to the channel (by default only you see it)';

type ListName = 'following' | 'followers' | 'requests';
/** Each list's description (the definition's English), its reader, and its title and empty answer in `t`. */
const LISTS: Record<
  ListName,
  {
    describe: string;
    words: (t: Translate) => { title: string; empty: string };
    read: (ig: InstagramPort, auth: Auth) => Promise<Page<ListedPerson>>;
  }
> = {
  following: {
    describe: 'The accounts you follow on Instagram',
    words: (t) => ({ title: t('follows.lists.following.title'), empty: t('follows.lists.following.empty') }),
    read: (ig, auth) => ig.users.follows(auth),
  },
  followers: {
    describe: 'The accounts that follow you on Instagram',
    words: (t) => ({ title: t('follows.lists.followers.title'), empty: t('follows.lists.followers.empty') }),
    read: (ig, auth) => ig.users.followers(auth),
  },
  requests: {
    describe: 'The people who asked to follow your private account',
    words: (t) => ({ title: t('follows.lists.requests.title'), empty: t('follows.lists.requests.empty') }),
    read: (ig, auth) => ig.users.requests(auth),
  },
};

const share = { kind: 'boolean', description: SHARE_DESCRIPTION } as const;
const anyone = {
  kind: 'string',
  description: 'Instagram username',
  required: true,
  autocomplete: true,
  maxLength: 100,
} as const;
const requester = { ...anyone, description: 'Someone who asked to follow you' } as const;

const definition = defineSlash({
  name: 'follows',
  requires: 'relationships',
  description: 'Your Instagram follows, followers, requests and relationships',
  subcommands: {
    following: { description: LISTS.following.describe, options: { share } },
    followers: { description: LISTS.followers.describe, options: { share } },
    requests: { description: LISTS.requests.describe, options: { share } },
    status: {
      description: 'How you and another Instagram account follow each other',
      options: { user: anyone, share },
    },
    follow: {
      description: 'Follow an Instagram account (a private one gets a follow request)',
      options: { user: anyone },
    },
    unfollow: {
      description: 'Stop following an Instagram account (or withdraw your request)',
      options: { user: anyone },
    },
    approve: {
      description: 'Let someone who asked to follow your private account follow you',
      options: { user: requester },
    },
    ignore: { description: 'Turn down someone who asked to follow your private account', options: { user: requester } },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

async function showList(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  name: ListName,
  share: boolean,
): Promise<void> {
  const list = LISTS[name];
  await ctx.respond.deferReply(!share);
  const { users, truncated } = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    collectUsers(() => list.read(ctx.instagram, auth)),
  );
  await ctx.paginator.start(ctx.respond, {
    ownerId: interaction.user.id,
    source: userListSource(users, {
      t: ctx.t,
      ...list.words(ctx.t),
      note: truncated ? ctx.t('follows.more', { count: users.length }) : undefined,
    }),
    ephemeral: !share,
  });
}

async function showStatus(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'status'>,
): Promise<void> {
  const share = options.share ?? false;
  const username = parseUsername(options.user);
  await ctx.respond.deferReply(!share);
  const { target, relationship } = await withInstagram(ctx, interaction.user.id, async ({ auth, account }) => {
    if (username.toLowerCase() === account.username.toLowerCase()) throw ownAccount();
    const target = await resolveUsername(ctx.instagram, auth, username);
    return { target, relationship: await ctx.instagram.users.relationship(auth, target.id) };
  });
  await ctx.respond.reply({
    content: describeRelationship(target.username, relationship, ctx.t),
    ephemeral: !share,
    allowedMentions: { parse: [] },
  });
}

async function act(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  action: RelationshipAction,
  typed: string,
): Promise<void> {
  const username = parseUsername(typed);
  await ctx.respond.deferReply(true);
  const { target, relationship, before } = await withInstagram(ctx, interaction.user.id, async ({ auth, account }) => {
    // Instagram refuses these on oneself; saying so here spends no call.
    if (username.toLowerCase() === account.username.toLowerCase()) throw ownAccount();
    const target =
      action === 'approve' || action === 'ignore'
        ? await pendingRequester(ctx, auth, username)
        : await resolveUsername(ctx.instagram, auth, username);
    // An unfollow answers `none` both for a follow undone and for a request withdrawn: one read (not a write of
    // the 30-an-hour budget) says which, so the answer does not tell someone who only asked that they followed.
    const before = action === 'unfollow' ? await ctx.instagram.users.relationship(auth, target.id) : undefined;
    const relationship = await ctx.instagram.users.act(auth, target.id, action);
    // The answered request must not be offered again by autocomplete.
    if (action === 'approve' || action === 'ignore') ctx.lookups.invalidate(auth.userId, LOOKUPS.requestedBy);
    return { target, relationship, before };
  });
  ctx.log.info(
    { action, targetUserId: target.id, outgoing: relationship.outgoing, before: before?.outgoing },
    'relationship changed',
  );
  await ctx.respond.reply({
    content: describeAction(action, target.username, relationship, ctx.t, before),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/**
 * The requester called `username`, read from the pending requests: one read instead of a search, and a name that
 * has not asked is answered without spending a call of the 30-an-hour relationships write budget.
 */
async function pendingRequester(ctx: CommandContext, auth: Auth, username: string): Promise<ListedPerson> {
  const pending = await ctx.instagram.users.requests(auth);
  const found = findByUsername(pending.data, username);
  if (!found) {
    throw new UserFacingError(
      'follows.no-request',
      text('follows.noRequest', { user: `**${plain(`@${username}`)}**` }),
    );
  }
  return found;
}

const ownAccount = () => new UserFacingError('follows.own-account', text('follows.ownAccount'));

export default defineCommand({
  ...slashCommand(definition, {
    following: (interaction, ctx, o) => showList(interaction, ctx, 'following', o.share ?? false),
    followers: (interaction, ctx, o) => showList(interaction, ctx, 'followers', o.share ?? false),
    requests: (interaction, ctx, o) => showList(interaction, ctx, 'requests', o.share ?? false),
    status: showStatus,
    follow: (interaction, ctx, o) => act(interaction, ctx, 'follow', o.user),
    unfollow: (interaction, ctx, o) => act(interaction, ctx, 'unfollow', o.user),
    approve: (interaction, ctx, o) => act(interaction, ctx, 'approve', o.user),
    ignore: (interaction, ctx, o) => act(interaction, ctx, 'ignore', o.user),
  }),
  // Each subcommand defers itself, ephemeral or public according to `share`, once its options are checked.
  defer: false,
  async autocomplete(interaction, deps) {
    if (interaction.options.getFocused(true).name !== 'user') {
      await interaction.respond([]);
      return;
    }
    const subcommand = interaction.options.getSubcommand(true);
    await suggestUsers(
      interaction,
      deps,
      subcommand === 'approve' || subcommand === 'ignore' ? 'requested-by' : 'search',
    );
  },
});
