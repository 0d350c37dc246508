// Typed errors of the Instagram Graph APIs (reference §1.2, §1.6, [M-ERR]): the base has the shape of v1's
// InstagramError (type, code, status, retryable, rateLimit) plus Graph's own machine fields (subcode,
// fbtraceId, the usage reported with the error). One class per outcome a caller handles differently;
// `fromGraphError` maps an error envelope to its class in one place. Match on `error.code`, never on the HTTP
// status: which status each code carries is unverified (reference §1.6).
import type { RateLimitHeaders } from '../v1/call-gate.js';
import { NO_USAGE, regainMinutes, type UsageReport } from './usage.js';

export interface GraphErrorFields {
  type: string;
  status: number;
  code?: number | undefined;
  subcode?: number | undefined;
  retryable?: boolean | undefined;
  fbtraceId?: string | undefined;
  usage?: UsageReport | undefined;
  cause?: unknown;
}

const NO_RATE_LIMIT: RateLimitHeaders = Object.freeze({ limit: undefined, remaining: undefined });

export class GraphApiError extends Error {
  override readonly name: string = 'GraphApiError';
  readonly type: string;
  readonly status: number;
  readonly code: number;
  readonly subcode: number | undefined;
  readonly retryable: boolean;
  readonly fbtraceId: string | undefined;
  /** Graph reports no X-Ratelimit counts; kept for the call gate's contract (always unknown). */
  readonly rateLimit: RateLimitHeaders = NO_RATE_LIMIT;
  readonly usage: UsageReport;

  constructor(message: string, fields: GraphErrorFields) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.type = fields.type;
    this.status = fields.status;
    this.code = fields.code ?? fields.status;
    this.subcode = fields.subcode;
    this.retryable = fields.retryable ?? false;
    this.fbtraceId = fields.fbtraceId;
    this.usage = fields.usage ?? NO_USAGE;
  }
}

/** Why a token stopped working, from the subcode of a 190 ([M-ERR]). */
export type TokenProblem = 'expired' | 'password-changed' | 'invalid' | 'unknown';

/** Code 190: the token is expired (463), invalidated by a password change (460) or invalid (467, or unparsable). Re-link. */
export class GraphTokenError extends GraphApiError {
  override readonly name: string = 'GraphTokenError';
  readonly problem: TokenProblem;
  constructor(message: string, fields: GraphErrorFields) {
    super(message, { ...fields, retryable: false });
    this.problem =
      fields.subcode === 463 ? 'expired' : fields.subcode === 460 ? 'password-changed' : fields.subcode === 467 || /cannot parse|invalid oauth/i.test(message) ? 'invalid' : 'unknown';
  }
}

/** Which budget a rate-limit code speaks of (reference §1.6). */
export type RateLimitBucket = 'app' | 'user' | 'pages' | 'custom' | 'account';

const RATE_LIMIT_BUCKETS: Record<number, RateLimitBucket> = { 4: 'app', 17: 'user', 32: 'pages', 613: 'custom', 80002: 'account' };

/** Codes 4, 17, 32, 613, 80002: a budget is spent. `regainsAt` is when the server says calls are accepted again. */
export class GraphRateLimitError extends GraphApiError {
  override readonly name: string = 'GraphRateLimitError';
  readonly bucket: RateLimitBucket;
  /** Epoch ms from `estimated_time_to_regain_access`; undefined when the answer gave none (Meta: wait, do not call on). */
  readonly regainsAt: number | undefined;
  constructor(message: string, fields: GraphErrorFields & { now: number }) {
    super(message, { ...fields, retryable: true });
    this.bucket = RATE_LIMIT_BUCKETS[this.code] ?? 'custom';
    const minutes = regainMinutes(fields.usage);
    this.regainsAt = minutes > 0 ? fields.now + minutes * 60_000 : undefined;
  }
}

/** Code 100: a parameter, field or cursor is wrong (also a media or comment the token cannot see). */
export class GraphParameterError extends GraphApiError {
  override readonly name: string = 'GraphParameterError';
}

/** Codes 10 and 200–299: the token lacks a permission or the app a feature (Public Content Access). */
export class GraphPermissionError extends GraphApiError {
  override readonly name: string = 'GraphPermissionError';
}

/** HTTP 5xx, or codes 1 and 2: Graph failed; retryable for idempotent calls. */
export class GraphServerError extends GraphApiError {
  override readonly name: string = 'GraphServerError';
  constructor(message: string, fields: GraphErrorFields) {
    super(message, { ...fields, retryable: true });
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
  constructor(message: string, fields: { reason: NotProfessionalReason; username?: string | undefined; usage?: UsageReport | undefined }) {
    super(message, { type: 'NotProfessionalAccount', status: 0, code: 0, usage: fields.usage });
    this.reason = fields.reason;
    this.username = fields.username;
  }
}

/** A call the configured login cannot make (Business Discovery or hashtags on Instagram Login); no request is sent. */
export class GraphUnsupportedError extends GraphApiError {
  override readonly name: string = 'GraphUnsupportedError';
  constructor(message: string) {
    super(message, { type: 'Unsupported', status: 0, code: 0 });
  }
}

/** api.instagram.com's OAuth body `{error_type, code, error_message}` (reference §1.2 step 2): a bad code or app. */
export class GraphOAuthError extends GraphApiError {
  override readonly name: string = 'GraphOAuthError';
}

/** A body that is not the documented JSON (HTML, truncated, unexpected shape), or a redirect. */
export class GraphResponseError extends GraphApiError {
  override readonly name: string = 'GraphResponseError';
  constructor(message: string, fields: GraphErrorFields) {
    super(message, { ...fields, retryable: fields.retryable ?? fields.status >= 500 });
  }
}

/** The connection failed; the request may or may not have reached Graph. */
export class GraphNetworkError extends GraphApiError {
  override readonly name: string = 'GraphNetworkError';
  constructor(message: string, cause?: unknown) {
    super(message, { type: 'NetworkError', status: 0, retryable: true, cause });
  }
}

/** No answer within the timeout. */
export class GraphTimeoutError extends GraphApiError {
  override readonly name: string = 'GraphTimeoutError';
  constructor(message: string, cause?: unknown) {
    super(message, { type: 'TimeoutError', status: 0, retryable: true, cause });
  }
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
export function fromGraphError(status: number, body: GraphErrorBody, usage: UsageReport, now: number): GraphApiError {
  const code = body.code ?? status;
  const message = body.message ?? `Graph answered HTTP ${status}`;
  const fields: GraphErrorFields = {
    type: body.type ?? (status >= 500 ? 'ServerError' : 'UnknownError'),
    status,
    code,
    subcode: body.error_subcode,
    fbtraceId: body.fbtrace_id,
    usage,
  };
  if (code === 190) return new GraphTokenError(message, fields);
  if (code in RATE_LIMIT_BUCKETS) return new GraphRateLimitError(message, { ...fields, now });
  if (code === 1 || code === 2 || status >= 500) return new GraphServerError(message, fields);
  if (code === 100) return new GraphParameterError(message, fields);
  if (code === 10 || (code >= 200 && code <= 299)) return new GraphPermissionError(message, fields);
  return new GraphApiError(message, { ...fields, retryable: body.is_transient === true });
}
