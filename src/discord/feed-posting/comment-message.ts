// A comments feed's message (docs/decisions/0028): the comment — its text defused with plain(), so it cannot ping
// or format anything — its author, and the post it is on (link, caption's start, thumbnail), with the owner's
// moderation buttons: Hide (or Unhide) and Reply. The buttons carry the account and the comment in their custom
// id; their handler (commands/comments/moderation-buttons.ts) lets only the account's own linked Discord user act.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import type { Post } from '../../core/index.js';
import { EMBED_LIMITS } from '../embeds/limits.js';
import { INSTAGRAM_COLOR } from '../embeds/media-embed.js';
import { plain, safeUrl, truncate } from '../embeds/text.js';

/** The custom id prefix of the moderation buttons and the reply modal: `cmod:<action>:<account>:<comment>`. */
export const COMMENT_MODERATION_PREFIX = 'cmod';
export type ModerationAction = 'hide' | 'show' | 'reply' | 'replied';

export const moderationId = (action: ModerationAction, accountId: string, commentId: string) =>
  `${COMMENT_MODERATION_PREFIX}:${action}:${accountId}:${commentId}`;

/** The parts of a moderation custom id, or undefined when it is not one. */
export function parseModerationId(
  customId: string,
): { action: ModerationAction; accountId: string; commentId: string } | undefined {
  const match = /^cmod:(hide|show|reply|replied):([A-Za-z0-9_.-]{1,64}):([0-9_]{1,40})$/.exec(customId);
  if (match === null) return undefined;
  return { action: match[1] as ModerationAction, accountId: match[2]!, commentId: match[3]! };
}

/** Hide or Unhide (as the comment is now), and Reply. */
export function moderationRow(
  accountId: string,
  commentId: string,
  hidden: boolean,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: hidden ? ButtonStyle.Secondary : ButtonStyle.Danger,
        label: hidden ? 'Unhide' : 'Hide',
        custom_id: moderationId(hidden ? 'show' : 'hide', accountId, commentId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: 'Reply',
        custom_id: moderationId('reply', accountId, commentId),
      },
    ],
  };
}

/** The comment's embed; undefined for a post that is not a comment. */
export function commentEmbeds(post: Post): APIEmbed[] | undefined {
  const on = post.commentOn;
  if (on === undefined) return undefined;
  const postUrl = safeUrl(post.permalink);
  const thumbnail = safeUrl(post.items[0]?.thumbnail ?? post.items[0]?.cover ?? post.items[0]?.url);
  const caption = on.postCaption.trim();
  const who = post.author.username !== '' ? `@${post.author.username}` : 'Someone';
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    author: { name: truncate(plain(`${who} commented`, 'label'), EMBED_LIMITS.authorName) },
    description: truncate(plain(post.caption), 3000),
    ...(postUrl !== undefined ? { url: postUrl, title: `On @${truncate(on.ownerUsername, 60)}'s post` } : {}),
    fields: [
      {
        name: on.parentId !== undefined ? 'Reply on the post' : 'The post',
        value: truncate(
          `${caption === '' ? '(no caption)' : plain(caption.slice(0, 200))}${postUrl !== undefined ? `\n${postUrl}` : ''}`,
          EMBED_LIMITS.fieldValue,
        ),
      },
    ],
    ...(thumbnail !== undefined ? { thumbnail: { url: thumbnail } } : {}),
    footer: { text: on.hidden === true ? 'Instagram · Comment · hidden' : 'Instagram · Comment' },
    ...(Number.isSafeInteger(post.time) && post.time > 0
      ? { timestamp: new Date(post.time * 1000).toISOString() }
      : {}),
  };
  return [embed];
}
