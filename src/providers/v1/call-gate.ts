// The seam between the Instagram client and the per-token rate limiter. The client describes each call and
// hands over a function that performs exactly one HTTP attempt; the gate decides when (and whether, and how
// many times) it runs. The client works without a gate (tests, one-off scripts): then each call runs once, now.

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
  /** Overrides the priority's default bound on how long the call may wait to start, in ms. */
  deadlineMs?: number | undefined;
  /** Aborts the wait and the request. */
  signal?: AbortSignal | undefined;
}

/** What the gate learns from each attempt's response (the limiter's view is corrected by the server's). */
export interface RateLimitHeaders {
  limit: number | undefined;
  remaining: number | undefined;
  /** Graph's percentage feedback for the call's bucket, when the answer (or its error) reported one. */
  usage?: UsageFeedback | undefined;
}

/**
 * A bucket's usage as a percentage (Graph reports percentages, never counts: reference §1.6), neutral of the
 * provider: `percent` is the highest of `call_count`, `total_cputime` and `total_time`; `regainAt` (epoch ms) is
 * when a blocked bucket may be called again (`estimated_time_to_regain_access`, or the time a provider derives for
 * errors 4/17/613/80002). The bucket is the call's key: the account's BUC under its Instagram user id, `app` for
 * Business Discovery and Hashtag Search. A missing report means "unknown", never 0 %. See limiter/usage-feedback.ts.
 */
export interface UsageFeedback {
  percent: number;
  regainAt?: number | undefined;
}

export interface CallGate {
  /**
   * Runs `attempt` when the key's budgets allow. `attempt` resolves with the parsed response or rejects with an
   * InstagramError (see errors.ts); either way it carries the X-Ratelimit headers the server sent, if any.
   */
  run<T extends { rateLimit: RateLimitHeaders }>(call: CallDescription, attempt: () => Promise<T>): Promise<T>;
}

/** The gate used when none is given: one attempt, immediately. */
export const directGate: CallGate = {
  run: (_call, attempt) => attempt(),
};
