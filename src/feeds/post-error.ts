// A post the poster did not make, as the engine throws it between its own modules: the poster's classified
// failure (retry later, disable the feed, skip the media) with the reason shown to admins, and what a log line may
// say about it.
import type { FeedStop, PostFailure, PostFailureDetail, PostFailureKind } from '../core/index.js';

export type { PostFailureKind };

/**
 * Why a post failed and what the engine does about it. `reason` is for logs (no secrets in it); a `disable` carries
 * its cause as data (`stop`), which the feed's state keeps and each reader's language words.
 */
export class PostError extends Error {
  override readonly name = 'PostError';
  readonly detail: PostFailureDetail | undefined;
  readonly stop: FeedStop | undefined;
  constructor(
    readonly kind: PostFailureKind,
    readonly reason: string,
    options?: { cause?: unknown; detail?: PostFailureDetail | undefined; stop?: FeedStop | undefined },
  ) {
    super(reason, options?.cause === undefined ? undefined : { cause: options.cause });
    this.detail = options?.detail;
    this.stop = options?.stop;
  }

  static of(failure: PostFailure): PostError {
    return new PostError(failure.kind, failure.reason, { detail: failure.detail, stop: failure.stop });
  }
}

/**
 * What a log line may say about a failed post. Never the error itself: the poster's own errors may carry a
 * request URL, and a webhook execution's URL contains the webhook token.
 */
export function postFailureFields(error: PostError): {
  kind: PostFailureKind;
  reason: string;
  cause?: PostFailureDetail;
} {
  const cause = error.detail ?? (error.cause instanceof Error ? { type: error.cause.name } : undefined);
  return { kind: error.kind, reason: error.reason, ...(cause !== undefined ? { cause } : {}) };
}
