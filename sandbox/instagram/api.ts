// The /v1 pipeline. For each request: method override and parameters (query for GET/DELETE, query and form
// fields for POST), injected faults, then the checks in the order of reference §8.2 — missing token, unknown
// token, signature (when the app enforces it), scope, rate limit — then the route's handler and the envelope
// (JSONP when asked). Every answer carries X-Ratelimit-Limit / X-Ratelimit-Remaining and leaves one entry in
// the request log. The call is charged to the token's sliding window at arrival, whatever its outcome.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, RATE_LIMIT_MESSAGE, TopLevelError, missingScope, rateLimited } from './api-error.js';
import { sendHtml404, sendText } from './http-util.js';
import { tokenIdOf } from './ids.js';
import type { RequestLogEntry } from './request-log.js';
import type { RouteContext } from './route.js';
import { routeLabel, segmentsOf, type Router } from './router.js';
import { checkSig } from './signing.js';
import type { EmulatorState } from './state.js';
import { handleSubscriptions } from './subscriptions.js';

const JSONP_CALLBACK = /^[A-Za-z_$][\w$.]{0,99}$/;

type LogFields = Omit<RequestLogEntry, 'seq' | 'time' | 'method' | 'path' | 'status'>;

export async function handleApi(
  state: EmulatorState,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  form: URLSearchParams,
): Promise<void> {
  const arrival = Date.now();
  const rawPath = url.pathname;
  let method = (req.method ?? 'GET').toUpperCase();
  const params = new URLSearchParams(url.search);
  if (method === 'POST') for (const [k, v] of form) params.append(k, v);
  // Old clients send DELETE as a POST carrying _method (reference §1.1).
  const override = method === 'POST' ? params.get('_method')?.toUpperCase() : undefined;
  if (override === 'DELETE' || override === 'PUT') method = override;

  const apiPath = rawPath.slice('/v1'.length) || '/';
  let signedPath = apiPath;
  try {
    signedPath = decodeURIComponent(apiPath);
  } catch {
    // An undecodable path matches no route below; the signature string keeps the raw form.
  }
  const token = params.get('access_token');
  const tokenRecord = token ? state.tokens.get(token) : undefined;
  const tokenId = token ? tokenIdOf(token) : undefined;
  const limitKey = tokenRecord && tokenId ? tokenId : undefined;
  const global = state.limits.settings.global;
  const limitHeaders = (): Record<string, string> => ({
    'X-Ratelimit-Limit': String(global),
    'X-Ratelimit-Remaining': String(limitKey ? state.limits.remaining(limitKey) : global),
  });
  const identity: LogFields = {
    route: 'UNKNOWN',
    counted: false,
    ...(tokenRecord ? { tokenUserId: tokenRecord.userId, clientId: tokenRecord.clientId } : {}),
    ...(tokenId ? { tokenId } : {}),
  };
  const log = (status: number, fields: LogFields) =>
    state.requests.add({ time: arrival, method, path: rawPath, status, ...fields });

  const callback = method === 'GET' ? params.get('callback') : null;
  let malformed = false;
  const send = (status: number, body: unknown, fields: LogFields) => {
    let text = JSON.stringify(body);
    if (malformed) {
      // A body cut short mid-way, as from a proxy that dropped the connection's tail.
      text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      status = 200;
    }
    const errorType =
      (body as { meta?: { error_type?: string }; error_type?: string }).meta?.error_type ??
      (body as { error_type?: string }).error_type;
    log(status, {
      ...fields,
      ...(errorType && !malformed ? { errorType } : {}),
      ...(malformed ? { fault: 'malformed' } : {}),
    });
    if (callback && JSONP_CALLBACK.test(callback)) {
      sendText(res, status, `${callback}(${text});`, 'text/javascript; charset=utf-8', limitHeaders());
    } else {
      sendText(res, status, text, 'application/json; charset=utf-8', limitHeaders());
    }
  };

  const fault = state.faults.take(method, rawPath, ['latency', 'status', 'reset', 'ratelimit', 'malformed']);
  if (fault?.kind === 'latency') {
    await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 1000));
    identity.fault = 'latency';
  } else if (fault?.kind === 'status') {
    const status = fault.status ?? 500;
    send(
      status,
      { meta: { code: status, error_type: 'APIError', error_message: 'Oops, an error occurred.' } },
      { ...identity, fault: 'status' },
    );
    return;
  } else if (fault?.kind === 'ratelimit') {
    send(429, rateLimited().body(), { ...identity, fault: 'ratelimit' });
    return;
  } else if (fault?.kind === 'reset') {
    log(0, { ...identity, fault: 'reset' });
    req.socket.destroy();
    return;
  } else if (fault?.kind === 'malformed') {
    malformed = true;
  }

  const segments = segmentsOf(apiPath);
  if (segments?.length === 1 && segments[0] === 'subscriptions') {
    const fields: LogFields = { ...identity, route: `${method} /subscriptions` };
    try {
      const result = await handleSubscriptions(state, method, params, signedPath);
      if (result.clientId) fields.clientId = result.clientId;
      send(200, { meta: { code: 200 }, data: result.data }, fields);
    } catch (error) {
      sendError(error, fields);
    }
    return;
  }

  const match = router.match(method, apiPath);
  if (!match) {
    log(404, identity);
    sendHtml404(res, limitHeaders());
    return;
  }
  const { route } = match;
  const fields: LogFields = {
    ...identity,
    route: routeLabel(route),
    ...(route.writeBucket ? { writeBucket: route.writeBucket } : {}),
  };

  function sendError(error: unknown, logFields: LogFields): void {
    if (error instanceof TopLevelError) send(error.status, error.body(), logFields);
    else if (error instanceof ApiError) send(error.status, error.body(), logFields);
    else {
      send(500, { meta: { code: 500, error_type: 'APIError', error_message: 'Oops, an error occurred.' } }, logFields);
      console.error('instagram emulator: handler failed', error);
    }
  }

  try {
    if (!token) {
      throw new ApiError(400, 'OAuthParameterException', 'Missing client_id or access_token URL parameter.');
    }
    if (!tokenRecord || !limitKey)
      throw new ApiError(400, 'OAuthAccessTokenException', 'The access_token provided is invalid.');
    const admission = state.limits.admit(limitKey, route.writeBucket);
    fields.counted = admission.admitted;
    const app = state.clients.get(tokenRecord.clientId);
    if (app?.signedRequests) {
      const sig = checkSig(signedPath, params, app.clientSecret);
      if (!sig.ok) throw new TopLevelError(403, 'OAuthForbiddenException', sig.message);
    }
    const ctx: RouteContext = {
      world: state.world,
      viewer: { userId: tokenRecord.userId, clientId: tokenRecord.clientId, scopes: tokenRecord.scopes },
      params,
      path: match.path,
      now: state.now,
      nextUrl: (cursor) => {
        const query = new URLSearchParams(url.search);
        query.delete('sig');
        for (const [k, v] of Object.entries(cursor)) query.set(k, v);
        return `${state.baseUrl}${rawPath}?${query.toString()}`;
      },
    };
    const missing = route.scopes(ctx).find((scope) => !tokenRecord.scopes.has(scope));
    if (missing) throw missingScope(missing);
    if (!admission.admitted) throw new ApiError(429, 'OAuthRateLimitException', RATE_LIMIT_MESSAGE);
    const result = route.handle(ctx);
    send(
      200,
      { meta: { code: 200 }, data: result.data, ...(result.pagination ? { pagination: result.pagination } : {}) },
      fields,
    );
  } catch (error) {
    sendError(error, fields);
  }
}
