// The buttons of a comments feed's message (src/discord/feed-posting/comment-message.ts): Hide / Unhide act on
// Instagram at once and turn the button into the other; Reply opens a modal whose text is posted as the reply.
// Only the Discord user linked to the account whose post it is may act — the feed's channel is shared, the
// account is not — so anyone else's press is refused privately and changes nothing. Instagram is called with
// that owner's own link, through core's moderation port. The presser's answers (a refusal, the modal, the reply's
// confirmation) speak the presser's language (`ctx.t`); the message itself is the feed's and keeps speaking the
// server's preferred language (Discord's `guild_locale` on the interaction), whoever presses.
import { ComponentType, TextInputStyle, type APIEmbed, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import {
  commentFooter,
  moderationId,
  moderationRow,
  ownerInTitle,
  parseModerationId,
} from '../../src/discord/feed-posting/comment-message.js';
import { createTranslations, text, type Translate } from '../../src/i18n/i18n.js';
import { withInstagram } from '../_shared/linked-account.js';

/** Instagram's longest comment. */
const REPLY_MAX = 2200;
const REPLY_FIELD = 'text';

function replyModal(accountId: string, commentId: string, t: Translate): APIModalInteractionResponseCallbackData {
  return {
    custom_id: moderationId('replied', accountId, commentId),
    title: t('comments.modalTitle'),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: REPLY_FIELD,
            label: t('comments.modalLabel'),
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

/** The account's name as the message shows it ("On @name's post", in any shipped language), for the refusal. */
function ownerName(interaction: ComponentInteraction, t: Translate): string {
  return ownerInTitle(interaction.message?.embeds[0]?.title ?? '') ?? t('comments.thisAccount');
}

/** The embeds of the message with its footer saying whether the comment is hidden now (`t`: the server's). */
function marked(interaction: ComponentInteraction, hidden: boolean, t: Translate): APIEmbed[] {
  return (interaction.message?.embeds ?? []).map((e, i) => {
    const json = e.toJSON();
    if (i !== 0) return json;
    return { ...json, footer: { text: commentFooter(hidden, t) } };
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
      text('comments.notOwner', { account: ownerName(interaction, ctx.t) }),
    );
  }
  if (action === 'reply') {
    if (interaction.isModalSubmit()) throw new TypeError('Reply is a button');
    // Showing a modal is the interaction's one acknowledgement.
    await interaction.showModal(replyModal(accountId, commentId, ctx.t));
    return;
  }
  if (action === 'replied') {
    if (!interaction.isModalSubmit()) throw new TypeError('a reply is a modal');
    const typed = interaction.fields.getTextInputValue(REPLY_FIELD).trim();
    if (typed === '') throw new UserFacingError('input.invalid', text('comments.replyNeedsText'));
    await ctx.respond.deferReply(true);
    const created = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
      ctx.instagram.moderation.reply(auth, commentId, typed, { priority: 'interactive' }),
    );
    ctx.log.info({ commentId, replyId: created.id }, 'comment replied to from a comments feed');
    await ctx.respond.reply({
      content: ctx.t('comments.repliedOnInstagram', { replyId: created.id }),
      ephemeral: true,
    });
    return;
  }
  const hidden = action === 'hide';
  await ctx.respond.deferUpdate();
  await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    ctx.instagram.moderation.hide(auth, commentId, hidden, { priority: 'interactive' }),
  );
  ctx.log.info({ commentId, hidden }, 'comment hidden state changed from a comments feed');
  // The context's `t` is the presser's; the message is the feed's, in the server's language. A press is a
  // person's click, rare enough that building the catalogues for it costs nothing worth keeping an instance for.
  const guildT = createTranslations().forLocale(interaction.guildLocale);
  await ctx.respond.update({
    embeds: marked(interaction, hidden, guildT),
    components: [moderationRow(accountId, commentId, hidden, guildT)],
  });
}
