// /feed add-account account:<name>: a feed of an Instagram account that is not the admin's own. The feed reads
// that account's posts with the link of the member who adds it, and spends their Instagram budget on every poll
// (the account has no link here, so no notification names it: the engine polls it). Nobody should pay for that
// without saying so, so the member is asked first — "This feed reads @x with your Instagram link and budget" —
// and the feed is stored only when they press Confirm, with who consented and when (shown by /feed list).
// Before asking, everything /feed add checks is checked (channel, mention, duplicate), plus what reading someone
// else's posts needs: the `public_content` scope (reference §4.3) and an account the link can see (a private
// account answers "not allowed", named in the refusal). The button carries its whole state in its custom id, so
// it needs no memory and survives a restart; on Confirm the checks run again, since time passed.
// On Graph (Facebook Login) another account is read through Business Discovery, which finds a professional account
// by username only: the account is looked up by name (a personal or unknown one is refused before asking), no
// `public_content` scope exists there, and the button carries the username, looked up again on Confirm.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import type { RoleValue } from '../../src/discord/typed-options.js';
import { UserFacingError, linkButtonRow, type ActionRow } from '../../src/discord/errors.js';
import { plain } from '../../src/discord/embeds/text.js';
import { sourceKey, type FeedDeliveryInput, type FeedSource } from '../../src/storage/index.js';
import { requireLinkedAccount, withInstagram, type LinkedAccount } from '../_shared/linked-account.js';
import { about } from '../_shared/about-subject.js';
import { InstagramNotFoundError } from '../../src/core/instagram-errors.js';
import { resolveUsername } from '../_shared/users/resolve-user.js';
import { parseUsername } from '../_shared/users/username.js';
import { addFeed, startFromNewest, type AddFeedOptions } from './add-feed.js';
import { requireFeedChannel, type DeliveryMode, placeOf, webhookChannel } from './channel-permissions.js';
import { requireFeedAdmin, type FeedAdmin } from './feed-admin.js';
import { requireMentionableRole } from './mention-role.js';
import { webhookForChannel } from './feed-webhook.js';
import { text } from '../../src/i18n/i18n.js';

/** The component prefix of the Confirm / Cancel buttons (apart from /feed's own `feed:` buttons). */
export const ACCOUNT_FEED_PREFIX = 'feed-account';
/** The scope that reads other accounts' media (reference §4.3). */
const PUBLIC_CONTENT = 'public_content';
/** Discord's limit on a custom id. */
const CUSTOM_ID_MAX = 100;

interface Asked {
  channelId: string;
  /** The account's id (v1), or its username where Business Discovery reads it (Graph). */
  instagramUserId: string;
  roleId: string | undefined;
  mode: DeliveryMode;
  invokerId: string;
}

export function confirmCustomId(asked: Asked): string {
  const id = `${ACCOUNT_FEED_PREFIX}:ok:${asked.channelId}:${asked.instagramUserId}:${asked.roleId ?? '-'}:${asked.mode === 'webhook' ? 'w' : 'm'}:${asked.invokerId}`;
  if (id.length > CUSTOM_ID_MAX) throw new Error('the confirmation of an account feed does not fit in a custom id');
  return id;
}

type AccountButton = ({ action: 'ok' } & Asked) | { action: 'cancel'; invokerId: string };

export function parseAccountButton(customId: string): AccountButton | undefined {
  const ok = /^feed-account:ok:(\d{1,20}):([A-Za-z0-9_.-]{1,40}):(\d{1,20}|-):([mw]):(\d{1,20})$/.exec(customId);
  if (ok) {
    return {
      action: 'ok',
      channelId: ok[1]!,
      instagramUserId: ok[2]!,
      roleId: ok[3] === '-' ? undefined : ok[3],
      mode: ok[4] === 'w' ? 'webhook' : 'message',
      invokerId: ok[5]!,
    };
  }
  const cancel = /^feed-account:cancel:(\d{1,20})$/.exec(customId);
  return cancel ? { action: 'cancel', invokerId: cancel[1]! } : undefined;
}

/** The checks /feed add makes on a mention: never @everyone, and a role the member may have pinged. */
function checkMention(
  interaction: ChatInputCommandInteraction | ComponentInteraction,
  admin: FeedAdmin,
  role: RoleValue | undefined,
): void {
  if (role === undefined) return;
  if (role.id === admin.guildId) {
    throw new UserFacingError('feeds.mention-everyone', text('feed.add.noEveryone'));
  }
  requireMentionableRole(interaction, role);
}

/** Whether other accounts are read through Business Discovery, by username (Graph with Facebook Login). */
const byDiscovery = (ctx: CommandContext): boolean => ctx.instagram.capabilities.has('other-accounts');

function requirePublicContent(ctx: CommandContext, linked: LinkedAccount, username: string): void {
  // Business Discovery needs no scope of its own beyond the link's (reference §1.4).
  if (byDiscovery(ctx) || linked.account.scopes.includes(PUBLIC_CONTENT)) return;
  throw new UserFacingError(
    'instagram.scope-missing',
    text('feedManage.consent.needsPublicContent', { account: plain(`@${username}`), scope: PUBLIC_CONTENT }),
    { components: (t) => [linkButtonRow(t('buttons.relinkInstagram'), PUBLIC_CONTENT)] },
  );
}

async function refuseDuplicate(
  ctx: CommandContext,
  guildId: string,
  channelId: string,
  source: FeedSource,
): Promise<void> {
  const key = sourceKey(source);
  const existing = (await ctx.storage.feeds.listByChannel(channelId)).find(
    (f) => f.guildId === guildId && sourceKey(f.source) === key,
  );
  if (existing !== undefined)
    throw new UserFacingError(
      'feeds.duplicate',
      text('feed.add.duplicate', { channel: `<#${channelId}>`, id: existing.id }),
    );
}

/** /feed add-account with `account`: checks everything, then asks the member to confirm that they pay. */
export async function askAccountFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: AddFeedOptions & { account: string },
): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const username = parseUsername(options.account);
  const mode: DeliveryMode = options.delivery ?? 'message';
  checkMention(interaction, admin, options.mention);
  const channelId = options.channel.id;
  await requireFeedChannel(interaction.client, interaction.guild, channelId, mode, ctx.t);
  const linked = await requireLinkedAccount(ctx.storage, admin.userId);
  // Naming one's own account is the feed of one's own posts: nothing more to consent to.
  if (linked.account.username.toLowerCase() === username.toLowerCase()) {
    await addFeed(interaction, ctx, 'account', options);
    return;
  }
  requirePublicContent(ctx, linked, username);
  const target = await withInstagram(ctx, admin.userId, async ({ auth }) => {
    if (byDiscovery(ctx)) {
      // Business Discovery answers for professional accounts only; anything else is "not found" here.
      const profile = await about({ kind: 'user', username }, () =>
        ctx.instagram.accounts.profile(auth, username, { priority: 'interactive' }),
      );
      return { id: profile.id, username: profile.username };
    }
    const found = await resolveUsername(ctx.instagram, auth, username);
    // Reading its posts once is what the feed will do: a private account the link cannot see says so here.
    await about({ kind: 'user', username: found.username }, () =>
      ctx.instagram.users.recentPosts(auth, { userId: found.id, count: 1 }, { priority: 'interactive' }),
    );
    return found;
  });
  await refuseDuplicate(ctx, admin.guildId, channelId, { kind: 'account', instagramUserId: target.id });

  const asked: Asked = {
    channelId,
    instagramUserId: byDiscovery(ctx) ? target.username : target.id,
    roleId: options.mention?.id,
    mode,
    invokerId: admin.userId,
  };
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: ctx.t('feedManage.consent.confirmButton'),
        custom_id: confirmCustomId(asked),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: ctx.t('feed.remove.cancelButton'),
        custom_id: `${ACCOUNT_FEED_PREFIX}:cancel:${admin.userId}`,
      },
    ],
  };
  const name = plain(`@${target.username}`);
  await ctx.respond.reply({
    content: ctx.t('feedManage.consent.ask', { account: name, channel: `<#${channelId}>` }),
    components: [row],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** Confirm / Cancel of an account feed: only the member who was asked may answer; Confirm stores the feed. */
export async function pressAccountFeedButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const button = parseAccountButton(interaction.customId);
  if (button === undefined) throw new UserFacingError('igcord.unknown-button', text('feed.remove.notFeedButton'));
  if (interaction.user.id !== button.invokerId) {
    await ctx.respond.reply({
      content: ctx.t('feed.remove.onlyInvoker', { user: `<@${button.invokerId}>` }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  if (button.action === 'cancel') {
    await ctx.respond.update({ content: ctx.t('feedManage.consent.cancelled'), components: [] });
    return;
  }
  const admin = requireFeedAdmin(interaction);
  // The buttons go away first, so a second press cannot add a second feed.
  await ctx.respond.update({ content: ctx.t('feedManage.consent.adding'), components: [] });
  const role = button.roleId === undefined ? undefined : interaction.guild?.roles.cache.get(button.roleId);
  if (button.roleId !== undefined && role === undefined) {
    throw new UserFacingError(
      'feeds.mention-gone',
      text('feedManage.consent.roleGone', { role: `<@&${button.roleId}>` }),
    );
  }
  checkMention(interaction, admin, role);
  const channel = await requireFeedChannel(interaction.client, interaction.guild, button.channelId, button.mode, ctx.t);
  const linked = await requireLinkedAccount(ctx.storage, admin.userId);
  const profile = await withInstagram(ctx, admin.userId, ({ auth }) =>
    byDiscovery(ctx)
      ? ctx.instagram.accounts.profile(auth, button.instagramUserId, { priority: 'interactive' })
      : ctx.instagram.users.get(auth, button.instagramUserId, { priority: 'interactive' }),
  ).catch((error: unknown) => {
    // Only the id is known here; the account was found when the question was asked, so it is gone since.
    if (error instanceof InstagramNotFoundError) {
      throw new UserFacingError('instagram.not-found', text('feedManage.consent.accountGone'), { cause: error });
    }
    throw error;
  });
  requirePublicContent(ctx, linked, profile.username);
  const source: FeedSource = { kind: 'account', instagramUserId: profile.id };
  await refuseDuplicate(ctx, admin.guildId, button.channelId, source);

  let delivery: FeedDeliveryInput = { mode: 'message' };
  if (button.mode === 'webhook') {
    const webhook = await webhookForChannel(ctx.storage, interaction.client, webhookChannel(channel), ctx.log);
    delivery = { mode: 'webhook', webhookId: webhook.webhookId, webhookToken: webhook.webhookToken };
  }
  const feed = await ctx.storage.feeds.add({
    guildId: admin.guildId,
    channelId: button.channelId,
    source,
    ownerDiscordUserId: admin.userId,
    ownerInstagramUserId: linked.account.instagramUserId,
    createdBy: admin.userId,
    mentionRoleId: button.roleId,
    place: placeOf(channel),
    delivery,
    consent: { discordUserId: admin.userId, at: ctx.clock.now(), username: profile.username },
  });
  await startFromNewest(ctx, feed, interaction.client);
  ctx.log.info(
    { feedId: feed.id, source: sourceKey(source), mode: button.mode },
    "account feed added with its payer's consent",
  );
  await ctx.respond.reply({
    content: ctx.t('feedManage.consent.added', {
      id: feed.id,
      account: plain(`@${profile.username}`),
      channel: `<#${button.channelId}>`,
      mention: button.roleId === undefined ? '' : ctx.t('feed.add.mentions', { role: `<@&${button.roleId}>` }),
    }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}
