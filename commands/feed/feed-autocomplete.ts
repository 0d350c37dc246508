// What /feed's options suggest while an admin types: this guild's feeds, accounts, places and tags, each within
// the invoker's budget and from the same caches as the commands that show them.
import type { AutocompleteInteraction } from 'discord.js';
import type { AutocompleteContext } from '../../src/discord/command.js';
import { isFeedAdmin } from './feed-admin.js';
import { describeSource } from './feed-list.js';
import { bareTag } from '../../src/util/tag-name-pattern.js';
import { LOOKUPS } from '../_shared/lookup-kinds.js';
import { suggestLocations } from '../_shared/places/place-autocomplete.js';
import { suggestUsers } from '../_shared/users/user-autocomplete.js';
import { plain, truncate } from '../../src/discord/embeds/text.js';

/** Feeds of this guild matching what was typed, for admins only; tags from Instagram's search, within budget. */
export async function autocomplete(interaction: AutocompleteInteraction, deps: AutocompleteContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).trim().toLowerCase();
  if (!isFeedAdmin(interaction) || interaction.guildId === null) {
    await interaction.respond([]);
    return;
  }
  if (focused.name === 'feed') {
    const feeds = await deps.storage.feeds.listByGuild(interaction.guildId);
    const choices = [];
    for (const feed of feeds.sort((a, b) => a.createdAt - b.createdAt)) {
      const channel = interaction.guild?.channels.cache.get(feed.channelId)?.name ?? feed.channelId;
      const owner =
        feed.source.kind === 'account' ? await deps.storage.accounts.get(feed.ownerDiscordUserId) : undefined;
      const name = deps
        .t('feedManage.autocomplete.feed', {
          id: feed.id,
          source: describeSource(feed, owner, deps.t),
          channel,
          state: deps.t(`feedManage.autocomplete.state.${feed.state.kind}`),
        })
        .slice(0, 100);
      if (typed === '' || name.toLowerCase().includes(typed)) choices.push({ name, value: feed.id });
      if (choices.length === 25) break;
    }
    await interaction.respond(choices);
    return;
  }
  if (focused.name === 'account') {
    // The same suggestions as /user's: a user search with the invoker's link, cached and within budget.
    await suggestUsers(interaction, deps, 'search');
    return;
  }
  if (focused.name === 'location') {
    // The same suggestions as /location's: around typed coordinates, by name near the last point, recent places.
    await suggestLocations(interaction, deps, deps.recentPlaces);
    return;
  }
  if (focused.name === 'tag') {
    const query = bareTag(typed);
    const found = query === '' ? undefined : await deps.storage.accounts.getWithToken(interaction.user.id);
    if (found === undefined || found.account.status !== 'active') {
      await interaction.respond([]);
      return;
    }
    if (!deps.instagram.capabilities.has('tags')) {
      // Graph has no tag search, and a Hashtag Search lookup would hold one of the 30 weekly slots per keystroke:
      // suggest the tags the account already holds a slot for this week (free to follow), then what was typed.
      const held = (await deps.storage.hashtagSlots.get(found.account.instagramUserId)).tags.map((t) => t.name);
      const names = [...new Set([...held.filter((n) => n.startsWith(query.toLowerCase())), query.toLowerCase()])];
      await interaction.respond(
        names.slice(0, 25).map((n) => ({ name: truncate(plain(`#${n}`, 'label'), 100), value: n.slice(0, 100) })),
      );
      return;
    }
    const auth = { userId: found.account.instagramUserId, accessToken: found.accessToken };
    // The same kind as /tag's suggestions: one search serves both, and each reads the answer as what it is.
    const tags = await deps.lookups.get(
      found.account.instagramUserId,
      LOOKUPS.tags,
      query,
      () => deps.instagram.tags.search(auth, query, { priority: 'interactive' }),
      [],
    );
    const names = tags.map((t) => t.name);
    await interaction.respond(
      names.slice(0, 25).map((n) => ({ name: truncate(plain(`#${n}`, 'label'), 100), value: n.slice(0, 100) })),
    );
  }
}
