// The "Move to @new" button of a link reply (src/accounts/link.ts): after its owner linked another Instagram
// account, a feed set up with the old one waits, paused; its owner — who pays for it — moves it to the account they
// link now, and it resumes on that account's token and budget. Only the feed's owner may move it (it is their
// link that will pay), and only to the account their link points to at the press.
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { movedToNewAccount } from '../../src/core/index.js';
import { sourceKey } from '../../src/storage/index.js';
import { plain } from '../../src/discord/embeds/text.js';
import { text } from '../../src/i18n/i18n.js';

const MOVE = /^feed:move:([a-z0-9]{1,40})$/;

export const isMoveButton = (customId: string): boolean => MOVE.test(customId);

export async function pressMoveButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const feedId = MOVE.exec(interaction.customId)?.[1];
  const feed = feedId === undefined ? undefined : await ctx.storage.feeds.get(feedId);
  if (feed === undefined) throw new UserFacingError('feeds.not-found', text('feedManage.move.gone'));
  if (feed.ownerDiscordUserId !== interaction.user.id) {
    throw new UserFacingError(
      'feeds.payer-only',
      text('feedManage.move.payerOnly', { id: feed.id, payer: `<@${feed.ownerDiscordUserId}>` }),
    );
  }
  const account = await ctx.storage.accounts.get(interaction.user.id);
  if (account === undefined || account.status !== 'active') {
    throw new UserFacingError('feeds.owner-link-broken', text('feedManage.move.linkBroken'));
  }
  if (account.instagramUserId === feed.ownerInstagramUserId) {
    await ctx.respond.reply({
      content: ctx.t('feedManage.move.already', { id: feed.id, account: plain(`@${account.username}`) }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  await ctx.storage.feeds.update(feed.id, {
    ownerInstagramUserId: account.instagramUserId,
    state: movedToNewAccount(feed),
  });
  ctx.deliveries.poke(sourceKey(feed.source));
  ctx.log.info(
    { feedId: feed.id, instagramUserId: account.instagramUserId },
    "feed moved to its owner's new Instagram account",
  );
  await ctx.respond.reply({
    content: ctx.t('feedManage.move.moved', {
      id: feed.id,
      channel: `<#${feed.channelId}>`,
      account: plain(`@${account.username}`),
    }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}
