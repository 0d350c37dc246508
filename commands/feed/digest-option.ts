// /feed edit's digest options (docs/decisions/0031): `digest:off|hourly|daily` and `digest-time:HH:MM`, the daily
// time in the server's time zone. Read into the feed's new schedule, or refused with the reason before anything
// is stored. The words are the catalogue's (`feedCraft.digest`), in the admin's language; the choices' names are
// translated with the command's definition (src/i18n/locales/*/definitions.ts).
import { parseDigestTime, type DigestSchedule } from '../../src/core/index.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { text, type Translate } from '../../src/i18n/i18n.js';
import type { Feed } from '../../src/storage/index.js';

export type DigestChoice = 'off' | 'hourly' | 'daily';

export const DIGEST_CHOICES = [
  { name: 'off: one message per post', value: 'off' },
  { name: 'hourly: one message per hour', value: 'hourly' },
  { name: 'daily: one message a day at digest-time', value: 'daily' },
] as const;

/**
 * The feed's schedule after the edit: a new one, null (back to one message per post) or undefined (unchanged).
 * Throws a UserFacingError for a combination that cannot be read; nothing is stored then.
 */
export function digestEdit(
  feed: Feed,
  choice: DigestChoice | undefined,
  time: string | undefined,
): DigestSchedule | null | undefined {
  const at = time === undefined ? undefined : parseDigestTime(time);
  if (time !== undefined && at === undefined)
    throw new UserFacingError('feeds.digest-time', text('feedCraft.digest.badTime', { typed: time.slice(0, 20) }));
  if (choice === undefined) {
    if (at === undefined) return undefined;
    if (feed.digest?.every !== 'daily')
      throw new UserFacingError('feeds.digest-time', text('feedCraft.digest.timeWithout', { id: feed.id }));
    return { every: 'daily', at };
  }
  if (choice === 'off') return null;
  if (feed.place === 'forum') throw new UserFacingError('feeds.digest-time', text('feedCraft.digest.forum'));
  if (choice === 'hourly') return { every: 'hourly' };
  const daily = at ?? (feed.digest?.every === 'daily' ? feed.digest.at : undefined);
  if (daily === undefined) throw new UserFacingError('feeds.digest-time', text('feedCraft.digest.timeNeeded'));
  return { every: 'daily', at: daily };
}

/** A schedule in the reader's words: `an hourly digest (UTC)`, `un resumen diario a las 06:15 (UTC)`. */
export function digestWords(schedule: DigestSchedule | undefined, timeZone: string, t: Translate): string {
  if (schedule === undefined) return t('feedCraft.digest.perPost');
  return schedule.every === 'hourly'
    ? t('feedCraft.digest.hourly', { zone: timeZone })
    : t('feedCraft.digest.daily', { at: schedule.at, zone: timeZone });
}

/** The reply's sentence about the feed's digest mode after an edit that changed it, in the reader's language. */
export function describeDigestEdit(schedule: DigestSchedule | undefined, timeZone: string, t: Translate): string {
  const now = t('feedCraft.digest.now', { schedule: digestWords(schedule, timeZone, t) });
  return schedule === undefined ? now + t('feedCraft.digest.waiting') : now;
}
