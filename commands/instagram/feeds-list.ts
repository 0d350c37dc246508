// /instagram feeds: every feed the invoker's Instagram link pays for, in every server — its server, channel,
// source and state — five to a page, with a "Stop paying" button per feed. Stopping pauses that one feed
// (`by: 'no-payer'`, through the lifecycle) and tells its channel, so a member can stop paying for one server's
// feed without unlinking, which would pause all of them at once. Buttons carry their state in the custom id
// (`instagram:feeds:<page>`, `instagram:stop-paying:<feed>:<page>`) and act only on the presser's own feeds.
import {
  ButtonStyle,
  ComponentType,
  Routes,
  type APIEmbed,
  type BaseMessageOptions,
  type ChatInputCommandInteraction,
  type Client,
} from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { plain } from '../../src/discord/embeds/text.js';
import { INSTAGRAM_COLOR } from '../../src/discord/embeds/media-embed.js';
import { feedNotice, payerStopped } from '../../src/core/index.js';
import { describeFeedState, feedNoticeText } from '../../src/discord/notice-text.js';
import { createTranslations, text, type Translate } from '../../src/i18n/i18n.js';
import type { Feed } from '../../src/storage/index.js';

export const PAID_FEEDS_PER_PAGE = 5;

function describeSource(feed: Feed, t: Translate): string {
  switch (feed.source.kind) {
    case 'tag':
      return plain(`#${feed.source.name}`);
    case 'location':
      return t('instagramFeeds.source.location', { id: feed.source.id });
    default:
      return t(`instagramFeeds.source.${feed.source.kind}`, { id: feed.source.instagramUserId });
  }
}

/** The page `page` of the feeds `userId` pays for (clamped), with its buttons; `note` heads the message. */
async function paidFeedsMessage(
  client: Client,
  ctx: CommandContext,
  userId: string,
  page: number,
  note?: string,
): Promise<BaseMessageOptions> {
  const feeds = (await ctx.storage.feeds.listByOwner(userId)).sort(
    (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
  const { t } = ctx;
  if (feeds.length === 0) {
    return {
      content: [note, t('instagramFeeds.none')].filter(Boolean).join('\n'),
      embeds: [],
      components: [],
    };
  }
  const pages = Math.ceil(feeds.length / PAID_FEEDS_PER_PAGE);
  const index = Math.min(Math.max(0, page), pages - 1);
  const slice = feeds.slice(index * PAID_FEEDS_PER_PAGE, (index + 1) * PAID_FEEDS_PER_PAGE);
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: t('instagramFeeds.title', { n: feeds.length }),
    fields: slice.map((feed) => {
      const guild = client.guilds.cache.get(feed.guildId);
      const channel = guild?.channels.cache.get(feed.channelId)?.name;
      // The state and its reason in the reader's language, from the structured state (src/core/feed-state.ts).
      const reason = describeFeedState(feed.state, t, feed.ownerDiscordUserId);
      const state = t('feed.list.stateLine', { state: t(`feed.list.state.${feed.state.kind}`) });
      const value = [
        t('instagramFeeds.where', {
          server: plain(guild?.name ?? feed.guildId, 'label'),
          channel: channel === undefined ? `<#${feed.channelId}>` : plain(`#${channel}`, 'label'),
        }),
        t('instagramFeeds.follows', { source: describeSource(feed, t) }),
        `${state}${reason ? ` — ${reason}` : ''}`,
      ].join('\n');
      return {
        name: t('instagramFeeds.fieldName', { id: feed.id }),
        value: value.length > 1024 ? `${value.slice(0, 1023)}…` : value,
      };
    }),
    footer: { text: t('instagramFeeds.footer', { page: index + 1, pages }) },
  };
  const rows: ActionRow[] = [
    {
      type: ComponentType.ActionRow,
      components: slice.map((feed) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: t('instagramFeeds.stopButton', { id: feed.id }).slice(0, 80),
        custom_id: `instagram:stop-paying:${feed.id}:${index}`,
        disabled: feed.state.kind === 'paused' && feed.state.by === 'no-payer',
      })),
    },
  ];
  if (pages > 1) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: t('instagramFeeds.previous'),
          custom_id: `instagram:feeds:${index - 1}`,
          disabled: index === 0,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: t('instagramFeeds.next'),
          custom_id: `instagram:feeds:${index + 1}`,
          disabled: index === pages - 1,
        },
      ],
    });
  }
  return { content: note ?? '', embeds: [embed], components: rows };
}

export async function showPaidFeeds(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const message = await paidFeedsMessage(interaction.client, ctx, interaction.user.id, 0);
  await ctx.respond.reply({ ...message, ephemeral: true, allowedMentions: { parse: [] } });
}

/** True for the custom ids this module answers. */
export function isPaidFeedsButton(customId: string): boolean {
  return /^instagram:(feeds:\d{1,4}|stop-paying:[a-z0-9]{1,40}:\d{1,4})$/.test(customId);
}

/** A page button, or a "Stop paying" button: pauses that feed if the presser pays for it, then shows the page again. */
export async function pressPaidFeedsButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const userId = interaction.user.id;
  const turn = /^instagram:feeds:(\d{1,4})$/.exec(interaction.customId);
  if (turn) {
    await ctx.respond.update({
      ...(await paidFeedsMessage(interaction.client, ctx, userId, Number(turn[1]))),
      allowedMentions: { parse: [] },
    });
    return;
  }
  const stop = /^instagram:stop-paying:([a-z0-9]{1,40}):(\d{1,4})$/.exec(interaction.customId);
  if (!stop) throw new UserFacingError('igcord.unknown-button', text('instagramFeeds.buttonGone'));
  const feed = await ctx.storage.feeds.get(stop[1]!);
  if (feed === undefined || feed.ownerDiscordUserId !== userId) {
    throw new UserFacingError('feeds.stop-paying', text('instagramFeeds.notPaying'));
  }
  const next = payerStopped(feed, ctx.clock.now());
  let note = ctx.t('instagramFeeds.alreadyPaused', { id: feed.id });
  if (next !== undefined) {
    await ctx.storage.feeds.setState(feed.id, next);
    ctx.log.info({ feedId: feed.id, guildId: feed.guildId }, 'feed paused: its payer stopped paying for it');
    const told = await tellChannel(interaction.client, feed, next);
    if (!told)
      ctx.log.warn(
        { feedId: feed.id, channelId: feed.channelId },
        "could not tell the feed's channel that its payer stopped paying",
      );
    note = ctx.t(told ? 'instagramFeeds.stoppedTold' : 'instagramFeeds.stoppedUntold', { id: feed.id });
  }
  await ctx.respond.update({
    ...(await paidFeedsMessage(interaction.client, ctx, userId, Number(stop[2]), note)),
    allowedMentions: { parse: [] },
  });
}

/**
 * Tells the feed's own channel (where its readers and admins look) that nobody pays for it now, in its server's
 * language (as the delivery engine's notices are); best effort.
 */
async function tellChannel(client: Client, feed: Feed, state: Feed['state']): Promise<boolean> {
  if (state.kind !== 'paused') return false;
  const t = createTranslations().forLocale(client.guilds.cache.get(feed.guildId)?.preferredLocale);
  const content = feedNoticeText(feedNotice(feed, state), t);
  try {
    await client.rest.post(Routes.channelMessages(feed.channelId), {
      body: { content, allowed_mentions: { parse: [] } },
    });
    return true;
  } catch {
    return false;
  }
}
