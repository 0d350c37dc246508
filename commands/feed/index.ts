// /feed: server admins connect channels to Instagram sources — a linked account's own posts, a tag or a
// location — and list, pause, resume, remove, test and backfill them. Manage Server by default (Discord hides the
// command from others), and every handler checks the member's permission again, since admins can change who sees
// a command. All answers are ephemeral: this is admin tooling, not channel chatter. The work lives beside this
// file (add-feed.ts, manage-feed.ts, feed-posting.ts, …); this file is the definition and the routing.
import { InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { autocomplete } from './feed-autocomplete.js';
import { defineCommand } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';
import { addFeed } from './add-feed.js';
import { FEED_CHANNEL_TYPES } from './channel-permissions.js';
import { editFeed } from './edit-feed.js';
import { ACCOUNT_FEED_PREFIX, askAccountFeed, pressAccountFeedButton } from './add-account.js';
import { BACKFILL_MAX, FEED_COMPONENT_PREFIX, askBackfill, pressFeedButton, testFeed } from './feed-posting.js';
import { listFeeds, pauseFeed, resumeFeed } from './manage-feed.js';
import { addFilter, listFilters, removeFilter } from './feed-filters.js';
import { whyPost } from './feed-why.js';
import { FILTER_FIELDS, FILTER_MODES, MAX_FILTER_RULES, MAX_PATTERN_LENGTH } from '../../src/core/index.js';
import { askRemoveFeed, isRemoveButton, pressRemoveButton } from './remove-feed.js';
import { isCatchUpButton, pressCatchUpButton } from './resume-choice.js';
import { isMoveButton, pressMoveButton } from './move-feed.js';
import {
  feedSettings,
  isTemplateComponent,
  openTemplate,
  previewFeed,
  pressTemplateComponent,
} from './feed-template.js';
import { DIGEST_CHOICES } from './digest-option.js';

const target = {
  channel: {
    kind: 'channel',
    description: 'The channel, forum (a thread per post) or thread that gets the posts',
    required: true,
    channelTypes: FEED_CHANNEL_TYPES,
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
  groups: { filter: 'Which posts a feed lets through: include and exclude rules' },
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
    'add-stories': {
      requires: 'story-feeds',
      description: "Follow your linked account's stories: each new story once, while it lives (24 h)",
      options: { ...target, ...deliveryOptions },
    },
    'add-comments': {
      requires: 'comment-moderation',
      description: "Each new comment on your linked account's posts, once, with Hide and Reply buttons for you",
      options: { ...target, ...deliveryOptions },
    },
    'add-mentions': {
      requires: 'mentions',
      description: 'Each new post that tags or mentions your linked account, once',
      options: { ...target, ...deliveryOptions },
    },
    'add-tag': {
      requires: 'tag-feeds',
      description: "Follow a hashtag's new posts (read with your link; on Graph it holds one of 30 weekly hashtags)",
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
      description: "Change a feed's channel, mention, delivery, digest or on-change, keeping what it delivered",
      options: {
        ...feed,
        channel: { ...target.channel, description: 'Move the feed to this channel', required: false },
        ...deliveryOptions,
        'clear-mention': { kind: 'boolean', description: 'Stop mentioning a role with each post' },
        'on-change': {
          kind: 'string',
          description: 'When a post is edited or deleted on Instagram within 24 h (default: edit)',
          choices: [
            { name: 'edit the message to match', value: 'edit' },
            { name: 'mark the message as edited or deleted', value: 'mark' },
            { name: 'leave the message as posted', value: 'leave' },
          ],
        },
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
    template: {
      description: "Edit how a feed's posts look (opens a form, shows a preview before saving)",
      options: {
        ...feed,
        reset: { kind: 'boolean', description: 'Go back to the built-in layout instead' },
      },
    },
    preview: { description: "Show a feed's layout on its source's latest post, privately", options: feed },
    settings: {
      description: 'The time zone and format feed templates write times in, for this server',
      options: {
        timezone: { kind: 'string', description: 'An IANA time zone, e.g. Europe/Paris', maxLength: 64 },
        'time-format': {
          kind: 'string',
          description: 'How much of the date and time to show',
          choices: [
            { name: 'short (7/26/16, 1:54 PM)', value: 'short' },
            { name: 'medium (Jul 26, 2016, 1:54:50 PM)', value: 'medium' },
            { name: 'long (July 26, 2016 at 1:54:50 PM UTC)', value: 'long' },
            { name: 'full (Tuesday, July 26, 2016 at …)', value: 'full' },
          ],
        },
      },
    },
    why: {
      description: 'Why a post did or did not arrive: delivered, filtered, not seen yet, paused, failed',
      options: {
        post: {
          kind: 'string',
          description: 'A post link (instagram.com/p/…) or a media id',
          required: true,
          maxLength: 300,
        },
      },
    },
    'filter add': {
      description: 'Add a rule: a post must match an include rule of each field used, and no exclude rule',
      options: {
        ...feed,
        mode: {
          kind: 'string',
          description: 'Let matching posts through, or hold them back',
          required: true,
          choices: FILTER_MODES.map((m) => ({ name: m, value: m })),
        },
        field: {
          kind: 'string',
          description: 'What the rule looks at (author: tag and location feeds)',
          required: true,
          choices: FILTER_FIELDS.map((f) => ({ name: f, value: f })),
        },
        value: {
          kind: 'string',
          description: 'A hashtag, keyword, regular expression, kind (image, video, …) or @author',
          required: true,
          maxLength: MAX_PATTERN_LENGTH,
        },
      },
    },
    'filter remove': {
      description: 'Remove a rule, by its number in /feed filter list',
      options: {
        ...feed,
        rule: {
          kind: 'integer',
          description: 'The rule number',
          required: true,
          minValue: 1,
          maxValue: MAX_FILTER_RULES,
        },
      },
    },
    'filter list': { description: "A feed's filter rules, numbered, and how they decide", options: feed },
  },
});

export default defineCommand({
  ...slashCommand(definition, {
    'add-account': (interaction, ctx, o) =>
      o.account === undefined
        ? addFeed(interaction, ctx, 'account', o)
        : askAccountFeed(interaction, ctx, { ...o, account: o.account }),
    'add-stories': (interaction, ctx, o) => addFeed(interaction, ctx, 'stories', o),
    'add-comments': (interaction, ctx, o) => addFeed(interaction, ctx, 'comments', o),
    'add-mentions': (interaction, ctx, o) => addFeed(interaction, ctx, 'mentions', o),
    'add-tag': (interaction, ctx, o) => addFeed(interaction, ctx, 'tag', o),
    'add-location': (interaction, ctx, o) => addFeed(interaction, ctx, 'location', o),
    list: (interaction, ctx) => listFeeds(interaction, ctx),
    edit: (interaction, ctx, o) => editFeed(interaction, ctx, o),
    remove: (interaction, ctx, o) => askRemoveFeed(interaction, ctx, o.feed),
    pause: (interaction, ctx, o) => pauseFeed(interaction, ctx, o.feed),
    resume: (interaction, ctx, o) => resumeFeed(interaction, ctx, o.feed),
    test: (interaction, ctx, o) => testFeed(interaction, ctx, o.feed),
    backfill: (interaction, ctx, o) => askBackfill(interaction, ctx, o.feed, o.count),
    template: (interaction, ctx, o) => openTemplate(interaction, ctx, o),
    preview: (interaction, ctx, o) => previewFeed(interaction, ctx, o.feed),
    settings: (interaction, ctx, o) => feedSettings(interaction, ctx, o),
    why: (interaction, ctx, o) => whyPost(interaction, ctx, o.post),
    'filter add': (interaction, ctx, o) => addFilter(interaction, ctx, o),
    'filter remove': (interaction, ctx, o) => removeFilter(interaction, ctx, o),
    'filter list': (interaction, ctx, o) => listFilters(interaction, ctx, o),
  }),
  // Adding verifies the source with Instagram and may create a webhook: more than Discord's 3 s can allow. The
  // template form is the exception: a modal must be the interaction's first answer (a reset answers in time).
  defer: (interaction) =>
    interaction.options.getSubcommand(false) === 'template' && interaction.options.getBoolean('reset') !== true
      ? false
      : 'ephemeral',
  autocomplete,
  components: {
    [FEED_COMPONENT_PREFIX]: (i, ctx) =>
      isTemplateComponent(i.customId)
        ? pressTemplateComponent(i, ctx)
        : isRemoveButton(i.customId)
          ? pressRemoveButton(i, ctx)
          : isCatchUpButton(i.customId)
            ? pressCatchUpButton(i, ctx)
            : isMoveButton(i.customId)
              ? pressMoveButton(i, ctx)
              : pressFeedButton(i, ctx),
    [ACCOUNT_FEED_PREFIX]: pressAccountFeedButton,
  },
});
