// Graph's typed errors as core's (src/core/instagram-errors.ts), so the commands' replies, ops and the feeds
// decide on a Graph failure exactly as on a v1 one: a dead token is InstagramTokenError (link again), a spent
// budget InstagramRateLimitError with the regain time Graph reported, a login that cannot do something
// InstagramNotAvailableError. The usage reported with the error travels in `rateLimit.usage`.
import {
  InstagramError,
  InstagramHashtagLimitError,
  InstagramInvalidParametersError,
  InstagramNetworkError,
  InstagramNotAvailableError,
  InstagramNotFoundError,
  InstagramRateLimitError,
  InstagramResponseError,
  InstagramScopeError,
  InstagramServerError,
  InstagramTimeoutError,
  InstagramTokenError,
  type InstagramErrorFields,
} from '../../core/index.js';
import {
  GraphApiError,
  GraphHashtagLimitError,
  GraphNetworkError,
  GraphParameterError,
  GraphPermissionError,
  GraphRateLimitError,
  GraphResponseError,
  GraphServerError,
  GraphTimeoutError,
  GraphTokenError,
  GraphUnsupportedError,
} from './errors.js';
import { usageFeedback } from './usage.js';

/** Graph's "object does not exist / cannot be loaded" (code 100, subcode 33) and Business Discovery's unknown user. */
const isMissingObject = (error: GraphApiError) =>
  error.subcode === 33 ||
  error.subcode === 2207013 ||
  /does not exist|nonexisting|Invalid user id/i.test(error.message);

export function coreErrorFromGraph(error: unknown, key: string, now: number): unknown {
  if (!(error instanceof GraphApiError)) return error;
  const usage = usageFeedback(error.usage, key, now);
  const fields: InstagramErrorFields = {
    type: error.type,
    status: error.status,
    code: error.code,
    retryable: error.retryable,
    rateLimit: { limit: undefined, remaining: undefined, usage },
    cause: error,
  };
  // What the login lacks, as a capability each reader's language words; an input Instagram cannot accept (not a
  // username) is refused as such.
  if (error instanceof GraphUnsupportedError)
    return error.capability !== undefined
      ? new InstagramNotAvailableError(error.message, error.capability)
      : new InstagramInvalidParametersError(error.message, fields);
  if (error instanceof GraphTokenError) return new InstagramTokenError(error.message, fields);
  if (error instanceof GraphHashtagLimitError)
    return new InstagramHashtagLimitError(error.message, { ...fields, resetsAt: error.freesAt });
  if (error instanceof GraphRateLimitError)
    return new InstagramRateLimitError(error.message, { ...fields, resetsAt: error.regainsAt });
  if (error instanceof GraphPermissionError) return new InstagramScopeError(error.message, fields);
  if (error instanceof GraphParameterError)
    return isMissingObject(error)
      ? new InstagramNotFoundError(error.message, fields)
      : new InstagramInvalidParametersError(error.message, fields);
  if (error instanceof GraphServerError) return new InstagramServerError(error.message, fields);
  if (error instanceof GraphTimeoutError) return new InstagramTimeoutError(error.message, error);
  if (error instanceof GraphNetworkError) return new InstagramNetworkError(error.message, error);
  if (error instanceof GraphResponseError) return new InstagramResponseError(error.message, fields);
  return isMissingObject(error)
    ? new InstagramNotFoundError(error.message, fields)
    : new InstagramError(error.message, fields);
}
