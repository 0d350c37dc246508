// The errors the per-token limiter adds to igcord's Instagram errors. Each one says why a call never reached
// Instagram (or stopped being retried) in terms the bot can render: whose budget, and when it frees. They extend
// the client's error classes so that code handling "Instagram is rate limiting this account" catches the local
// refusal and the server's 429 alike. None of them carries or prints the budget key in its message: the key is
// an Instagram user id, but messages reach Discord users and logs, and keeping them generic keeps them safe.
import { InstagramError, InstagramRateLimitError } from '../core/instagram-errors.js';

/** Whole minutes until `freesAt`, rounded up (a budget that frees in 10 s frees "in 1 min"). */
export function minutesUntil(freesAt: number, now: number): number {
  return Math.max(1, Math.ceil((freesAt - now) / 60_000));
}

/**
 * The account's budget cannot start this call within its deadline: the sliding window is full (or Instagram
 * answered 429 and the key is paused) until `freesAt`. Raised at once, never after a long wait.
 */
export class BudgetExhaustedError extends InstagramRateLimitError {
  override readonly name: string = 'BudgetExhaustedError';
  /** The budget key (Instagram user id, or `app`). */
  readonly key: string;
  /** Epoch ms at which the call could start, as estimated from the key's window and queue. */
  readonly freesAt: number;
  /** `freesAt - now` when the error was raised, in ms. */
  readonly retryAfterMs: number;

  constructor(key: string, freesAt: number, now: number, cause?: unknown) {
    super(`Instagram budget for this account frees in ${minutesUntil(freesAt, now)} min`, {
      type: 'BudgetExhausted',
      status: 0,
      code: 429,
      resetsAt: freesAt,
      rateLimit: { limit: undefined, remaining: 0 },
      cause,
    });
    this.key = key;
    this.freesAt = freesAt;
    this.retryAfterMs = Math.max(0, freesAt - now);
  }
}

/**
 * The call could not start within its deadline although budget remained: the key's concurrent calls were all
 * busy (Instagram slow to answer). Retryable: nothing was sent.
 */
export class QueueTimeoutError extends InstagramError {
  override readonly name: string = 'QueueTimeoutError';
  readonly key: string;
  readonly waitedMs: number;

  constructor(key: string, waitedMs: number) {
    super(`Instagram is slow to answer for this account; the call waited ${waitedMs} ms without starting`, {
      type: 'QueueTimeout',
      status: 0,
      retryable: true,
    });
    this.key = key;
    this.waitedMs = waitedMs;
  }
}

/** The limiter was closed (shutdown) before the call could start. Nothing was sent. */
export class LimiterClosedError extends InstagramError {
  override readonly name: string = 'LimiterClosedError';

  constructor() {
    super('igcord is shutting down; the Instagram call was not sent', { type: 'LimiterClosed', status: 0 });
  }
}
