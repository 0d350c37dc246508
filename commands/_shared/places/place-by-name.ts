// A place named in words, for /feed add-location: the Platform API cannot look a location up by name (only
// around a point, or by a Facebook Places id — reference §2.7), so a name is matched, whole and case-insensitively,
// against the places the person looked up lately and the places around the point they last used (typed
// coordinates, /location search, /media near). A near match is never followed: a feed for the wrong place would
// post into the channel for weeks. Without a match, the refusal says how to pick one.
import type { PlaceInfo } from '../../../src/core/index.js';
import type { CommandDeps } from '../../../src/discord/command.js';
import { ComposedError } from '../../../src/discord/composed-error.js';
import { text, type Text } from '../../../src/i18n/i18n.js';
import { withInstagram } from '../linked-account.js';

/** Why no place was found, then how to pick one: two strings, one reply in the reader's language. */
const refusal = (why: Text) =>
  new ComposedError('input.invalid-location', why, (t) => `${t(why.key, why.vars)} ${t('replies.places.howToPick')}`);

/** The location id of the place called `name` (whole name, any case), or the refusal explaining how to pick one. */
export async function placeIdByName(
  deps: Pick<CommandDeps, 'instagram' | 'storage' | 'log' | 'recentPlaces'>,
  discordUserId: string,
  name: string,
): Promise<string> {
  const wanted = name.trim().toLowerCase();
  const seen = deps.recentPlaces.matching(discordUserId, '').find((l) => l.name.trim().toLowerCase() === wanted);
  if (seen) return seen.id;
  const point = deps.recentPlaces.lastPoint(discordUserId);
  if (point === undefined) {
    throw refusal(text('replies.places.noNameSearch'));
  }
  const found: PlaceInfo[] = await withInstagram(deps, discordUserId, ({ auth }) =>
    deps.instagram.locations.search(auth, point, { priority: 'interactive' }),
  );
  const match = found.find((l) => l.id && l.name?.trim().toLowerCase() === wanted);
  if (match?.id) return match.id;
  throw refusal(text('replies.places.noneNamedNear', { point: `${point.lat}, ${point.lng}` }));
}
