// /feed template, its modal and its Save / Cancel buttons, /feed preview and /feed settings (docs/decisions/0026).
// The modal is the slash command's one answer (the command is not deferred for it); its submission is read and
// checked — an unknown placeholder, a part the longest post would push over Discord's limits, a bad colour are
// refused with the reasons and nothing is kept — then drawn privately on the source's latest real post (read with
// the feed payer's link), kept as a draft, and stored on the feed only when its author presses Save.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import {
  STARTER_TEMPLATE,
  TIME_FORMATS,
  isTimeZone,
  type FeedTemplate,
  type TimeFormat,
} from '../../src/core/index.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { truncate } from '../../src/discord/embeds/text.js';
import { DEFAULT_TIME_SETTINGS } from '../../src/discord/feed-posting/placeholders.js';
import { checkTemplate, problemText } from '../../src/discord/feed-posting/template-check.js';
import { formatPostTime } from '../../src/discord/feed-posting/template-render.js';
import { requireAdminFeed, requireFeedAdmin } from './feed-admin.js';
import { previewMessage } from './template-preview.js';
import { parseTemplateModalId, readTemplateModal, templateModal } from './template-modal.js';
import type { Feed } from '../../src/storage/index.js';
import { text } from '../../src/i18n/i18n.js';

const saveId = (feedId: string, userId: string) => `feed:tpl-save:${feedId}:${userId}`;
const cancelId = (feedId: string, userId: string) => `feed:tpl-cancel:${feedId}:${userId}`;
const TEMPLATE_BUTTON = /^feed:tpl-(save|cancel):([a-z0-9]{1,40}):(\d{1,20})$/;

export const isTemplateComponent = (customId: string) =>
  TEMPLATE_BUTTON.test(customId) || parseTemplateModalId(customId) !== undefined;

/** /feed template: the modal, prefilled; with `reset`, back to the built-in rendering at once. */
export async function openTemplate(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { feed: string; reset?: boolean | undefined },
): Promise<void> {
  const { feed } = await requireAdminFeed(interaction, ctx.storage, options.feed);
  if (options.reset === true) {
    await ctx.storage.feeds.update(feed.id, { template: null });
    ctx.log.info({ feedId: feed.id }, 'feed template reset');
    await ctx.respond.reply({
      content: ctx.t('feedCraft.template.reset', { id: feed.id }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  // Showing a modal is the interaction's one acknowledgement; the responder adopts it (discord.js marks it replied).
  await interaction.showModal(templateModal(feed.id, feed.template ?? STARTER_TEMPLATE, ctx.t));
}

/** /feed preview: the feed's template (or the built-in layout) drawn on the source's latest post, privately. */
export async function previewFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  feedId: string,
): Promise<void> {
  const { feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  const header = ctx.t('feedCraft.template.previewHeader', { id: feed.id });
  await ctx.respond.reply({ ...(await preview(ctx, feed, feed.template, header)), ephemeral: true });
}

async function preview(ctx: CommandContext, feed: Feed, template: FeedTemplate | undefined, header: string) {
  const post = await ctx.deliveries.latestPost(feed);
  const time = (await ctx.storage.guildSettings.time(feed.guildId)) ?? DEFAULT_TIME_SETTINGS;
  if (post === undefined)
    return {
      content: `${header}\n${ctx.t('feedCraft.template.noPost')}`,
      components: [] as ActionRow[],
      embeds: [],
      allowedMentions: { parse: [] },
    };
  const drawn = previewMessage(feed, post, template, time, ctx.log, ctx.t);
  const content = truncate(`${header}\n${drawn.content}`, 2000);
  return { content, embeds: drawn.embeds, components: drawn.components, allowedMentions: { parse: [] } };
}

async function submitTemplate(interaction: ComponentInteraction, ctx: CommandContext, feedId: string) {
  if (!interaction.isModalSubmit()) throw new TypeError('the template form is a modal');
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  const read = readTemplateModal((id) => interaction.fields.getTextInputValue(id));
  const problems = 'problems' in read ? read.problems : checkTemplate(read.template);
  if ('problems' in read || problems.length > 0) {
    ctx.log.info({ feedId: feed.id, problems: problems.length }, 'feed template refused');
    // Worded now, in the admin's language: each reason names a part of the template in that language too.
    const reasons = problems.map((p) => `- ${problemText(p, ctx.t)}`);
    throw new UserFacingError(
      'feeds.template-invalid',
      truncate(ctx.t('feedCraft.template.refused', { id: feed.id, problems: reasons.join('\n') }), 2000),
    );
  }
  await ctx.storage.templateDrafts.put(feed.id, admin.userId, read.template);
  const header = ctx.t('feedCraft.template.draftHeader', { id: feed.id });
  const shown = await preview(ctx, feed, read.template, header);
  const buttons: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: ctx.t('feedCraft.template.saveButton'),
        custom_id: saveId(feed.id, admin.userId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: ctx.t('feedCraft.template.cancelButton'),
        custom_id: cancelId(feed.id, admin.userId),
      },
    ],
  };
  await ctx.respond.reply({ ...shown, components: [...shown.components, buttons], ephemeral: true });
}

/** The modal's submission, and the preview's Save and Cancel (only the admin who submitted may press them). */
export async function pressTemplateComponent(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const modalFeed = parseTemplateModalId(interaction.customId);
  if (modalFeed !== undefined) return submitTemplate(interaction, ctx, modalFeed);
  const [, action, feedId, userId] = TEMPLATE_BUTTON.exec(interaction.customId) ?? [];
  if (interaction.user.id !== userId)
    throw new UserFacingError('feeds.not-allowed', text('feedCraft.template.onlyAuthor'));
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId!);
  const draft = await ctx.storage.templateDrafts.take(feed.id, admin.userId);
  if (action === 'cancel') {
    await ctx.respond.update({ content: ctx.t('feedCraft.template.cancelled'), embeds: [], components: [] });
    return;
  }
  if (draft === undefined) throw new UserFacingError('feeds.template-expired', text('feedCraft.template.expired'));
  await ctx.storage.feeds.update(feed.id, { template: draft });
  ctx.log.info({ feedId: feed.id }, 'feed template saved');
  await ctx.respond.update({
    content: ctx.t('feedCraft.template.saved', { id: feed.id }),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
  });
}

/** /feed settings: the time zone and style this server's feed templates write `{time}` in. */
export async function feedSettings(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { timezone?: string | undefined; 'time-format'?: string | undefined },
): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const current = (await ctx.storage.guildSettings.time(admin.guildId)) ?? DEFAULT_TIME_SETTINGS;
  const timeZone = options.timezone?.trim() ?? current.timeZone;
  const format = (options['time-format'] ?? current.format) as TimeFormat;
  if (!isTimeZone(timeZone))
    throw new UserFacingError(
      'feeds.settings-invalid',
      text('feedCraft.settings.badZone', { zone: timeZone.slice(0, 64) }),
    );
  if (!(TIME_FORMATS as readonly string[]).includes(format))
    throw new UserFacingError(
      'feeds.settings-invalid',
      text('feedCraft.settings.badFormat', { formats: TIME_FORMATS.join(', ') }),
    );
  await ctx.storage.guildSettings.setTime(admin.guildId, { timeZone, format });
  // Written in the reader's language; posts write `{time}` in the server's (`feedCraft.timeLocale`).
  const example = formatPostTime(ctx.clock.now() / 1000, { timeZone, format }, ctx.t('feedCraft.timeLocale'));
  await ctx.respond.reply({
    content: ctx.t('feedCraft.settings.saved', {
      zone: timeZone,
      format: ctx.t(`feedCraft.settings.format.${format}`),
      example,
    }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}
