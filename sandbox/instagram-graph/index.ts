// The Instagram Graph API emulator: one node:http server standing in for www.instagram.com, api.instagram.com,
// graph.instagram.com (at the root), www.facebook.com (under /facebook-www) and graph.facebook.com (under
// /facebook-graph), plus the admin API under /_emulator/. Start it with `startGraphEmulator(options)`; close it
// with `close()`, which also ends open connections, webhook deliveries and their retries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve } from '../shared/serve.js';
import { createAdmin, type GraphEmulatorAdmin } from './admin.js';
import { handleAdmin } from './admin-http.js';
import { handleGraph } from './graph.js';
import { FACEBOOK_GRAPH_PREFIX, FACEBOOK_WWW_PREFIX, hostUrls, stripVersion, type GraphHostUrls } from './hosts.js';
import { BodyTooLargeError, formOf, readBody, sendJson } from './http-util.js';
import { handleFacebookDialog } from './oauth-facebook.js';
import { handleInstagramAuthorize, handleInstagramCodeExchange } from './oauth-instagram.js';
import type { HostName } from './request-log.js';
import { createState, type GraphEmulatorOptions, type GraphState } from './state.js';

export { SANDBOX_GRAPH_APP, DEFAULT_GRAPH_VERSION } from './state.js';
export type { GraphApp, GraphEmulatorOptions } from './state.js';
export type { GraphEmulatorAdmin, AccountView, CreateAccountInput } from './admin.js';
export type { PostMediaInput, PostCommentInput } from './post-content.js';
export type { MintTokenInput, MintedToken } from './mint-token.js';
export type { GraphHostUrls } from './hosts.js';
export type { RequestLogEntry } from './request-log.js';
export type { FaultSpec } from './faults.js';
export type { DeliveryLogEntry } from './webhooks.js';

export interface GraphEmulator {
  /** e.g. 'http://127.0.0.1:41234'. */
  url: string;
  /** The base URL standing in for each real host. */
  hosts: GraphHostUrls;
  admin: GraphEmulatorAdmin;
  /** Every token the emulator minted (OAuth, exchanges, refreshes, Page tokens, admin), revoked ones included. */
  issuedTokens(): string[];
  close(): Promise<void>;
}

export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const state = createState(options);
  const admin = createAdmin(state);

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'body too large' });
      throw error;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const form = formOf(req, body);
    const path = url.pathname.replace(/(.)\/+$/, '$1');
    if (path.startsWith('/_emulator/')) return handleAdmin(admin, req, res, url, body);
    if (path === FACEBOOK_WWW_PREFIX || path.startsWith(`${FACEBOOK_WWW_PREFIX}/`)) {
      const { rest } = stripVersion(path.slice(FACEBOOK_WWW_PREFIX.length));
      if (rest === '/dialog/oauth' && (method === 'GET' || method === 'POST')) {
        logPage(state, res, method, url.pathname, 'facebook-www');
        return handleFacebookDialog(state, method, res, url.searchParams, form, path);
      }
      return sendJson(res, 404, { error: `no www.facebook.com page ${path}` });
    }
    if (path === FACEBOOK_GRAPH_PREFIX || path.startsWith(`${FACEBOOK_GRAPH_PREFIX}/`)) {
      return handleGraph(state, 'facebook-graph', req, res, url, form, path.slice(FACEBOOK_GRAPH_PREFIX.length) || '/');
    }
    if (path === '/oauth/authorize' && (method === 'GET' || method === 'POST')) {
      logPage(state, res, method, url.pathname, 'instagram-www');
      return handleInstagramAuthorize(state, method, res, url.searchParams, form);
    }
    if (path === '/oauth/access_token' && method === 'POST') {
      logPage(state, res, method, url.pathname, 'instagram-api');
      return handleInstagramCodeExchange(state, res, form);
    }
    return handleGraph(state, 'instagram-graph', req, res, url, form, path);
  };

  const listening = await serve(dispatch, {
    host: options.host,
    port: options.port,
    label: 'instagram graph emulator',
    answerFailure: (res) =>
      sendJson(res, 500, { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1 } }),
  });
  state.baseUrl = listening.baseUrl;

  let closed: Promise<void> | undefined;
  return {
    url: state.baseUrl,
    hosts: hostUrls(state.baseUrl),
    admin,
    issuedTokens: () => state.tokens.issued(),
    close: () => {
      closed ??= (async () => {
        state.closing.abort();
        await Promise.all([listening.close(), state.webhooks.close()]);
      })();
      return closed;
    },
  };
}

/** Login pages and the code exchange are logged too, once answered (route and status only: they carry secrets). */
function logPage(state: GraphState, res: ServerResponse, method: string, path: string, host: HostName): void {
  const time = state.clock.now();
  res.once('finish', () =>
    state.requests.add({ time, method, host, path, route: `${method} ${path}`, status: res.statusCode }),
  );
}
