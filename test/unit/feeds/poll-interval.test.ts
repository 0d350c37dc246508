// The poll interval of a source comes from its owner's remaining budget: a fifth of what is left, shared by the
// owner's sources, within the bounds; and the retry backoff grows, is capped and jitters within ±20 %.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPollAt, pollIntervalMs, retryDelayMs } from '../../../src/feeds/poll-interval.js';

const bounds = { minMs: 60_000, maxMs: 3_600_000 };

describe('pollIntervalMs', () => {
  it("spreads a fifth of the remaining budget over the window, shared by the owner's sources", () => {
    // live: 5000 left → 1000 polls an hour; 10 sources → each every 36 s, held to the 60 s minimum.
    expect(pollIntervalMs({ remaining: 5000, windowMs: 3_600_000, sources: 10 }, bounds)).toBe(60_000);
    // sandbox: 500 left → 100 polls an hour; 3 sources → each every 108 s.
    expect(pollIntervalMs({ remaining: 500, windowMs: 3_600_000, sources: 3 }, bounds)).toBe(108_000);
  });

  it('polls at the longest interval when the budget is spent', () => {
    expect(pollIntervalMs({ remaining: 0, windowMs: 3_600_000, sources: 1 }, bounds)).toBe(bounds.maxMs);
    expect(pollIntervalMs({ remaining: 4, windowMs: 3_600_000, sources: 1 }, bounds)).toBe(bounds.maxMs);
  });

  it('never lets polls spend more than the share of the remaining budget within the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 500 }), (remaining, sources) => {
        const interval = pollIntervalMs({ remaining, windowMs: 3_600_000, sources }, bounds);
        expect(interval).toBeGreaterThanOrEqual(bounds.minMs);
        expect(interval).toBeLessThanOrEqual(bounds.maxMs);
        const pollsPerWindow = (3_600_000 / interval) * sources;
        expect(pollsPerWindow).toBeLessThanOrEqual(
          Math.max(remaining * 0.2, (3_600_000 / bounds.maxMs) * sources) + 1e-6,
        );
      }),
    );
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base per failure, capped, with jitter within ±20 %', () => {
    expect(retryDelayMs(1, 1000, 300_000, () => 0.5)).toBe(1000);
    expect(retryDelayMs(4, 1000, 300_000, () => 0.5)).toBe(8000);
    expect(retryDelayMs(30, 1000, 300_000, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(3, 1000, 300_000, () => 0)).toBe(3200);
    expect(retryDelayMs(3, 1000, 300_000, () => 0.999999)).toBeLessThanOrEqual(4800);
  });
});

describe('nextPollAt', () => {
  it('counts the next poll from when this one was due, however late it read', () => {
    expect(nextPollAt(10_000, 10_000, 90_000)).toBe(100_000);
    expect(nextPollAt(10_000, 12_500, 90_000)).toBe(100_000);
    // A read asked for before its poll was due counts from the read.
    expect(nextPollAt(50_000, 12_500, 90_000)).toBe(102_500);
  });

  it('leaves half an interval at least after a poll that ran more than half an interval late', () => {
    expect(nextPollAt(10_000, 80_000, 90_000)).toBe(125_000);
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), fc.integer({ min: 1, max: 1e7 }), (anchor, readAt, interval) => {
        const next = nextPollAt(anchor, readAt, interval);
        expect(next - readAt).toBeGreaterThanOrEqual(interval / 2);
        expect(next - readAt).toBeLessThanOrEqual(interval);
      }),
    );
  });
});
