// The lists `/media` pages through: the comments of a post and the people who liked it, a fixed number per page,
// each page one embed headed by the post it belongs to. Comment ids are shown because `/media uncomment` needs
// them. Every page is checked against Discord's embed limits; text from Instagram is escaped so a comment such
// as `**wow**` reads as written.
import type { APIEmbed } from 'discord.js';
import type { Comment, Person, Post } from '../../src/core/index.js';
import { validate } from '../../src/util/validate.js';
import { EMBED_LIMITS, messageEmbedsSchema } from '../../src/discord/embeds/limits.js';
import { INSTAGRAM_COLOR } from '../../src/discord/embeds/media-embed.js';
import { instagramProfileUrl, link, plain, safeUrl, truncate } from '../../src/discord/embeds/text.js';
import type { Page, PagedSource } from '../../src/discord/pagination.js';

export const COMMENTS_PER_PAGE = 10;
export const LIKERS_PER_PAGE = 20;
/** Instagram's own limit on a comment (§2.4); older comments could be longer and are shortened to it. */
const COMMENT_SHOWN = 300;

const count = (n: number) => n.toLocaleString('en-US');

const KIND_LABEL: Record<Post['kind'], string> = {
  image: 'Photo',
  video: 'Video',
  carousel: 'Carousel',
  reel: 'Reel',
  story: 'Story',
};

export function mediaKind(media: Post): string {
  return KIND_LABEL[media.kind];
}

/** "Photo by @mateo_rios", the heading every list and confirmation uses for a post. */
export function mediaLabel(media: Post): string {
  return `${mediaKind(media)} by @${media.author.username}`;
}

/** `[Photo by @x](link)`, escaped, for confirmations. */
export function mediaLink(media: Post): string {
  return link(plain(mediaLabel(media)), media.permalink);
}

function pageCount(items: number, perPage: number): number {
  return Math.max(1, Math.ceil(items / perPage));
}

function listEmbed(media: Post, title: string, description: string, footer: string): APIEmbed {
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: truncate(plain(title, 'label'), EMBED_LIMITS.title),
    description: truncate(description, EMBED_LIMITS.description),
    footer: { text: truncate(footer, EMBED_LIMITS.footerText) },
  };
  const url = safeUrl(media.permalink);
  if (url) embed.url = url;
  const thumbnail = safeUrl(media.items[0]?.thumbnail ?? media.items[0]?.cover ?? media.items[0]?.url);
  if (thumbnail) embed.thumbnail = { url: thumbnail };
  return validate(messageEmbedsSchema, [embed], 'media list page')[0] as APIEmbed;
}

export function commentLine(comment: Comment): string {
  const who = link(plain(`@${comment.author.username}`), instagramProfileUrl(comment.author.username));
  const text = truncate(plain(comment.text.trim()), COMMENT_SHOWN) || '(empty)';
  return `${who} · <t:${comment.time}:R> · id \`${comment.id}\`\n${text}`;
}

/** The comments of `media`, oldest first as Instagram lists them, `COMMENTS_PER_PAGE` to a page. */
export function commentPages(media: Post, comments: Comment[]): PagedSource {
  const pages = pageCount(comments.length, COMMENTS_PER_PAGE);
  return {
    count: pages,
    render(index): Page {
      const start = index * COMMENTS_PER_PAGE;
      const shown = comments.slice(start, start + COMMENTS_PER_PAGE);
      const footer = `Comments ${start + 1}–${start + shown.length} of ${count(comments.length)}`;
      return {
        embeds: [listEmbed(media, `Comments on ${mediaLabel(media)}`, shown.map(commentLine).join('\n\n'), footer)],
      };
    },
  };
}

export function likerLine(user: Person): string {
  const who = link(plain(`@${user.username}`), instagramProfileUrl(user.username));
  return user.name ? `${who} — ${plain(truncate(user.name, 100))}` : who;
}

/** Who liked `media`, most recent first, `LIKERS_PER_PAGE` to a page. */
export function likerPages(media: Post, likers: Person[]): PagedSource {
  const pages = pageCount(likers.length, LIKERS_PER_PAGE);
  return {
    count: pages,
    render(index): Page {
      const start = index * LIKERS_PER_PAGE;
      const shown = likers.slice(start, start + LIKERS_PER_PAGE);
      // The post's own count can be larger: Instagram lists only likers the app may see (§7, sandbox users).
      const footer = `Likers ${start + 1}–${start + shown.length} of ${count(likers.length)} listed${media.counts.likes === undefined ? '' : ` · ${count(media.counts.likes)} likes`}`;
      return { embeds: [listEmbed(media, `Likes on ${mediaLabel(media)}`, shown.map(likerLine).join('\n'), footer)] };
    },
  };
}
