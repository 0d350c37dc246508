// The paste-a-token alternative to OAuth in /instagram link: the "Paste a token" button opens a modal, and its
// submission is checked against Instagram before it is stored as the invoker's link (sandbox or implicit-flow tokens).
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { z } from 'zod';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { ComposedError } from '../../src/discord/composed-error.js';
import { text, type Translate } from '../../src/i18n/i18n.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import { linkedReplyContent, moveButtons, saveLink } from '../../src/accounts/link.js';
import { InstagramTokenError } from '../../src/core/instagram-errors.js';
import { BudgetExhaustedError } from '../../src/limiter/index.js';
import { takeLinkAttempt, windowInWords } from './link-attempts.js';
import { parseScopesOption, scopeList } from './scopes.js';

/** The "Paste a token" button, and the modal it opens. */
export const PASTE_BUTTON_ID = 'instagram:paste';
export const PASTE_MODAL_ID = 'instagram:paste-token';
const TOKEN_FIELD_ID = 'token';
const SCOPES_FIELD_ID = 'scopes';

// Instagram access tokens are `<user id>.<client prefix>.<hex>`; anything with spaces, quotes or markup is not one,
// and is refused before it reaches Instagram or a log.
const pastedTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{8,300}$/, {
    error: 'an access token is letters, digits, dots, - and _ only, 8 to 300 characters',
  });

/**
 * The paste-a-token modal, in the presser's language; the scopes field is prefilled with what igcord asks for, for
 * the person to correct. The placeholders are examples of a token and of scopes, in no language.
 */
export const pasteModal = (scopes: readonly string[], t: Translate): APIModalInteractionResponseCallbackData => ({
  custom_id: PASTE_MODAL_ID,
  title: t('replies.paste.title'),
  components: [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: TOKEN_FIELD_ID,
          label: t('replies.paste.tokenLabel'),
          style: TextInputStyle.Short,
          required: true,
          min_length: 8,
          max_length: 300,
          placeholder: '123456.abcdef1.0123456789abcdef…',
        },
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: SCOPES_FIELD_ID,
          label: t('replies.paste.scopesLabel'),
          style: TextInputStyle.Short,
          required: false,
          max_length: 200,
          value: scopes.join(' '),
          placeholder: 'basic public_content likes …',
        },
      ],
    },
  ],
});

/** A pasted token is checked with /users/self (on the app's budget: its owner is not known yet) before it is stored. */
export async function submitPastedToken(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  if (!interaction.isModalSubmit()) throw new TypeError(`${PASTE_MODAL_ID} is a modal`);
  const parsed = pastedTokenSchema.safeParse(interaction.fields.getTextInputValue(TOKEN_FIELD_ID));
  if (!parsed.success) {
    throw new UserFacingError('instagram.token-malformed', text('replies.paste.malformed'));
  }
  // The person says what the token was granted (an implicit-flow URL shows it); blank means `basic` only. A wrong
  // claim costs nothing: Instagram refuses a call the token lacks a scope for, and igcord offers a relink then.
  const claimed = interaction.fields.getTextInputValue(SCOPES_FIELD_ID).trim();
  const scopes =
    claimed === '' ? ['basic'] : scopeList(ctx.instagram.scopes, parseScopesOption(ctx.instagram.scopes, claimed));
  // Counted once the paste would reach Instagram: a typo caught above costs the person nothing.
  takeLinkAttempt(ctx.linkAttempts.pastes, interaction.user.id, 'instagram.pastes-limited', (max, when) =>
    text('replies.paste.limited', { max, when }),
  );
  let owner;
  try {
    owner = await ctx.instagram.verifyToken(parsed.data);
  } catch (error) {
    if (error instanceof InstagramTokenError) {
      throw new UserFacingError('instagram.token-rejected', text('replies.paste.rejected'), { cause: error });
    }
    if (error instanceof BudgetExhaustedError) {
      // The checks have used their share of the app's budget; the rest is kept for sign-ins (users.verifyToken).
      const said = text('replies.paste.budget', { when: relativeTime(error.freesAt) });
      const windowMs = ctx.config.limits.windowMs;
      throw new ComposedError(
        'instagram.paste-budget',
        said,
        (t) => t(said.key, { ...said.vars, window: windowInWords(windowMs, t) }),
        { cause: error },
      );
    }
    throw error;
  }
  const { account, resumedFeeds, leftBehind } = await saveLink(
    ctx.storage,
    {
      discordUserId: interaction.user.id,
      instagramUserId: owner.id,
      username: owner.username,
      scopes,
      accessToken: parsed.data,
    },
    ctx.log,
  );
  const content = linkedReplyContent(account.username, resumedFeeds, leftBehind, ctx.t);
  const components = moveButtons(account.username, leftBehind, ctx.t);
  if (interaction.isFromMessage())
    await ctx.respond.update({ content, components, embeds: [], allowedMentions: { parse: [] } });
  else await ctx.respond.reply({ content, components, ephemeral: true, allowedMentions: { parse: [] } });
}
