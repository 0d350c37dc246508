// /instagram quota: what is left of the linked account's Instagram budget, read from the limiter's own view and the
// hashtag-slot store, so answering spends no call to Instagram.
import type { APIEmbed, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import { INSTAGRAM_COLOR } from '../../src/discord/embeds/media-embed.js';
import { NotLinkedError } from '../../src/discord/errors.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import type { WindowQuota } from '../../src/limiter/index.js';
import { plain } from '../../src/discord/embeds/text.js';
import { hasHashtagSlots, hashtagSlots, usageLine } from './token-status.js';

export async function showQuota(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const account = await ctx.storage.accounts.get(interaction.user.id);
  if (!account) throw new NotLinkedError();
  // The limiter's own view, keyed by the Instagram user id: no call to Instagram is needed (or spent) to answer.
  const q = ctx.limiter.quota(account.instagramUserId);
  // Noted by the Graph port at each hashtag search: Graph says nothing of its slots until it refuses one.
  const slots = hasHashtagSlots(account) ? await ctx.storage.hashtagSlots.get(account.instagramUserId) : undefined;
  const minutes = Math.round(ctx.config.limits.windowMs / 60_000);
  const window = minutes >= 1 ? `${minutes}-minute` : `${Math.round(ctx.config.limits.windowMs / 1000)}-second`;
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: plain(`Instagram budget of @${account.username}`, 'label'),
    description: [
      `**${q.used}** of **${q.limit}** calls used in the sliding ${window} window; **${q.remaining}** remaining.`,
      freesLine(q),
      usageLine(q.usage),
      // A 429 while calls remained: Instagram's pause, shown apart from the count it did not change.
      q.pausedUntil === null
        ? ''
        : `Instagram asked igcord to wait: calls for this account start again ${relativeTime(q.pausedUntil)}.`,
      q.queued.interactive + q.queued.delivery + q.queued.background + q.running > 0
        ? `Now: ${q.running} running, ${q.queued.interactive + q.queued.delivery + q.queued.background} waiting.`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
    fields: [
      ...(['likes', 'comments', 'relationships'] as const).map((bucket) => {
        const w = q.writes[bucket];
        return {
          name: bucket[0]!.toUpperCase() + bucket.slice(1),
          value: `${w.used} / ${w.limit} used${w.freesAt === null ? '' : `\nfrees ${relativeTime(w.freesAt)}`}`,
          inline: true,
        };
      }),
      ...hashtagSlots(account, slots),
    ],
    footer: {
      text:
        account.status === 'broken'
          ? 'This link no longer works: run /instagram link to relink.'
          : 'Feeds and your commands share this budget.',
    },
  };
  await ctx.respond.reply({ embeds: [embed], ephemeral: true });
}

function freesLine(q: WindowQuota): string {
  if (q.freesAt === null) return 'Nothing is counted in the current window.';
  return q.remaining === 0
    ? `Used up: the next call can start ${relativeTime(q.freesAt)}.`
    : `The oldest counted call leaves the window ${relativeTime(q.freesAt)}.`;
}
