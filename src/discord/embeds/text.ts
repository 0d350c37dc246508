// Text helpers for embeds: truncation that never splits a grapheme (an emoji with skin tone or a flag stays
// whole) and prefers a word boundary, and URL checks so that a malformed link from Instagram drops one link
// instead of making Discord reject the whole message.
import { escapeMarkdown } from 'discord.js';
import { EMBED_LIMITS } from './limits.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

/**
 * Returns `text` if it fits in `max` UTF-16 code units, else a prefix ending in "…" that fits. The cut falls on a
 * grapheme boundary, and on the last whitespace when that keeps at least 60% of the room (a 10,000-character
 * word is still cut, at a grapheme).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  let cut = text.slice(0, end);
  const space = cut.search(/\s\S*$/);
  if (space >= room * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) let a caption reverse the text that follows it —
 * including igcord's own words after it on the line ("Photo by @x" shown as "x@ yb otohP") — so they are removed.
 * The plain marks U+200E/U+200F stay: they only nudge neutral characters, cannot reorder text beyond their own
 * run, and right-to-left names need them to read correctly. C0/C1 controls other than newline and tab are
 * removed too: Discord shows nothing for them, and the sandbox console would pass an ESC on to the terminal.
 */
const UNSAFE_CHARACTERS = /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Discord's mention markup: users (`<@id>`, `<@!id>`), roles (`<@&id>`), channels (`<#id>`), commands (`</x:id>`). */
const MENTION_OPENING = /<(?=[@#/])/g;
const EVERYONE = /@(?=everyone|here)/gi;
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * How text from Instagram (captions, comments, names, usernames, bios, location names, typed queries echoed
 * back) is shown in Discord — the one way, so no caller can forget a step:
 * - bidi overrides and control characters removed (UNSAFE_CHARACTERS);
 * - mentions defused with a zero-width space (`<\u200B@id>`, `@\u200Beveryone`): Discord renders them as text, and
 *   the message's `allowed_mentions` still decides pings, so a defused mention can neither ping nor show as one;
 * - in `markdown` places (description, field names and values, titles, message content) every markdown
 *   character escaped — every `[` and `]` too, so no masked link `[text](url)` can form, however many are on a
 *   line. discord.js's own masked-link escape marks only the first bracket of a line, which a stray `[` before
 *   the link defeats. Backslashes are escaped first, so a typed `\[` cannot undo the escape.
 * - in `label` places (embed author name and footer, webhook username, autocomplete choices), which Discord shows
 *   without markdown, nothing is escaped: a backslash there would show as one.
 */
export function plain(text: string, where: 'markdown' | 'label' = 'markdown'): string {
  const defused = text
    .replace(UNSAFE_CHARACTERS, '')
    .replace(MENTION_OPENING, `<${ZERO_WIDTH_SPACE}`)
    .replace(EVERYONE, `@${ZERO_WIDTH_SPACE}`);
  if (where === 'label') return defused;
  return escapeMarkdown(defused, { heading: true, bulletedList: true, numberedList: true, maskedLink: false }).replace(
    /[[\]]/g,
    '\\$&',
  );
}

/** The URL if Discord will accept it in an embed (http or https, within the URL limit), else undefined. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > EMBED_LIMITS.url) return undefined;
  if (!URL.canParse(url)) return undefined;
  const protocol = new URL(url).protocol;
  return protocol === 'https:' || protocol === 'http:' ? url : undefined;
}

/** A markdown link `[label](url)`, or the bare label when the URL is unusable. */
export function link(label: string, url: string | null | undefined): string {
  const usable = safeUrl(url);
  // Parentheses in a URL end a markdown link early; percent-encode them.
  return usable === undefined ? label : `[${label}](${usable.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** Joins items with `separator` until `max` is reached, ending with "+N more" when some were left out. */
export function joinWithin(items: string[], separator: string, max: number): string {
  let out = '';
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const next = out === '' ? item : `${out}${separator}${item}`;
    const rest = items.length - i - 1;
    const suffix = rest > 0 ? `${separator}+${rest} more` : '';
    if (next.length + suffix.length > max) {
      // The previous round checked that `out` plus this very "+N more" fits.
      const more = `+${items.length - i} more`;
      return out === '' ? truncate(rest === 0 ? item : more, max) : `${out}${separator}${more}`;
    }
    out = next;
  }
  return out;
}

export const instagramProfileUrl = (username: string) => `https://www.instagram.com/${encodeURIComponent(username)}/`;
export const instagramTagUrl = (tag: string) => `https://www.instagram.com/explore/tags/${encodeURIComponent(tag)}/`;
export const instagramLocationUrl = (id: string) =>
  `https://www.instagram.com/explore/locations/${encodeURIComponent(id)}/`;
