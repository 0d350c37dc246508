// /feed edit: changes where a feed posts (channel), whom it pings (role mention, or none), how it posts (bot
// message or channel webhook) and what a post edited or deleted on Instagram does to its message (on-change) in
// place. Removing and adding the feed again would lose what it carries — its
// delivered posts (which keep restarts from re-posting), its pending posts, its state and its payer — so the
// record is patched instead, and the engine, which reads the feed record at each run, posts the next media to
// the new channel. Every check /feed add makes for those fields runs first (the bot's permissions for the new
// channel and mode, the duplicate source, the role the member may have pinged); a refused edit stores nothing.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';
import type { RoleValue } from '../../src/discord/typed-options.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { DEFAULT_ON_CHANGE, type OnChange } from '../../src/core/index.js';
import { serverTimeZones, sourceKey, type Feed, type FeedPatch } from '../../src/storage/index.js';
import { requireFeedChannel, type DeliveryMode, placeOf, webhookChannel } from './channel-permissions.js';
import { requireAdminFeed } from './feed-admin.js';
import { requireMentionableRole } from './mention-role.js';
import { releaseWebhook, webhookForChannel } from './feed-webhook.js';
import { describeDigestEdit, digestEdit, type DigestChoice } from './digest-option.js';
import { text } from '../../src/i18n/i18n.js';

/** The options of /feed edit, as the command read them. */
export interface EditFeedOptions {
  feed: string;
  channel: { id: string } | undefined;
  mention: RoleValue | undefined;
  'clear-mention': boolean | undefined;
  delivery: DeliveryMode | undefined;
  'on-change': OnChange | undefined;
  digest: DigestChoice | undefined;
  'digest-time': string | undefined;
}

export async function editFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: EditFeedOptions,
): Promise<void> {
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, options.feed);
  const clear = options['clear-mention'] === true;
  const role = options.mention;
  const onChange = options['on-change'];
  const digest = digestEdit(feed, options.digest, options['digest-time']);
  if (
    options.channel === undefined &&
    role === undefined &&
    !clear &&
    options.delivery === undefined &&
    onChange === undefined &&
    digest === undefined
  ) {
    throw new UserFacingError('feeds.edit-nothing', text('feedManage.edit.nothing', { id: feed.id }));
  }
  if (role !== undefined && clear) {
    throw new UserFacingError('feeds.edit-conflict', text('feedManage.edit.conflict'));
  }
  if (role !== undefined && role.id === admin.guildId) {
    throw new UserFacingError('feeds.mention-everyone', text('feedManage.edit.noEveryone'));
  }
  if (role !== undefined) requireMentionableRole(interaction, role);

  const channelId = options.channel?.id ?? feed.channelId;
  const mode: DeliveryMode = options.delivery ?? feed.delivery.mode;
  const moved = channelId !== feed.channelId;
  // The same checks as /feed add, for what the edit changes; a mention alone needs none of them.
  const channel =
    moved || mode !== feed.delivery.mode
      ? await requireFeedChannel(interaction.client, interaction.guild, channelId, mode, ctx.t)
      : undefined;
  if (moved) await refuseDuplicate(ctx, feed, channelId);

  const patch: FeedPatch = {};
  if (moved) patch.channelId = channelId;
  if (moved && channel !== undefined) patch.place = placeOf(channel);
  if (role !== undefined) patch.mentionRoleId = role.id;
  if (clear) patch.mentionRoleId = null;
  if (onChange !== undefined) patch.onChange = onChange;
  if (digest !== undefined) patch.digest = digest;
  let created: string | undefined;
  // A webhook belongs to one channel: a move or a switch to webhooks needs the new channel's; a switch back to
  // bot messages drops it. Unchanged otherwise, so an edit of the mention alone keeps the webhook it has.
  if (mode === 'webhook' && channel !== undefined && (moved || feed.delivery.mode !== 'webhook')) {
    const webhook = await webhookForChannel(ctx.storage, interaction.client, webhookChannel(channel), ctx.log);
    if (webhook.created) created = webhook.webhookId;
    patch.delivery = { mode: 'webhook', webhookId: webhook.webhookId, webhookToken: webhook.webhookToken };
  } else if (mode === 'message' && feed.delivery.mode === 'webhook') {
    patch.delivery = { mode: 'message' };
  }

  const edited = await ctx.storage.feeds.update(feed.id, patch);
  if (edited === undefined) {
    if (created !== undefined)
      await interaction.client
        .deleteWebhook(created, { reason: 'the igcord feed it was made for was removed' })
        .catch(() => undefined);
    throw new UserFacingError('feeds.not-found', text('feedManage.edit.removedMeanwhile', { id: feed.id }));
  }
  // The old webhook goes once no feed of its channel posts through it any more (the edited one no longer does).
  if (patch.delivery !== undefined) await releaseWebhook(ctx.storage, interaction.client, feed, ctx.log);
  ctx.log.info(
    { feedId: feed.id, moved, mode, mention: edited.mentionRoleId !== undefined, digest: edited.digest },
    'feed edited',
  );
  const digestLine =
    digest === undefined
      ? ''
      : describeDigestEdit(edited.digest, await serverTimeZones(ctx.storage)(edited.guildId), ctx.t);

  const onChangeNow = edited.onChange ?? DEFAULT_ON_CHANGE;
  await ctx.respond.reply({
    content:
      ctx.t('feedManage.edit.edited', {
        id: feed.id,
        channel: `<#${edited.channelId}>`,
        mode: ctx.t(
          edited.place === 'forum'
            ? 'feedManage.edit.asForumThreads'
            : edited.delivery.mode === 'webhook'
              ? 'feedManage.edit.asWebhook'
              : 'feedManage.edit.asBot',
        ),
        mentioning:
          edited.mentionRoleId === undefined
            ? ctx.t('feedManage.edit.mentioningNobody')
            : ctx.t('feedManage.edit.mentioning', { role: `<@&${edited.mentionRoleId}>` }),
        onChange: onChangeNow,
        onChangeMeaning: ctx.t(ON_CHANGE_WORDS[onChangeNow]),
      }) +
      digestLine +
      ctx.t('feedManage.edit.kept'),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** What each on-change setting does, as the reply says it (catalogue keys). */
const ON_CHANGE_WORDS: Record<OnChange, string> = {
  edit: 'feedManage.edit.onChange.edit',
  mark: 'feedManage.edit.onChange.mark',
  leave: 'feedManage.edit.onChange.leave',
};

/** A channel follows a source once: a move into a channel that already follows it is refused. */
async function refuseDuplicate(ctx: CommandContext, feed: Feed, channelId: string): Promise<void> {
  const key = sourceKey(feed.source);
  const existing = (await ctx.storage.feeds.listByChannel(channelId)).find(
    (f) => f.guildId === feed.guildId && f.id !== feed.id && sourceKey(f.source) === key,
  );
  if (existing !== undefined) {
    throw new UserFacingError(
      'feeds.duplicate',
      text('feedManage.edit.duplicate', { channel: `<#${channelId}>`, id: existing.id }),
    );
  }
}
