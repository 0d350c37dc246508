// The OAuth 2.0 endpoints (reference §4): the authorize page — plain HTML forms a real browser can submit, with
// the sandbox user to sign in as, an Authorize and a Cancel button — for the code and implicit flows, the
// redirect back (code, token fragment, or the access_denied error), and the code exchange at
// /oauth/access_token. Errors are the top-level OAuthException bodies; codes are single use.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, sendHtml404, sendJson, sendText } from './http-util.js';
import { matchesAny, withQuery } from './redirect-uri.js';
import type { EmulatorClientApp, EmulatorState } from './state.js';
import { ALL_SCOPES } from './tokens.js';

const CODE_TTL_MS = 10 * 60_000;

class OAuthError extends Error {}

function oauthError(res: ServerResponse, message: string): void {
  sendJson(res, 400, { code: 400, error_type: 'OAuthException', error_message: message });
}

interface AuthorizeRequest {
  app: EmulatorClientApp;
  redirectUri: string;
  responseType: 'code' | 'token';
  scopes: string[];
  scopeText: string | null;
  state: string | null;
}

/** Checks the authorize parameters; the same checks run when the page is shown and when it is submitted. */
function readAuthorize(state: EmulatorState, params: URLSearchParams): AuthorizeRequest {
  const clientId = params.get('client_id');
  const redirectUri = params.get('redirect_uri');
  const responseType = params.get('response_type');
  if (!clientId || !redirectUri || (responseType !== 'code' && responseType !== 'token')) {
    throw new OAuthError('You must include a valid client_id, response_type, and redirect_uri parameters');
  }
  const app = state.clients.get(clientId);
  if (!app) throw new OAuthError('Invalid Client ID');
  if (!matchesAny(app.redirectUris, redirectUri))
    throw new OAuthError('Redirect URI does not match registered redirect URI');
  if (responseType === 'token' && app.disableImplicit) {
    throw new OAuthError('Implicit authentication is disabled for this client. Use response_type=code.');
  }
  const scopeText = params.get('scope');
  // The separator is a space (a literal '+' in the URL); '%2B' arrives as '+' and is rejected, as it was.
  const scopes = scopeText === null ? ['basic'] : scopeText.split(' ').filter((s) => s !== '');
  if (scopeText !== null && scopes.length === 0) throw new OAuthError('Invalid scope field(s): ');
  const unknown = scopes.filter((s) => !(ALL_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new OAuthError(`Invalid scope field(s): ${unknown.join(',')}`);
  return { app, redirectUri, responseType, scopes, scopeText, state: params.get('state') };
}

function authorizePage(state: EmulatorState, request: AuthorizeRequest, params: URLSearchParams): string {
  const hidden = (['client_id', 'redirect_uri', 'response_type', 'scope', 'state'] as const)
    .filter((name) => params.get(name) !== null)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`)
    .join('\n      ');
  const preselect = params.get('user_id') ?? params.get('username');
  const options = state.world.users
    .map((u) => {
      const selected = preselect === u.id || preselect === u.username ? ' selected' : '';
      return `<option value="${escapeHtml(u.id)}"${selected}>${escapeHtml(u.username)} (${escapeHtml(u.fullName)})</option>`;
    })
    .join('\n        ');
  const scopeList = request.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorization Request &bull; Instagram (emulator)</title></head>
<body>
  <h1>Authorization Request</h1>
  <p>The app <strong>${escapeHtml(request.app.clientId)}</strong> would like to access your Instagram account with:</p>
  <ul id="scopes">${scopeList}</ul>
  <form id="authorize" method="post" action="/oauth/authorize/">
      ${hidden}
      <label for="user_id">Sign in as</label>
      <select id="user_id" name="user_id">
        ${options}
      </select>
      <button type="submit" name="decision" value="authorize">Authorize</button>
  </form>
  <form id="cancel" method="post" action="/oauth/authorize/">
      ${hidden}
      <button type="submit" name="decision" value="cancel">Cancel</button>
  </form>
</body>
</html>
`;
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html><body><a href="${escapeHtml(location)}">Continue</a></body></html>`);
}

export function handleOAuth(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  form: URLSearchParams,
): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.replace(/\/+$/, '');
  try {
    if (path === '/oauth/authorize' && method === 'GET') {
      const request = readAuthorize(state, url.searchParams);
      return sendText(res, 200, authorizePage(state, request, url.searchParams), 'text/html; charset=utf-8');
    }
    if (path === '/oauth/authorize' && method === 'POST') return submitAuthorize(state, res, form);
    if (path === '/oauth/access_token' && method === 'POST') return exchange(state, res, form);
  } catch (error) {
    if (error instanceof OAuthError) return oauthError(res, error.message);
    throw error;
  }
  sendHtml404(res);
}

function submitAuthorize(state: EmulatorState, res: ServerResponse, form: URLSearchParams): void {
  const request = readAuthorize(state, form);
  const extra: Record<string, string> = request.state !== null ? { state: request.state } : {};
  if (form.get('decision') !== 'authorize') {
    return redirect(
      res,
      withQuery(request.redirectUri, {
        error: 'access_denied',
        error_reason: 'user_denied',
        error_description: 'The user denied your request.',
        ...extra,
      }),
    );
  }
  const user = state.world.user(form.get('user_id') ?? '');
  if (!user) throw new OAuthError('You must choose a sandbox user to sign in as');
  if (request.responseType === 'token') {
    const token = state.tokens.mint(user.id, request.app.clientId, request.scopes);
    const target = new URL(request.redirectUri);
    target.hash = `access_token=${token}`;
    return redirect(res, target.toString());
  }
  const code = randomBytes(16).toString('hex');
  state.oauthCodes.set(code, {
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    userId: user.id,
    scopes: request.scopes,
    expiresAt: Date.now() + CODE_TTL_MS,
  });
  redirect(res, withQuery(request.redirectUri, { code, ...extra }));
}

function exchange(state: EmulatorState, res: ServerResponse, form: URLSearchParams): void {
  const clientId = form.get('client_id');
  if (!clientId) throw new OAuthError('You must provide a client_id');
  const app = state.clients.get(clientId);
  if (!app) throw new OAuthError('Invalid Client ID');
  if (form.get('client_secret') !== app.clientSecret) throw new OAuthError('Invalid Client Secret');
  if (form.get('grant_type') !== 'authorization_code') {
    throw new OAuthError('Invalid grant_type: only authorization_code is supported');
  }
  const code = form.get('code');
  if (!code) throw new OAuthError('You must provide a code');
  const codes = state.oauthCodes;
  const pending = codes.get(code);
  if (!pending || pending.clientId !== clientId || pending.expiresAt < Date.now()) {
    throw new OAuthError('Matching code was not found or was already used.');
  }
  if (form.get('redirect_uri') !== pending.redirectUri) {
    throw new OAuthError('Redirect URI does not match registered redirect URI');
  }
  codes.delete(code);
  const user = state.world.user(pending.userId);
  if (!user) throw new OAuthError('Matching code was not found or was already used.');
  const accessToken = state.tokens.mint(user.id, clientId, pending.scopes);
  sendJson(res, 200, {
    access_token: accessToken,
    user: {
      id: user.id,
      username: user.username,
      full_name: user.fullName,
      profile_picture: user.profilePicture,
      bio: user.bio,
      website: user.website,
    },
  });
}
