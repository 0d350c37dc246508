// The lists `/media` pages through: the comments of a post and the people who liked it, a fixed number per page,
// each page one embed headed by the post it belongs to. Comment ids are shown because `/media uncomment` needs
// them. Every page is checked against Discord's embed limits; text from Instagram is escaped so a comment such
// as `**wow**` reads as written.
import type { APIEmbed } from 'discord.js';
import type { Comment, Media, ShortUser } from '../../src/providers/v1/schemas.js';
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

export function mediaKind(media: Media): string {
  return media.type === 'image' ? 'Photo' : media.type === 'video' ? 'Video' : 'Carousel';
}

/** "Photo by @mateo_rios", the heading every list and confirmation uses for a post. */
export function mediaLabel(media: Media): string {
  return `${mediaKind(media)} by @${media.user.username}`;
}

/** `[Photo by @x](link)`, escaped, for confirmations. */
export function mediaLink(media: Media): string {
  return link(plain(mediaLabel(media)), media.link);
}

function pageCount(items: number, perPage: number): number {
  return Math.max(1, Math.ceil(items / perPage));
}

function listEmbed(media: Media, title: string, description: string, footer: string): APIEmbed {
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: truncate(plain(title, 'label'), EMBED_LIMITS.title),
    description: truncate(description, EMBED_LIMITS.description),
    footer: { text: truncate(footer, EMBED_LIMITS.footerText) },
  };
  const url = safeUrl(media.link);
  if (url) embed.url = url;
  const thumbnail = safeUrl(media.images.thumbnail.url);
  if (thumbnail) embed.thumbnail = { url: thumbnail };
  return validate(messageEmbedsSchema, [embed], 'media list page')[0] as APIEmbed;
}

export function commentLine(comment: Comment): string {
  const who = link(plain(`@${comment.from.username}`), instagramProfileUrl(comment.from.username));
  const text = truncate(plain(comment.text.trim()), COMMENT_SHOWN) || '(empty)';
  return `${who} · <t:${comment.created_time}:R> · id \`${comment.id}\`\n${text}`;
}

/** The comments of `media`, oldest first as Instagram lists them, `COMMENTS_PER_PAGE` to a page. */
export function commentPages(media: Media, comments: Comment[]): PagedSource {
  const pages = pageCount(comments.length, COMMENTS_PER_PAGE);
  return {
    count: pages,
    render(index): Page {
      const start = index * COMMENTS_PER_PAGE;
      const shown = comments.slice(start, start + COMMENTS_PER_PAGE);
      const footer = `Comments ${start + 1}–${start + shown.length} of ${count(comments.length)}`;
      return { embeds: [listEmbed(media, `Comments on ${mediaLabel(media)}`, shown.map(commentLine).join('\n\n'), footer)] };
    },
  };
}

export function likerLine(user: ShortUser): string {
  const who = link(plain(`@${user.username}`), instagramProfileUrl(user.username));
  return user.full_name ? `${who} — ${plain(truncate(user.full_name, 100))}` : who;
}

/** Who liked `media`, most recent first, `LIKERS_PER_PAGE` to a page. */
export function likerPages(media: Media, likers: ShortUser[]): PagedSource {
  const pages = pageCount(likers.length, LIKERS_PER_PAGE);
  return {
    count: pages,
    render(index): Page {
      const start = index * LIKERS_PER_PAGE;
      const shown = likers.slice(start, start + LIKERS_PER_PAGE);
      // The post's own count can be larger: Instagram lists only likers the app may see (§7, sandbox users).
      const footer = `Likers ${start + 1}–${start + shown.length} of ${count(likers.length)} listed · ${count(media.likes.count)} likes`;
      return { embeds: [listEmbed(media, `Likes on ${mediaLabel(media)}`, shown.map(likerLine).join('\n'), footer)] };
    },
  };
}
