// Discord's OAuth2 authorization code grant (https://discord.com/developers/docs/topics/oauth2), enough for an app
// to learn who a browser's person is: the authorize page at `GET /oauth2/authorize` — a plain HTML form a real
// browser can submit, with the fake's user to act as, an Authorize and a Cancel button — the redirect back with
// `code` and `state` (or `error=access_denied`), the code exchange at `POST /api/v10/oauth2/token` (form-encoded
// only, client authenticated by HTTP Basic or by the body, codes single use and short-lived) and the user behind a
// Bearer token at `GET /api/v10/users/@me`. Redirect URIs must be registered, as in the developer portal.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIUser, RESTPostOAuth2AccessTokenResult } from 'discord-api-types/v10';
import { unauthorized } from './errors.js';
import type { RestRouter, RouteResult } from './rest.js';
import type { FakeState } from './state.js';

/** Discord does not document a code lifetime; it is short. The fake's is 10 minutes unless told otherwise. */
export const CODE_LIFETIME_MS = 10 * 60_000;
/** What Discord answers as `expires_in` for an access token (7 days). */
export const ACCESS_TOKEN_LIFETIME_S = 604_800;
/** The scopes the fake's authorize page accepts; `identify` is the one that opens `/users/@me`. */
export const OAUTH2_SCOPES = ['identify', 'email', 'guilds', 'guilds.members.read', 'connections'] as const;

export interface OAuth2Options {
  /** The application's client secret (the client id is the application id). Default: random. */
  clientSecret?: string;
  /** Redirect URIs registered for the application; more with `registerRedirectUri`. */
  redirectUris?: string[];
  codeLifetimeMs?: number;
}

interface Grant {
  userId: string;
  scopes: string[];
  expiresAt: number;
}

interface AuthorizeRequest {
  redirectUri: string;
  scopes: string[];
  state: string | null;
}

class AuthorizeError extends Error {}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const random = () => randomBytes(24).toString('base64url');

export class FakeOAuth2 {
  readonly clientSecret: string;
  private readonly redirectUris: Set<string>;
  private readonly codeLifetimeMs: number;
  private readonly codes = new Map<string, Grant & { redirectUri: string }>();
  private readonly tokens = new Map<string, Grant>();
  /** Every OAuth2 access and refresh token handed out, so a test can check none of them reached a log. */
  readonly issued: string[] = [];

  constructor(
    private readonly state: FakeState,
    options: OAuth2Options = {},
  ) {
    this.clientSecret = options.clientSecret ?? random();
    this.redirectUris = new Set(options.redirectUris ?? []);
    this.codeLifetimeMs = options.codeLifetimeMs ?? CODE_LIFETIME_MS;
  }

  registerRedirectUri(uri: string): void {
    this.redirectUris.add(uri);
  }

  /** True for the authorize page's paths, which live outside `/api`. */
  isPage(req: IncomingMessage): boolean {
    const path = new URL(req.url ?? '/', 'http://fake.invalid').pathname.replace(/\/+$/, '');
    return path === '/oauth2/authorize';
  }

  /** `GET /oauth2/authorize` shows the page; `POST` is its form, answered with the redirect back to the app. */
  async page(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    try {
      if (req.method === 'GET') {
        const request = this.readAuthorize(url.searchParams);
        return sendHtml(res, 200, this.authorizePage(request, url.searchParams));
      }
      if (req.method === 'POST') return this.submit(res, await readForm(req));
      res.writeHead(405, { allow: 'GET, POST' }).end();
    } catch (error) {
      if (!(error instanceof AuthorizeError)) throw error;
      // Discord shows an error page for a bad client or redirect URI rather than redirecting anywhere.
      sendHtml(
        res,
        400,
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Invalid OAuth2 request · Discord (fake)</title></head><body><h1>Invalid OAuth2 request</h1><p id="error">${escapeHtml(error.message)}</p></body></html>`,
      );
    }
  }

  /** The user a `Bearer` token with `identify` belongs to; undefined for any other authorization. */
  userFor(authorization: string | undefined): APIUser | undefined {
    if (authorization === undefined || !authorization.startsWith('Bearer ')) return undefined;
    const grant = this.tokens.get(authorization.slice('Bearer '.length));
    if (!grant || grant.expiresAt <= Date.now() || !grant.scopes.includes('identify')) return undefined;
    return this.state.users.get(grant.userId);
  }

  addRoutes(router: RestRouter): void {
    router.add('POST', '/oauth2/token', 'none', ({ body, headers }) => this.exchange(body, headers));
  }

  private readAuthorize(params: URLSearchParams): AuthorizeRequest {
    if (params.get('client_id') !== this.state.applicationId)
      throw new AuthorizeError('Unknown application (client_id).');
    if (params.get('response_type') !== 'code')
      throw new AuthorizeError('Invalid response_type: only "code" is supported.');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!this.redirectUris.has(redirectUri))
      throw new AuthorizeError('Invalid OAuth2 redirect_uri: it is not registered for this application.');
    const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
    const unknown = scopes.filter((s) => !(OAUTH2_SCOPES as readonly string[]).includes(s));
    if (scopes.length === 0 || unknown.length > 0)
      throw new AuthorizeError(`Invalid scope: ${unknown.join(' ') || '(none)'}`);
    const prompt = params.get('prompt');
    if (prompt !== null && prompt !== 'consent' && prompt !== 'none')
      throw new AuthorizeError('Invalid prompt: consent or none.');
    return { redirectUri, scopes, state: params.get('state') };
  }

  private authorizePage(request: AuthorizeRequest, params: URLSearchParams): string {
    const hidden = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'prompt']
      .filter((name) => params.get(name) !== null)
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
      .join('\n      ');
    const preselect = params.get('user_id');
    const options = [...this.state.users.values()]
      .filter((u) => !u.bot)
      .map(
        (u) =>
          `<option value="${escapeHtml(u.id)}"${u.id === preselect ? ' selected' : ''}>${escapeHtml(u.username)}${u.global_name ? ` (${escapeHtml(u.global_name)})` : ''}</option>`,
      )
      .join('\n        ');
    return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorize access to your account · Discord (fake)</title></head>
<body>
  <h1>${escapeHtml(this.state.botUser.username)} wants to access your account</h1>
  <ul id="scopes">${request.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
  <form id="authorize" method="post" action="/oauth2/authorize">
      ${hidden}
      <label for="user_id">Signed in as</label>
      <select id="user_id" name="user_id">
        ${options}
      </select>
      <button type="submit" name="decision" value="authorize">Authorize</button>
  </form>
  <form id="cancel" method="post" action="/oauth2/authorize">
      ${hidden}
      <button type="submit" name="decision" value="cancel">Cancel</button>
  </form>
</body>
</html>
`;
  }

  private submit(res: ServerResponse, form: URLSearchParams): void {
    const request = this.readAuthorize(form);
    const state: Record<string, string> = request.state === null ? {} : { state: request.state };
    if (form.get('decision') !== 'authorize') {
      return redirect(
        res,
        withQuery(request.redirectUri, {
          error: 'access_denied',
          error_description: 'The resource owner or authorization server denied the request',
          ...state,
        }),
      );
    }
    const user = this.state.users.get(form.get('user_id') ?? '');
    if (!user || user.bot) throw new AuthorizeError('Choose the user to sign in as.');
    const code = random();
    this.codes.set(code, {
      userId: user.id,
      scopes: request.scopes,
      redirectUri: request.redirectUri,
      expiresAt: Date.now() + this.codeLifetimeMs,
    });
    redirect(res, withQuery(request.redirectUri, { code, ...state }));
  }

  private exchange(body: unknown, headers: Record<string, string | string[] | undefined>): RouteResult {
    // The token URL only accepts application/x-www-form-urlencoded (the docs: JSON "will return an error").
    if (
      !String(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ||
      !(body instanceof URLSearchParams)
    ) {
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' },
      };
    }
    if (!this.clientAuthenticated(body, headers.authorization))
      return { status: 401, body: { error: 'invalid_client' } };
    if (body.get('grant_type') !== 'authorization_code')
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    const code = body.get('code') ?? '';
    const grant = this.codes.get(code);
    // Single use: a code is gone once presented, whether or not the rest of the request is right.
    this.codes.delete(code);
    if (!grant || grant.expiresAt <= Date.now() || grant.redirectUri !== body.get('redirect_uri')) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid "code" in request.' } };
    }
    const accessToken = `fake-discord-oauth.${random()}`;
    this.tokens.set(accessToken, {
      userId: grant.userId,
      scopes: grant.scopes,
      expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME_S * 1000,
    });
    const refreshToken = random();
    this.issued.push(accessToken, refreshToken);
    const answer: RESTPostOAuth2AccessTokenResult = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_S,
      refresh_token: refreshToken,
      scope: grant.scopes.join(' '),
    };
    return { status: 200, body: answer };
  }

  /** HTTP Basic (`client_id:client_secret`) or `client_id` and `client_secret` in the form, as Discord accepts. */
  private clientAuthenticated(form: URLSearchParams, authorization: string | string[] | undefined): boolean {
    let id = form.get('client_id');
    let secret = form.get('client_secret');
    if (typeof authorization === 'string' && authorization.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return false;
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (id !== this.state.applicationId || secret === null) return false;
    const given = Buffer.from(secret);
    const expected = Buffer.from(this.clientSecret);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** `GET /users/@me`: the bot with its Bot token, the person behind a Bearer token with `identify`, else 401. */
export function currentUser(
  state: FakeState,
  oauth2: FakeOAuth2,
  authorization: string | undefined,
  botToken: string,
): RouteResult {
  if (authorization === `Bot ${botToken}`) return { status: 200, body: state.botUser };
  const user = oauth2.userFor(authorization);
  if (!user) throw unauthorized();
  return { status: 200, body: user };
}

function withQuery(uri: string, values: Record<string, string>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(values)) url.searchParams.set(name, value);
  return url.toString();
}

function redirect(res: ServerResponse, location: string): void {
  res
    .writeHead(302, { location, 'content-type': 'text/html; charset=utf-8' })
    .end(`<!DOCTYPE html><html><body><a href="${escapeHtml(location)}">Continue</a></body></html>`);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new AuthorizeError('The form is too large.');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
