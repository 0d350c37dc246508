// /feed edit's digest options (docs/decisions/0031): `digest:off|hourly|daily` and `digest-time:HH:MM`, the daily
// time in the server's time zone. Read into the feed's new schedule, or refused with the reason before anything
// is stored. User-facing words are the constants below, for the translation work.
import { describeDigest, parseDigestTime, type DigestSchedule } from '../../src/core/index.js';
import { UserFacingError } from '../../src/discord/errors.js';
import type { Feed } from '../../src/storage/index.js';

export type DigestChoice = 'off' | 'hourly' | 'daily';

export const DIGEST_CHOICES = [
  { name: 'off: one message per post', value: 'off' },
  { name: 'hourly: one message per hour', value: 'hourly' },
  { name: 'daily: one message a day at digest-time', value: 'daily' },
] as const;

export const DIGEST_TEXT = {
  badTime: (typed: string) =>
    `\`${typed.slice(0, 20)}\` is not a time of day: give \`digest-time\` as HH:MM (00:00 to 23:59), in the server's time zone. Nothing was changed.`,
  timeNeeded:
    "A daily digest needs its time: add `digest-time` as HH:MM (the server's time zone). Nothing was changed.",
  timeWithout: (feedId: string) =>
    `\`digest-time\` sets the time of a daily digest: add \`digest:daily\` (feed \`${feedId}\` is not daily). Nothing was changed.`,
  forum:
    'A forum feed makes a thread per post and cannot post digests: move it to a text channel first. Nothing was changed.',
  now: (description: string) => ` It posts ${description}.`,
  waiting: ' Posts already gathered still go out in the digest they wait for.',
} as const;

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
  if (time !== undefined && at === undefined) throw new UserFacingError('feeds.digest-time', DIGEST_TEXT.badTime(time));
  if (choice === undefined) {
    if (at === undefined) return undefined;
    if (feed.digest?.every !== 'daily')
      throw new UserFacingError('feeds.digest-time', DIGEST_TEXT.timeWithout(feed.id));
    return { every: 'daily', at };
  }
  if (choice === 'off') return null;
  if (feed.place === 'forum') throw new UserFacingError('feeds.digest-time', DIGEST_TEXT.forum);
  if (choice === 'hourly') return { every: 'hourly' };
  const daily = at ?? (feed.digest?.every === 'daily' ? feed.digest.at : undefined);
  if (daily === undefined) throw new UserFacingError('feeds.digest-time', DIGEST_TEXT.timeNeeded);
  return { every: 'daily', at: daily };
}

/** The reply's sentence about the feed's digest mode after an edit that changed it. */
export function describeDigestEdit(schedule: DigestSchedule | undefined, timeZone: string): string {
  return DIGEST_TEXT.now(describeDigest(schedule, timeZone)) + (schedule === undefined ? DIGEST_TEXT.waiting : '');
}
