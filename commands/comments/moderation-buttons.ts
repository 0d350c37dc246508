// The buttons of a comments feed's message (src/discord/feed-posting/comment-message.ts): Hide / Unhide act on
// Instagram at once and turn the button into the other; Reply opens a modal whose text is posted as the reply.
// Only the Discord user linked to the account whose post it is may act — the feed's channel is shared, the
// account is not — so anyone else's press is refused privately and changes nothing. Instagram is called with
// that owner's own link, through core's moderation port.
import { ComponentType, TextInputStyle, type APIEmbed, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { moderationId, moderationRow, parseModerationId } from '../../src/discord/feed-posting/comment-message.js';
import { withInstagram } from '../_shared/linked-account.js';

/** Instagram's longest comment. */
const REPLY_MAX = 2200;
const REPLY_FIELD = 'text';

function replyModal(accountId: string, commentId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: moderationId('replied', accountId, commentId),
    title: 'Reply on Instagram',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: REPLY_FIELD,
            label: 'Your reply',
            style: TextInputStyle.Paragraph,
            required: true,
            min_length: 1,
            max_length: REPLY_MAX,
          },
        ],
      },
    ],
  };
}

/** The account's name as the message shows it ("On @name's post"), for the refusal. */
function ownerName(interaction: ComponentInteraction): string {
  const title = interaction.message?.embeds[0]?.title ?? '';
  return /^On (@.+)'s post$/.exec(title)?.[1] ?? 'this Instagram account';
}

/** The embeds of the message with its footer saying whether the comment is hidden now. */
function marked(interaction: ComponentInteraction, hidden: boolean): APIEmbed[] {
  return (interaction.message?.embeds ?? []).map((e, i) => {
    const json = e.toJSON();
    if (i !== 0) return json;
    return { ...json, footer: { text: hidden ? 'Instagram · Comment · hidden' : 'Instagram · Comment' } };
  });
}

export async function pressModeration(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const parsed = parseModerationId(interaction.customId);
  if (parsed === undefined) throw new TypeError(`not a moderation custom id: ${interaction.customId}`);
  const { action, accountId, commentId } = parsed;
  const linked = await ctx.storage.accounts.get(interaction.user.id);
  if (linked === undefined || linked.instagramUserId !== accountId) {
    ctx.log.info({ action, commentId }, 'comment moderation refused: not the account owner');
    throw new UserFacingError(
      'comments.not-owner',
      `Only the owner of ${ownerName(interaction)} can hide or reply to its comments, with their own Instagram link.`,
    );
  }
  if (action === 'reply') {
    if (interaction.isModalSubmit()) throw new TypeError('Reply is a button');
    // Showing a modal is the interaction's one acknowledgement.
    await interaction.showModal(replyModal(accountId, commentId));
    return;
  }
  if (action === 'replied') {
    if (!interaction.isModalSubmit()) throw new TypeError('a reply is a modal');
    const text = interaction.fields.getTextInputValue(REPLY_FIELD).trim();
    if (text === '') throw new UserFacingError('input.invalid', 'A reply needs some text.');
    await ctx.respond.deferReply(true);
    const created = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
      ctx.instagram.moderation.reply(auth, commentId, text, { priority: 'interactive' }),
    );
    ctx.log.info({ commentId, replyId: created.id }, 'comment replied to from a comments feed');
    await ctx.respond.reply({ content: `Replied on Instagram (reply \`${created.id}\`).`, ephemeral: true });
    return;
  }
  const hidden = action === 'hide';
  await ctx.respond.deferUpdate();
  await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    ctx.instagram.moderation.hide(auth, commentId, hidden, { priority: 'interactive' }),
  );
  ctx.log.info({ commentId, hidden }, 'comment hidden state changed from a comments feed');
  await ctx.respond.update({
    embeds: marked(interaction, hidden),
    components: [moderationRow(accountId, commentId, hidden)],
  });
}
