// /feed add-account, add-tag and add-location: everything is checked before the feed is stored, in the order
// that costs least — the member may manage the server, the options are valid, the bot can post in the channel
// (naming what is missing), the invoker's link is active (and may read public content, for tags and locations,
// which their link pays for), the channel does not already follow the source, and Instagram knows the tag or
// location. Only then is the webhook made, the feed stored, and the engine told to start from the newest post,
// so an existing back catalogue is never flooded into the channel. If that last step fails, the feed is removed
// again: the admin sees the error and nothing half-made stays behind.
// On Graph (Facebook Login) a tag is checked with Hashtag Search, which holds one of the payer's 30 weekly hashtag
// slots (reference §1.4): the 31st unique tag of 7 days is refused with the date a slot frees (hashtag-slots.ts).
import type { ChatInputCommandInteraction, Client } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import type { RoleValue } from '../../src/discord/typed-options.js';
import { UserFacingError, linkButtonRow } from '../../src/discord/errors.js';
import { requireLinkedAccount, withInstagram } from '../_shared/linked-account.js';
import { sourceKey, type Feed, type FeedDeliveryInput, type FeedSource } from '../../src/storage/index.js';
import {
  canMentionRole,
  requireFeedChannel,
  type DeliveryMode,
  placeOf,
  webhookChannel,
} from './channel-permissions.js';
import { requireFeedAdmin } from './feed-admin.js';
import { requireMentionableRole } from './mention-role.js';
import { describeSource } from './feed-list.js';
import { coordinatePair } from '../_shared/input/location-input.js';
import { placeIdByName } from '../_shared/places/place-by-name.js';
import { parseTagName } from '../_shared/input/tag-name.js';
import { releaseWebhook, webhookForChannel } from './feed-webhook.js';
import { text as textOf } from '../../src/i18n/i18n.js';
import { findHashtagForFeed } from './hashtag-slots.js';

export type AddKind = FeedSource['kind'];

/** The options of /feed add-account, add-tag and add-location, as the command read them. */
export interface AddFeedOptions {
  channel: { id: string };
  delivery: DeliveryMode | undefined;
  mention: RoleValue | undefined;
  /** add-tag's tag, as typed. */
  tag?: string | undefined;
  /** add-account's account: another Instagram account to follow (commands/feed/add-account.ts), as typed. */
  account?: string | undefined;
  /** add-location's location: an id, or a place's name, as typed (or picked from the suggestions). */
  location?: string | undefined;
}

/** A place as given: its id, or its name (resolved once the invoker's link is known). */
type PlaceChoice = { id: string } | { name: string };

/**
 * The source as chosen in the options; an account source is completed with the invoker's link, and a place given
 * by name is resolved to its id.
 */
type ChosenSource = { kind: 'tag'; name: string } | { kind: OwnKind } | { kind: 'location'; place: PlaceChoice };

/** The kinds of source that are the invoker's own linked account. */
type OwnKind = 'account' | 'stories' | 'comments' | 'mentions';
const isOwnKind = (kind: string): kind is OwnKind =>
  kind === 'account' || kind === 'stories' || kind === 'comments' || kind === 'mentions';

/** The scope tag and location endpoints need (reference §4.3). */
const PUBLIC_CONTENT = 'public_content';

/**
 * A feed follows a location by its id, or by a name that names one place exactly. Bare coordinates are refused:
 * they would pick a place the admin has not seen (the suggestions for typed coordinates show the places first).
 */
function placeChoice(value: string): PlaceChoice {
  const text = value.trim();
  if (/^\d{1,30}$/.test(text)) return { id: text };
  if (coordinatePair(text) !== undefined) {
    throw new UserFacingError('input.invalid-location', textOf('feed.add.pointNotPlace'));
  }
  if (text === '') throw new UserFacingError('input.invalid-location', textOf('feed.add.noPlace'));
  return { name: text };
}

export async function addFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  kind: AddKind,
  options: AddFeedOptions,
): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const channelId = options.channel.id;
  const mode: DeliveryMode = options.delivery ?? 'message';
  const role = options.mention ?? null;
  if (role !== null && role.id === admin.guildId) {
    throw new UserFacingError('feeds.mention-everyone', textOf('feed.add.noEveryone'));
  }
  if (role !== null) requireMentionableRole(interaction, role);
  // Checked before anything else is looked at, so a mistyped tag costs nothing.
  const chosen: ChosenSource =
    kind === 'tag'
      ? { kind, name: parseTagName(options.tag ?? '', 'tag').toLowerCase() }
      : kind === 'location'
        ? { kind, place: placeChoice(options.location ?? '') }
        : isOwnKind(kind)
          ? { kind }
          : { kind: 'account' };

  const channel = await requireFeedChannel(interaction.client, interaction.guild, channelId, mode, ctx.t);

  // The source's owner is always the invoker: their own posts, or a tag/location read (and paid) with their link.
  const linked = await requireLinkedAccount(ctx.storage, admin.userId);
  // Hashtag Search (Graph) asks for no scope of its own; v1's tag and location endpoints need public_content.
  const hashtagSearch = chosen.kind === 'tag' && ctx.instagram.capabilities.has('hashtag-search');
  if (
    (chosen.kind === 'tag' || chosen.kind === 'location') &&
    !hashtagSearch &&
    !linked.account.scopes.includes(PUBLIC_CONTENT)
  ) {
    throw new UserFacingError(
      'instagram.scope-missing',
      textOf('feed.add.needsPublicContent', { scope: PUBLIC_CONTENT }),
      { components: (t) => [linkButtonRow(t('buttons.relinkInstagram'), PUBLIC_CONTENT)] },
    );
  }
  const source: FeedSource =
    chosen.kind === 'tag'
      ? chosen
      : chosen.kind === 'location'
        ? {
            kind: 'location',
            id: 'id' in chosen.place ? chosen.place.id : await placeIdByName(ctx, admin.userId, chosen.place.name),
          }
        : { kind: chosen.kind, instagramUserId: linked.account.instagramUserId };

  const key = sourceKey(source);
  const existing = (await ctx.storage.feeds.listByChannel(channelId)).find(
    (f) => f.guildId === admin.guildId && sourceKey(f.source) === key,
  );
  if (existing !== undefined) {
    throw new UserFacingError(
      'feeds.duplicate',
      textOf('feed.add.duplicate', { channel: `<#${channelId}>`, id: existing.id }),
    );
  }

  let placeName: string | undefined;
  if (source.kind === 'tag' && hashtagSearch) {
    await findHashtagForFeed(ctx, admin.userId, linked.account.instagramUserId, source.name);
  } else if (source.kind === 'tag') {
    await withInstagram(ctx, admin.userId, ({ auth }) =>
      ctx.instagram.tags.get(auth, source.name, { priority: 'interactive' }),
    );
  } else if (source.kind === 'location') {
    const found = await withInstagram(ctx, admin.userId, ({ auth }) =>
      ctx.instagram.locations.get(auth, source.id, { priority: 'interactive' }),
    );
    placeName = found.name;
  }

  let delivery: FeedDeliveryInput = { mode: 'message' };
  if (mode === 'webhook') {
    const webhook = await webhookForChannel(ctx.storage, interaction.client, webhookChannel(channel), ctx.log);
    delivery = { mode: 'webhook', webhookId: webhook.webhookId, webhookToken: webhook.webhookToken };
  }

  const feed = await ctx.storage.feeds.add({
    guildId: admin.guildId,
    channelId,
    source,
    ownerDiscordUserId: admin.userId,
    ownerInstagramUserId: linked.account.instagramUserId,
    createdBy: admin.userId,
    mentionRoleId: role?.id,
    place: placeOf(channel),
    delivery,
  });
  await startFromNewest(ctx, feed, interaction.client);
  ctx.log.info({ feedId: feed.id, source: key, mode }, 'feed added');

  const mentionNote =
    role === null
      ? ''
      : canMentionRole(channel, interaction.client, 'mentionable' in role ? role.mentionable : false)
        ? ctx.t('feed.add.mentions', { role: `<@&${role.id}>` })
        : ctx.t('feed.add.namesOnly', { role: `<@&${role.id}>` });
  const what =
    source.kind === 'location' && placeName
      ? ctx.t('feed.add.placeSource', { name: placeName, id: source.id })
      : describeSource(feed, linked.account, ctx.t);
  await ctx.respond.reply({
    content: ctx.t('feed.add.added', {
      id: feed.id,
      what,
      channel: `<#${channelId}>`,
      mode: ctx.t(
        feed.place === 'forum'
          ? 'feed.add.asForumThreads'
          : mode === 'webhook'
            ? 'feed.add.asWebhook'
            : 'feed.add.asBot',
      ),
      mention: mentionNote,
    }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** The engine sets the source's cursor at its newest media; if that fails, the feed is taken back out. */
export async function startFromNewest(ctx: CommandContext, feed: Feed, client: Client): Promise<void> {
  try {
    await ctx.deliveries.initSource(feed);
  } catch (error) {
    await ctx.storage.feeds.remove(feed.id);
    await releaseWebhook(ctx.storage, client, feed, ctx.log);
    throw error;
  }
}
