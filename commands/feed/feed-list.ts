// How /feed list shows a guild's feeds: one embed field per feed with everything an admin needs to see why a
// feed is or is not posting — channel, source, owner, mention, delivery mode, state with its reason, the last
// delivery and the next check — five feeds to a page, with a Move button for a feed waiting for its owner's old
// Instagram account. Times use Discord's relative timestamp markup.
import { describeDigest } from '../../src/core/index.js';
import { describeFeedState } from '../../src/discord/notice-text.js';
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
import type { Translate } from '../../src/i18n/i18n.js';

export const FEEDS_PER_PAGE = 5;

/** `#sunset`, `@mila.garden's posts`, `location 123`: what the feed follows, in words. */
export function describeSource(feed: Feed, owner: Account | undefined, t: Translate): string {
  switch (feed.source.kind) {
    case 'tag':
      return t('feed.source.tag', { tag: plain(`#${feed.source.name}`) });
    case 'location':
      return t('feed.source.location', { id: feed.source.id });
    case 'stories':
      return owner !== undefined && owner.instagramUserId === feed.source.instagramUserId
        ? t('feed.source.accountStories', { account: plain(`@${owner.username}`) })
        : t('feed.source.storiesId', { id: feed.source.instagramUserId });
    case 'comments':
      return owner !== undefined && owner.instagramUserId === feed.source.instagramUserId
        ? t('feed.source.accountComments', { account: plain(`@${owner.username}`) })
        : t('feed.source.commentsId', { id: feed.source.instagramUserId });
    case 'mentions':
      return owner !== undefined && owner.instagramUserId === feed.source.instagramUserId
        ? t('feed.source.accountMentions', { account: plain(`@${owner.username}`) })
        : t('feed.source.mentionsId', { id: feed.source.instagramUserId });
    case 'account':
      if (owner !== undefined && owner.instagramUserId === feed.source.instagramUserId)
        return t('feed.source.accountPosts', { account: plain(`@${owner.username}`) });
      // Another account's feed keeps that account's name from when its payer consented (add-account.ts).
      return feed.consent !== undefined
        ? t('feed.source.accountPosts', { account: plain(`@${feed.consent.username}`) })
        : t('feed.source.accountId', { id: feed.source.instagramUserId });
  }
}

/** An epoch-ms date in Discord's timestamp markup, full and relative: `<t:…:f> (<t:…:R>)`. */
export function slotDate(at: number): string {
  const s = Math.ceil(at / 1000);
  return `<t:${s}:f> (<t:${s}:R>)`;
}

export function describeFeed(
  feed: Feed,
  owner: Account | undefined,
  status: { lastDeliveryAt?: number | undefined; nextCheckAt?: number | undefined } | undefined,
  t: Translate,
): APIEmbedField {
  const lastDeliveryAt = status?.lastDeliveryAt ?? feed.lastDeliveryAt;
  const nextCheck =
    feed.state.kind !== 'active'
      ? t('feed.list.noCheck')
      : status?.nextCheckAt !== undefined
        ? relativeTime(status.nextCheckAt)
        : t('feed.list.notScheduled');
  // Worded from the structured state (src/core/feed-state.ts) in the reader's language, never stored as text.
  const reason = describeFeedState(feed.state, t, feed.ownerDiscordUserId);
  const paidBy =
    t('feed.list.paidBy', { payer: `<@${feed.ownerDiscordUserId}>` }) +
    (feed.consent === undefined ? '' : t('feed.list.consented', { when: relativeTime(feed.consent.at) }));
  const mentions = t('feed.list.mentions', {
    role: feed.mentionRoleId === undefined ? t('feed.list.nobody') : `<@&${feed.mentionRoleId}>`,
  });
  const postsAs = t(
    feed.place === 'forum'
      ? 'feed.list.postsAsForum'
      : feed.delivery.mode === 'webhook'
        ? 'feed.list.postsAsWebhook'
        : 'feed.list.postsAsBot',
  );
  const state = t('feed.list.stateLine', { state: t(`feed.list.state.${feed.state.kind}`) });
  const lines = [
    `<#${feed.channelId}> ← ${describeSource(feed, owner, t)}`,
    `${paidBy} · ${mentions} · ${postsAs}`,
    `${state}${reason ? ` — ${reason}` : ''}`,
    t('feed.list.lastDelivery', {
      when: lastDeliveryAt === undefined ? t('feed.list.never') : relativeTime(lastDeliveryAt),
      next: nextCheck,
    }),
    // The rules live in the record, so counting them costs nothing (their outcomes: /feed why).
    ...(feed.filters !== undefined && feed.filters.length > 0
      ? [t('feed.list.filters', { count: feed.filters.length })]
      : []),
    ...(feed.digest !== undefined ? [`Posts ${describeDigest(feed.digest, "the server's time zone")}`] : []),
  ];
  const value = lines.join('\n');
  return {
    name: t('feed.list.field', { id: feed.id }),
    value: value.length > 1024 ? `${value.slice(0, 1023)}…` : value,
  };
}

/**
 * "Move to @new" for a feed waiting for the Instagram account its owner linked before (src/accounts/link.ts): the
 * owner's link now points to another account, which the button moves the feed to (move-feed.ts).
 */
function moveButton(feed: Feed, owner: Account | undefined, t: Translate): APIButtonComponentWithCustomId[] {
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
      label: t('feed.list.move', { account: plain(`@${owner.username}`, 'label'), id: feed.id }).slice(0, 80),
      custom_id: `feed:move:${feed.id}`,
    },
  ];
}

/** The pages of a guild's feeds, oldest first, for the paginator. */
export function feedListPages(
  feeds: readonly Feed[],
  owners: ReadonlyMap<string, Account>,
  deliveries: Pick<CommandServices['deliveries'], 'status'>,
  t: Translate,
): { count: number; render(index: number): Page } {
  const sorted = [...feeds].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const count = Math.max(1, Math.ceil(sorted.length / FEEDS_PER_PAGE));
  return {
    count,
    render(index) {
      const slice = sorted.slice(index * FEEDS_PER_PAGE, (index + 1) * FEEDS_PER_PAGE);
      const embed: APIEmbed = {
        title: t('feed.list.title', { count: sorted.length }),
        fields: slice.map((feed) =>
          describeFeed(feed, owners.get(feed.ownerDiscordUserId), deliveries.status(feed), t),
        ),
        footer: { text: t('feed.list.footer') },
      };
      const moves = slice.flatMap((feed) => moveButton(feed, owners.get(feed.ownerDiscordUserId), t));
      return {
        embeds: [embed],
        ...(moves.length > 0 ? { actions: [{ type: ComponentType.ActionRow, components: moves }] } : {}),
      };
    },
  };
}
