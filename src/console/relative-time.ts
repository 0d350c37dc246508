// A time relative to now in the unit a person would say it ("in 30 min", "3 hours ago", "10 years ago"), for the
// console's rendering of Discord's `<t:…:R>` markup: Discord's client picks the unit the same way, and a post
// from 2016 read as "5310997 min ago" tells nobody anything.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

/** `offsetMs` is the time minus now: positive is in the future. */
export function relativeTime(offsetMs: number): string {
  const amount = Math.abs(offsetMs);
  const say = (count: number, unit: string, plural = `${unit}s`) => {
    const words = `${count} ${count === 1 ? unit : plural}`;
    return offsetMs > 0 ? `in ${words}` : `${words} ago`;
  };
  const minutes = Math.round(amount / MINUTE);
  if (minutes === 0) return 'now';
  if (minutes < 60) return say(minutes, 'min', 'min');
  const hours = Math.round(amount / HOUR);
  if (hours < 24) return say(hours, 'hour');
  const days = Math.round(amount / DAY);
  if (days < 30) return say(days, 'day');
  const months = Math.round(amount / MONTH);
  if (months < 12) return say(months, 'month');
  return say(Math.max(1, Math.round(amount / YEAR)), 'year');
}
