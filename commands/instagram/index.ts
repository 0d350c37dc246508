// /instagram: link an Instagram account to the invoking Discord user (OAuth, or a token pasted into a modal), unlink
// it, show the linked profile, and show what is left of that account's Instagram budget. Also answers the
// "Link Instagram" / "Relink Instagram" buttons that error replies carry (`instagram:link`, `instagram:link:<scope>`).
// Every subcommand acts on the invoker's own link only: the account is looked up by the interaction's user id.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext, type ComponentInteraction } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';
import { renderUserEmbed } from '../../src/discord/embeds/user-embed.js';
import { UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { withInstagram } from '../_shared/linked-account.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import { validate } from '../../src/util/validate.js';
import { text } from '../../src/i18n/i18n.js';
import { plain } from '../../src/discord/embeds/text.js';
import { isPaidFeedsButton, pressPaidFeedsButton, showPaidFeeds } from './feeds-list.js';
import { takeLinkAttempt } from './link-attempts.js';
import { PASTE_BUTTON_ID, PASTE_MODAL_ID, pasteModal, submitPastedToken } from './paste-token.js';
import { showQuota } from './quota.js';
import { parseScopesOption, scopeList } from './scopes.js';
import { tokenLine } from './token-status.js';
import { askUnlink, isUnlinkButton, pressUnlinkButton } from './unlink.js';

/**
 * The link prompt: a single-use state bound to the invoker and to this interaction (so the callback can edit this
 * very reply), the button carrying it to igcord's own link page — which has Discord confirm that the browser is
 * this user's before it goes on to Instagram (docs/decisions/0006) — and the paste-a-token alternative.
 */
async function linkPrompt(
  ctx: CommandContext,
  interaction: ChatInputCommandInteraction | ComponentInteraction,
  scopes: string[],
) {
  const userId = interaction.user.id;
  takeLinkAttempt(ctx.linkAttempts.prompts, userId, 'instagram.link-prompts-limited', (max, when) =>
    text('instagram.promptsLimited', { max, when }),
  );
  const state = await ctx.storage.oauthStates.create({
    discordUserId: userId,
    interactionToken: interaction.token,
    applicationId: interaction.applicationId,
    // The browser pages and the edits of this reply speak the person's language.
    locale: ctx.locale,
    scopes,
  });
  const url = `${ctx.publicUrl}/link?${new URLSearchParams({ state: state.state }).toString()}`;
  const current = await ctx.storage.accounts.get(userId);
  const { t } = ctx;
  const lines = [
    t('instagram.promptAuthorize'),
    t('instagram.promptScopes', {
      scopes: scopes.map((s) => `\`${s}\``).join(', '),
      when: relativeTime(state.expiresAt),
    }),
    t('instagram.promptPaste'),
  ];
  if (current) {
    const account = plain(`@${current.username}`);
    lines.unshift(
      t(current.status === 'broken' ? 'instagram.promptLinkedBroken' : 'instagram.promptLinked', { account }),
    );
  }
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Link, label: t('instagram.authorizeButton'), url },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t('instagram.pasteButton'),
        custom_id: PASTE_BUTTON_ID,
      },
    ],
  };
  return { content: lines.join('\n'), components: [row], allowedMentions: { parse: [] }, ephemeral: true };
}

async function link(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { scopes: string | undefined },
): Promise<void> {
  const scopes =
    options.scopes === undefined
      ? scopeList(ctx.instagram.scopes, ctx.config.instagram.scopes)
      : scopeList(ctx.instagram.scopes, parseScopesOption(ctx.instagram.scopes, options.scopes));
  await ctx.respond.reply(await linkPrompt(ctx, interaction, scopes));
}

async function me(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const { account, user } = await withInstagram(ctx, interaction.user.id, async ({ account, auth }) => ({
    account,
    user: await ctx.instagram.users.self(auth),
  }));
  await ctx.respond.reply({
    content: [
      ctx.t('instagram.linkedTo', {
        account: plain(`@${account.username}`),
        when: relativeTime(account.linkedAt),
        scopes: account.scopes.map((s) => `\`${s}\``).join(', '),
      }),
      tokenLine(account, ctx.t),
    ]
      .filter(Boolean)
      .join('\n'),
    embeds: [renderUserEmbed(user, ctx.t)],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

const definition = defineSlash({
  name: 'instagram',
  description: 'Link your Instagram account and see its profile and budget',
  subcommands: {
    link: {
      description: 'Link your Instagram account to your Discord account',
      options: {
        scopes: {
          kind: 'string',
          description: 'Permissions to ask for, separated by spaces, e.g. "basic likes" (default: all)',
          maxLength: 200,
        },
      },
    },
    unlink: { description: 'Remove your Instagram link and its token; your feeds pause (asks to confirm)' },
    me: { description: 'Show the Instagram profile you linked' },
    quota: { description: "Show how much of your Instagram account's request budget is left" },
    feeds: { description: 'The feeds your Instagram link pays for, in every server; stop paying for one' },
  },
});

export default defineCommand({
  ...slashCommand(definition, { link, unlink: askUnlink, me, quota: showQuota, feeds: showPaidFeeds }),
  // Every answer is for the invoker's eyes only; deferring privately also keeps the reply the callback edits private.
  defer: 'ephemeral',
  components: {
    // `instagram:link` and `instagram:link:<scope>` (from error replies), `instagram:paste` and its modal.
    async instagram(interaction, ctx) {
      if (isPaidFeedsButton(interaction.customId)) return pressPaidFeedsButton(interaction, ctx);
      if (isUnlinkButton(interaction.customId)) return pressUnlinkButton(interaction, ctx);
      const [, action, scope, ...rest] = interaction.customId.split(':');
      if (action === 'link' && rest.length === 0) {
        const wanted =
          scope === undefined
            ? []
            : [validate(z.enum(ctx.instagram.scopes as [string, ...string[]]), scope, 'requested scope')];
        await ctx.respond.reply(
          await linkPrompt(
            ctx,
            interaction,
            scopeList(ctx.instagram.scopes, [...ctx.config.instagram.scopes, ...wanted]),
          ),
        );
        return;
      }
      if (interaction.customId === PASTE_BUTTON_ID && interaction.isButton()) {
        // Showing a modal is the interaction's one acknowledgement; the responder adopts it (discord.js marks it replied).
        await interaction.showModal(pasteModal(scopeList(ctx.instagram.scopes, ctx.config.instagram.scopes), ctx.t));
        return;
      }
      if (interaction.customId === PASTE_MODAL_ID) return submitPastedToken(interaction, ctx);
      throw new UserFacingError('igcord.unknown-button', text('instagram.buttonGone'));
    },
  },
});
