// The Instagram Platform API v1 emulator: one node:http server that serves the API under /v1, the OAuth pages
// under /oauth, and the admin API under /_emulator. Start it with `startInstagramEmulator(options)`; close it
// with `close()`, which also ends every open connection and outgoing notification.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve } from '../shared/serve.js';
import { createAdmin, type EmulatorAdmin } from './admin.js';
import { handleAdmin } from './admin-http.js';
import { handleApi } from './api.js';
import { BodyTooLargeError, formOf, readBody, sendHtml404, sendJson } from './http-util.js';
import { Notifier } from './notifier.js';
import { handleOAuth } from './oauth.js';
import { Router } from './router.js';
import { commentRoutes } from './routes/comments.js';
import { likeRoutes } from './routes/likes.js';
import { locationRoutes } from './routes/locations.js';
import { mediaRoutes } from './routes/media.js';
import { relationshipRoutes } from './routes/relationships.js';
import { tagRoutes } from './routes/tags.js';
import { userRoutes } from './routes/users.js';
import { restoreSnapshot, takeSnapshot, type EmulatorSnapshot } from './snapshot.js';
import { createState, type EmulatorOptions } from './state.js';

export { SANDBOX_CLIENT } from './state.js';
export { parseSnapshot, SnapshotError, SNAPSHOT_VERSION, type EmulatorSnapshot } from './snapshot.js';
export type { EmulatorClientApp, EmulatorOptions, NotificationLogEntry } from './state.js';
export type { EmulatorAdmin, MintTokenInput, PostMediaInput } from './admin.js';
export type { CreateUserInput } from './create-user.js';
export type { RequestLogEntry } from './request-log.js';
export type { FaultSpec, FaultKind } from './faults.js';

export interface InstagramEmulator {
  /** e.g. 'http://127.0.0.1:41234' — API under `${url}/v1`, OAuth under `${url}/oauth/…`. */
  url: string;
  close(): Promise<void>;
  admin: EmulatorAdmin;
  /** Every access token this emulator minted (OAuth, implicit flow, admin API), revoked ones included. */
  issuedTokens(): string[];
  /** The world as plain JSON (tokens by hash only), for `startInstagramEmulator({ restore })` to start from. */
  snapshot(): EmulatorSnapshot;
}

export async function startInstagramEmulator(options: EmulatorOptions = {}): Promise<InstagramEmulator> {
  const state = createState(options);
  if (options.restore) restoreSnapshot(state, options.restore);
  const notifier = new Notifier(state);
  const admin = createAdmin(state, notifier);
  const router = new Router([
    ...userRoutes,
    ...relationshipRoutes,
    ...mediaRoutes,
    ...commentRoutes,
    ...likeRoutes,
    ...tagRoutes,
    ...locationRoutes,
  ]);

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', state.baseUrl || 'http://127.0.0.1');
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'body too large' });
      throw error;
    }
    const path = url.pathname;
    if (path.startsWith('/_emulator/')) return handleAdmin(admin, req, res, url, body);
    if (path === '/oauth' || path.startsWith('/oauth/')) return handleOAuth(state, req, res, url, formOf(req, body));
    if (path === '/v1' || path.startsWith('/v1/')) return handleApi(state, router, req, res, url, formOf(req, body));
    sendHtml404(res);
  };

  const listening = await serve(dispatch, {
    host: options.host,
    port: options.port,
    label: 'instagram emulator',
    answerFailure: (res) =>
      sendJson(res, 500, { meta: { code: 500, error_type: 'APIError', error_message: 'Oops, an error occurred.' } }),
  });
  state.baseUrl = listening.baseUrl;

  let closed: Promise<void> | undefined;
  return {
    url: state.baseUrl,
    admin,
    issuedTokens: () => state.tokens.issued(),
    snapshot: () => takeSnapshot(state),
    close: () => {
      closed ??= (async () => {
        state.closing.abort();
        await Promise.all([listening.close(), notifier.settled()]);
      })();
      return closed;
    },
  };
}
