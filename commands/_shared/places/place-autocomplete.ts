// Autocomplete for the `name` option of /tag and the `location` option of /location. Discord sends one request
// per keystroke and wants the choices within 3 s: answers come from the lookup cache (one search per account and
// query a minute, none once the account is down to its reserve), a lookup waits at most 1.5 s for budget and is
// abandoned after 2 s, and nothing is looked up for someone without a working link (their list is empty; the
// command itself explains).
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { PlaceInfo, TagInfo } from '../../../src/core/index.js';
import type { CommandDeps } from '../../../src/discord/command.js';
import { plain, truncate } from '../../../src/discord/embeds/text.js';
import { withInstagram } from '../linked-account.js';
import { LOOKUPS } from '../lookup-kinds.js';
import { coordinatePair, coordinatesIn } from '../input/location-input.js';
import { distanceMetres } from './distance.js';
import type { RecentLocations } from './recent-locations.js';
import type { Translate } from '../../../src/i18n/i18n.js';

/** Discord's limits on autocomplete answers. */
export const MAX_CHOICES = 25;
const CHOICE_MAX = 100;

/** How long a lookup may wait for budget, and how long it may take in all, well inside Discord's 3 s. */
export const LOOKUP_DEADLINE_MS = 1500;
const LOOKUP_TIMEOUT_MS = 2000;

type Choice = ApplicationCommandOptionChoiceData<string>;

const lookupOptions = () => ({ deadlineMs: LOOKUP_DEADLINE_MS, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });

/** The Instagram user id of the invoker's working link (the budget key), or undefined. */
async function budgetKeyOf(deps: CommandDeps, discordUserId: string): Promise<string | undefined> {
  const account = await deps.storage.accounts.get(discordUserId);
  return account && account.status !== 'broken' ? account.instagramUserId : undefined;
}

/** Distinct values, names and values within 100 characters, at most 25. */
function fit(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const choice of choices) {
    if (seen.has(choice.value) || choice.value.length > CHOICE_MAX) continue;
    seen.add(choice.value);
    out.push({ name: truncate(plain(choice.name, 'label'), CHOICE_MAX), value: choice.value });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}

/** "#sunset · 1,204 posts", worded in the typing person's language. */
export function tagChoices(tags: readonly TagInfo[], t: Translate): Choice[] {
  return fit(
    tags.map((tag) => ({
      name: t('replies.places.tagChoice', {
        tag: tag.name,
        posts: tag.postCount.toLocaleString('en-US'),
        count: tag.postCount,
      }),
      value: tag.name,
    })),
  );
}

/** What the suggestions need: the command's services, and `t` in the typing person's language. */
type SuggestDeps = CommandDeps & { t: Translate };

export async function suggestTags(interaction: AutocompleteInteraction, deps: SuggestDeps): Promise<void> {
  const discordUserId = interaction.user.id;
  const query = String(interaction.options.getFocused()).trim().replace(/^#+/, '').slice(0, 100);
  const budgetKey = await budgetKeyOf(deps, discordUserId);
  // The API refuses an empty search, and a space or punctuation ends a hashtag: nothing to look up.
  if (budgetKey === undefined || query === '' || /[\s#]/.test(query)) {
    await interaction.respond([]);
    return;
  }
  const tags = await deps.lookups.get(
    budgetKey,
    LOOKUPS.tags,
    query,
    () =>
      withInstagram(deps, discordUserId, async ({ auth }) => deps.instagram.tags.search(auth, query, lookupOptions())),
    [] as TagInfo[],
  );
  await interaction.respond(tagChoices(tags, deps.t));
}

/** Locations near `at` (API default radius), from the lookup cache: the same entry serves coordinates and names. */
function locationsNear(
  deps: CommandDeps,
  budgetKey: string,
  discordUserId: string,
  at: { lat: number; lng: number },
): Promise<PlaceInfo[]> {
  return deps.lookups.get(
    budgetKey,
    LOOKUPS.locations,
    `${at.lat},${at.lng}`,
    () =>
      withInstagram(deps, discordUserId, async ({ auth }) =>
        deps.instagram.locations.search(auth, at, lookupOptions()),
      ),
    [] as PlaceInfo[],
  );
}

/**
 * Suggestions for a `location` option: when the typed text is "lat,lng" in range, the locations the API finds
 * there (nearest first), and that point is remembered; a typed number as a location id; other text as part of a
 * name, matched against the places around the point the person last used (the API has no search by name); and
 * the person's recently looked-up locations whose name or id matches what they typed.
 */
export async function suggestLocations(
  interaction: AutocompleteInteraction,
  deps: SuggestDeps,
  recent: RecentLocations,
): Promise<void> {
  const discordUserId = interaction.user.id;
  const typed = String(interaction.options.getFocused()).trim().slice(0, 100);
  const budgetKey = await budgetKeyOf(deps, discordUserId);
  if (budgetKey === undefined) {
    await interaction.respond([]);
    return;
  }
  const choices: Choice[] = [];
  const at = coordinatesIn(typed);
  if (at) {
    recent.rememberPoint(discordUserId, at);
    const found = await locationsNear(deps, budgetKey, discordUserId, at);
    for (const l of found) {
      if (!l.id) continue;
      const far =
        l.lat !== undefined && l.lng !== undefined
          ? ` · ${Math.round(distanceMetres(at, { lat: l.lat, lng: l.lng }))} m`
          : '';
      choices.push({ name: `📍 ${l.name ?? deps.t('replies.places.location', { id: l.id })}${far}`, value: l.id });
    }
  } else if (/^\d{1,30}$/.test(typed)) {
    choices.push({ name: deps.t('replies.places.locationIdChoice', { id: typed }), value: typed });
  } else if (typed.length >= 2 && coordinatePair(typed) === undefined) {
    const point = recent.lastPoint(discordUserId);
    const wanted = typed.toLowerCase();
    const found = point ? await locationsNear(deps, budgetKey, discordUserId, point) : [];
    for (const l of found)
      if (l.id && l.name?.toLowerCase().includes(wanted)) choices.push({ name: `📍 ${l.name}`, value: l.id });
  }
  for (const l of recent.matching(discordUserId, at ? '' : typed)) choices.push({ name: `🕘 ${l.name}`, value: l.id });
  await interaction.respond(fit(choices));
}
