// What the limiter does after a failed attempt, decided in one place. Instagram's 429 (and 503, and the edge's
// 420: reference §3.2) means the server's window is full whatever ours says: pause the key and try that call
// once more when the window frees. A 5xx, a network failure or a truncated answer may be retried with backoff,
// but only for calls that cannot apply twice (GETs): a POST or DELETE that failed without an answer may have
// reached Instagram, and liking or commenting twice is worse than reporting the failure.
import type { CallDescription } from '../instagram/call-gate.js';
import { InstagramError, InstagramRateLimitError } from '../instagram/errors.js';
import { BudgetExhaustedError } from './errors.js';

export type FailureAction = 'rate-limited' | 'retry' | 'fail';

export function classifyFailure(call: CallDescription, error: unknown, retriesDone: number, maxRetries: number): FailureAction {
  if (error instanceof InstagramRateLimitError && !(error instanceof BudgetExhaustedError)) return 'rate-limited';
  if (error instanceof InstagramError && error.retryable && call.idempotent && retriesDone < maxRetries) return 'retry';
  return 'fail';
}

/** Exponential backoff with full jitter in its upper half: base·2^n/2 … base·2^n. */
export function backoffMs(retry: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = baseMs * 2 ** retry;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
