// The Instagram errors every layer decides on, whatever the provider: `type` (the API's error type), `status`
// (HTTP), `code`, `retryable`, and the rate-limit headers of the response that carried the error. One class per
// outcome a caller handles differently (link again, wait, refuse the input, try later). A provider maps its own
// wire errors into these at its edge (src/providers/v1/errors.ts), so the limiter, ops and the Discord replies
// match on them without knowing which Instagram API answered. Each class names the v1 error types that map to it.

/** The budget the server reported with a response (X-Ratelimit-Limit / -Remaining), when it sent one. */
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

/**
 * Why igcord itself refuses a source, found before or beside Instagram's answer (so it has no Instagram wording to
 * pass on): `username-moved` — Business Discovery now returns another account under the username the feed followed
 * (`username`); `username-unknown` — no feed names the account's username any more, so it cannot be looked up.
 * Data, worded for each reader on the Discord side; the error's message stays English for logs.
 */
export type SourceRefusal = { by: 'username-moved'; username: string } | { by: 'username-unknown' };

export interface InstagramErrorFields {
  type: string;
  status: number;
  code?: number | undefined;
  retryable?: boolean | undefined;
  rateLimit?: RateLimitHeaders | undefined;
  refusal?: SourceRefusal | undefined;
  cause?: unknown;
}

export class InstagramError extends Error {
  override readonly name: string = 'InstagramError';
  readonly type: string;
  readonly status: number;
  readonly code: number;
  readonly retryable: boolean;
  readonly rateLimit: RateLimitHeaders;
  /** Set when igcord refuses the source itself (see SourceRefusal). */
  readonly refusal: SourceRefusal | undefined;

  constructor(message: string, fields: InstagramErrorFields) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.type = fields.type;
    this.status = fields.status;
    this.code = fields.code ?? fields.status;
    this.retryable = fields.retryable ?? false;
    this.rateLimit = fields.rateLimit ?? { limit: undefined, remaining: undefined };
    this.refusal = fields.refusal;
  }
}

/** OAuthAccessTokenException: the token is invalid, expired or revoked; the user must link again. */
export class InstagramTokenError extends InstagramError {
  override readonly name: string = 'InstagramTokenError';
}

/** OAuthPermissionsException: the token lacks a scope; `scope` names it when the message does. */
export class InstagramScopeError extends InstagramError {
  override readonly name: string = 'InstagramScopeError';
  readonly scope: string | undefined;
  constructor(message: string, fields: InstagramErrorFields) {
    super(message, fields);
    this.scope = /scope=([a-z_]+)/.exec(message)?.[1];
  }
}

/** OAuthParameterException, OAuthClientException, OAuthException (top level): the request or app is wrong. */
export class InstagramOAuthError extends InstagramError {
  override readonly name: string = 'InstagramOAuthError';
}

/** OAuthForbiddenException (403, top level): a signed request was missing or wrong. */
export class InstagramSignatureError extends InstagramError {
  override readonly name: string = 'InstagramSignatureError';
}

/**
 * OAuthRateLimitException (HTTP 429), or the edge's top-level throttling body `{"code":420|429,…}` (reference §3.2):
 * the token's budget is spent or it calls too fast. A 503 is not one: it is Instagram failing (InstagramServerError),
 * even though pre-2015 clients read it as "too many too fast"; taken for a rate limit, one 503 emptied a key's budget
 * for an hour while Instagram's own X-Ratelimit-Remaining said 498 calls were left.
 */
export class InstagramRateLimitError extends InstagramError {
  override readonly name: string = 'InstagramRateLimitError';
  /** When the budget is estimated to free (epoch ms): the server gives no reset time, so this is the caller's estimate. */
  readonly resetsAt: number | undefined;
  constructor(message: string, fields: InstagramErrorFields & { resetsAt?: number | undefined }) {
    super(message, { ...fields, retryable: true });
    this.resetsAt = fields.resetsAt;
  }
}

/**
 * Graph refused a hashtag lookup as the payer's 31st unique tag in a rolling 7 days (reference §1.4): no call of the
 * account is refused, only new tags, until one of its 30 slots frees at `resetsAt` (when the answer or igcord's
 * slot ledger knows it). A rate limit of the payer, not of the call's budget key.
 */
export class InstagramHashtagLimitError extends InstagramRateLimitError {
  override readonly name: string = 'InstagramHashtagLimitError';
}

/** APINotFoundError: the user, media, location, tag or comment does not exist (or is outside the sandbox). */
export class InstagramNotFoundError extends InstagramError {
  override readonly name: string = 'InstagramNotFoundError';
}

/** APINotAllowedError: private account or blocked tag. */
export class InstagramNotAllowedError extends InstagramError {
  override readonly name: string = 'InstagramNotAllowedError';
}

/** APIInvalidParametersError: a parameter was missing or malformed. */
export class InstagramInvalidParametersError extends InstagramError {
  override readonly name: string = 'InstagramInvalidParametersError';
}

/** APICommentTooLongError, APICommentTooManyTagsError, APICommentAllCapsError. */
export class InstagramCommentRuleError extends InstagramError {
  override readonly name: string = 'InstagramCommentRuleError';
}

/** APISubscriptionError: subscription create/verify failures (reference §6.5). */
export class InstagramSubscriptionError extends InstagramError {
  override readonly name: string = 'InstagramSubscriptionError';
}

/** 5xx, or APIError: Instagram failed; retryable for idempotent calls. */
export class InstagramServerError extends InstagramError {
  override readonly name: string = 'InstagramServerError';
  constructor(message: string, fields: InstagramErrorFields) {
    super(message, { ...fields, retryable: true });
  }
}

/** A body that is not the JSON the API documents (HTML error page, truncated JSON, unexpected shape). */
export class InstagramResponseError extends InstagramError {
  override readonly name: string = 'InstagramResponseError';
  constructor(message: string, fields: InstagramErrorFields) {
    super(message, { ...fields, retryable: fields.retryable ?? fields.status >= 500 });
  }
}

/** The connection failed (refused, reset, DNS). The request may or may not have reached Instagram. */
export class InstagramNetworkError extends InstagramError {
  override readonly name: string = 'InstagramNetworkError';
  constructor(message: string, cause?: unknown) {
    super(message, { type: 'NetworkError', status: 0, retryable: true, cause });
  }
}

/** No response within the configured timeout. The request may or may not have been applied. */
export class InstagramTimeoutError extends InstagramError {
  override readonly name: string = 'InstagramTimeoutError';
  constructor(message: string, cause?: unknown) {
    super(message, { type: 'TimeoutError', status: 0, retryable: true, cause });
  }
}

/**
 * The configured provider does not serve this operation at all (Graph has no likes lists, relationships, user
 * search or locations; Instagram Login has no Business Discovery). No request was made; `capability` is what is
 * missing. Commands that need it are not registered on such a provider, so a person meets this only through a
 * path that cannot be gated up front (a username given to a command that then has to search for it).
 */
export class InstagramNotAvailableError extends InstagramError {
  override readonly name: string = 'InstagramNotAvailableError';
  readonly capability: string;
  constructor(message: string, capability: string) {
    super(message, { type: 'NotAvailableOnProvider', status: 0, retryable: false });
    this.capability = capability;
  }
}
