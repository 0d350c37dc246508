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
import { englishOnly, type Translate } from '../../src/i18n/i18n.js';

export const COMMENTS_PER_PAGE = 10;
export const LIKERS_PER_PAGE = 20;
/** Instagram's own limit on a comment (§2.4); older comments could be longer and are shortened to it. */
const COMMENT_SHOWN = 300;

const count = (n: number) => n.toLocaleString('en-US');

export function mediaKind(media: Post, t: Translate): string {
  return t(`embeds.kind.${media.kind}`);
}

/** "Photo by @mateo_rios", the heading every list and confirmation uses for a post. */
export function mediaLabel(media: Post, t: Translate): string {
  return t('embeds.title', { kind: mediaKind(media, t), username: media.author.username });
}

/** `[Photo by @x](link)`, escaped, for confirmations. */
export function mediaLink(media: Post, t: Translate): string {
  return link(plain(mediaLabel(media, t)), media.permalink);
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

export function commentLine(comment: Comment, t: Translate = englishOnly()): string {
  const who = link(plain(`@${comment.author.username}`), instagramProfileUrl(comment.author.username));
  const text = truncate(plain(comment.text.trim()), COMMENT_SHOWN) || t('media.emptyComment');
  return `${who} · <t:${comment.time}:R> · id \`${comment.id}\`\n${text}`;
}

/** The comments of `media`, oldest first as Instagram lists them, `COMMENTS_PER_PAGE` to a page. */
export function commentPages(media: Post, comments: Comment[], t: Translate): PagedSource {
  const pages = pageCount(comments.length, COMMENTS_PER_PAGE);
  return {
    count: pages,
    render(index): Page {
      const start = index * COMMENTS_PER_PAGE;
      const shown = comments.slice(start, start + COMMENTS_PER_PAGE);
      const footer = t('media.commentsFooter', {
        from: start + 1,
        to: start + shown.length,
        total: count(comments.length),
      });
      const title = t('media.commentsOn', { post: mediaLabel(media, t) });
      const lines = shown.map((c) => commentLine(c, t)).join('\n\n');
      return { embeds: [listEmbed(media, title, lines, footer)] };
    },
  };
}

export function likerLine(user: Person): string {
  const who = link(plain(`@${user.username}`), instagramProfileUrl(user.username));
  return user.name ? `${who} — ${plain(truncate(user.name, 100))}` : who;
}

/** Who liked `media`, most recent first, `LIKERS_PER_PAGE` to a page. */
export function likerPages(media: Post, likers: Person[], t: Translate): PagedSource {
  const pages = pageCount(likers.length, LIKERS_PER_PAGE);
  return {
    count: pages,
    render(index): Page {
      const start = index * LIKERS_PER_PAGE;
      const shown = likers.slice(start, start + LIKERS_PER_PAGE);
      // The post's own count can be larger: Instagram lists only likers the app may see (§7, sandbox users).
      const range = { from: start + 1, to: start + shown.length, total: count(likers.length) };
      const footer =
        media.counts.likes === undefined
          ? t('media.likersFooter', range)
          : t('media.likersFooterLikes', { ...range, likes: count(media.counts.likes) });
      const title = t('media.likesOn', { post: mediaLabel(media, t) });
      return { embeds: [listEmbed(media, title, shown.map(likerLine).join('\n'), footer)] };
    },
  };
}
