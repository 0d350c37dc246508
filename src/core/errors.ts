// Errors the delivery engine raises for the feed commands, in domain terms: the owner has no link, the owner's
// link is broken, a backfill count out of range, Discord refusing a post. They know nothing of Discord replies;
// commands/_shared/describe-error.ts turns each into its reply in the one place replies are made, in the reader's
// language (their messages are for logs).
import type { FeedStop } from './feed-state.js';

/** Base of the feed domain's errors; `kind` is stable (tests and the reply mapper match on it). */
export class FeedError extends Error {
  override readonly name: string = 'FeedError';
  constructor(
    readonly kind: 'owner-not-linked' | 'owner-link-broken' | 'backfill-count' | 'post-refused',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The feed's owner has no linked Instagram account. */
export class FeedOwnerNotLinkedError extends FeedError {
  override readonly name = 'FeedOwnerNotLinkedError';
  constructor() {
    super('owner-not-linked', 'The owner of this feed has no linked Instagram account.');
  }
}

/** The feed owner's link stopped working (token revoked, expired or unreadable). */
export class FeedOwnerLinkBrokenError extends FeedError {
  override readonly name = 'FeedOwnerLinkBrokenError';
  constructor() {
    super(
      'owner-link-broken',
      "The Instagram link of this feed's owner stopped working; the owner needs to run /instagram link again.",
    );
  }
}

export class BackfillCountError extends FeedError {
  override readonly name = 'BackfillCountError';
  constructor() {
    super('backfill-count', 'A backfill takes 1 to 10 posts.');
  }
}

/**
 * Discord did not take a post; `postKind` says whether trying later may work (`post-retry` vs `post-disable`/
 * `post-skip`). `reason` quotes Discord's error; a refusal that would disable a feed also says why as data (`stop`),
 * which the reply words in the reader's language.
 */
export class PostRefusedError extends FeedError {
  override readonly name = 'PostRefusedError';
  readonly stop: FeedStop | undefined;
  constructor(
    readonly postKind: 'retry' | 'disable' | 'skip',
    readonly reason: string,
    options?: { cause?: unknown; stop?: FeedStop | undefined },
  ) {
    super(
      'post-refused',
      `Discord did not take the post: ${reason}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.stop = options?.stop;
  }
}
