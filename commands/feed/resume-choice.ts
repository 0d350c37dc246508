// /feed resume for a feed that missed posts while it was paused or disabled: two buttons, "Post the N missed
// posts" (oldest first, each once) or "Skip to now" (the feed goes on from the newest post without posting them).
// Nothing changes until one is pressed. The buttons carry their whole state in their custom ids
// (`feed:catchup-post:<feed>:<invoker>`, `feed:catchup-skip:<feed>:<invoker>`); only the admin who asked may press.
import { ButtonStyle, ComponentType } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { resumedByPerson } from '../../src/core/index.js';
import { sourceKey, type Feed } from '../../src/storage/index.js';
import { requireAdminFeed } from './feed-admin.js';
import { requireResumable } from './resumable.js';
import { requirePayer } from './payer.js';
import { text } from '../../src/i18n/i18n.js';

const CHOICE = /^feed:catchup-(post|skip):([a-z0-9]{1,40}):(\d{1,20})$/;

export const isCatchUpButton = (customId: string): boolean => CHOICE.test(customId);

export async function askCatchUp(ctx: CommandContext, feed: Feed, invokerId: string, missed: number): Promise<void> {
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: ctx.t('feed.catchUp.postButton', { count: missed }),
        custom_id: `feed:catchup-post:${feed.id}:${invokerId}`,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: ctx.t('feed.catchUp.skipButton'),
        custom_id: `feed:catchup-skip:${feed.id}:${invokerId}`,
      },
    ],
  };
  await ctx.respond.reply({
    content: ctx.t('feed.catchUp.ask', { count: missed, id: feed.id, channel: `<#${feed.channelId}>` }),
    components: [row],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

export async function pressCatchUpButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const match = CHOICE.exec(interaction.customId);
  if (match === null) throw new UserFacingError('igcord.unknown-button', text('feed.remove.notFeedButton'));
  const [, choice, feedId, invokerId] = match as unknown as [string, 'post' | 'skip', string, string];
  if (interaction.user.id !== invokerId) {
    await ctx.respond.reply({
      content: ctx.t('feed.remove.onlyInvoker', { user: `<@${invokerId}>` }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  requirePayer(feed, admin, 'resume');
  const next = resumedByPerson(feed);
  if (next === undefined) {
    await ctx.respond.update({ content: ctx.t('feed.manage.alreadyActive', { id: feed.id }), components: [] });
    return;
  }
  await requireResumable(interaction, ctx, feed);
  // The buttons go away first, so a second press cannot post the missed posts twice.
  await ctx.respond.update({
    content: ctx.t(choice === 'post' ? 'feed.catchUp.posting' : 'feed.catchUp.skipping', { id: feed.id }),
    components: [],
  });
  const count = await ctx.deliveries.catchUp(feed, choice);
  await ctx.storage.feeds.setState(feed.id, next);
  ctx.deliveries.poke(sourceKey(feed.source));
  ctx.log.info({ feedId: feed.id, choice, count }, 'feed resumed after a catch-up choice');
  await ctx.respond.reply({
    content: ctx.t(choice === 'post' ? 'feed.catchUp.posted' : 'feed.catchUp.skipped', {
      count,
      id: feed.id,
      channel: `<#${feed.channelId}>`,
    }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}
