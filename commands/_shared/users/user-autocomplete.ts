// Autocomplete for the `user` options of /user and /follows. Discord sends one request per keystroke and wants
// the choices within 3 s; answers come from the lookup cache (one search per account and query a minute), a
// lookup waits at most 1.5 s for budget and is abandoned after 2 s, and nothing is looked up for someone who has
// not linked an account (their list is empty: the command itself will explain).
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { CommandDeps } from '../../../src/discord/command.js';
import type { ListedPerson } from '../../../src/core/index.js';
import { withInstagram } from '../linked-account.js';
import { LOOKUPS } from '../lookup-kinds.js';
import { plain, truncate } from '../../../src/discord/embeds/text.js';

/** Discord's limits on autocomplete answers. */
export const MAX_CHOICES = 25;
const CHOICE_NAME_MAX = 100;

/** How long a lookup may wait for budget, and how long it may take in all, well inside Discord's 3 s. */
export const LOOKUP_DEADLINE_MS = 1500;
const LOOKUP_TIMEOUT_MS = 2000;

/** Where the suggestions come from: a user search, or the people who asked to follow the invoker. */
export type UserSuggestions = 'search' | 'requested-by';

/** One choice per user: "@name · Full Name" shown, the username as the value (what the command resolves). */
export function userChoices(users: readonly ListedPerson[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const user of users) {
    if (seen.has(user.username) || user.username.length > CHOICE_NAME_MAX) continue;
    seen.add(user.username);
    const label = user.name ? `@${user.username} · ${user.name}` : `@${user.username}`;
    choices.push({ name: truncate(plain(label, 'label'), CHOICE_NAME_MAX), value: user.username });
    if (choices.length === MAX_CHOICES) break;
  }
  return choices;
}

/** What the person has typed so far, without a leading "@" (suggestions match on the bare name). */
export function typedQuery(value: string): string {
  return value.trim().replace(/^@/, '').slice(0, 30);
}

export async function suggestUsers(
  interaction: AutocompleteInteraction,
  deps: CommandDeps,
  from: UserSuggestions,
): Promise<void> {
  const discordUserId = interaction.user.id;
  const account = await deps.storage.accounts.get(discordUserId);
  const query = typedQuery(String(interaction.options.getFocused()));
  if (!account || account.status === 'broken') {
    await interaction.respond([]);
    return;
  }
  const budgetKey = account.instagramUserId;
  const options = () => ({ deadlineMs: LOOKUP_DEADLINE_MS, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });

  let users: readonly ListedPerson[];
  if (from === 'search') {
    // The API refuses an empty search; an empty box shows nothing rather than spending a call.
    users =
      query === ''
        ? []
        : await deps.lookups.get(
            budgetKey,
            LOOKUPS.users,
            query,
            () =>
              withInstagram(deps, discordUserId, async ({ auth }) =>
                deps.instagram.users.search(auth, query, MAX_CHOICES, options()),
              ),
            [] as ListedPerson[],
          );
  } else {
    // The pending requests are one short list: fetched once per minute and filtered here as the person types.
    const pending = await deps.lookups.get(
      budgetKey,
      LOOKUPS.requestedBy,
      '',
      () =>
        withInstagram(
          deps,
          discordUserId,
          async ({ auth }) => (await deps.instagram.users.requests(auth, options())).data,
        ),
      [] as ListedPerson[],
    );
    const wanted = query.toLowerCase();
    users = pending.filter(
      (u) => u.username.toLowerCase().includes(wanted) || (u.name ?? '').toLowerCase().includes(wanted),
    );
  }
  await interaction.respond(userChoices(users));
}
