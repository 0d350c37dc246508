// The Graph pipeline for graph.instagram.com and graph.facebook.com. For each request: parameters (query, and
// form fields on POST), the token (`access_token` or `Authorization: Bearer`), injected faults, the token
// endpoints (which take no ordinary token and are not charged, reference §6 question 11), authentication
// (unknown → 190; revoked → 190/460; expired → 190/463; a token of the other login → 190), the route, and the
// answer with its usage headers. Every answer leaves one entry in the request log, which never holds a token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphContext, GraphHost, Json, Viewer } from './context.js';
import { facebookAccessToken } from './oauth-facebook.js';
import { exchangeInstagramToken, refreshInstagramToken } from './oauth-instagram.js';
import {
  BUC_BLOCKED_MESSAGE,
  GraphError,
  catalogueError,
  expiredToken,
  invalidToken,
  missingToken,
  revokedToken,
  serverError,
} from './graph-error.js';
import { REQUEST_FAULT_KINDS } from './faults.js';
import { routeGraph } from './graph-routes.js';
import { FACEBOOK_GRAPH_PREFIX, stripVersion } from './hosts.js';
import { sendText } from './http-util.js';
import { tokenIdOf } from './ids.js';
import type { RequestLogEntry } from './request-log.js';
import type { GraphState } from './state.js';
import type { Account } from './world.js';

function authenticate(state: GraphState, host: GraphHost, token: string | null): Viewer {
  if (!token) throw missingToken();
  if (host === 'facebook-graph' && token.includes('|')) {
    const [id, secret] = token.split('|');
    const { app } = state;
    if (id === app.metaAppId && secret === app.metaAppSecret)
      return { kind: 'app', appId: id, login: 'facebook', secret };
    if (id === app.instagramAppId && secret === app.instagramAppSecret)
      return { kind: 'app', appId: id, login: 'instagram', secret };
    throw invalidToken();
  }
  const record = state.tokens.get(token);
  // A token of the other login is as unknown to a host as a made-up one.
  if (!record || record.kind.startsWith('ig-') !== (host === 'instagram-graph')) throw invalidToken();
  if (record.revoked === 'invalid')
    throw new GraphError(190, 'Error validating access token: The access token is invalid.', { subcode: 467 });
  if (record.revoked) throw revokedToken();
  const now = state.clock.now();
  if (record.expiresAt !== null && record.expiresAt <= now) throw expiredToken(record.expiresAt, now);
  const { world } = state;
  if (record.kind === 'fb-page') {
    const page = world.pages.get(record.pageId ?? '');
    if (!page) throw invalidToken();
    return { kind: 'page', token, record, page };
  }
  if (record.kind.startsWith('fb-user')) {
    const user = world.facebookUsers.get(record.facebookUserId ?? '');
    if (!user) throw invalidToken();
    return { kind: 'facebook-user', token, record, user };
  }
  const account = world.accounts.get(record.accountId ?? '');
  if (!account) throw invalidToken();
  return { kind: 'instagram', token, record, account };
}

/** The account an injected 80002 is reported for: the token's, or the one named in the path or `user_id`. */
function accountHint(
  state: GraphState,
  host: GraphHost,
  token: string | null,
  segments: string[],
  params: URLSearchParams,
): Account | undefined {
  try {
    const viewer = authenticate(state, host, token);
    if (viewer.kind === 'instagram') return viewer.account;
    if (viewer.kind === 'page' && viewer.page.igAccountId) return state.world.accounts.get(viewer.page.igAccountId);
  } catch {
    // No usable token: fall back to the ids in the request.
  }
  for (const id of [params.get('user_id'), segments[0]]) {
    const account = id ? state.world.accounts.get(id) : undefined;
    if (account) return account;
  }
  return undefined;
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export async function handleGraph(
  state: GraphState,
  host: GraphHost,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  form: URLSearchParams,
  hostPath: string,
): Promise<void> {
  const arrival = state.clock.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const params = new URLSearchParams(url.search);
  if (method === 'POST') for (const [k, v] of form) params.append(k, v);
  const { version, rest } = stripVersion(hostPath);
  let segments: string[] = [];
  try {
    segments = rest
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    segments = ['%'];
  }
  const token = params.get('access_token') ?? bearer(req.headers.authorization);
  const headers: Record<string, string> = {};
  const log: Omit<RequestLogEntry, 'seq' | 'status'> = {
    time: arrival,
    method,
    host,
    path: url.pathname,
    route: 'UNKNOWN',
    ...(token ? { tokenId: tokenIdOf(token) } : {}),
  };
  let malformed = false;
  /** Notes in the log the highest figure a usage header of this answer reports. */
  const reported = (usage: { call_count: number; total_cputime: number; total_time: number }) => {
    log.usagePercent = Math.max(usage.call_count, usage.total_cputime, usage.total_time);
  };
  const send = (status: number, body: Json) => {
    let text = JSON.stringify(body);
    if (malformed) {
      // A body cut short, as from a proxy that lost the connection's tail.
      text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      status = 200;
    }
    const code = (body as { error?: { code?: number } } | null)?.error?.code;
    state.requests.add({ ...log, status, ...(code !== undefined && !malformed ? { errorCode: code } : {}) });
    sendText(res, status, text, 'application/json; charset=UTF-8', headers);
  };

  const fault = state.faults.take(method, url.pathname, REQUEST_FAULT_KINDS);
  if (fault) log.fault = fault.kind;
  if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 1000));
  else if (fault?.kind === 'reset') {
    state.requests.add({ ...log, status: 0 });
    req.socket.destroy();
    return;
  } else if (fault?.kind === 'status') {
    const error = serverError(fault.status ?? 500);
    return send(error.status, error.body());
  } else if (fault?.kind === 'error') {
    const code = fault.code ?? 1;
    const error = catalogueError(code, {
      ...(fault.message !== undefined
        ? { message: fault.message }
        : code === 80002
          ? { message: BUC_BLOCKED_MESSAGE }
          : {}),
      ...(fault.subcode !== undefined ? { subcode: fault.subcode } : {}),
      ...(fault.status !== undefined ? { status: fault.status } : {}),
    });
    const account = code === 80002 ? accountHint(state, host, token, segments, params) : undefined;
    if (account) {
      log.accountId = account.id;
      // An 80002 with a regain time blocks the account until then, so the calls that follow are refused too.
      if (fault.regainMinutes) state.usage.block(account.id, arrival + fault.regainMinutes * 60_000);
      const usage = state.usage.bucUsage(account.id, account.impressions, arrival);
      headers['X-Business-Use-Case-Usage'] = JSON.stringify({
        [account.id]: [{ type: 'instagram', ...usage, call_count: 100 }],
      });
      reported({ ...usage, call_count: 100 });
    }
    return send(error.status, error.body());
  } else if (fault?.kind === 'malformed') malformed = true;

  try {
    if (host === 'instagram-graph' && rest === '/access_token') {
      log.route = `${method} /access_token`;
      return send(200, exchangeInstagramToken(state, params) as Json);
    }
    if (host === 'instagram-graph' && rest === '/refresh_access_token') {
      log.route = `${method} /refresh_access_token`;
      return send(200, refreshInstagramToken(state, method, params) as Json);
    }
    if (host === 'facebook-graph' && rest === '/oauth/access_token') {
      log.route = `${method} /oauth/access_token`;
      return send(200, facebookAccessToken(state, params) as Json);
    }
    const viewer = authenticate(state, host, token);
    let charged = false;
    const ctx: GraphContext = {
      state,
      host,
      method,
      params,
      viewer,
      now: arrival,
      chargeBuc(account) {
        if (charged) return;
        charged = true;
        log.accountId = account.id;
        const result = state.usage.chargeBuc(account.id, account.impressions, arrival);
        if (state.usage.headerDue(result.calls)) {
          headers['X-Business-Use-Case-Usage'] = JSON.stringify({
            [account.id]: [{ type: 'instagram', ...result.usage }],
          });
          reported(result.usage);
        }
        if (result.blocked) throw catalogueError(80002);
      },
      chargePlatform(account) {
        if (charged) return;
        charged = true;
        if (account) log.accountId = account.id;
        const result = state.usage.chargeApp(arrival, account?.id);
        if (state.usage.headerDue(result.calls)) {
          headers['X-App-Usage'] = JSON.stringify(result.usage);
          reported(result.usage);
        }
        if (result.refusal) throw catalogueError(result.refusal);
      },
      setRoute(label) {
        log.route = label;
      },
      link(path, query) {
        const prefix = host === 'facebook-graph' ? FACEBOOK_GRAPH_PREFIX : '';
        return `${state.baseUrl}${prefix}/${version ?? state.version}${path}?${query.toString()}`;
      },
    };
    const { route, body } = await routeGraph(ctx, segments);
    log.route = route;
    send(200, body);
  } catch (error) {
    if (error instanceof GraphError) return send(error.status, error.body());
    console.error('instagram graph emulator: handler failed', error);
    const fallback = serverError(500);
    send(500, fallback.body());
  }
}
