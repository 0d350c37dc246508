// Graph's error envelope (reference §1.6, §4.5 item 1): `{"error":{"message","type","code","error_subcode",
// "is_transient","fbtrace_id"}}`, and the catalogue of the codes a client must handle — the rate-limit codes 4,
// 17, 32, 613 (subcode 1996) and 80002, token invalidation 190 (subcodes 460, 463, 467), and 100, 10, 200 —
// with the wording the reference quotes where it quotes one. Which HTTP status each carries is unverified
// (reference §1.6), so it is 400 unless a fault says otherwise; clients must match on `error.code`.
import { fbtraceId } from './ids.js';

export interface GraphErrorOptions {
  type?: string;
  subcode?: number;
  status?: number;
  transient?: boolean;
  userTitle?: string;
  userMsg?: string;
}

export class GraphError extends Error {
  readonly type: string;
  readonly subcode: number | undefined;
  readonly status: number;
  readonly transient: boolean;

  constructor(
    readonly code: number,
    message: string,
    private readonly options: GraphErrorOptions = {},
  ) {
    super(message);
    this.type = options.type ?? 'OAuthException';
    this.subcode = options.subcode;
    this.status = options.status ?? 400;
    this.transient = options.transient ?? TRANSIENT_CODES.has(code);
  }

  body(): { error: Record<string, string | number | boolean> } {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.subcode !== undefined ? { error_subcode: this.subcode } : {}),
        ...(this.options.userTitle !== undefined ? { error_user_title: this.options.userTitle } : {}),
        ...(this.options.userMsg !== undefined ? { error_user_msg: this.options.userMsg } : {}),
        is_transient: this.transient,
        fbtrace_id: fbtraceId(),
      },
    };
  }
}

/** Codes Meta documents as "retry later" (rate limits and service hiccups). */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 613, 80002]);

export const BUC_BLOCKED_MESSAGE =
  '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.';

/** Default message, type and subcode per injectable code. */
export const ERROR_CATALOGUE: Record<number, { message: string; type?: string; subcode?: number }> = {
  1: { message: 'An unknown error has occurred.' },
  2: { message: 'An unexpected error has occurred. Please retry your request later.' },
  4: { message: '(#4) Application request limit reached' },
  10: { message: '(#10) Application does not have permission for this action' },
  17: { message: '(#17) User request limit reached' },
  32: { message: '(#32) Page request limit reached' },
  100: { message: '(#100) Invalid parameter' },
  190: { message: 'Error validating access token: Session has expired.', subcode: 463 },
  200: { message: '(#200) Permissions error' },
  613: {
    message:
      '(#613) Calls to this api have exceeded the rate limit. There is inconsistent behavior in the API request volume.',
    subcode: 1996,
  },
  80002: { message: BUC_BLOCKED_MESSAGE },
};

export const INJECTABLE_CODES = Object.keys(ERROR_CATALOGUE).map(Number);

export function catalogueError(
  code: number,
  overrides: { message?: string; subcode?: number; status?: number } = {},
): GraphError {
  const entry = ERROR_CATALOGUE[code] ?? { message: `(#${code}) Error` };
  const subcode = overrides.subcode ?? entry.subcode;
  return new GraphError(code, overrides.message ?? entry.message, {
    ...(entry.type !== undefined ? { type: entry.type } : {}),
    ...(subcode !== undefined ? { subcode } : {}),
    ...(overrides.status !== undefined ? { status: overrides.status } : {}),
  });
}

/** A 5xx from Graph: code 1 (500) or 2 (503 and the others), transient. */
export function serverError(status: number): GraphError {
  const code = status === 500 ? 1 : 2;
  return new GraphError(code, ERROR_CATALOGUE[code]?.message ?? 'An unknown error has occurred.', {
    status,
    transient: true,
  });
}

export const invalidToken = () => new GraphError(190, 'Invalid OAuth access token - Cannot parse access token');
export const missingToken = () =>
  new GraphError(2500, 'An active access token must be used to query information about the current user.');
export const expiredToken = (expiredAt: number, now: number) =>
  new GraphError(
    190,
    `Error validating access token: Session has expired on ${new Date(expiredAt).toUTCString()}. The current time is ${new Date(now).toUTCString()}.`,
    { subcode: 463 },
  );
export const revokedToken = () =>
  new GraphError(
    190,
    'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    { subcode: 460 },
  );

export const invalidParameter = (message: string) => new GraphError(100, `(#100) ${message}`);
export const noPermission = (what = 'Application does not have permission for this action') =>
  new GraphError(10, `(#10) ${what}`);

export function nonexistingField(field: string, nodeType: string): GraphError {
  return new GraphError(100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
}

export function unsupportedRequest(method: string, id: string): GraphError {
  return new GraphError(
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { type: 'GraphMethodException', subcode: 33 },
  );
}

export const unknownPath = (path: string) =>
  new GraphError(2500, `Unknown path components: ${path}`, { type: 'OAuthException' });
