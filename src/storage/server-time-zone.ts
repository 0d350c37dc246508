// The time zone a server's digests keep time in (docs/decisions/0031), read by the delivery engine and /feed: the
// server's own setting (`/feed settings`, the same one templates write `{time}` in, docs/decisions/0026), UTC for a
// server that never chose. One small function, so every reader of it agrees.
import type { Storage } from './open-storage.js';

/** Reads a server's time zone: an IANA name Intl knows. */
export type TimeZoneOf = (guildId: string) => Promise<string>;

export const DEFAULT_TIME_ZONE = 'UTC';

export function serverTimeZones(storage: Pick<Storage, 'guildSettings'>): TimeZoneOf {
  return async (guildId) => (await storage.guildSettings.time(guildId))?.timeZone ?? DEFAULT_TIME_ZONE;
}
