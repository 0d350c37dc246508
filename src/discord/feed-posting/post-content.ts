// The text line of a feed post and who it may ping. A real post says the feed's role mention (and, when its
// embeds could not be made, the post's link); a test post says exactly that same line under its test mark, so an
// admin sees what a post will look like, but pings nobody: Discord draws `<@&role>` as the role whether or not
// allowed_mentions lets it notify, and a test the admin may repeat is no news for the role's members.
import type { Post, PostTarget } from '../../core/index.js';
import { plain, safeUrl } from '../embeds/text.js';
import type { Translate } from '../../i18n/i18n.js';

export interface PostContent {
  /** Absent when the post has no text (embeds only, no role). */
  content?: string;
  /** The roles allowed to ping: the feed's own on a real post, none on a test. */
  roles: string[];
}

export function postContent(
  target: PostTarget,
  media: Post,
  /** `t` speaks the guild's preferred language (discord-feed-poster.ts); the author's name is never translated. */
  options: { test: boolean; compact: boolean; text?: string | undefined; t: Translate },
): PostContent {
  const { t } = options;
  const mention = target.mentionRoleId !== undefined ? `<@&${target.mentionRoleId}>` : undefined;
  // A template's own text (template-render.ts, already defused and cut to fit) follows the mention.
  const text = options.compact
    ? t('feedPost.newPost', { author: plain(`@${media.author.username}`), link: safeUrl(media.permalink) ?? '' })
    : options.text;
  const line = [mention, text].filter(Boolean).join(' ') || undefined;
  if (!options.test)
    return {
      ...(line !== undefined ? { content: line } : {}),
      roles: mention !== undefined ? [target.mentionRoleId!] : [],
    };
  // The mark comes first: earlier-post.ts knows a test post by it, and never takes one for a delivery.
  const mark = t('feedPost.test', { mark: t('feedPost.testMark'), feedId: target.feedId });
  return { content: line !== undefined ? `${mark}\n${line}` : mark, roles: [] };
}
