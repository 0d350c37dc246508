import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELEASE_MARGIN_MS, SlidingWindow } from '../../../src/limiter/sliding-window.js';

describe('sliding window', () => {
  it('counts a call from its start and releases it one window after its answer', () => {
    const w = new SlidingWindow(2, 1000);
    w.acquire();
    expect(w.used(0)).toBe(1);
    w.complete(50);
    expect(w.used(1049)).toBe(1);
    expect(w.nextRelease(0)).toBe(1050 + RELEASE_MARGIN_MS);
    expect(w.used(1050 + RELEASE_MARGIN_MS)).toBe(0);
    expect(w.isEmpty(1050 + RELEASE_MARGIN_MS)).toBe(true);
  });

  it('gives a never-sent call its slot back at once', () => {
    const w = new SlidingWindow(1, 1000);
    w.acquire();
    expect(w.hasRoom(0)).toBe(false);
    w.refund();
    expect(w.hasRoom(0)).toBe(true);
  });

  it('fills to the limit on a 429 and only lowers a limit', () => {
    const w = new SlidingWindow(5, 1000);
    w.acquire();
    w.complete(10);
    expect(w.fill(20)).toBe(4);
    expect(w.remaining(20)).toBe(0);
    expect(w.nextRelease(20)).toBe(1010 + RELEASE_MARGIN_MS);
    expect(w.lowerLimit(10)).toBe(false);
    expect(w.lowerLimit(3)).toBe(true);
    expect(w.limit).toBe(3);
  });

  it('estimates the start of a queued call from the release times, one reuse per window beyond them', () => {
    const w = new SlidingWindow(2, 1000);
    w.acquire();
    w.complete(100); // releases at 1101
    w.acquire();
    w.complete(300); // releases at 1301
    expect(w.startTime(400, 0)).toBe(1101);
    expect(w.startTime(400, 1)).toBe(1301);
    expect(w.startTime(400, 2)).toBe(1101 + 1000 + RELEASE_MARGIN_MS);
    expect(new SlidingWindow(2, 1000).startTime(0, 1)).toBe(0);
    expect(new SlidingWindow(2, 1000).startTime(0, 2)).toBe(1000 + RELEASE_MARGIN_MS);
  });

  it('never lets more than the limit start in any window, whatever the answer times (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 400 }), latency: fc.integer({ min: 0, max: 300 }) }), {
          maxLength: 60,
        }),
        (limit, calls) => {
          const windowMs = 1000;
          const w = new SlidingWindow(limit, windowMs);
          // Simulated time: a call starts at the first moment after its gap when the window has room; the server
          // sees it at any moment between start and answer, so count every call that could fall in a window.
          const pending: number[] = [];
          const spans: Array<{ start: number; answer: number }> = [];
          let now = 0;
          for (const call of calls) {
            now += call.gap;
            for (;;) {
              pending.sort((a, b) => a - b);
              while (pending.length > 0 && (pending[0] as number) <= now) {
                w.complete(pending.shift() as number);
              }
              if (w.hasRoom(now)) break;
              const next = Math.min(pending[0] ?? Infinity, w.nextRelease(now) ?? Infinity);
              now = next;
            }
            w.acquire();
            spans.push({ start: now, answer: now + call.latency });
            pending.push(now + call.latency);
          }
          const edges = spans.flatMap((s) => [s.start, s.answer]);
          for (const t of edges) {
            const couldArriveInWindow = spans.filter((s) => s.start < t + windowMs && s.answer >= t).length;
            if (couldArriveInWindow > limit) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
