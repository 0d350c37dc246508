// The Instagram Platform API's error bodies (reference §3.1 and §4.4) mapped to core's typed errors: `meta` of
// the envelope, or the top-level fields of OAuth and signed-request errors, become the one class a caller handles
// differently; `fromApiError` does it in one place. The classes themselves are core's (src/core/instagram-errors.ts)
// and are re-exported here so the v1 client's callers keep one import.
import {
  InstagramCommentRuleError,
  InstagramError,
  InstagramInvalidParametersError,
  InstagramNotAllowedError,
  InstagramNotFoundError,
  InstagramOAuthError,
  InstagramRateLimitError,
  InstagramScopeError,
  InstagramServerError,
  InstagramSignatureError,
  InstagramSubscriptionError,
  InstagramTokenError,
  type InstagramErrorFields,
  type RateLimitHeaders,
} from '../../core/instagram-errors.js';

export * from '../../core/instagram-errors.js';

/** The body of an error: `meta` of the envelope, or the top-level fields of OAuth and signed-request errors. */
export interface ApiErrorBody {
  code?: number | undefined;
  error_type?: string | undefined;
  error_message?: string | undefined;
}

/** Maps an error body and HTTP status to its typed error (reference §3.1). */
export function fromApiError(
  status: number,
  body: ApiErrorBody,
  rateLimit: RateLimitHeaders,
  resetsAt?: number,
): InstagramError {
  const type = body.error_type ?? (status >= 500 ? 'APIError' : 'UnknownError');
  const message = body.error_message ?? `Instagram answered HTTP ${status}`;
  const fields: InstagramErrorFields = { type, status, code: body.code ?? status, rateLimit };
  const code = body.code ?? status;
  if (type === 'OAuthRateLimitException' || status === 429 || code === 429 || code === 420) {
    return new InstagramRateLimitError(message, { ...fields, resetsAt });
  }
  switch (type) {
    case 'OAuthAccessTokenException':
      return new InstagramTokenError(message, fields);
    case 'OAuthPermissionsException':
      return new InstagramScopeError(message, fields);
    case 'OAuthForbiddenException':
      return new InstagramSignatureError(message, fields);
    case 'OAuthParameterException':
    case 'OAuthClientException':
    case 'OAuthException':
      return new InstagramOAuthError(message, fields);
    case 'APINotFoundError':
      return new InstagramNotFoundError(message, fields);
    case 'APINotAllowedError':
      return new InstagramNotAllowedError(message, fields);
    case 'APIInvalidParametersError':
      return new InstagramInvalidParametersError(message, fields);
    case 'APICommentTooLongError':
    case 'APICommentTooManyTagsError':
    case 'APICommentAllCapsError':
      return new InstagramCommentRuleError(message, fields);
    case 'APISubscriptionError':
      return new InstagramSubscriptionError(message, fields);
  }
  if (status >= 500) return new InstagramServerError(message, fields);
  return new InstagramError(message, fields);
}
