// Embeds for tags and locations: one tag with its post count, a list of tags found, one location with its
// coordinates and map links, and the locations around a point with how far each is. Held to Discord's limits
// like every other embed (limits.ts): names are escaped and cut, lists stop with "+N more" before 4096. Labels are
// in the reader's language (`t`); names, tags, addresses and ids are Instagram's, shown as they are.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { PlaceInfo, TagInfo } from '../../../src/core/index.js';
import { validate } from '../../../src/util/validate.js';
import { EMBED_LIMITS, messageEmbedsSchema } from '../../../src/discord/embeds/limits.js';
import { INSTAGRAM_COLOR } from '../../../src/discord/embeds/media-embed.js';
import {
  instagramLocationUrl,
  instagramTagUrl,
  joinWithin,
  link,
  plain,
  truncate,
} from '../../../src/discord/embeds/text.js';
import type { Coordinates } from '../input/location-input.js';
import { distanceMetres } from './distance.js';
import type { Translate } from '../../../src/i18n/i18n.js';

const count = (n: number) => n.toLocaleString('en-US');
const checked = (embed: APIEmbed, what: string) => validate(messageEmbedsSchema, [embed], what)[0] as APIEmbed;

/** OpenStreetMap at the point: a map anyone can open without an account. */
export const mapUrl = (lat: number, lng: number) =>
  `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;

export function renderTagEmbed(tag: TagInfo, t: Translate): APIEmbed {
  return checked(
    {
      color: INSTAGRAM_COLOR,
      title: truncate(plain(`#${tag.name}`, 'label'), EMBED_LIMITS.title),
      url: instagramTagUrl(tag.name),
      fields: [{ name: t('replies.places.posts'), value: count(tag.postCount), inline: true }],
      footer: { text: t('replies.places.tagFooter') },
    },
    'tag embed',
  );
}

export function renderTagListEmbed(query: string, tags: readonly TagInfo[], t: Translate): APIEmbed {
  const lines = tags.map((tag) =>
    t('replies.places.tagLine', {
      tag: link(plain(`#${tag.name}`), instagramTagUrl(tag.name)),
      posts: count(tag.postCount),
      count: tag.postCount,
    }),
  );
  return checked(
    {
      color: INSTAGRAM_COLOR,
      title: truncate(plain(t('replies.places.tagsMatching', { query }), 'label'), EMBED_LIMITS.title),
      description: joinWithin(lines, '\n', EMBED_LIMITS.description),
      footer: { text: t('replies.places.tagsFooter', { count: tags.length }) },
    },
    'tag list embed',
  );
}

const locationName = (l: PlaceInfo, t: Translate) =>
  l.name && l.name.trim() !== ''
    ? l.name
    : l.id
      ? t('replies.places.location', { id: l.id })
      : t('replies.places.unnamed');

export function renderLocationEmbed(location: PlaceInfo, t: Translate): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (location.id) fields.push({ name: t('replies.places.locationId'), value: location.id, inline: true });
  const { lat, lng } = location;
  if (lat !== undefined && lng !== undefined) {
    fields.push({
      name: t('replies.places.coordinates'),
      value: link(`${lat.toFixed(5)}, ${lng.toFixed(5)}`, mapUrl(lat, lng)),
      inline: true,
    });
  }
  const address = plain(location.address ?? '').trim();
  if (address !== '') {
    fields.push({ name: t('replies.places.address'), value: truncate(address, EMBED_LIMITS.fieldValue) });
  }
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: truncate(plain(`📍 ${locationName(location, t)}`, 'label'), EMBED_LIMITS.title),
    fields,
    footer: { text: t('replies.places.locationFooter') },
  };
  if (location.id) embed.url = instagramLocationUrl(location.id);
  return checked(embed, 'location embed');
}

export function renderLocationListEmbed(
  at: Coordinates,
  radius: number,
  locations: readonly PlaceInfo[],
  t: Translate,
): APIEmbed {
  const lines = locations.map((l) => {
    const name = truncate(plain(locationName(l, t)), 100);
    const label = l.id ? `${link(name, instagramLocationUrl(l.id))} — id \`${l.id}\`` : name;
    const far =
      l.lat !== undefined && l.lng !== undefined
        ? ` · ${Math.round(distanceMetres(at, { lat: l.lat, lng: l.lng }))} m`
        : '';
    return `${label}${far}`;
  });
  return checked(
    {
      color: INSTAGRAM_COLOR,
      title: truncate(t('replies.places.within', { radius, point: `${at.lat}, ${at.lng}` }), EMBED_LIMITS.title),
      url: mapUrl(at.lat, at.lng),
      description: joinWithin(lines, '\n', EMBED_LIMITS.description),
      footer: { text: t('replies.places.placesFooter', { count: locations.length }) },
    },
    'location list embed',
  );
}

/** What the paged recent posts of a tag or a location say when there is nothing (more) to show. */
export const placeListEnds = (t: Translate) => ({
  empty: t('replies.pages.placeEmpty'),
  end: (count: number) => t('replies.pages.placeEnd', { count }),
});
