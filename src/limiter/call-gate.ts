// The seam between an Instagram client and the per-token rate limiter: the limiter's contract, which every
// provider's client calls through. The client describes each call and hands over a function that performs exactly
// one HTTP attempt; the gate decides when (and whether, and how many times) it runs. A client works without a gate
// (tests, one-off scripts): then each call runs once, now (`directGate`).
import type { RateLimitHeaders, UsageFeedback } from '../core/instagram-errors.js';

/** What the gate learns from each attempt's response (the limiter's view is corrected by the server's). */
export type { RateLimitHeaders, UsageFeedback };

/** Who is waiting: a person on a command, a feed post, or background reconciliation. */
export type CallPriority = 'interactive' | 'delivery' | 'background';

/** The per-endpoint write budgets of reference §3.2 (30/h sandbox, 60/h live), counted apart from the global one. */
export type WriteBucket = 'likes' | 'comments' | 'relationships';

export interface CallDescription {
  /**
   * The budget the call is charged to: the Instagram user id of the token's owner (never the token itself).
   * App-level calls (subscriptions, code exchange) use the key `app`.
   */
  key: string;
  priority: CallPriority;
  method: 'GET' | 'POST' | 'DELETE';
  /** The API path without `/v1` and without the query, e.g. `/users/self/media/recent`. */
  path: string;
  /** Set for the POST/DELETE calls that also count against a per-endpoint write budget. */
  writeBucket?: WriteBucket | undefined;
  /** True when repeating the call cannot apply it twice (GETs); only those are retried after 5xx or network errors. */
  idempotent: boolean;
  /**
   * Share of the key's global window (0–1) this call never uses, kept for the key's other calls: with 0.4 on a
   * 500-call window the call starts only while fewer than 300 are counted. Pasted-token checks leave the `app` key's
   * last 40 % to the OAuth code exchange, so members pasting tokens can never make linking fail for everyone.
   */
  reserve?: number | undefined;
  /**
   * False when Instagram counts the call against another budget than `key`: a pasted token is checked with its own
   * token while the call is charged to `app`. Its X-Ratelimit headers and a 429 then describe that token, not `key`,
   * and must neither correct nor pause `key`'s window. Default true.
   */
  serverCountsKey?: boolean | undefined;
  /**
   * True when Instagram tells the key's budget only as a share used, on each answer (Graph's Business Use Case
   * usage, reference §1.6), and a spent budget only by refusing a call (80002, 4, 17, 613). Feed work of such a key
   * then starts only while none of its calls is in flight: each answer decides whether the next may go, and a read
   * sent beside one that meets the block would land during it, which Meta says lengthens the block. Commands keep
   * their own concurrency (commands first). Default false (v1 counts calls in X-Ratelimit headers).
   */
  reportsUsage?: boolean | undefined;
  /** Overrides the priority's default bound on how long the call may wait to start, in ms. */
  deadlineMs?: number | undefined;
  /** Aborts the wait and the request. */
  signal?: AbortSignal | undefined;
}

export interface CallGate {
  /**
   * Runs `attempt` when the key's budgets allow. `attempt` resolves with the parsed response or rejects with an
   * InstagramError (src/core/instagram-errors.ts); either way it carries the X-Ratelimit headers the server sent, if any.
   */
  run<T extends { rateLimit: RateLimitHeaders }>(call: CallDescription, attempt: () => Promise<T>): Promise<T>;
}

/** The gate used when none is given: one attempt, immediately. */
export const directGate: CallGate = {
  run: (_call, attempt) => attempt(),
};

/** The last usage report of a key and when it arrived (the limiter's view of UsageFeedback, usage-feedback.ts). */
export interface KeyUsage {
  percent: number;
  reportedAt: number;
}
