// /comments: the comments on the invoker's own posts, as the Graph API lets a professional account manage them:
// list a post's comments with their ids, reply to one, hide or show one again, delete one. Registered only where
// the provider serves them (list needs `comments`, reply, hide and delete `comment-moderation`). Answers are
// private: they are about the invoker's account. The comments feeds' Hide and Reply buttons are handled here too
// (moderation-buttons.ts). Every answer speaks the invoker's language (`ctx.t`); Instagram's comments and names
// are shown as written.
import type { ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../../src/discord/command.js';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../src/discord/slash-command.js';
import { plain } from '../../src/discord/embeds/text.js';
import { text } from '../../src/i18n/i18n.js';
import { withInstagram } from '../_shared/linked-account.js';
import { validateOption } from '../_shared/input/validate-option.js';
import { COMMENT_MODERATION_PREFIX } from '../../src/discord/feed-posting/comment-message.js';
import { pressModeration } from './moderation-buttons.js';

/** Discord's message limit, with room for the heading. */
const MAX_TEXT = 1900;

const post = {
  kind: 'string',
  description: 'The post id (as /user media or a feed post shows it)',
  required: true,
  maxLength: 40,
} as const;
const comment = {
  kind: 'string',
  description: 'The comment id, as /comments list shows it',
  required: true,
  maxLength: 40,
} as const;

const definition = defineSlash({
  name: 'comments',
  description: 'Manage the comments on your own Instagram posts',
  subcommands: {
    list: { requires: 'comments', description: "A post's comments, with their ids", options: { post } },
    reply: {
      requires: 'comment-moderation',
      description: 'Reply to a comment on your post',
      options: { comment, text: { kind: 'string', description: 'What to say', required: true, maxLength: 300 } },
    },
    hide: {
      requires: 'comment-moderation',
      description: 'Hide a comment on your post from everyone but its author (or show it again)',
      options: {
        comment,
        hidden: { kind: 'boolean', description: 'False shows a hidden comment again (default true)' },
      },
    },
    delete: { requires: 'comment-moderation', description: 'Delete a comment on your post', options: { comment } },
  },
});
type Options<K extends keyof (typeof definition)['subcommands']> = SubcommandOptions<typeof definition, K>;

const idSchema = z
  .string()
  .trim()
  .regex(/^[0-9_]{1,40}$/, { error: 'must be an id: digits as igcord shows them' });
/** The refusal names the option as the person's client shows it, so each option has its own sentence. */
const idOf = (value: string, option: 'post' | 'comment') =>
  validateOption(idSchema, value, {
    option,
    id: 'input.invalid',
    message: () => (option === 'post' ? text('comments.invalidPost') : text('comments.invalidComment')),
  });

async function list(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'list'>,
): Promise<void> {
  const postId = idOf(options.post, 'post');
  await ctx.respond.deferReply(true);
  const comments = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    ctx.instagram.media.comments(auth, postId),
  );
  if (comments.length === 0) {
    await ctx.respond.reply({ content: ctx.t('comments.none'), ephemeral: true });
    return;
  }
  let content = ctx.t('comments.heading', { postId });
  for (const c of comments) {
    const author = c.author.username ? `@${c.author.username}` : ctx.t('comments.someone');
    const line = `\n• **${plain(author)}**: ${plain(c.text)} (\`${c.id}\`)`;
    if (content.length + line.length > MAX_TEXT) {
      content += `\n${ctx.t('comments.more')}`;
      break;
    }
    content += line;
  }
  await ctx.respond.reply({ content, ephemeral: true, allowedMentions: { parse: [] } });
}

async function reply(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'reply'>,
): Promise<void> {
  const commentId = idOf(options.comment, 'comment');
  await ctx.respond.deferReply(true);
  const created = await withInstagram(ctx, interaction.user.id, ({ auth }) =>
    ctx.instagram.moderation.reply(auth, commentId, options.text),
  );
  await ctx.respond.reply({
    content: ctx.t('comments.replied', { commentId, replyId: created.id }),
    ephemeral: true,
  });
}

async function hide(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'hide'>,
): Promise<void> {
  const commentId = idOf(options.comment, 'comment');
  const hidden = options.hidden ?? true;
  await ctx.respond.deferReply(true);
  await withInstagram(ctx, interaction.user.id, ({ auth }) => ctx.instagram.moderation.hide(auth, commentId, hidden));
  await ctx.respond.reply({
    content: hidden ? ctx.t('comments.hidden', { commentId }) : ctx.t('comments.shown', { commentId }),
    ephemeral: true,
  });
}

async function remove(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  options: Options<'delete'>,
): Promise<void> {
  const commentId = idOf(options.comment, 'comment');
  await ctx.respond.deferReply(true);
  await withInstagram(ctx, interaction.user.id, ({ auth }) => ctx.instagram.moderation.remove(auth, commentId));
  await ctx.respond.reply({ content: ctx.t('comments.deleted', { commentId }), ephemeral: true });
}

export default defineCommand({
  ...slashCommand(definition, { list, reply, hide, delete: remove }),
  // The Hide, Unhide and Reply buttons of comments feeds' messages, and the reply modal.
  components: { [COMMENT_MODERATION_PREFIX]: pressModeration },
});
