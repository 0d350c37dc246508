// The embeds of a feed post, for any media Instagram serves. The media renderer checks what it makes against
// Discord's limits and throws when a field cannot be drawn (a location with an empty name, a post time beyond
// any date...); a feed must not retry such a media forever, so the post goes out degraded instead: the bad field
// left out. When even that fails, undefined: the poster (discord-feed-poster.ts) posts a plain link instead.
import type { APIEmbed } from 'discord.js';
import { renderMediaEmbeds } from '../embeds/media-embed.js';
import type { Post } from '../../core/index.js';
import type { Logger } from '../../log.js';
import type { Translate } from '../../i18n/i18n.js';

/** A field the renderer may fail on, and the media and embeds without it. */
interface Omission {
  field: string;
  media(media: Post): Post;
  embeds?(embeds: APIEmbed[]): APIEmbed[];
}

const OMISSIONS: readonly Omission[] = [
  { field: 'location', media: ({ location: _location, ...m }) => m },
  {
    field: 'time',
    // Rendered at the epoch, then the timestamp is dropped: the post shows no time rather than a wrong one.
    media: (m) => ({ ...m, time: 0 }),
    embeds: ([main, ...rest]) => {
      if (main === undefined) return rest;
      const { timestamp: _timestamp, ...untimed } = main;
      return [untimed, ...rest];
    },
  },
  { field: 'people', media: (m) => ({ ...m, people: [] }) },
  { field: 'tags', media: (m) => ({ ...m, tags: [] }) },
  { field: 'caption', media: (m) => ({ ...m, caption: '' }) },
];

function attempt(media: Post, omissions: readonly Omission[], t: Translate): APIEmbed[] | undefined {
  try {
    const embeds = renderMediaEmbeds(
      omissions.reduce((m, o) => o.media(m), media),
      { t },
    );
    return omissions.reduce((e, o) => o.embeds?.(e) ?? e, embeds);
  } catch {
    return undefined;
  }
}

/** The media's embeds, each field the renderer cannot draw left out; undefined when none can be made. */
export function feedEmbeds(media: Post, log: Logger, t: Translate): APIEmbed[] | undefined {
  const full = attempt(media, [], t);
  if (full !== undefined) return full;
  // One field at a time first, so a post loses only what is wrong with it; then all of them together.
  for (const omission of OMISSIONS) {
    const embeds = attempt(media, [omission], t);
    if (embeds !== undefined) {
      log.warn(
        { mediaId: media.id, omitted: omission.field },
        'media rendered without a field the renderer could not draw',
      );
      return embeds;
    }
  }
  const bare = attempt(media, OMISSIONS, t);
  log.warn(
    { mediaId: media.id, omitted: OMISSIONS.map((o) => o.field), rendered: bare !== undefined },
    'media rendered without every optional field',
  );
  return bare;
}
