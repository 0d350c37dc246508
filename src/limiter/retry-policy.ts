// What the limiter does after a failed attempt, decided in one place. Instagram's 429 (and the edge's top-level
// 420/429 body: reference §3.2) means the key must wait: pause it and try that call once more when it may start
// again. A 503 is not a rate limit but Instagram failing, like any 5xx; and a 429 on a call Instagram counts against
// another budget than its key (a pasted token's, see CallDescription.serverCountsKey) says nothing about the key,
// so that call simply fails. A 5xx, a network failure or a truncated answer may be retried with backoff,
// but only for calls that cannot apply twice (GETs): a POST or DELETE that failed without an answer may have
// reached Instagram, and liking or commenting twice is worse than reporting the failure.
import type { CallDescription } from './call-gate.js';
import { InstagramError, InstagramRateLimitError } from '../core/instagram-errors.js';
import { BudgetExhaustedError } from './errors.js';

export type FailureAction = 'rate-limited' | 'retry' | 'fail';

export function classifyFailure(
  call: CallDescription,
  error: unknown,
  retriesDone: number,
  maxRetries: number,
): FailureAction {
  if (error instanceof InstagramRateLimitError && !(error instanceof BudgetExhaustedError)) {
    return call.serverCountsKey === false ? 'fail' : 'rate-limited';
  }
  if (error instanceof InstagramError && error.retryable && call.idempotent && retriesDone < maxRetries) return 'retry';
  return 'fail';
}

/** Exponential backoff with full jitter in its upper half: base·2^n/2 … base·2^n. */
export function backoffMs(retry: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = baseMs * 2 ** retry;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
