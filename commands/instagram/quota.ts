// /instagram quota: what is left of the linked account's Instagram budget, read from the limiter's own view and the
// hashtag-slot store, so answering spends no call to Instagram.
import type { APIEmbed, ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import { INSTAGRAM_COLOR } from '../../src/discord/embeds/media-embed.js';
import { NotLinkedError } from '../../src/discord/errors.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import type { WindowQuota } from '../../src/limiter/index.js';
import { plain } from '../../src/discord/embeds/text.js';
import type { Translate } from '../../src/i18n/i18n.js';
import { hasHashtagSlots, hashtagSlots, usageLine } from './token-status.js';

export async function showQuota(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const account = await ctx.storage.accounts.get(interaction.user.id);
  if (!account) throw new NotLinkedError();
  // The limiter's own view, keyed by the Instagram user id: no call to Instagram is needed (or spent) to answer.
  const q = ctx.limiter.quota(account.instagramUserId);
  // Noted by the Graph port at each hashtag search: Graph says nothing of its slots until it refuses one.
  const slots = hasHashtagSlots(account) ? await ctx.storage.hashtagSlots.get(account.instagramUserId) : undefined;
  const minutes = Math.round(ctx.config.limits.windowMs / 60_000);
  const { t } = ctx;
  const window =
    minutes >= 1
      ? t('instagram.quota.windowMinutes', { n: minutes })
      : t('instagram.quota.windowSeconds', { n: Math.round(ctx.config.limits.windowMs / 1000) });
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: plain(t('instagram.quota.title', { username: account.username }), 'label'),
    description: [
      t('instagram.quota.used', { used: q.used, limit: q.limit, window, remaining: q.remaining }),
      freesLine(q, t),
      usageLine(q.usage, t),
      // A 429 while calls remained: Instagram's pause, shown apart from the count it did not change.
      q.pausedUntil === null ? '' : t('instagram.quota.paused', { when: relativeTime(q.pausedUntil) }),
      q.queued.interactive + q.queued.delivery + q.queued.background + q.running > 0
        ? t('instagram.quota.now', {
            running: q.running,
            waiting: q.queued.interactive + q.queued.delivery + q.queued.background,
          })
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
    fields: [
      ...(['likes', 'comments', 'relationships'] as const).map((bucket) => {
        const w = q.writes[bucket];
        return {
          name: t(`instagram.quota.bucket.${bucket}`),
          value: [
            t('instagram.quota.bucketUsed', { used: w.used, limit: w.limit }),
            ...(w.freesAt === null ? [] : [t('instagram.quota.bucketFrees', { when: relativeTime(w.freesAt) })]),
          ].join('\n'),
          inline: true,
        };
      }),
      ...hashtagSlots(account, slots, t),
    ],
    footer: {
      text: account.status === 'broken' ? t('instagram.quota.broken') : t('instagram.quota.shared'),
    },
  };
  await ctx.respond.reply({ embeds: [embed], ephemeral: true });
}

function freesLine(q: WindowQuota, t: Translate): string {
  if (q.freesAt === null) return t('instagram.quota.nothingCounted');
  return q.remaining === 0
    ? t('instagram.quota.usedUp', { when: relativeTime(q.freesAt) })
    : t('instagram.quota.oldestLeaves', { when: relativeTime(q.freesAt) });
}
