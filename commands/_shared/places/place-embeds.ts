// Embeds for tags and locations: one tag with its post count, a list of tags found, one location with its
// coordinates and map links, and the locations around a point with how far each is. Held to Discord's limits
// like every other embed (limits.ts): names are escaped and cut, lists stop with "+N more" before 4096.
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

const count = (n: number) => n.toLocaleString('en-US');
const posts = (n: number) => `${count(n)} ${n === 1 ? 'post' : 'posts'}`;
const checked = (embed: APIEmbed, what: string) => validate(messageEmbedsSchema, [embed], what)[0] as APIEmbed;

/** OpenStreetMap at the point: a map anyone can open without an account. */
export const mapUrl = (lat: number, lng: number) =>
  `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;

export function renderTagEmbed(tag: TagInfo): APIEmbed {
  return checked(
    {
      color: INSTAGRAM_COLOR,
      title: truncate(plain(`#${tag.name}`, 'label'), EMBED_LIMITS.title),
      url: instagramTagUrl(tag.name),
      fields: [{ name: 'Posts', value: count(tag.postCount), inline: true }],
      footer: { text: 'Instagram · tag' },
    },
    'tag embed',
  );
}

export function renderTagListEmbed(query: string, tags: readonly TagInfo[]): APIEmbed {
  const lines = tags.map((t) => `${link(plain(`#${t.name}`), instagramTagUrl(t.name))} — ${posts(t.postCount)}`);
  return checked(
    {
      color: INSTAGRAM_COLOR,
      title: truncate(plain(`Tags matching #${query}`, 'label'), EMBED_LIMITS.title),
      description: joinWithin(lines, '\n', EMBED_LIMITS.description),
      footer: { text: `Instagram · ${tags.length} ${tags.length === 1 ? 'tag' : 'tags'}` },
    },
    'tag list embed',
  );
}

const locationName = (l: PlaceInfo) =>
  l.name && l.name.trim() !== '' ? l.name : l.id ? `Location ${l.id}` : 'Unnamed place';

export function renderLocationEmbed(location: PlaceInfo): APIEmbed {
  const fields: APIEmbedField[] = [];
  if (location.id) fields.push({ name: 'Location id', value: location.id, inline: true });
  const { lat, lng } = location;
  if (lat !== undefined && lng !== undefined) {
    fields.push({
      name: 'Coordinates',
      value: link(`${lat.toFixed(5)}, ${lng.toFixed(5)}`, mapUrl(lat, lng)),
      inline: true,
    });
  }
  const address = plain(location.address ?? '').trim();
  if (address !== '') {
    fields.push({ name: 'Address', value: truncate(address, EMBED_LIMITS.fieldValue) });
  }
  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: truncate(plain(`📍 ${locationName(location)}`, 'label'), EMBED_LIMITS.title),
    fields,
    footer: { text: 'Instagram · location' },
  };
  if (location.id) embed.url = instagramLocationUrl(location.id);
  return checked(embed, 'location embed');
}

export function renderLocationListEmbed(at: Coordinates, radius: number, locations: readonly PlaceInfo[]): APIEmbed {
  const lines = locations.map((l) => {
    const name = truncate(plain(locationName(l)), 100);
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
      title: truncate(`Places within ${radius} m of ${at.lat}, ${at.lng}`, EMBED_LIMITS.title),
      url: mapUrl(at.lat, at.lng),
      description: joinWithin(lines, '\n', EMBED_LIMITS.description),
      footer: { text: `Instagram · ${locations.length} ${locations.length === 1 ? 'place' : 'places'}` },
    },
    'location list embed',
  );
}

/** What the paged recent posts of a tag or a location say when there is nothing (more) to show. */
export const PLACE_LIST_ENDS = {
  empty: 'There are no recent posts here that you can see.',
  end: (count: number) => `That was the last post; there are ${count} in all.`,
};
