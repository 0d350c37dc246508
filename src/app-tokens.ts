// Part of the composition root (src/app.ts): the renewal of expiring Instagram tokens (Graph's Instagram Login),
// started where delivery runs, with the owner's DMs worded in their own language (src/discord/owner-dm.ts).
import type { REST } from 'discord.js';
import { createTokenRefresher, type TokenRefresher } from './accounts/token-refresher.js';
import type { Config } from './config.js';
import type { AccountLinker } from './core/index.js';
import { createOwnerDms } from './discord/owner-dm.js';
import type { ReaderLocale } from './discord/reader-locale.js';
import type { Translations } from './i18n/i18n.js';
import type { Logger } from './log.js';
import type { Storage } from './storage/index.js';

/** The started refresher, or undefined when the provider's tokens do not expire or this process is an edge. */
export function startTokenRefresher(
  role: Config['role'],
  /** The bot's REST client, which opens the DM channels. */
  rest: REST,
  deps: {
    storage: Storage;
    linker: AccountLinker;
    readerLocale: ReaderLocale;
    translations: Translations;
    log: Logger;
  },
): TokenRefresher | undefined {
  if (deps.linker.refresh === undefined || role === 'edge') return undefined;
  const refresher = createTokenRefresher({
    storage: deps.storage,
    linker: deps.linker,
    notices: createOwnerDms(rest, { readerLocale: deps.readerLocale, translations: deps.translations }),
    clock: Date.now,
    log: deps.log,
  });
  refresher.start();
  return refresher;
}
