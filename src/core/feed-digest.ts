// A feed's digest mode (docs/decisions/0031): instead of one message per post, one message per period listing the
// period's posts — every full hour, or daily at a set HH:MM, both in the server's time zone. Pure: the schedule as
// data and when the period a post arrives in is due. The engine (src/feeds/feed-digest.ts) gathers and posts.
import { z } from 'zod';

const HH_MM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const digestScheduleSchema = z.discriminatedUnion('every', [
  z.object({ every: z.literal('hourly') }),
  z.object({ every: z.literal('daily'), at: z.string().regex(HH_MM) }),
]);
export type DigestSchedule = z.output<typeof digestScheduleSchema>;

/** `H:MM` or `HH:MM` (00:00–23:59) as `HH:MM`; undefined for anything else. */
export function parseDigestTime(text: string): string | undefined {
  const match = HH_MM.exec(text.trim());
  return match === null ? undefined : `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far the zone's wall clock is ahead of UTC at `t` (ms), from Intl (no zone data of our own). */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

/** The instant a wall-clock time (as if UTC) of the zone names; in a skipped hour, the instant just after it. */
function fromWall(wall: number, timeZone: string): number {
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/**
 * When the period that a post arriving at `now` belongs to is due: the next full hour, or the next set time of
 * day, in `timeZone` — always strictly after `now`, so a post never joins a period that is already due.
 */
export function digestDueAfter(schedule: DigestSchedule, now: number, timeZone: string): number {
  const wall = now + offsetAt(now, timeZone);
  let due: number;
  if (schedule.every === 'hourly') {
    due = fromWall(Math.floor(wall / HOUR) * HOUR + HOUR, timeZone);
    if (due <= now) due = fromWall(Math.floor(wall / HOUR) * HOUR + 2 * HOUR, timeZone);
    return due;
  }
  const [hours, minutes] = schedule.at.split(':').map(Number) as [number, number];
  const dayStart = Math.floor(wall / DAY) * DAY;
  const timeOfDay = hours * HOUR + minutes * MINUTE;
  due = fromWall(dayStart + timeOfDay, timeZone);
  if (due <= now) due = fromWall(dayStart + DAY + timeOfDay, timeZone);
  return due;
}

/** How a schedule reads to admins. */
export function describeDigest(schedule: DigestSchedule | undefined, timeZone: string): string {
  if (schedule === undefined) return 'one message per post';
  return schedule.every === 'hourly'
    ? `an hourly digest (${timeZone})`
    : `a daily digest at ${schedule.at} (${timeZone})`;
}
