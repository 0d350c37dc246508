// Instagram Login (reference §1.2): the authorize page of www.instagram.com (plain HTML forms: the account to
// sign in as, Allow and Cancel), the redirect `?code=…&state=…#_`, the code exchange at api.instagram.com
// (`{data:[{access_token,user_id,permissions}]}` or flat, a knob), the short → long-lived exchange and the
// refresh on graph.instagram.com with their rules. A personal account cannot link: the reference says only
// professional accounts can; the emulator's choice of how is to answer the sign-in with a page that tells the
// person to switch to a professional account and to issue no code.
import type { ServerResponse } from 'node:http';
import { GraphError, expiredToken, invalidToken, revokedToken } from './graph-error.js';
import { escapeHtml, redirect, sendHtml, sendJson } from './http-util.js';
import { redirectMatches } from './hosts.js';
import type { GraphState } from './state.js';
import { CODE_TTL_MS, INSTAGRAM_SCOPES, LONG_TTL_MS, REFRESH_MIN_AGE_MS, SHORT_TTL_MS } from './tokens.js';
import { isProfessional, usesInstagramLogin } from './world.js';

class InstagramOAuthError extends Error {}

/** The api.instagram.com / www.instagram.com error body (reference §1.2). */
function oauthError(res: ServerResponse, message: string): void {
  sendJson(res, 400, { error_type: 'OAuthException', code: 400, error_message: message });
}

interface AuthorizeRequest {
  redirectUri: string;
  scopes: string[];
  state: string | null;
}

function readAuthorize(state: GraphState, params: URLSearchParams): AuthorizeRequest {
  if (params.get('client_id') !== state.app.instagramAppId) throw new InstagramOAuthError('Invalid platform app');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectMatches(state.app.redirectUris, redirectUri)) throw new InstagramOAuthError('Invalid redirect_uri');
  if (params.get('response_type') !== 'code')
    throw new InstagramOAuthError('Invalid response_type: only code is supported');
  // Comma-separated, or URL-encoded space-separated (reference §1.2).
  const scopes = (params.get('scope') ?? '').split(/[\s,]+/).filter(Boolean);
  if (scopes.length === 0) throw new InstagramOAuthError('You must include a valid scope');
  const unknown = scopes.filter((s) => !(INSTAGRAM_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new InstagramOAuthError(`Invalid scope: ${unknown.join(',')}`);
  return { redirectUri, scopes, state: params.get('state') };
}

function page(state: GraphState, params: URLSearchParams, request: AuthorizeRequest): string {
  const hidden = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state']
    .filter((n) => params.get(n) !== null)
    .map((n) => `<input type="hidden" name="${n}" value="${escapeHtml(params.get(n) ?? '')}">`)
    .join('\n    ');
  const preselect = params.get('username');
  const options = [...state.world.accounts.values()]
    .filter(usesInstagramLogin)
    .map(
      (a) =>
        `<option value="${escapeHtml(a.username)}"${a.username === preselect ? ' selected' : ''}>${escapeHtml(a.username)} (${a.accountType})</option>`,
    )
    .join('\n      ');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Instagram (emulator) — Allow access</title></head>
<body>
  <h1>Allow this app to access your account?</h1>
  <ul id="scopes">${request.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
  <form id="authorize" method="post" action="/oauth/authorize">
    ${hidden}
    <label for="username">Log in as</label>
    <select id="username" name="username">
      ${options}
    </select>
    <button type="submit" name="decision" value="allow">Allow</button>
  </form>
  <form id="cancel" method="post" action="/oauth/authorize">
    ${hidden}
    <button type="submit" name="decision" value="cancel">Cancel</button>
  </form>
</body>
</html>
`;
}

/** GET/POST /oauth/authorize (www.instagram.com). */
export function handleInstagramAuthorize(
  state: GraphState,
  method: string,
  res: ServerResponse,
  query: URLSearchParams,
  form: URLSearchParams,
): void {
  try {
    if (method === 'GET') {
      const request = readAuthorize(state, query);
      return sendHtml(res, 200, page(state, query, request));
    }
    const request = readAuthorize(state, form);
    const stateParam = request.state !== null ? { state: request.state } : {};
    const target = new URL(request.redirectUri);
    if (form.get('decision') !== 'allow') {
      for (const [k, v] of Object.entries({
        error: 'access_denied',
        error_reason: 'user_denied',
        error_description: 'The user denied your request',
        ...stateParam,
      }))
        target.searchParams.set(k, v);
      return redirect(res, target.toString());
    }
    const account = state.world.account(form.get('username') ?? '');
    if (!account || !usesInstagramLogin(account)) throw new InstagramOAuthError('Choose an account to log in as');
    if (!isProfessional(account)) {
      return sendHtml(
        res,
        403,
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Instagram (emulator)</title></head><body>` +
          `<h1 id="personal-account">${escapeHtml(account.username)} is a personal account</h1>` +
          `<p>Only professional accounts (Business or Creator) can connect to this app. Switch to a professional account in Instagram's settings, then try again.</p></body></html>`,
      );
    }
    const code = state.tokens.issueCode({
      login: 'instagram',
      redirectUri: request.redirectUri,
      accountId: account.id,
      scopes: request.scopes,
      expiresAt: state.clock.now() + CODE_TTL_MS,
    });
    target.searchParams.set('code', code);
    if (request.state !== null) target.searchParams.set('state', request.state);
    // The docs say `#_` is appended to the redirect; clients strip it (reference §1.2).
    return redirect(res, `${target.toString()}#_`);
  } catch (error) {
    if (error instanceof InstagramOAuthError) return oauthError(res, error.message);
    throw error;
  }
}

/** POST /oauth/access_token (api.instagram.com): code → short-lived token. */
export function handleInstagramCodeExchange(state: GraphState, res: ServerResponse, form: URLSearchParams): void {
  try {
    if (form.get('client_id') !== state.app.instagramAppId) throw new InstagramOAuthError('Invalid platform app');
    if (form.get('client_secret') !== state.app.instagramAppSecret)
      throw new InstagramOAuthError('Error validating client secret.');
    if (form.get('grant_type') !== 'authorization_code')
      throw new InstagramOAuthError('Invalid grant_type: only authorization_code is supported');
    const pending = state.tokens.takeCode(form.get('code') ?? '', state.clock.now());
    if (!pending || pending === 'expired' || pending.login !== 'instagram' || !pending.accountId) {
      throw new InstagramOAuthError('Matching code was not found or was already used');
    }
    if (form.get('redirect_uri') !== pending.redirectUri) {
      throw new InstagramOAuthError(
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      );
    }
    const account = state.world.accounts.get(pending.accountId);
    if (!account) throw new InstagramOAuthError('Matching code was not found or was already used');
    const now = state.clock.now();
    const accessToken = state.tokens.mint({
      kind: 'ig-short',
      accountId: account.id,
      scopes: new Set(pending.scopes),
      issuedAt: now,
      expiresAt: now + SHORT_TTL_MS,
    });
    const grant = { access_token: accessToken, user_id: account.appScopedId, permissions: pending.scopes.join(',') };
    sendJson(res, 200, state.options.tokenExchangeShape === 'flat' ? grant : { data: [grant] });
  } catch (error) {
    if (error instanceof InstagramOAuthError) return oauthError(res, error.message);
    throw error;
  }
}

/** The token record behind `access_token`, or the 190 a Graph call would get. */
function liveInstagramToken(state: GraphState, token: string | null) {
  const record = token ? state.tokens.get(token) : undefined;
  if (!token || !record || !record.kind.startsWith('ig-')) throw invalidToken();
  if (record.revoked) throw revokedToken();
  const now = state.clock.now();
  if (record.expiresAt !== null && record.expiresAt <= now) throw expiredToken(record.expiresAt, now);
  return { token, record, now };
}

const tokenAnswer = (accessToken: string, expiresAt: number, now: number) => ({
  access_token: accessToken,
  token_type: 'bearer',
  expires_in: Math.floor((expiresAt - now) / 1000),
});

/** GET /access_token?grant_type=ig_exchange_token (graph.instagram.com): short → long-lived (60 days). */
export function exchangeInstagramToken(state: GraphState, params: URLSearchParams): unknown {
  if (params.get('grant_type') !== 'ig_exchange_token')
    throw new GraphError(100, '(#100) Unsupported grant_type; expected ig_exchange_token');
  if (params.get('client_secret') !== state.app.instagramAppSecret)
    throw new GraphError(100, 'Error validating client secret.');
  const { record, now } = liveInstagramToken(state, params.get('access_token'));
  if (record.kind !== 'ig-short') throw new GraphError(100, '(#100) Only a short-lived access token can be exchanged');
  const expiresAt = now + LONG_TTL_MS;
  const accessToken = state.tokens.mint({ ...record, kind: 'ig-long', issuedAt: now, expiresAt });
  return tokenAnswer(accessToken, expiresAt, now);
}

/**
 * GET /refresh_access_token?grant_type=ig_refresh_token (graph.instagram.com): a long-lived token at least 24 h
 * old and not expired, granted instagram_business_basic, gets 60 days from now. The wording of the "too new"
 * refusal is the emulator's own (code 100, so a client does not take it for a dead token).
 */
export function refreshInstagramToken(state: GraphState, method: string, params: URLSearchParams): unknown {
  if (method !== 'GET')
    throw new GraphError(100, `Unsupported request - method type: ${method.toLowerCase()}`, {
      type: 'GraphMethodException',
    });
  if (params.get('grant_type') !== 'ig_refresh_token')
    throw new GraphError(100, '(#100) Unsupported grant_type; expected ig_refresh_token');
  const { token, record, now } = liveInstagramToken(state, params.get('access_token'));
  if (record.kind !== 'ig-long') throw new GraphError(100, '(#100) Only a long-lived access token can be refreshed');
  if (!record.scopes.has('instagram_business_basic'))
    throw new GraphError(10, '(#10) The user has not granted instagram_business_basic');
  if (now - record.issuedAt < REFRESH_MIN_AGE_MS) {
    throw new GraphError(100, '(#100) The access token cannot be refreshed until it is at least 24 hours old');
  }
  const expiresAt = now + LONG_TTL_MS;
  if (state.options.refreshReturnsNewToken) {
    const fresh = state.tokens.mint({ ...record, issuedAt: now, expiresAt });
    return tokenAnswer(fresh, expiresAt, now);
  }
  state.tokens.extend(token, now, expiresAt);
  return tokenAnswer(token, expiresAt, now);
}
