// /instagram unlink asks before it acts: unlinking deletes the token and pauses every feed the person pays for,
// so the command answers with an ephemeral Confirm / Cancel pair and changes nothing until Confirm. The answer is
// ephemeral, so only the person who asked sees (and can press) the buttons.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import type { ActionRow } from '../../src/discord/errors.js';
import { ownerLinkLost } from '../../src/core/index.js';
import type { Feed } from '../../src/storage/index.js';
import { plain } from '../../src/discord/embeds/text.js';

const CONFIRM_ID = 'instagram:unlink-confirm';
const CANCEL_ID = 'instagram:unlink-cancel';

export const isUnlinkButton = (customId: string): boolean => customId === CONFIRM_ID || customId === CANCEL_ID;

export async function askUnlink(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const account = await ctx.storage.accounts.get(interaction.user.id);
  if (account === undefined) {
    await ctx.respond.reply({
      content: 'You have no linked Instagram account, so there is nothing to unlink.',
      ephemeral: true,
    });
    return;
  }
  const active = (await ctx.storage.feeds.listByOwner(interaction.user.id)).filter(
    (f) => f.state.kind === 'active',
  ).length;
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Unlink', custom_id: CONFIRM_ID },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Cancel', custom_id: CANCEL_ID },
    ],
  };
  await ctx.respond.reply({
    content:
      `Unlink Instagram account **${plain(`@${account.username}`)}**? igcord deletes its access token` +
      (active === 0
        ? '.'
        : `, and ${active === 1 ? 'the one active feed' : `the ${active} active feeds`} it pays for pause until you link it again.`),
    components: [row],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

export async function pressUnlinkButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  if (interaction.customId === CANCEL_ID) {
    await ctx.respond.update({ content: 'Cancelled; your Instagram account is still linked.', components: [] });
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
  const removed = await ctx.storage.accounts.unlink(userId);
  if (!removed) return 'You have no linked Instagram account, so there is nothing to unlink.';
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
  const lines = [`Unlinked Instagram account **${plain(`@${removed.username}`)}**. igcord deleted its access token.`];
  if (paused.length === 0) {
    lines.push('You own no active feeds, so no channel is affected.');
  } else {
    lines.push(
      `${paused.length === 1 ? 'One feed you own is' : `${paused.length} feeds you own are`} now paused, and resume when you link ${plain(`@${removed.username}`)} again:`,
      ...paused
        .slice(0, 10)
        .map((f) => `• ${describeSource(f, removed.username)} in <#${f.channelId}> (feed \`${f.id}\`)`),
    );
    if (paused.length > 10) lines.push(`…and ${paused.length - 10} more.`);
  }
  return lines.join('\n');
}

function describeSource(feed: Feed, username: string): string {
  switch (feed.source.kind) {
    case 'account':
      return `posts of ${plain(`@${username}`)}`;
    case 'tag':
      return plain(`#${feed.source.name}`);
    case 'location':
      return `location ${feed.source.id}`;
    case 'stories':
      return `stories of ${plain(`@${username}`)}`;
    case 'comments':
      return `comments on ${plain(`@${username}`)}'s posts`;
    case 'mentions':
      return `mentions of ${plain(`@${username}`)}`;
  }
}
