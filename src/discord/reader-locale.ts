// Which language to write to a person in when they did not just ask (a DM igcord sends on its own): the locale
// Discord gave in their most recent interaction with igcord (`interaction.locale`, kept with their linked account),
// else the preferred locale of a server they are there for (`guild.preferredLocale`, Community settings), else
// English (undefined: the catalogue's default). https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
import type { Client } from 'discord.js';

/** The locale to write to `userId` in; `guildId`: the server the message is about, whose language is the fallback. */
export type ReaderLocale = (userId: string, guildId?: string) => Promise<string | undefined>;

export function createReaderLocale(deps: {
  /** The linked accounts (storage), which keep the locale of each person's latest interaction. */
  accounts: { get(userId: string): Promise<{ locale?: string | undefined } | undefined> };
  /** The gateway's cache of guilds, for their preferred locale. */
  client?: Client | undefined;
}): ReaderLocale {
  return async (userId, guildId) => {
    const own = (await deps.accounts.get(userId).catch(() => undefined))?.locale;
    if (own !== undefined) return own;
    return guildId === undefined ? undefined : deps.client?.guilds.cache.get(guildId)?.preferredLocale;
  };
}
