// Helpers for the limiter's unit tests: attempt functions the test controls, and the check that no window of
// the configured length ever held more attempts than the limit.
import type { CallDescription, RateLimitHeaders } from '../../../src/providers/v1/call-gate.js';

export const NO_HEADERS: RateLimitHeaders = { limit: undefined, remaining: undefined };

export function call(overrides: Partial<CallDescription> = {}): CallDescription {
  return { key: '1001', priority: 'background', method: 'GET', path: '/users/self', idempotent: true, ...overrides };
}

export interface Recorder {
  /** Times (Date.now) at which attempts were invoked, in order, with a label. */
  invocations: Array<{ at: number; label: string }>;
  attempt: (
    label: string,
    result?: () => Promise<{ rateLimit: RateLimitHeaders }>,
  ) => () => Promise<{ rateLimit: RateLimitHeaders; label: string }>;
}

export function recorder(): Recorder {
  const invocations: Recorder['invocations'] = [];
  return {
    invocations,
    attempt: (label, result) => async () => {
      invocations.push({ at: Date.now(), label });
      const value = result ? await result() : { rateLimit: NO_HEADERS };
      return { ...value, label };
    },
  };
}

/** The most attempts found in any window [t, t + windowMs) starting at an attempt. */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) < (sorted[i] as number) - windowMs + 1) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

/** A promise the test settles by hand (an Instagram answer that has not come back yet). */
export function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Settles to the value/error if the promise has settled within a macrotask, else to the string 'pending'. */
export async function settledNow<T>(promise: Promise<T>): Promise<T | unknown> {
  return Promise.race([
    promise.catch((e: unknown) => e),
    new Promise((resolve) => setImmediate(() => resolve('pending'))),
  ]);
}
