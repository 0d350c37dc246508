// /insights: figures about the invoker's own professional account over the last day (reach, views, accounts
// engaged, interactions), or about one of their posts when a post id is given. Registered only where the provider
// serves insights (the Graph API, with the insights permission granted at link time). Private: they are the
// invoker's figures. Graph's figures can be up to 48 hours late (reference §1.4). Worded in the invoker's language
// (`ctx.t`), figures grouped as that language writes them.
import type { ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import type { Insight } from '../../src/core/index.js';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';
import { withInstagram } from '../_shared/linked-account.js';
import { validateOption } from '../_shared/input/validate-option.js';
import { catalogueFor, text, type Translate } from '../../src/i18n/i18n.js';

const ACCOUNT_METRICS = ['reach', 'views', 'accounts_engaged', 'total_interactions'] as const;
const POST_METRICS = ['views', 'reach', 'likes', 'comments', 'saved', 'shares', 'total_interactions'] as const;

const definition = defineSlash({
  name: 'insights',
  requires: 'insights',
  description: "Your Instagram account's reach and interactions, or one post's",
  options: {
    post: { kind: 'string', description: 'A post id of yours (your whole account when left out)', maxLength: 40 },
  },
});

const idSchema = z
  .string()
  .trim()
  .regex(/^[0-9_]{1,40}$/, { error: 'must be a post id: digits as igcord shows them' });

/** A metric's name in the reader's language; one igcord does not ask for (none today) in Instagram's words. */
function metricName(metric: string, t: Translate): string {
  const names: Record<string, string> = {
    reach: t('insights.metrics.reach'),
    views: t('insights.metrics.views'),
    accounts_engaged: t('insights.metrics.accountsEngaged'),
    total_interactions: t('insights.metrics.totalInteractions'),
    likes: t('insights.metrics.likes'),
    comments: t('insights.metrics.comments'),
    saved: t('insights.metrics.saved'),
    shares: t('insights.metrics.shares'),
  };
  return names[metric] ?? metric.replace(/_/g, ' ');
}

/** Digits grouped as the language of the words around them writes them (the catalogue's, a BCP 47 tag). */
const figure = (i: Insight, t: Translate, locale: string) =>
  `• ${metricName(i.metric, t)}: **${i.value === undefined ? t('insights.notReported') : i.value.toLocaleString(catalogueFor(locale))}**`;

async function insights(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { post?: string | undefined },
): Promise<void> {
  const postId =
    options.post === undefined
      ? undefined
      : validateOption(idSchema, options.post, {
          option: 'post',
          id: 'input.invalid',
          message: () => text('insights.invalidPost'),
        });
  await ctx.respond.deferReply(true);
  const { username, figures } = await withInstagram(ctx, interaction.user.id, async ({ auth, account }) => ({
    username: account.username,
    figures:
      postId === undefined
        ? await ctx.instagram.insights.account(auth, ACCOUNT_METRICS, 'day')
        : await ctx.instagram.insights.post(auth, postId, POST_METRICS),
  }));
  const heading =
    postId === undefined ? ctx.t('insights.accountHeading', { username }) : ctx.t('insights.postHeading', { postId });
  const lines = figures.length === 0 ? [ctx.t('insights.none')] : figures.map((i) => figure(i, ctx.t, ctx.locale));
  await ctx.respond.reply({ content: [heading, ...lines].join('\n'), ephemeral: true, allowedMentions: { parse: [] } });
}

export default defineCommand(slashCommand(definition, insights));
