// The time zone a server's digests keep time in (read by the delivery engine and /feed) (docs/decisions/0028). One small function so that the per-server
// setting of the template work (`/feed settings`) is read in one place once it lands; until then every server is
// on UTC.
import type { Storage } from './open-storage.js';

/** Reads a server's time zone: an IANA name Intl knows. */
export type TimeZoneOf = (guildId: string) => Promise<string>;

export const DEFAULT_TIME_ZONE = 'UTC';

export function serverTimeZones(_storage: Storage): TimeZoneOf {
  return async () => DEFAULT_TIME_ZONE;
}
