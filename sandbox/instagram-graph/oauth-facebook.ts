// Facebook Login for Business (reference §1.3): the dialog of www.facebook.com (`/vNN.N/dialog/oauth`, with a
// `config_id` or `scope`; plain HTML forms to pick the Facebook user), the redirect `?code=…&state=…#_=_`, and
// graph.facebook.com's `/oauth/access_token`: code → short-lived user token (1 h), `fb_exchange_token` →
// long-lived user token (60 days; none from an expired one), `client_credentials` → the app token
// `<app-id>|<app-secret>`. There is no refresh of user tokens; Page tokens come from `/me/accounts`.
import type { ServerResponse } from 'node:http';
import { GraphError, expiredToken, invalidToken, revokedToken } from './graph-error.js';
import { escapeHtml, redirect, sendHtml } from './http-util.js';
import { redirectMatches } from './hosts.js';
import type { GraphState } from './state.js';
import { CODE_TTL_MS, FACEBOOK_SCOPES, LONG_TTL_MS, SHORT_TTL_MS } from './tokens.js';

class DialogError extends Error {}

function readDialog(
  state: GraphState,
  params: URLSearchParams,
): { redirectUri: string; scopes: string[]; state: string | null } {
  if (params.get('client_id') !== state.app.metaAppId)
    throw new DialogError('Invalid App ID: The provided app ID does not look like a valid app ID.');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectMatches(state.app.redirectUris, redirectUri)) {
    throw new DialogError(
      "URL blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.",
    );
  }
  // A configuration (config_id) carries the permissions chosen in the dashboard: the emulator grants them all.
  const scopeText = params.get('scope');
  const scopes =
    params.get('config_id') || !scopeText ? [...FACEBOOK_SCOPES] : scopeText.split(/[\s,]+/).filter(Boolean);
  return { redirectUri, scopes, state: params.get('state') };
}

/** GET/POST /facebook-www/vNN.N/dialog/oauth. */
export function handleFacebookDialog(
  state: GraphState,
  method: string,
  res: ServerResponse,
  query: URLSearchParams,
  form: URLSearchParams,
  action: string,
): void {
  try {
    const params = method === 'GET' ? query : form;
    const request = readDialog(state, params);
    if (method === 'GET') {
      const hidden = ['client_id', 'redirect_uri', 'response_type', 'scope', 'config_id', 'state']
        .filter((n) => query.get(n) !== null)
        .map((n) => `<input type="hidden" name="${n}" value="${escapeHtml(query.get(n) ?? '')}">`)
        .join('\n    ');
      const options = [...state.world.facebookUsers.values()]
        .map(
          (u) =>
            `<option value="${escapeHtml(u.id)}"${u.id === query.get('user_id') ? ' selected' : ''}>${escapeHtml(u.name)}</option>`,
        )
        .join('\n      ');
      return sendHtml(
        res,
        200,
        `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Facebook (emulator) — Log in with Facebook</title></head>
<body>
  <h1>Continue to the app?</h1>
  <form id="authorize" method="post" action="${escapeHtml(action)}">
    ${hidden}
    <label for="user_id">Continue as</label>
    <select id="user_id" name="user_id">
      ${options}
    </select>
    <button type="submit" name="decision" value="allow">Continue</button>
  </form>
  <form id="cancel" method="post" action="${escapeHtml(action)}">
    ${hidden}
    <button type="submit" name="decision" value="cancel">Cancel</button>
  </form>
</body>
</html>
`,
      );
    }
    const target = new URL(request.redirectUri);
    if (form.get('decision') !== 'allow') {
      for (const [k, v] of Object.entries({
        error: 'access_denied',
        error_code: '200',
        error_description: 'Permissions error',
        error_reason: 'user_denied',
      }))
        target.searchParams.set(k, v);
    } else {
      const user = state.world.facebookUsers.get(form.get('user_id') ?? '');
      if (!user) throw new DialogError('Choose a Facebook user to continue as');
      const code = state.tokens.issueCode({
        login: 'facebook',
        redirectUri: request.redirectUri,
        facebookUserId: user.id,
        scopes: request.scopes,
        expiresAt: state.clock.now() + CODE_TTL_MS,
      });
      target.searchParams.set('code', code);
    }
    if (request.state !== null) target.searchParams.set('state', request.state);
    // Facebook appends `#_=_` to the redirect.
    return redirect(res, `${target.toString()}#_=_`);
  } catch (error) {
    if (error instanceof DialogError) {
      return sendHtml(
        res,
        400,
        `<!DOCTYPE html><html lang="en"><body><h1>Error</h1><p id="error">${escapeHtml(error.message)}</p></body></html>`,
      );
    }
    throw error;
  }
}

/** GET /facebook-graph/vNN.N/oauth/access_token. */
export function facebookAccessToken(state: GraphState, params: URLSearchParams): unknown {
  if (params.get('client_id') !== state.app.metaAppId)
    throw new GraphError(101, 'Error validating application. Invalid application ID.');
  if (params.get('client_secret') !== state.app.metaAppSecret)
    throw new GraphError(100, 'Error validating client secret.');
  const now = state.clock.now();
  const grantType = params.get('grant_type');

  if (grantType === 'client_credentials')
    return { access_token: `${state.app.metaAppId}|${state.app.metaAppSecret}`, token_type: 'bearer' };

  if (grantType === 'fb_exchange_token') {
    const token = params.get('fb_exchange_token') ?? '';
    const record = state.tokens.get(token);
    if (!record || !record.kind.startsWith('fb-user')) throw invalidToken();
    if (record.revoked) throw revokedToken();
    // "You cannot get a long-lived token from an expired one" (reference §1.3).
    if (record.expiresAt !== null && record.expiresAt <= now) throw expiredToken(record.expiresAt, now);
    const expiresAt = now + LONG_TTL_MS;
    const accessToken = state.tokens.mint({ ...record, kind: 'fb-user-long', issuedAt: now, expiresAt });
    return { access_token: accessToken, token_type: 'bearer', expires_in: Math.floor(LONG_TTL_MS / 1000) };
  }

  const pending = state.tokens.takeCode(params.get('code') ?? '', now);
  if (pending === 'expired') throw new GraphError(100, 'This authorization code has expired.', { subcode: 36007 });
  if (!pending || pending.login !== 'facebook' || !pending.facebookUserId) {
    throw new GraphError(100, 'This authorization code has been used.', { subcode: 36009 });
  }
  if (params.get('redirect_uri') !== pending.redirectUri) {
    throw new GraphError(
      100,
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      { subcode: 36008 },
    );
  }
  const accessToken = state.tokens.mint({
    kind: 'fb-user-short',
    facebookUserId: pending.facebookUserId,
    scopes: new Set(pending.scopes),
    issuedAt: now,
    expiresAt: now + SHORT_TTL_MS,
  });
  return { access_token: accessToken, token_type: 'bearer', expires_in: Math.floor(SHORT_TTL_MS / 1000) };
}
