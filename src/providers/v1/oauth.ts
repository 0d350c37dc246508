// OAuth 2.0 against Instagram (reference §4): the authorize URL for the code (server-side) and token (implicit)
// flows, reading what Instagram appends to the redirect URI, and the code exchange. Scopes are joined with a
// literal `+` (a `%2B` was rejected) and `scope` is left out when empty (an empty one is invalid). The exchange is
// an app-level call (budget key `app`) whose answers, success and error alike, have no `meta` envelope.
import { validate } from '../../util/validate.js';
import type { CallOptions, ApiContext } from './api-call.js';
import { parseChecked } from './api-call.js';
import type { RateLimitHeaders } from './call-gate.js';
import { oauthTokenSchema, type OAuthToken } from './schemas.js';

export interface AuthorizeUrlInput {
  /** `code` (default): igcord's callback exchanges it. `token`: the implicit flow (a token in the fragment). */
  responseType?: 'code' | 'token' | undefined;
  scopes?: readonly string[] | undefined;
  /** Echoed back unchanged; igcord's single-use CSRF state. */
  state?: string | undefined;
  /** Defaults to the client's configured redirect URI. */
  redirectUri?: string | undefined;
}

/** `https://api.instagram.com/oauth/authorize/?client_id=…&redirect_uri=…&response_type=code&scope=a+b&state=…` */
export function buildAuthorizeUrl(
  apiUrl: string,
  clientId: string,
  defaultRedirectUri: string,
  input: AuthorizeUrlInput,
): string {
  const parts = [
    `client_id=${encodeURIComponent(clientId)}`,
    `redirect_uri=${encodeURIComponent(input.redirectUri ?? defaultRedirectUri)}`,
    `response_type=${input.responseType ?? 'code'}`,
  ];
  const scopes = (input.scopes ?? []).filter((s) => s !== '');
  if (scopes.length > 0) parts.push(`scope=${scopes.map(encodeURIComponent).join('+')}`);
  if (input.state !== undefined) parts.push(`state=${encodeURIComponent(input.state)}`);
  return `${apiUrl.replace(/\/+$/, '')}/oauth/authorize/?${parts.join('&')}`;
}

/** What Instagram appended to the redirect URI (§4.2). */
export type AuthorizeCallback =
  | { kind: 'code'; code: string; state: string | undefined }
  | { kind: 'token'; accessToken: string; state: string | undefined }
  | {
      kind: 'denied';
      error: string;
      reason: string | undefined;
      description: string | undefined;
      state: string | undefined;
    }
  | { kind: 'invalid' };

/** Reads a redirect back: `?code=…&state=…`, `#access_token=…`, or `?error=access_denied&…`. */
export function parseAuthorizeCallback(url: string | URL): AuthorizeCallback {
  const parsed = typeof url === 'string' ? new URL(url, 'http://callback.invalid') : url;
  const query = parsed.searchParams;
  const fragment = new URLSearchParams(parsed.hash.replace(/^#/, ''));
  const state = query.get('state') ?? fragment.get('state') ?? undefined;
  const error = query.get('error');
  if (error !== null) {
    return {
      kind: 'denied',
      error,
      reason: query.get('error_reason') ?? undefined,
      description: query.get('error_description') ?? undefined,
      state,
    };
  }
  const code = query.get('code');
  if (code !== null && code !== '') return { kind: 'code', code, state };
  const token = fragment.get('access_token');
  if (token !== null && token !== '') return { kind: 'token', accessToken: token, state };
  return { kind: 'invalid' };
}

export interface ExchangedToken extends OAuthToken {
  rateLimit: RateLimitHeaders;
}

/** POST /oauth/access_token: a single-use code for the token and its owner. */
export function exchangeCode(
  ctx: ApiContext,
  code: string,
  input: { redirectUri?: string | undefined } = {},
  options: CallOptions = {},
): Promise<ExchangedToken> {
  const path = '/oauth/access_token';
  return ctx.gate.run(
    {
      key: 'app',
      priority: options.priority ?? 'interactive',
      method: 'POST',
      path,
      // A code is single-use: repeating the exchange after a lost answer can only fail.
      idempotent: false,
      deadlineMs: options.deadlineMs,
      signal: options.signal,
    },
    async () => {
      const response = await ctx.transport.send({
        method: 'POST',
        path,
        envelope: false,
        signal: options.signal,
        params: [
          ['client_id', ctx.clientId],
          ['client_secret', ctx.clientSecret],
          ['grant_type', 'authorization_code'],
          ['redirect_uri', input.redirectUri ?? ctx.redirectUri],
          ['code', code],
        ],
      });
      const token = parseChecked(`POST ${path}`, response.status, response.rateLimit, () =>
        validate(oauthTokenSchema, response.body, 'Instagram token response'),
      );
      return { ...token, rateLimit: response.rateLimit };
    },
  );
}
