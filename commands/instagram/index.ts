// /instagram: link an Instagram account to the invoking Discord user (OAuth, or a token pasted into a modal), unlink
// it, show the linked profile, and show what is left of that account's Instagram budget. Also answers the
// "Link Instagram" / "Relink Instagram" buttons that error replies carry (`instagram:link`, `instagram:link:<scope>`).
// Every subcommand acts on the invoker's own link only: the account is looked up by the interaction's user id.
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext, type ComponentInteraction } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';
import { renderUserEmbed } from '../../src/discord/embeds/user-embed.js';
import { INSTAGRAM_COLOR } from '../../src/discord/embeds/media-embed.js';
import { NotLinkedError, UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { withInstagram } from '../_shared/linked-account.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import type { ReplyId } from '../../src/discord/reply-ids.js';
import { linkedReplyContent, moveButtons, saveLink } from '../../src/accounts/link.js';
import { InstagramTokenError } from '../../src/core/instagram-errors.js';
import { BudgetExhaustedError, type AttemptLimit, type WindowQuota } from '../../src/limiter/index.js';
import { validateOption } from '../_shared/input/validate-option.js';
import { validate } from '../../src/util/validate.js';
import { plain } from '../../src/discord/embeds/text.js';
import { isPaidFeedsButton, pressPaidFeedsButton, showPaidFeeds } from './feeds-list.js';
import { hasHashtagSlots, hashtagSlots, tokenLine, usageLine } from './token-status.js';
import { askUnlink, isUnlinkButton, pressUnlinkButton } from './unlink.js';

/** The "Paste a token" button, and the modal it opens. */
const PASTE_BUTTON_ID = 'instagram:paste';
const PASTE_MODAL_ID = 'instagram:paste-token';
const TOKEN_FIELD_ID = 'token';
const SCOPES_FIELD_ID = 'scopes';

/** The scopes typed into an option, each one the provider knows (`known`, from the Instagram port). */
const scopesOptionSchema = (known: readonly string[]) =>
  z
    .string()
    .max(200)
    .transform((v) => v.split(/[\s,+]+/).filter(Boolean))
    .pipe(
      z
        .array(z.enum(known as [string, ...string[]], { error: `expected scopes among ${known.join(', ')}` }))
        .min(1, { error: 'expected at least one scope' }),
    );

// Instagram access tokens are `<user id>.<client prefix>.<hex>`; anything with spaces, quotes or markup is not one,
// and is refused before it reaches Instagram or a log.
const pastedTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{8,300}$/, {
    error: 'an access token is letters, digits, dots, - and _ only, 8 to 300 characters',
  });

/** "10 minutes", "1 hour", "30 seconds": a limit's window in words. */
function windowInWords(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} minutes`;
  return `${Math.round(ms / 1000)} seconds`;
}

/**
 * Counts one linking attempt of `userId` against `limit`, or refuses it with when the next one frees. Linking spends
 * the `app` budget every member shares, so one member must not be able to spend it for everyone.
 */
function takeLinkAttempt(
  limit: AttemptLimit,
  userId: string,
  id: ReplyId,
  refusal: (max: number, window: string, when: string) => string,
): void {
  const taken = limit.take(userId);
  if (taken.ok) return;
  throw new UserFacingError(id, refusal(limit.max, windowInWords(limit.windowMs), relativeTime(taken.freesAt)));
}

/** The scopes asked for: the given ones (or the configured default), always with `basic`, each once, in a stable order. */
function scopeList(known: readonly string[], requested: readonly string[]): string[] {
  const wanted = new Set(['basic', ...requested]);
  return known.filter((s) => wanted.has(s));
}

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
  takeLinkAttempt(
    ctx.linkAttempts.prompts,
    userId,
    'instagram.link-prompts-limited',
    (max, window, when) =>
      `You have asked for ${max} link prompts in the last ${window}. You can ask again ${when}; the last prompt you got still works until it expires.`,
  );
  const state = await ctx.storage.oauthStates.create({
    discordUserId: userId,
    interactionToken: interaction.token,
    applicationId: interaction.applicationId,
    scopes,
  });
  const url = `${ctx.publicUrl}/link?${new URLSearchParams({ state: state.state }).toString()}`;
  const current = await ctx.storage.accounts.get(userId);
  const lines = [
    'Press **Authorize on Instagram**: Discord first confirms it is you, then sign in on Instagram and allow igcord. When you are done, this message changes to say which account was linked.',
    `igcord asks for: ${scopes.map((s) => `\`${s}\``).join(', ')}. The link works once, only for you, and expires ${relativeTime(state.expiresAt)}. Do not share it.`,
    'Have an access token already (sandbox or implicit flow)? Press **Paste a token** instead.',
  ];
  if (current)
    lines.unshift(
      `You are linked to **${plain(`@${current.username}`)}**${current.status === 'broken' ? ' (the link no longer works)' : ''}; linking again replaces it.`,
    );
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Link, label: 'Authorize on Instagram', url },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Paste a token', custom_id: PASTE_BUTTON_ID },
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

function parseScopesOption(known: readonly string[], value: string): string[] {
  return validateOption(scopesOptionSchema(known), value, {
    option: 'scopes',
    id: 'input.invalid-scopes',
    message: () => `Those scopes are not valid. Choose among: ${known.join(', ')} (separated by spaces).`,
  });
}

async function me(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const { account, user } = await withInstagram(ctx, interaction.user.id, async ({ account, auth }) => ({
    account,
    user: await ctx.instagram.users.self(auth),
  }));
  await ctx.respond.reply({
    content: [
      `Linked to **${plain(`@${account.username}`)}** ${relativeTime(account.linkedAt)} · can use: ${account.scopes.map((s) => `\`${s}\``).join(', ')}`,
      tokenLine(account),
    ]
      .filter(Boolean)
      .join('\n'),
    embeds: [renderUserEmbed(user)],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

async function quota(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
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

/** The paste-a-token modal; the scopes field is prefilled with what igcord asks for, for the person to correct. */
const pasteModal = (scopes: readonly string[]): APIModalInteractionResponseCallbackData => ({
  custom_id: PASTE_MODAL_ID,
  title: 'Paste an Instagram access token',
  components: [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: TOKEN_FIELD_ID,
          label: 'Access token',
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
          label: 'Scopes granted to this token',
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
async function submitPastedToken(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  if (!interaction.isModalSubmit()) throw new TypeError(`${PASTE_MODAL_ID} is a modal`);
  const parsed = pastedTokenSchema.safeParse(interaction.fields.getTextInputValue(TOKEN_FIELD_ID));
  if (!parsed.success) {
    throw new UserFacingError(
      'instagram.token-malformed',
      'That does not look like an Instagram access token. Nothing was linked.',
    );
  }
  // The person says what the token was granted (an implicit-flow URL shows it); blank means `basic` only. A wrong
  // claim costs nothing: Instagram refuses a call the token lacks a scope for, and igcord offers a relink then.
  const claimed = interaction.fields.getTextInputValue(SCOPES_FIELD_ID).trim();
  const scopes =
    claimed === '' ? ['basic'] : scopeList(ctx.instagram.scopes, parseScopesOption(ctx.instagram.scopes, claimed));
  // Counted once the paste would reach Instagram: a typo caught above costs the person nothing.
  takeLinkAttempt(
    ctx.linkAttempts.pastes,
    interaction.user.id,
    'instagram.pastes-limited',
    (max, window, when) =>
      `You have pasted ${max} tokens in the last ${window}. You can paste again ${when}. Nothing was linked.`,
  );
  let owner;
  try {
    owner = await ctx.instagram.verifyToken(parsed.data);
  } catch (error) {
    if (error instanceof InstagramTokenError) {
      throw new UserFacingError(
        'instagram.token-rejected',
        'Instagram did not accept that token: it is invalid, revoked or expired. Nothing was linked.',
        { cause: error },
      );
    }
    if (error instanceof BudgetExhaustedError) {
      // The checks have used their share of the app's budget; the rest is kept for sign-ins (users.verifyToken).
      throw new UserFacingError(
        'instagram.paste-budget',
        `igcord cannot check pasted tokens right now: many were checked in the last ${windowInWords(ctx.config.limits.windowMs)}. Try again ${relativeTime(error.freesAt)}, or press **Authorize on Instagram** in \`/instagram link\`, which still works. Nothing was linked.`,
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
  const content = linkedReplyContent(account.username, resumedFeeds, leftBehind);
  const components = moveButtons(account.username, leftBehind);
  if (interaction.isFromMessage())
    await ctx.respond.update({ content, components, embeds: [], allowedMentions: { parse: [] } });
  else await ctx.respond.reply({ content, components, ephemeral: true, allowedMentions: { parse: [] } });
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
  ...slashCommand(definition, { link, unlink: askUnlink, me, quota, feeds: showPaidFeeds }),
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
        await interaction.showModal(pasteModal(scopeList(ctx.instagram.scopes, ctx.config.instagram.scopes)));
        return;
      }
      if (interaction.customId === PASTE_MODAL_ID) return submitPastedToken(interaction, ctx);
      throw new UserFacingError(
        'igcord.unknown-button',
        'This button is no longer active. Run `/instagram link` again.',
      );
    },
  },
});
