// The API's error outcomes (reference §3.1): an ApiError renders as the `meta` envelope, a TopLevelError as the
// top-level `{code, error_type, error_message}` body used by the OAuth endpoints and signed-request failures.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }

  body(): { meta: { code: number; error_type: string; error_message: string } } {
    return { meta: { code: this.status, error_type: this.type, error_message: this.message } };
  }
}

export class TopLevelError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }

  body(): { code: number; error_type: string; error_message: string } {
    return { code: this.status, error_type: this.type, error_message: this.message };
  }
}

export const notFound = (message: string) => new ApiError(400, 'APINotFoundError', message);
export const notAllowed = (message = 'you cannot view this resource') =>
  new ApiError(400, 'APINotAllowedError', message);
export const invalidParameters = (message: string) => new ApiError(400, 'APIInvalidParametersError', message);

export const RATE_LIMIT_MESSAGE = 'The maximum number of requests per hour has been exceeded.';
export const rateLimited = () => new ApiError(429, 'OAuthRateLimitException', RATE_LIMIT_MESSAGE);

export function missingScope(scope: string): ApiError {
  return new ApiError(
    400,
    'OAuthPermissionsException',
    `This request requires scope=${scope}, but this access token is not authorized with this scope. ` +
      `The user must re-authorize your application with scope=${scope} to be granted this permissions.`,
  );
}
