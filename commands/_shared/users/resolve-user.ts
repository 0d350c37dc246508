// Turns a username into the Instagram user it names. The Platform API has no lookup by username, only search
// (reference §2.1 `/users/search`), so the search results are scanned for an exact, case-insensitive match: a
// near match is never acted on (following the wrong person is worse than asking again).
import type { InstagramAuth, InstagramPort, ListedPerson } from '../../../src/core/index.js';
import { UserFacingError } from '../../../src/discord/errors.js';
import { text } from '../../../src/i18n/i18n.js';

/** How many search results to scan; the API ranks an exact username first, this leaves room for near names. */
const SEARCH_COUNT = 20;

export async function resolveUsername(
  instagram: InstagramPort,
  auth: InstagramAuth,
  username: string,
): Promise<ListedPerson> {
  const found = await instagram.users.search(auth, username, SEARCH_COUNT);
  const wanted = username.toLowerCase();
  const match = found.find((user) => user.username.toLowerCase() === wanted);
  if (!match) {
    throw new UserFacingError('user.not-found', text('lookups.noSuchUser', { username }));
  }
  return match;
}

/** The user called `username` in an already fetched list (e.g. pending follow requests), if any. */
export function findByUsername(users: readonly ListedPerson[], username: string): ListedPerson | undefined {
  const wanted = username.toLowerCase();
  return users.find((user) => user.username.toLowerCase() === wanted);
}
