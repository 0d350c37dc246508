import { describe, expect, it } from 'vitest';
import { digestDueAfter, digestScheduleSchema, parseDigestTime } from '../../../src/core/feed-digest.js';

const at = (iso: string) => Date.parse(iso);

describe('digest periods', () => {
  it('ends an hourly period at the next full hour of the server (UTC)', () => {
    expect(digestDueAfter({ every: 'hourly' }, at('2026-11-30T07:31:12Z'), 'UTC')).toBe(at('2026-11-30T08:00:00Z'));
  });

  it('a post at the very end of an hour goes into the next hour, never a period already due', () => {
    expect(digestDueAfter({ every: 'hourly' }, at('2026-11-30T08:00:00Z'), 'UTC')).toBe(at('2026-11-30T09:00:00Z'));
  });

  it("ends an hourly period at the server's own full hour in a half-hour zone (India)", () => {
    // 07:31 UTC is 13:01 in Kolkata (UTC+5:30): the hour ends at 14:00 there, 08:30 UTC.
    expect(digestDueAfter({ every: 'hourly' }, at('2026-11-30T07:31:00Z'), 'Asia/Kolkata')).toBe(
      at('2026-11-30T08:30:00Z'),
    );
  });

  it("is due daily at the set time in the server's time zone", () => {
    // 07:31 UTC is 02:31 in New York (UTC-5 in November): 09:00 there is 14:00 UTC the same day.
    expect(digestDueAfter({ every: 'daily', at: '09:00' }, at('2026-11-30T07:31:00Z'), 'America/New_York')).toBe(
      at('2026-11-30T14:00:00Z'),
    );
    // After the day's time has passed, the next day's.
    expect(digestDueAfter({ every: 'daily', at: '09:00' }, at('2026-11-30T15:00:00Z'), 'America/New_York')).toBe(
      at('2026-12-01T14:00:00Z'),
    );
  });

  it('keeps the local time across a daylight saving change', () => {
    // 8 March 2026: New York moves from UTC-5 to UTC-4 at 02:00; 09:00 that day is 13:00 UTC.
    expect(digestDueAfter({ every: 'daily', at: '09:00' }, at('2026-03-07T20:00:00Z'), 'America/New_York')).toBe(
      at('2026-03-08T13:00:00Z'),
    );
  });

  it('reads HH:MM and refuses anything else', () => {
    expect(parseDigestTime('7:05')).toBe('07:05');
    expect(parseDigestTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '12:60', 'noon', '1200', '']) expect(parseDigestTime(bad), bad).toBeUndefined();
    expect(digestScheduleSchema.safeParse({ every: 'daily', at: '25:00' }).success).toBe(false);
  });
});
