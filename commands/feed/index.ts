// /feed: server admins connect channels to Instagram sources — a linked account's own posts, a tag or a
// location — and list, pause, resume, remove, test and backfill them. Manage Server by default (Discord hides the
// command from others), and every handler checks the member's permission again, since admins can change who sees
// a command. All answers are ephemeral: this is admin tooling, not channel chatter. The work lives beside this
// file (add-feed.ts, manage-feed.ts, feed-posting.ts, …); this file is the definition and the routing.
import { ChannelType, InteractionContextType, PermissionFlagsBits, type AutocompleteInteraction } from 'discord.js';
import { defineCommand, type CommandDeps } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';
import { addFeed } from './add-feed.js';
import { editFeed } from './edit-feed.js';
import { ACCOUNT_FEED_PREFIX, askAccountFeed, pressAccountFeedButton } from './add-account.js';
import { isFeedAdmin } from './feed-admin.js';
import { describeSource } from './feed-list.js';
import { BACKFILL_MAX, FEED_COMPONENT_PREFIX, askBackfill, pressFeedButton, testFeed } from './feed-posting.js';
import { listFeeds, pauseFeed, resumeFeed } from './manage-feed.js';
import { askRemoveFeed, isRemoveButton, pressRemoveButton } from './remove-feed.js';
import { isCatchUpButton, pressCatchUpButton } from './resume-choice.js';
import { isMoveButton, pressMoveButton } from './move-feed.js';
import { bareTag } from '../../src/util/tag-name-pattern.js';
import { DIGEST_CHOICES } from './digest-option.js';
import { LOOKUPS } from '../_shared/lookup-kinds.js';
import { suggestLocations } from '../_shared/places/place-autocomplete.js';
import { suggestUsers } from '../_shared/users/user-autocomplete.js';
import { plain, truncate } from '../../src/discord/embeds/text.js';

const target = {
  channel: {
    kind: 'channel',
    description: 'The channel that gets the posts',
    required: true,
    channelTypes: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  },
} as const;

const deliveryOptions = {
  mention: { kind: 'role', description: 'A role to mention with each post' },
  delivery: {
    kind: 'string',
    description: 'Post as the bot, or through a channel webhook showing the Instagram name and picture',
    choices: [
      { name: 'bot message', value: 'message' },
      { name: 'channel webhook', value: 'webhook' },
    ],
  },
} as const;

const feed = {
  feed: { kind: 'string', description: 'The feed (see /feed list)', required: true, autocomplete: true, maxLength: 40 },
} as const;

const definition = defineSlash({
  name: 'feed',
  description: 'Post Instagram posts into channels of this server',
  // Every subcommand needs channel feeds, which a provider may not offer yet.
  requires: 'account-feeds',
  defaultMemberPermissions: PermissionFlagsBits.ManageGuild,
  contexts: [InteractionContextType.Guild],
  subcommands: {
    'add-account': {
      requires: 'account-feeds',
      description: "Follow an Instagram account's posts: yours, or one your link can read (you pay)",
      options: {
        ...target,
        account: {
          kind: 'string',
          description: 'Another account to follow (yours when left out)',
          autocomplete: true,
          maxLength: 100,
        },
        ...deliveryOptions,
      },
    },
    'add-tag': {
      requires: 'tag-feeds',
      description: 'Follow a tag (read with your linked account)',
      options: {
        ...target,
        tag: {
          kind: 'string',
          description: 'The tag, with or without #',
          required: true,
          autocomplete: true,
          maxLength: 101,
        },
        ...deliveryOptions,
      },
    },
    'add-location': {
      requires: 'location-feeds',
      description: 'Follow a location (read with your linked account)',
      options: {
        ...target,
        location: {
          kind: 'string',
          description: 'A place: pick a suggestion (type "lat,lng" or a name), or its location id',
          required: true,
          autocomplete: true,
          maxLength: 100,
        },
        ...deliveryOptions,
      },
    },
    list: { description: "This server's feeds, their state and their last and next posts" },
    edit: {
      description: "Change a feed's channel, mention, delivery or digest, keeping what it delivered",
      options: {
        ...feed,
        channel: { ...target.channel, description: 'Move the feed to this channel', required: false },
        ...deliveryOptions,
        'clear-mention': { kind: 'boolean', description: 'Stop mentioning a role with each post' },
        digest: {
          kind: 'string',
          description: 'One message per post, or a digest per hour or day',
          choices: DIGEST_CHOICES,
        },
        'digest-time': {
          kind: 'string',
          description: "A daily digest's time, HH:MM in the server's time zone",
          maxLength: 5,
        },
      },
    },
    remove: { description: 'Stop and delete a feed (asks to confirm)', options: feed },
    pause: { description: 'Stop posting for a feed until it is resumed', options: feed },
    resume: { description: 'Start posting again for a paused or disabled feed', options: feed },
    test: { description: "Post the source's latest media now, marked as a test", options: feed },
    backfill: {
      description: 'Post the last few posts now (asks to confirm)',
      options: {
        ...feed,
        count: {
          kind: 'integer',
          description: `How many posts (1 to ${BACKFILL_MAX})`,
          required: true,
          minValue: 1,
          maxValue: BACKFILL_MAX,
        },
      },
    },
  },
});

export default defineCommand({
  ...slashCommand(definition, {
    'add-account': (interaction, ctx, o) =>
      o.account === undefined
        ? addFeed(interaction, ctx, 'account', o)
        : askAccountFeed(interaction, ctx, { ...o, account: o.account }),
    'add-tag': (interaction, ctx, o) => addFeed(interaction, ctx, 'tag', o),
    'add-location': (interaction, ctx, o) => addFeed(interaction, ctx, 'location', o),
    list: (interaction, ctx) => listFeeds(interaction, ctx),
    edit: (interaction, ctx, o) => editFeed(interaction, ctx, o),
    remove: (interaction, ctx, o) => askRemoveFeed(interaction, ctx, o.feed),
    pause: (interaction, ctx, o) => pauseFeed(interaction, ctx, o.feed),
    resume: (interaction, ctx, o) => resumeFeed(interaction, ctx, o.feed),
    test: (interaction, ctx, o) => testFeed(interaction, ctx, o.feed),
    backfill: (interaction, ctx, o) => askBackfill(interaction, ctx, o.feed, o.count),
  }),
  // Adding verifies the source with Instagram and may create a webhook: more than Discord's 3 s can allow.
  defer: 'ephemeral',
  autocomplete,
  components: {
    [FEED_COMPONENT_PREFIX]: (i, ctx) =>
      isRemoveButton(i.customId)
        ? pressRemoveButton(i, ctx)
        : isCatchUpButton(i.customId)
          ? pressCatchUpButton(i, ctx)
          : isMoveButton(i.customId)
            ? pressMoveButton(i, ctx)
            : pressFeedButton(i, ctx),
    [ACCOUNT_FEED_PREFIX]: pressAccountFeedButton,
  },
});

/** Feeds of this guild matching what was typed, for admins only; tags from Instagram's search, within budget. */
async function autocomplete(interaction: AutocompleteInteraction, deps: CommandDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).trim().toLowerCase();
  if (!isFeedAdmin(interaction) || interaction.guildId === null) {
    await interaction.respond([]);
    return;
  }
  if (focused.name === 'feed') {
    const feeds = await deps.storage.feeds.listByGuild(interaction.guildId);
    const choices = [];
    for (const feed of feeds.sort((a, b) => a.createdAt - b.createdAt)) {
      const channel = interaction.guild?.channels.cache.get(feed.channelId)?.name ?? feed.channelId;
      const owner =
        feed.source.kind === 'account' ? await deps.storage.accounts.get(feed.ownerDiscordUserId) : undefined;
      const name = `${feed.id} · ${describeSource(feed, owner)} → #${channel} (${feed.state.kind})`.slice(0, 100);
      if (typed === '' || name.toLowerCase().includes(typed)) choices.push({ name, value: feed.id });
      if (choices.length === 25) break;
    }
    await interaction.respond(choices);
    return;
  }
  if (focused.name === 'account') {
    // The same suggestions as /user's: a user search with the invoker's link, cached and within budget.
    await suggestUsers(interaction, deps, 'search');
    return;
  }
  if (focused.name === 'location') {
    // The same suggestions as /location's: around typed coordinates, by name near the last point, recent places.
    await suggestLocations(interaction, deps, deps.recentPlaces);
    return;
  }
  if (focused.name === 'tag') {
    const query = bareTag(typed);
    const found = query === '' ? undefined : await deps.storage.accounts.getWithToken(interaction.user.id);
    if (found === undefined || found.account.status !== 'active') {
      await interaction.respond([]);
      return;
    }
    const auth = { userId: found.account.instagramUserId, accessToken: found.accessToken };
    // The same kind as /tag's suggestions: one search serves both, and each reads the answer as what it is.
    const tags = await deps.lookups.get(
      found.account.instagramUserId,
      LOOKUPS.tags,
      query,
      () => deps.instagram.tags.search(auth, query, { priority: 'interactive' }),
      [],
    );
    const names = tags.map((t) => t.name);
    await interaction.respond(
      names.slice(0, 25).map((n) => ({ name: truncate(plain(`#${n}`, 'label'), 100), value: n.slice(0, 100) })),
    );
  }
}
