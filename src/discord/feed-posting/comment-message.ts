// A comments feed's message (docs/decisions/0028): the comment — its text defused with plain(), so it cannot ping
// or format anything — its author, and the post it is on (link, caption's start, thumbnail), with the owner's
// moderation buttons: Hide (or Unhide) and Reply. The buttons carry the account and the comment in their custom
// id; their handler (commands/comments/moderation-buttons.ts) lets only the account's own linked Discord user act.
// A feed post speaks the server's preferred language (`t`, docs/decisions/0027); Instagram's words stay as written.
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
import { englishOnly, type Translate } from '../../i18n/i18n.js';
import { CATALOGUES } from '../../i18n/locales/index.js';

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
  /** The server's language: the buttons are part of the feed's message. */
  t: Translate = englishOnly(),
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: hidden ? ButtonStyle.Secondary : ButtonStyle.Danger,
        label: hidden ? t('comments.feed.unhide') : t('comments.feed.hide'),
        custom_id: moderationId(hidden ? 'show' : 'hide', accountId, commentId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: t('comments.feed.reply'),
        custom_id: moderationId('reply', accountId, commentId),
      },
    ],
  };
}

/** The footer saying whether the comment is hidden now, in the server's language. */
export const commentFooter = (hidden: boolean, t: Translate) =>
  hidden ? t('comments.feed.footerHidden') : t('comments.feed.footer');

/**
 * The account's name ("@name") in the title of a comment's message, in whichever shipped language it was posted
 * (the server may have changed language since); undefined for a title that is none of them.
 */
export function ownerInTitle(title: string): string | undefined {
  for (const catalogue of Object.values(CATALOGUES)) {
    const [before, after] = catalogue.comments.feed.title.split('{{owner}}') as [string, string | undefined];
    if (after === undefined) continue;
    if (title.length > before.length + after.length && title.startsWith(before) && title.endsWith(after))
      return `@${title.slice(before.length, title.length - after.length)}`;
  }
  return undefined;
}

/** The comment's embed in the server's language (`t`); undefined for a post that is not a comment. */
export function commentEmbeds(post: Post, t: Translate = englishOnly()): APIEmbed[] | undefined {
  const on = post.commentOn;
  if (on === undefined) return undefined;
  const postUrl = safeUrl(post.permalink);
  const thumbnail = safeUrl(post.items[0]?.thumbnail ?? post.items[0]?.cover ?? post.items[0]?.url);
  const caption = on.postCaption.trim();
  const who = post.author.username !== '' ? `@${post.author.username}` : t('comments.feed.someone');
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    author: { name: truncate(plain(t('comments.feed.commented', { author: who }), 'label'), EMBED_LIMITS.authorName) },
    description: truncate(plain(post.caption), 3000),
    ...(postUrl !== undefined
      ? { url: postUrl, title: t('comments.feed.title', { owner: truncate(on.ownerUsername, 60) }) }
      : {}),
    fields: [
      {
        name: on.parentId !== undefined ? t('comments.feed.replyOnPost') : t('comments.feed.thePost'),
        value: truncate(
          `${caption === '' ? t('comments.feed.noCaption') : plain(caption.slice(0, 200))}${postUrl !== undefined ? `\n${postUrl}` : ''}`,
          EMBED_LIMITS.fieldValue,
        ),
      },
    ],
    ...(thumbnail !== undefined ? { thumbnail: { url: thumbnail } } : {}),
    footer: { text: commentFooter(on.hidden === true, t) },
    ...(Number.isSafeInteger(post.time) && post.time > 0
      ? { timestamp: new Date(post.time * 1000).toISOString() }
      : {}),
  };
  return [embed];
}
