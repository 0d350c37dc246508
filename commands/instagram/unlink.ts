// /instagram unlink asks before it acts: unlinking deletes the token and pauses every feed the person pays for,
// so the command answers with an ephemeral Confirm / Cancel pair and changes nothing until Confirm. The answer is
// ephemeral, so only the person who asked sees (and can press) the buttons. Every answer is in the presser's language.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import type { ActionRow } from '../../src/discord/errors.js';
import { ownerLinkLost } from '../../src/core/index.js';
import type { Feed } from '../../src/storage/index.js';
import { plain } from '../../src/discord/embeds/text.js';
import type { Translate } from '../../src/i18n/i18n.js';

const CONFIRM_ID = 'instagram:unlink-confirm';
const CANCEL_ID = 'instagram:unlink-cancel';

export const isUnlinkButton = (customId: string): boolean => customId === CONFIRM_ID || customId === CANCEL_ID;

export async function askUnlink(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const { t } = ctx;
  const account = await ctx.storage.accounts.get(interaction.user.id);
  if (account === undefined) {
    await ctx.respond.reply({ content: t('replies.unlink.nothingLinked'), ephemeral: true });
    return;
  }
  const active = (await ctx.storage.feeds.listByOwner(interaction.user.id)).filter(
    (f) => f.state.kind === 'active',
  ).length;
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: t('replies.unlink.confirm'),
        custom_id: CONFIRM_ID,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t('replies.unlink.cancel'),
        custom_id: CANCEL_ID,
      },
    ],
  };
  await ctx.respond.reply({
    content:
      active === 0
        ? t('replies.unlink.ask', { account: plain(`@${account.username}`) })
        : t('replies.unlink.askFeeds', { account: plain(`@${account.username}`), count: active }),
    components: [row],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

export async function pressUnlinkButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  if (interaction.customId === CANCEL_ID) {
    await ctx.respond.update({ content: ctx.t('replies.unlink.cancelled'), components: [] });
    return;
  }
  await ctx.respond.update({
    content: await unlink(interaction.user.id, ctx),
    components: [],
    allowedMentions: { parse: [] },
  });
}

/** Deletes the link and pauses the feeds it paid for; what to tell the person. */
async function unlink(userId: string, ctx: CommandContext): Promise<string> {
  const { t } = ctx;
  const removed = await ctx.storage.accounts.unlink(userId);
  if (!removed) return t('replies.unlink.nothingLinked');
  // Feeds this user pays for cannot run without their token: they wait, with a reason admins can see, and
  // resume when this account is linked again (see saveLink). Paused or disabled feeds keep their own reason.
  const paused: Feed[] = [];
  for (const feed of await ctx.storage.feeds.listByOwner(userId)) {
    const next = ownerLinkLost(feed, 'unlinked', ctx.clock.now());
    if (next === undefined) continue;
    const updated = await ctx.storage.feeds.setState(feed.id, next);
    if (updated) paused.push(updated);
  }
  ctx.log.info({ instagramUserId: removed.instagramUserId, pausedFeeds: paused.length }, 'Instagram account unlinked');
  const account = plain(`@${removed.username}`);
  const lines = [t('replies.unlink.done', { account })];
  if (paused.length === 0) {
    lines.push(t('replies.unlink.noFeeds'));
  } else {
    lines.push(
      t('replies.unlink.paused', { count: paused.length, account }),
      ...paused.slice(0, 10).map((f) =>
        t('replies.unlink.feedLine', {
          source: describeSource(f, account, t),
          channel: `<#${f.channelId}>`,
          id: f.id,
        }),
      ),
    );
    if (paused.length > 10) lines.push(t('replies.unlink.more', { count: paused.length - 10 }));
  }
  return lines.join('\n');
}

/** What a paused feed follows, `account` being the unlinked one (already markdown-safe). */
function describeSource(feed: Feed, account: string, t: Translate): string {
  switch (feed.source.kind) {
    case 'account':
      return t('replies.unlink.source.account', { account });
    case 'tag':
      return plain(`#${feed.source.name}`);
    case 'location':
      return t('replies.unlink.source.location', { id: feed.source.id });
    case 'stories':
      return t('replies.unlink.source.stories', { account });
    case 'comments':
      return t('replies.unlink.source.comments', { account });
    case 'mentions':
      return t('replies.unlink.source.mentions', { account });
  }
}
