// A feed's digest on Discord (docs/decisions/0031): one embed per message listing the period's posts, one line each
// — the author linked to the post, then the caption's first line — with the period's end as the embed's timestamp
// (Discord shows it in each reader's own time). A digest longer than one embed's description is split into as many
// messages as it takes, between entries, never inside one: each entry is bounded far below the limit. Captions
// and names are defused (plain()), so a caption can neither ping nor draw markdown; only the feed's role, on the
// digest's first message, may ping. The title speaks the guild's language (src/i18n, `feedPost`).
import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { DigestPart, Post, PostTarget } from '../../core/index.js';
import { EMBED_LIMITS } from '../embeds/limits.js';
import { link, plain, truncate } from '../embeds/text.js';
import type { Translate } from '../../i18n/i18n.js';

export const DIGEST_WEBHOOK_NAME = 'Instagram';
/** A post without a caption: a mark, not a word, so an entry's length (and the split) is the same in every language. */
const NO_CAPTION = '—';

/** Room for a caption's first line in an entry: enough to know the post, short enough for many to a message. */
const FIRST_LINE_MAX = 200;
const INSTAGRAM_PINK = 0xe1306c;

/** The caption's first non-empty line, defused and cut. */
function firstLine(caption: string): string {
  const line = caption
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line === undefined ? NO_CAPTION : truncate(plain(line), FIRST_LINE_MAX);
}

/** One post's line: `• [@author](permalink): first line`. At most ~2,300 characters (a URL is at most 2,048). */
export function digestEntry(post: Post): string {
  return `• ${link(plain(`@${truncate(post.author.username, 60)}`), post.permalink)}: ${firstLine(post.caption)}`;
}

/** Splits the posts into messages' worth of entries, in order, each message's description within the limit. */
export function splitDigest(posts: readonly Post[]): Post[][] {
  const parts: Post[][] = [];
  let current: Post[] = [];
  let length = 0;
  for (const post of posts) {
    const entry = digestEntry(post).length;
    const added = current.length === 0 ? entry : length + 1 + entry;
    if (current.length > 0 && added > EMBED_LIMITS.description) {
      parts.push(current);
      current = [];
      length = entry;
    } else length = added;
    current.push(post);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The message of one part, its title in the guild's language (`t`). */
export function digestBody(target: PostTarget, digest: DigestPart, t: Translate): RESTPostAPIChannelMessageJSONBody {
  const mention = digest.part === 0 && target.mentionRoleId !== undefined ? target.mentionRoleId : undefined;
  const title = t('feedPost.digestTitle', { count: digest.total });
  const embed: APIEmbed = {
    title: digest.parts > 1 ? t('feedPost.digestPart', { title, part: digest.part + 1, parts: digest.parts }) : title,
    description: digest.posts.map(digestEntry).join('\n'),
    color: INSTAGRAM_PINK,
    timestamp: new Date(digest.dueAt).toISOString(),
  };
  return {
    ...(mention !== undefined ? { content: `<@&${mention}>` } : {}),
    embeds: [embed],
    allowed_mentions: { parse: [], roles: mention !== undefined ? [mention] : [] },
  };
}
