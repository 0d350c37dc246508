// /insights: figures about the invoker's own professional account over the last day (reach, views, accounts
// engaged, interactions), or about one of their posts when a post id is given. Registered only where the provider
// serves insights (the Graph API, with the insights permission granted at link time). Private: they are the
// invoker's figures. Graph's figures can be up to 48 hours late (reference §1.4).
import type { ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import type { Insight } from '../../src/core/index.js';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand } from '../../src/discord/slash-command.js';
import { withInstagram } from '../_shared/linked-account.js';
import { validateOption } from '../_shared/input/validate-option.js';

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

const words = (metric: string) => metric.replace(/_/g, ' ');
const figure = (i: Insight) =>
  `• ${words(i.metric)}: **${i.value === undefined ? 'not reported' : i.value.toLocaleString('en-US')}**`;

async function insights(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: { post?: string | undefined },
): Promise<void> {
  const postId =
    options.post === undefined
      ? undefined
      : validateOption(idSchema, options.post, { option: 'post', id: 'input.invalid' });
  await ctx.respond.deferReply(true);
  const { username, figures } = await withInstagram(ctx, interaction.user.id, async ({ auth, account }) => ({
    username: account.username,
    figures:
      postId === undefined
        ? await ctx.instagram.insights.account(auth, ACCOUNT_METRICS, 'day')
        : await ctx.instagram.insights.post(auth, postId, POST_METRICS),
  }));
  const heading =
    postId === undefined ? `Insights of @${username} over the last day:` : `Insights of post \`${postId}\`:`;
  const lines =
    figures.length === 0
      ? ['Instagram reported no figures yet (they can be up to 48 hours late).']
      : figures.map(figure);
  await ctx.respond.reply({ content: [heading, ...lines].join('\n'), ephemeral: true, allowedMentions: { parse: [] } });
}

export default defineCommand(slashCommand(definition, insights));
