// Draws a feed's template (src/core/feed-template.ts) for one post: each `{placeholder}` replaced by the post's
// field, defused the one way Instagram text is (embeds/text.ts `plain`: no mention, no masked link, no bidi
// override) and cut to the placeholder's longest length, so what a template-check.ts check promised holds for
// every post; each part is then cut again to Discord's limit as a last guard. The message pings nobody but the
// feed's role: that is post-content.ts's rule and the poster's `allowed_mentions`, never the template's.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIEmbed } from 'discord.js';
import type { FeedTemplate, Post, TimeSettings } from '../../core/index.js';
import { PLACEHOLDERS, type Placeholder } from './placeholders.js';
import { EMBED_LIMITS, GALLERY_IMAGES, embedLength } from '../embeds/limits.js';
import { instagramProfileUrl, plain, safeUrl, truncate } from '../embeds/text.js';
import type { Translate } from '../../i18n/i18n.js';

/** Discord's limit on a message's text. */
export const CONTENT_LIMIT = 2000;
/** `{name}`: lower-case letters and underscores; anything else between braces is text. */
export const PLACEHOLDER_PATTERN = /\{([a-z_]+)\}/g;

/** Where a value is shown: markdown places escape markup; labels (author, footer) are shown as typed. */
type Where = 'markdown' | 'label';

/**
 * `{time}` in the server's zone and style, and in its language (`locale`, an Intl tag: the catalogue's
 * `feedCraft.timeLocale`, American English unless told); empty for a time no calendar can show.
 */
export function formatPostTime(unixSeconds: number, time: TimeSettings, locale = 'en-US'): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone: time.timeZone,
      dateStyle: time.format,
      timeStyle: time.format === 'full' ? 'long' : time.format,
    }).format(new Date(unixSeconds * 1000));
  } catch {
    return '';
  }
}

/** Each placeholder's raw value for this post (before defusing and cutting); `{time}` in `locale`. */
function rawValues(post: Post, time: TimeSettings, locale: string): Record<Placeholder, string> {
  return {
    author: `@${post.author.username}`,
    author_name: post.author.name || post.author.username,
    caption: post.caption.trim(),
    caption_first_line: post.caption.trim().split('\n')[0] ?? '',
    permalink: safeUrl(post.permalink) ?? '',
    kind: post.kind,
    tags: post.tags.map((t) => `#${t}`).join(' '),
    location: post.location?.name ?? '',
    time: formatPostTime(post.time, time, locale),
    likes: post.counts.likes === undefined ? '' : String(post.counts.likes),
    comments: post.counts.comments === undefined ? '' : String(post.counts.comments),
  };
}

/** Replaces the placeholders of `text` with `value(name)`; an unknown name stays as typed (a check refuses it). */
export function substitute(text: string, value: (name: Placeholder) => string): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
    name in PLACEHOLDERS ? value(name as Placeholder) : whole,
  );
}

function fill(text: string, raw: Record<Placeholder, string>, where: Where, max: number): string {
  // A URL is not markdown: escaping its `_` would break it, so a permalink is only defused.
  const filled = substitute(text, (name) =>
    truncate(plain(raw[name], name === 'permalink' ? 'label' : where), PLACEHOLDERS[name]),
  );
  return truncate(filled.trim(), max);
}

/**
 * The template's title drawn for `post` as a label (a forum thread's name shows no markdown), cut to `max`; empty
 * when the template has no title or it came out empty. `t` is the server's language (for `{time}`).
 */
export function renderTemplateTitle(
  template: FeedTemplate,
  post: Post,
  time: TimeSettings,
  max: number,
  t: Translate,
): string {
  return fill(template.title, rawValues(post, time, t('feedCraft.timeLocale')), 'label', max);
}

/** The pictures a post shows, in order: an image's own, a video's cover. */
function pictures(post: Post): string[] {
  return post.items
    .map((item) => safeUrl(item.kind === 'image' ? item.url : item.cover))
    .filter((u): u is string => u !== undefined);
}

export interface RenderedTemplate {
  /** The template's message text (the role mention is added by post-content.ts). */
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<never>[];
}

/**
 * `template` drawn for `post`, within Discord's limits whatever the post holds. `t` speaks the server's language
 * for igcord's own words (the link button's label, `{time}`); the template's text is the admin's, as typed.
 */
export function renderTemplate(
  template: FeedTemplate,
  post: Post,
  time: TimeSettings,
  t: Translate,
  contentRoom = CONTENT_LIMIT,
): RenderedTemplate {
  const raw = rawValues(post, time, t('feedCraft.timeLocale'));
  const postUrl = safeUrl(post.permalink);
  const main: APIEmbed = {};
  const title = fill(template.title, raw, 'markdown', EMBED_LIMITS.title);
  if (title) main.title = title;
  const description = fill(template.description, raw, 'markdown', EMBED_LIMITS.description);
  if (description) main.description = description;
  const author = fill(template.author, raw, 'label', EMBED_LIMITS.authorName);
  if (author) {
    const profile = safeUrl(instagramProfileUrl(post.author.username));
    const avatar = safeUrl(post.author.avatar);
    main.author = { name: author, ...(profile ? { url: profile } : {}), ...(avatar ? { icon_url: avatar } : {}) };
  }
  const footer = fill(template.footer, raw, 'label', EMBED_LIMITS.footerText);
  if (footer) main.footer = { text: footer };
  if (template.colour !== undefined) main.color = template.colour;
  const images =
    template.image === 'none' ? [] : pictures(post).slice(0, template.image === 'all' ? GALLERY_IMAGES : 1);
  if (images[0] !== undefined) main.image = { url: images[0] };
  if (postUrl !== undefined && (main.title !== undefined || images.length > 1)) main.url = postUrl;
  const shows = main.title ?? main.description ?? main.author ?? main.footer ?? main.image;
  const embeds: APIEmbed[] = shows === undefined ? [] : [main];
  // A gallery: embeds sharing the main one's url show as one card of up to four images.
  if (embeds.length > 0 && main.url !== undefined)
    for (const image of images.slice(1)) embeds.push({ url: main.url, image: { url: image } });
  keepWithinTotal(embeds);
  const components: APIActionRowComponent<never>[] =
    template.button && postUrl !== undefined
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Link, label: t('feedCraft.openButton'), url: postUrl },
            ] as never[],
          },
        ]
      : [];
  let content = fill(template.content, raw, 'markdown', contentRoom);
  // A message must show something: a post whose fields all came out empty still links to itself.
  if (content === '' && embeds.length === 0) content = postUrl ?? plain(raw.author);
  return { content, embeds, components };
}

/** The last guard on the 6000 total (a checked template never reaches it): the description gives way. */
function keepWithinTotal(embeds: APIEmbed[]): void {
  const main = embeds[0];
  const excess = embeds.reduce((sum, e) => sum + embedLength(e), 0) - EMBED_LIMITS.total;
  if (main === undefined || excess <= 0 || main.description === undefined) return;
  const room = main.description.length - excess;
  if (room >= 1) main.description = truncate(main.description, room);
  else delete main.description;
}
