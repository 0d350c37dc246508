// How /feed list shows a guild's feeds: one embed field per feed with everything an admin needs to see why a
// feed is or is not posting — channel, source, owner, mention, delivery mode, state with its reason, the last
// delivery and the next check — five feeds to a page, with a Move button for a feed waiting for its owner's old
// Instagram account. Times use Discord's relative timestamp markup.
import { describeDigest, stateReason } from '../../src/core/index.js';
import {
  ButtonStyle,
  ComponentType,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Account, Feed } from '../../src/storage/index.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import type { Page } from '../../src/discord/pagination.js';
import type { CommandServices } from '../../src/discord/command.js';
import { plain } from '../../src/discord/embeds/text.js';

export const FEEDS_PER_PAGE = 5;

/** `#sunset`, `@mila.garden's posts`, `location 123`: what the feed follows, in words. */
export function describeSource(feed: Feed, owner: Account | undefined): string {
  switch (feed.source.kind) {
    case 'tag':
      return `tag ${plain(`#${feed.source.name}`)}`;
    case 'location':
      return `location ${feed.source.id}`;
    case 'stories':
      return owner !== undefined && owner.instagramUserId === feed.source.instagramUserId
        ? `${plain(`@${owner.username}`)}'s stories`
        : `the stories of Instagram account ${feed.source.instagramUserId}`;
    case 'account':
      if (owner !== undefined && owner.instagramUserId === feed.source.instagramUserId)
        return `${plain(`@${owner.username}`)}'s posts`;
      // Another account's feed keeps that account's name from when its payer consented (add-account.ts).
      return feed.consent !== undefined
        ? `${plain(`@${feed.consent.username}`)}'s posts`
        : `the posts of Instagram account ${feed.source.instagramUserId}`;
  }
}

const STATE_LABEL: Record<Feed['state']['kind'], string> = {
  active: '▶ active',
  paused: '⏸ paused',
  disabled: '⛔ disabled',
};

export function describeFeed(
  feed: Feed,
  owner: Account | undefined,
  status: { lastDeliveryAt?: number | undefined; nextCheckAt?: number | undefined } | undefined,
): APIEmbedField {
  const lastDeliveryAt = status?.lastDeliveryAt ?? feed.lastDeliveryAt;
  const nextCheck =
    feed.state.kind !== 'active'
      ? 'none while it is not active'
      : status?.nextCheckAt !== undefined
        ? relativeTime(status.nextCheckAt)
        : 'not scheduled';
  // Worded from the structured state (src/core/feed-lifecycle.ts), never stored as text.
  const reason = stateReason(feed.state);
  const lines = [
    `<#${feed.channelId}> ← ${describeSource(feed, owner)}`,
    `Paid by <@${feed.ownerDiscordUserId}>${feed.consent === undefined ? '' : `, who consented ${relativeTime(feed.consent.at)}`} · mentions ${feed.mentionRoleId === undefined ? 'nobody' : `<@&${feed.mentionRoleId}>`} · posts as ${feed.delivery.mode === 'webhook' ? 'a channel webhook' : 'bot messages'}`,
    `State: ${STATE_LABEL[feed.state.kind]}${reason ? ` — ${reason}` : ''}`,
    `Last delivery ${lastDeliveryAt === undefined ? 'never' : relativeTime(lastDeliveryAt)} · next check ${nextCheck}`,
    // The rules live in the record, so counting them costs nothing (their outcomes: /feed why).
    ...(feed.filters !== undefined && feed.filters.length > 0
      ? [`Filters: ${feed.filters.length} rule${feed.filters.length === 1 ? '' : 's'} (/feed filter list)`]
      : []),
    ...(feed.digest !== undefined ? [`Posts ${describeDigest(feed.digest, "the server's time zone")}`] : []),
  ];
  const value = lines.join('\n');
  return { name: `Feed \`${feed.id}\``, value: value.length > 1024 ? `${value.slice(0, 1023)}…` : value };
}

/**
 * "Move to @new" for a feed waiting for the Instagram account its owner linked before (src/accounts/link.ts): the
 * owner's link now points to another account, which the button moves the feed to (move-feed.ts).
 */
function moveButton(feed: Feed, owner: Account | undefined): APIButtonComponentWithCustomId[] {
  const waiting =
    feed.state.kind === 'paused' &&
    feed.state.by === 'owner-unlinked' &&
    feed.state.instagramUserId === feed.ownerInstagramUserId;
  if (
    !waiting ||
    owner === undefined ||
    owner.status !== 'active' ||
    owner.instagramUserId === feed.ownerInstagramUserId
  )
    return [];
  return [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: `Move to ${plain(`@${owner.username}`, 'label')}: ${feed.id}`.slice(0, 80),
      custom_id: `feed:move:${feed.id}`,
    },
  ];
}

/** The pages of a guild's feeds, oldest first, for the paginator. */
export function feedListPages(
  feeds: readonly Feed[],
  owners: ReadonlyMap<string, Account>,
  deliveries: Pick<CommandServices['deliveries'], 'status'>,
): { count: number; render(index: number): Page } {
  const sorted = [...feeds].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const count = Math.max(1, Math.ceil(sorted.length / FEEDS_PER_PAGE));
  return {
    count,
    render(index) {
      const slice = sorted.slice(index * FEEDS_PER_PAGE, (index + 1) * FEEDS_PER_PAGE);
      const embed: APIEmbed = {
        title: `Feeds in this server (${sorted.length})`,
        fields: slice.map((feed) => describeFeed(feed, owners.get(feed.ownerDiscordUserId), deliveries.status(feed))),
        footer: { text: 'Remove, pause, resume, test or backfill a feed with /feed and its id.' },
      };
      const moves = slice.flatMap((feed) => moveButton(feed, owners.get(feed.ownerDiscordUserId)));
      return {
        embeds: [embed],
        ...(moves.length > 0 ? { actions: [{ type: ComponentType.ActionRow, components: moves }] } : {}),
      };
    },
  };
}
