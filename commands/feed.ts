// /feed: server admins connect channels to Instagram sources — a linked account's own posts, a tag or a
// location — and list, pause, resume, remove, test and backfill them. Manage Server by default (Discord hides the
// command from others), and every handler checks the member's permission again, since admins can change who sees
// a command. All answers are ephemeral: this is admin tooling, not channel chatter. The work lives in
// src/discord/feeds/; this file is the definition and the routing.
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { defineCommand, type CommandDeps } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { addFeed } from '../src/discord/feeds/add-feed.js';
import { isFeedAdmin } from '../src/discord/feeds/feed-admin.js';
import { describeSource } from '../src/discord/feeds/feed-list.js';
import { BACKFILL_MAX, FEED_COMPONENT_PREFIX, askBackfill, pressFeedButton, testFeed } from '../src/discord/feeds/feed-posting.js';
import { listFeeds, pauseFeed, removeFeed, resumeFeed } from '../src/discord/feeds/manage-feed.js';
import { bareTag } from '../src/instagram/places-api.js';

const withTarget = (sub: SlashCommandSubcommandBuilder) =>
  sub.addChannelOption((o) =>
    o.setName('channel').setDescription('The channel that gets the posts').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
  );

const withDeliveryOptions = (sub: SlashCommandSubcommandBuilder) =>
  sub
    .addRoleOption((o) => o.setName('mention').setDescription('A role to mention with each post'))
    .addStringOption((o) =>
      o
        .setName('delivery')
        .setDescription('Post as the bot, or through a channel webhook showing the Instagram name and picture')
        .addChoices({ name: 'bot message', value: 'message' }, { name: 'channel webhook', value: 'webhook' }),
    );

const withFeed = (sub: SlashCommandSubcommandBuilder) =>
  sub.addStringOption((o) => o.setName('feed').setDescription('The feed (see /feed list)').setRequired(true).setAutocomplete(true).setMaxLength(40));

const data = new SlashCommandBuilder()
  .setName('feed')
  .setDescription('Post Instagram posts into channels of this server')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => withDeliveryOptions(withTarget(s.setName('add-account').setDescription("Follow your linked Instagram account's own posts"))))
  .addSubcommand((s) =>
    withDeliveryOptions(
      withTarget(s.setName('add-tag').setDescription('Follow a tag (read with your linked account)')).addStringOption((o) =>
        o.setName('tag').setDescription('The tag, with or without #').setRequired(true).setAutocomplete(true).setMaxLength(101),
      ),
    ),
  )
  .addSubcommand((s) =>
    withDeliveryOptions(
      withTarget(s.setName('add-location').setDescription('Follow a location (read with your linked account)')).addStringOption((o) =>
        o.setName('location').setDescription("Instagram's numeric location id").setRequired(true).setMaxLength(30),
      ),
    ),
  )
  .addSubcommand((s) => s.setName('list').setDescription("This server's feeds, their state and their last and next posts"))
  .addSubcommand((s) => withFeed(s.setName('remove').setDescription('Stop and delete a feed')))
  .addSubcommand((s) => withFeed(s.setName('pause').setDescription('Stop posting for a feed until it is resumed')))
  .addSubcommand((s) => withFeed(s.setName('resume').setDescription('Start posting again for a paused or disabled feed')))
  .addSubcommand((s) => withFeed(s.setName('test').setDescription("Post the source's latest media now, marked as a test")))
  .addSubcommand((s) =>
    withFeed(s.setName('backfill').setDescription('Post the last few posts now (asks to confirm)')).addIntegerOption((o) =>
      o.setName('count').setDescription(`How many posts (1 to ${BACKFILL_MAX})`).setRequired(true).setMinValue(1).setMaxValue(BACKFILL_MAX),
    ),
  );

export default defineCommand({
  data,
  // Adding verifies the source with Instagram and may create a webhook: more than Discord's 3 s can allow.
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    switch (sub) {
      case 'add-account':
        return addFeed(interaction, ctx, 'account');
      case 'add-tag':
        return addFeed(interaction, ctx, 'tag');
      case 'add-location':
        return addFeed(interaction, ctx, 'location');
      case 'list':
        return listFeeds(interaction, ctx);
      case 'remove':
        return removeFeed(interaction, ctx);
      case 'pause':
        return pauseFeed(interaction, ctx);
      case 'resume':
        return resumeFeed(interaction, ctx);
      case 'test':
        return testFeed(interaction, ctx);
      case 'backfill':
        return askBackfill(interaction, ctx);
      default:
        throw new UserFacingError('igcord.unknown-subcommand', `/feed ${sub.slice(0, 40)} is not a feed command any more.`);
    }
  },
  autocomplete,
  components: { [FEED_COMPONENT_PREFIX]: pressFeedButton },
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
      const owner = feed.source.kind === 'account' ? await deps.storage.accounts.get(feed.ownerDiscordUserId) : undefined;
      const name = `${feed.id} · ${describeSource(feed, owner)} → #${channel} (${feed.state})`.slice(0, 100);
      if (typed === '' || name.toLowerCase().includes(typed)) choices.push({ name, value: feed.id });
      if (choices.length === 25) break;
    }
    await interaction.respond(choices);
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
    const names = await deps.lookups.get(
      found.account.instagramUserId,
      'tag',
      query,
      async () => (await deps.instagram.tags.search(auth, query, { priority: 'interactive' })).data.map((t) => t.name),
      [] as string[],
    );
    await interaction.respond(names.slice(0, 25).map((n) => ({ name: `#${n}`.slice(0, 100), value: n.slice(0, 100) })));
  }
}
