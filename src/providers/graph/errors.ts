// Typed errors of the Instagram Graph APIs (reference §1.2, §1.6, [M-ERR]). Each one *is* one of core's Instagram
// errors (src/core/instagram-errors.ts): a spent budget an InstagramRateLimitError, a dead token an
// InstagramTokenError, a Graph failure an InstagramServerError…, so the limiter's gate, which sees the error
// inside the attempt, pauses a key on 4/17/613/80002 until its regain time and retries an idempotent GET after a
// 5xx exactly as it does for v1. Each adds Graph's own machine fields (subcode, fbtraceId, the usage reported
// with the error); the usage charged to the call's budget key travels, as on answers, in `rateLimit.usage`.
// Since the classes extend different core classes, `instanceof GraphApiError` recognises every one of them by a
// brand. `fromGraphError` maps an error envelope to its class in one place. Match on `error.code`, never on the
// HTTP status: which status each code carries is unverified (reference §1.6).
import {
  InstagramError,
  InstagramInvalidParametersError,
  InstagramNetworkError,
  InstagramOAuthError,
  InstagramRateLimitError,
  InstagramResponseError,
  InstagramScopeError,
  InstagramServerError,
  InstagramTimeoutError,
  InstagramTokenError,
  type InstagramErrorFields,
  type RateLimitHeaders,
} from '../../core/index.js';
import { NO_USAGE, regainMinutes, usageFeedback, type UsageReport } from './usage.js';

export interface GraphErrorFields {
  type: string;
  status: number;
  code?: number | undefined;
  subcode?: number | undefined;
  retryable?: boolean | undefined;
  fbtraceId?: string | undefined;
  usage?: UsageReport | undefined;
  /** The usage charged to the call's budget key (chargedUsage); unknown when the error came from no keyed call. */
  rateLimit?: RateLimitHeaders | undefined;
  cause?: unknown;
}

/** Graph's own fields, carried by every Graph error beside core's. */
export interface GraphErrorDetails {
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  /** The usage headers of the answer that carried the error (NO_USAGE when there was no answer). */
  readonly usage: UsageReport;
}

const NO_RATE_LIMIT: RateLimitHeaders = Object.freeze({ limit: undefined, remaining: undefined });

/** What the limiter learns from an answer's usage for the call's key: Graph sends no counts, only percentages. */
export function chargedUsage(usage: UsageReport, key: string | undefined, now: number): RateLimitHeaders {
  const feedback = key === undefined ? undefined : usageFeedback(usage, key, now);
  return feedback === undefined ? NO_RATE_LIMIT : { ...NO_RATE_LIMIT, usage: feedback };
}

const GRAPH_ERROR = Symbol('igcord.graph-error');

function coreFields(fields: GraphErrorFields, retryable?: boolean): InstagramErrorFields {
  return {
    type: fields.type,
    status: fields.status,
    code: fields.code ?? fields.status,
    retryable: retryable ?? fields.retryable ?? false,
    rateLimit: fields.rateLimit ?? NO_RATE_LIMIT,
    cause: fields.cause,
  };
}

/** Any Graph failure: matches every Graph error class, whichever core class it extends. */
export class GraphApiError extends InstagramError implements GraphErrorDetails {
  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses of this one keep the ordinary prototype check.
    if (this !== GraphApiError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && GRAPH_ERROR in value;
  }
  override readonly name: string = 'GraphApiError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;

  constructor(message: string, fields: GraphErrorFields) {
    super(message, coreFields(fields));
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
  }
}

/** Why a token stopped working, from the subcode of a 190 ([M-ERR]). */
export type TokenProblem = 'expired' | 'password-changed' | 'invalid' | 'unknown';

/** Code 190: the token is expired (463), invalidated by a password change (460) or invalid (467, or unparsable). Re-link. */
export class GraphTokenError extends InstagramTokenError implements GraphErrorDetails {
  override readonly name: string = 'GraphTokenError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;
  readonly problem: TokenProblem;
  constructor(message: string, fields: GraphErrorFields) {
    super(message, coreFields(fields, false));
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
    this.problem =
      fields.subcode === 463
        ? 'expired'
        : fields.subcode === 460
          ? 'password-changed'
          : fields.subcode === 467 || /cannot parse|invalid oauth/i.test(message)
            ? 'invalid'
            : 'unknown';
  }
}

/** Which budget a rate-limit code speaks of (reference §1.6). */
export type RateLimitBucket = 'app' | 'user' | 'pages' | 'custom' | 'account';

const RATE_LIMIT_BUCKETS: Record<number, RateLimitBucket> = {
  4: 'app',
  17: 'user',
  32: 'pages',
  613: 'custom',
  80002: 'account',
};

/**
 * Codes 4, 17, 32, 613, 80002: a budget is spent. `regainsAt` is when the server says calls are accepted again;
 * it is also core's `resetsAt`, until which the limiter pauses the call's key (limiter/server-feedback.ts).
 */
export class GraphRateLimitError extends InstagramRateLimitError implements GraphErrorDetails {
  override readonly name: string = 'GraphRateLimitError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;
  readonly bucket: RateLimitBucket;
  /** Epoch ms from `estimated_time_to_regain_access`; undefined when the answer gave none (Meta: wait, do not call on). */
  readonly regainsAt: number | undefined;
  constructor(message: string, fields: GraphErrorFields & { now: number }) {
    const minutes = regainMinutes(fields.usage);
    const regainsAt = minutes > 0 ? fields.now + minutes * 60_000 : undefined;
    super(message, { ...coreFields(fields, true), resetsAt: regainsAt });
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
    this.bucket = RATE_LIMIT_BUCKETS[this.code] ?? 'custom';
    this.regainsAt = regainsAt;
  }
}

/** Code 100: a parameter, field or cursor is wrong (also a media or comment the token cannot see). */
export class GraphParameterError extends InstagramInvalidParametersError implements GraphErrorDetails {
  override readonly name: string = 'GraphParameterError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;
  constructor(message: string, fields: GraphErrorFields) {
    super(message, coreFields(fields));
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
  }
}

/** Codes 10 and 200–299: the token lacks a permission or the app a feature (Public Content Access). */
export class GraphPermissionError extends InstagramScopeError implements GraphErrorDetails {
  override readonly name: string = 'GraphPermissionError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;
  constructor(message: string, fields: GraphErrorFields) {
    super(message, coreFields(fields));
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
  }
}

/** HTTP 5xx, or codes 1 and 2: Graph failed; the limiter retries idempotent calls after a backoff. */
export class GraphServerError extends InstagramServerError implements GraphErrorDetails {
  override readonly name: string = 'GraphServerError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;
  constructor(message: string, fields: GraphErrorFields) {
    super(message, coreFields(fields, true));
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
  }
}

/** The 31st unique hashtag of a rolling 7 days (reference §1.4); `freesAt` when the answer names the date. */
export class GraphHashtagLimitError extends GraphApiError {
  override readonly name: string = 'GraphHashtagLimitError';
  readonly freesAt: number | undefined;
  constructor(message: string, fields: GraphErrorFields & { freesAt: number | undefined }) {
    super(message, { ...fields, retryable: false });
    this.freesAt = fields.freesAt;
  }
}

/** `ig_refresh_token` refused because the token is younger than 24 h (reference §1.2 step 4). */
export class GraphRefreshTooEarlyError extends GraphApiError {
  override readonly name: string = 'GraphRefreshTooEarlyError';
  /** Epoch ms when the token is 24 h old, when the caller said when it was issued. */
  readonly refreshableAt: number | undefined;
  constructor(message: string, fields: GraphErrorFields & { refreshableAt: number | undefined }) {
    super(message, { ...fields, retryable: false });
    this.refreshableAt = fields.refreshableAt;
  }
}

/** Why an account cannot be linked: both APIs serve professional accounts only (reference §0). */
export type NotProfessionalReason = 'personal-account' | 'no-instagram-on-pages';

/** A personal Instagram account (or Facebook Pages without a professional Instagram account) cannot link. */
export class GraphNotProfessionalError extends GraphApiError {
  override readonly name: string = 'GraphNotProfessionalError';
  readonly reason: NotProfessionalReason;
  readonly username: string | undefined;
  constructor(
    message: string,
    fields: { reason: NotProfessionalReason; username?: string | undefined; usage?: UsageReport | undefined },
  ) {
    super(message, { type: 'NotProfessionalAccount', status: 0, code: 0, usage: fields.usage });
    this.reason = fields.reason;
    this.username = fields.username;
  }
}

/**
 * A call igcord does not send (no request is made): the configured login cannot make it (Business Discovery or
 * hashtags on Instagram Login; `capability` names what is missing, src/core/capabilities.ts), or, with no
 * capability, its input cannot be what Instagram accepts (not a username). The message is English, for logs; a
 * person reads the capability or the refused input worded in their language.
 */
export class GraphUnsupportedError extends GraphApiError {
  override readonly name: string = 'GraphUnsupportedError';
  readonly capability: 'other-accounts' | 'hashtag-search' | undefined;
  constructor(message: string, capability?: 'other-accounts' | 'hashtag-search') {
    super(message, { type: 'Unsupported', status: 0, code: 0 });
    this.capability = capability;
  }
}

/** api.instagram.com's OAuth body `{error_type, code, error_message}` (reference §1.2 step 2): a bad code or app. */
export class GraphOAuthError extends InstagramOAuthError implements GraphErrorDetails {
  override readonly name: string = 'GraphOAuthError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;
  constructor(message: string, fields: GraphErrorFields) {
    super(message, coreFields(fields));
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
  }
}

/** A body that is not the documented JSON (HTML, truncated, unexpected shape), or a redirect. */
export class GraphResponseError extends InstagramResponseError implements GraphErrorDetails {
  override readonly name: string = 'GraphResponseError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode: number | undefined;
  readonly fbtraceId: string | undefined;
  readonly usage: UsageReport;
  constructor(message: string, fields: GraphErrorFields) {
    super(message, coreFields(fields, fields.retryable ?? fields.status >= 500));
    this.subcode = fields.subcode;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
  }
}

/** The connection failed; the request may or may not have reached Graph. */
export class GraphNetworkError extends InstagramNetworkError implements GraphErrorDetails {
  override readonly name: string = 'GraphNetworkError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode = undefined;
  readonly fbtraceId = undefined;
  readonly usage: UsageReport = NO_USAGE;
}

/** No answer within the timeout. */
export class GraphTimeoutError extends InstagramTimeoutError implements GraphErrorDetails {
  override readonly name: string = 'GraphTimeoutError';
  readonly [GRAPH_ERROR] = true;
  readonly subcode = undefined;
  readonly fbtraceId = undefined;
  readonly usage: UsageReport = NO_USAGE;
}

/** The `error` member of Graph's envelope. */
export interface GraphErrorBody {
  message?: string | undefined;
  type?: string | undefined;
  code?: number | undefined;
  error_subcode?: number | undefined;
  is_transient?: boolean | undefined;
  fbtrace_id?: string | undefined;
}

/** Maps an error envelope and HTTP status to its typed error ([M-ERR], reference §1.6). */
export function fromGraphError(
  status: number,
  body: GraphErrorBody,
  usage: UsageReport,
  now: number,
  key?: string,
): GraphApiError {
  const code = body.code ?? status;
  const message = body.message ?? `Graph answered HTTP ${status}`;
  const fields: GraphErrorFields = {
    type: body.type ?? (status >= 500 ? 'ServerError' : 'UnknownError'),
    status,
    code,
    subcode: body.error_subcode,
    fbtraceId: body.fbtrace_id,
    usage,
    rateLimit: chargedUsage(usage, key, now),
  };
  if (code === 190) return new GraphTokenError(message, fields);
  if (code in RATE_LIMIT_BUCKETS) return new GraphRateLimitError(message, { ...fields, now });
  if (code === 1 || code === 2 || status >= 500) return new GraphServerError(message, fields);
  if (code === 100) return new GraphParameterError(message, fields);
  if (code === 10 || (code >= 200 && code <= 299)) return new GraphPermissionError(message, fields);
  return new GraphApiError(message, { ...fields, retryable: body.is_transient === true });
}
