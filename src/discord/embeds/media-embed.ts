// Renders one Instagram post (a core Post, whichever provider served it) as Discord embeds: a photo as its image; a video as its cover with "▶ Play video"
// and post links (Discord cannot play Instagram's video URLs inline); a carousel as a gallery — Discord shows up
// to four images in one message when several embeds share the same `url` — or, for paging, one item with "2/5".
// A story says when it expires. Caption, author, location, tags, people in the photo, likes, comments and time are included as room allows;
// every result is held to the limits in limits.ts.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Post } from '../../core/index.js';
import { validate } from '../../util/validate.js';
import { englishOnly, type Translate } from '../../i18n/i18n.js';
import { EMBED_LIMITS, GALLERY_IMAGES, embedLength, messageEmbedsSchema } from './limits.js';
import {
  instagramLocationUrl,
  instagramProfileUrl,
  instagramTagUrl,
  joinWithin,
  link,
  plain,
  safeUrl,
  truncate,
} from './text.js';

/** Instagram's brand magenta, so posts are recognisable at a glance. */
export const INSTAGRAM_COLOR = 0xe1306c;

export interface MediaEmbedOptions {
  /** Longest caption shown; Discord allows 4096 but a feed reads better shorter. */
  captionMax?: number | undefined;
  /** For a carousel: render only this item (0-based) with "n/N", instead of the gallery. */
  carouselItem?: number | undefined;
  /** The labels' language (the reader's, or the guild's for a feed post); English when not given. */
  t?: Translate | undefined;
}

interface Visual {
  image: string | undefined;
  video: string | undefined;
}

function visuals(post: Post): Visual[] {
  // A video shows its cover (Discord cannot play Instagram's video URLs inline) and links the video itself. A picture
  // already shown is not shown again: a video whose cover is another item's picture keeps only its play link.
  const seen = new Set<string>();
  return post.items.map((item) => {
    const picture = item.kind === 'image' ? item.url : item.cover;
    const image = picture !== undefined && !seen.has(picture) ? picture : undefined;
    if (image !== undefined) seen.add(image);
    return { image, video: item.kind === 'video' ? item.url : undefined };
  });
}

const count = (n: number) => n.toLocaleString('en-US');

/** How long a story stays up on Instagram. */
const STORY_LIFETIME_SECONDS = 24 * 3600;

export function renderMediaEmbeds(media: Post, options: MediaEmbedOptions = {}): APIEmbed[] {
  const captionMax = Math.min(options.captionMax ?? 1500, EMBED_LIMITS.description);
  const items = visuals(media);
  const carousel = media.kind === 'carousel';
  const single = carousel && options.carouselItem !== undefined;
  const first = single ? Math.max(0, Math.min(options.carouselItem ?? 0, items.length - 1)) : 0;
  const shown = single ? items.slice(first, first + 1) : items.slice(0, GALLERY_IMAGES);
  const postUrl = safeUrl(media.permalink);
  const t = options.t ?? englishOnly();

  const kind = t(`embeds.kind.${media.kind}`);
  const user = media.author;
  const authorName = user.name ? `${user.name} (@${user.username})` : `@${user.username}`;

  const fields: APIEmbedField[] = [];
  if (media.kind === 'story' && Number.isSafeInteger(media.time) && media.time > 0) {
    // A story lives 24 h (reference §1.4): Discord shows when it goes, in the reader's time zone.
    fields.push({
      name: t('embeds.story'),
      value: t('embeds.storyExpires', { when: `<t:${media.time + STORY_LIFETIME_SECONDS}:R>` }),
      inline: true,
    });
  }
  const videos = items.map((v, i) => ({ ...v, i })).filter((v) => v.video !== undefined && (!single || v.i === first));
  if (videos.length > 0) {
    const links = videos.map((v) =>
      link(carousel ? t('embeds.playVideoOf', { n: v.i + 1, total: items.length }) : t('embeds.playVideo'), v.video),
    );
    fields.push({
      name: t('embeds.video'),
      value: joinWithin([...links, link(t('embeds.openPost'), postUrl)], ' · ', EMBED_LIMITS.fieldValue),
    });
  }
  const place = media.location;
  if (place && (place.name || place.lat != null)) {
    // An empty name (Instagram serves coordinate-only places) is shown as its coordinates, which igcord writes itself.
    const coordinates = `${place.lat?.toFixed(5)}, ${place.lng?.toFixed(5)}`;
    // A name made only of removed characters (bidi controls) would leave the field empty, which Discord refuses.
    const label = place.name ? truncate(plain(place.name), 200) || t('embeds.unnamedPlace') : coordinates;
    fields.push({
      name: t('embeds.location'),
      value: place.id ? link(label, instagramLocationUrl(place.id)) : label,
      inline: true,
    });
  }
  if (media.people.length > 0) {
    const people = media.people.map((p) => link(plain(`@${p.username}`), instagramProfileUrl(p.username)));
    fields.push({ name: t('embeds.people'), value: joinWithin(people, ', ', EMBED_LIMITS.fieldValue) });
  }
  if (media.tags.length > 0) {
    const tags = media.tags.map((tag) => link(plain(`#${tag}`), instagramTagUrl(tag)));
    fields.push({ name: t('embeds.tags'), value: joinWithin(tags, ' ', EMBED_LIMITS.fieldValue) });
  }
  // Counts are optional across providers: a post without them shows none rather than a zero.
  if (media.counts.likes !== undefined)
    fields.push({ name: t('embeds.likes'), value: count(media.counts.likes), inline: true });
  if (media.counts.comments !== undefined)
    fields.push({ name: t('embeds.comments'), value: count(media.counts.comments), inline: true });

  const footerParts = ['Instagram', kind];
  if (carousel) {
    footerParts.push(
      single
        ? `${first + 1}/${items.length}`
        : items.length > GALLERY_IMAGES
          ? `1–${GALLERY_IMAGES}/${items.length}`
          : t('embeds.items', { count: items.length }),
    );
  }

  // Hashtag Search leaves the author's username out (reference §1.4): such a post names no one rather than "@".
  const named = user.username !== '';
  const main: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: truncate(
      plain(
        named ? t('embeds.title', { kind, username: user.username }) : t('embeds.titleNoAuthor', { kind }),
        'label',
      ),
      EMBED_LIMITS.title,
    ),
    ...(named
      ? {
          author: {
            name: truncate(plain(authorName, 'label'), EMBED_LIMITS.authorName),
            ...(safeUrl(instagramProfileUrl(user.username)) ? { url: instagramProfileUrl(user.username) } : {}),
            ...(safeUrl(user.avatar) ? { icon_url: user.avatar } : {}),
          },
        }
      : {}),
    fields: fields.slice(0, EMBED_LIMITS.fields),
    footer: { text: truncate(footerParts.join(' · '), EMBED_LIMITS.footerText) },
    timestamp: new Date(media.time * 1000).toISOString(),
  };
  if (postUrl) main.url = postUrl;
  const caption = plain(media.caption).trim();
  if (caption) main.description = truncate(caption, captionMax);
  const cover = safeUrl(shown[0]?.image);
  if (cover) main.image = { url: cover };

  const embeds: APIEmbed[] = [main];
  // A gallery needs the shared `url`; without a usable post link the extra images would show as separate cards.
  if (postUrl) {
    for (const item of shown.slice(1)) {
      const image = safeUrl(item.image);
      if (image) embeds.push({ url: postUrl, image: { url: image } });
    }
  }
  fitTotal(embeds);
  return validate(messageEmbedsSchema, embeds, 'media embed') as APIEmbed[];
}

/** Keeps a message within the 6000-character total: shortens the description first, then drops fields. */
export function fitTotal(embeds: APIEmbed[]): void {
  const total = () => embeds.reduce((sum, e) => sum + embedLength(e), 0);
  const main = embeds[0];
  if (!main) return;
  let excess = total() - EMBED_LIMITS.total;
  if (excess > 0 && main.description) {
    const room = main.description.length - excess;
    if (room >= 1) main.description = truncate(main.description, room);
    else delete main.description;
  }
  while (total() > EMBED_LIMITS.total && main.fields && main.fields.length > 0) main.fields.pop();
  excess = total() - EMBED_LIMITS.total;
  if (excess > 0 && main.title) main.title = truncate(main.title, Math.max(1, main.title.length - excess));
}
