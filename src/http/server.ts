// igcord's HTTP server on node:http: the routing table of router.ts, a request id and a child logger per
// request, the one place where a thrown error becomes an HTTP answer, and a bounded graceful close. Routes
// (webhook receiver, OAuth callback page, /healthz, /metrics) are handed in by the composition root.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { redactUrl, type Logger } from '../log.js';
import { HttpError, errorResponse, json, type HttpResponse } from './http-response.js';
import { createRouter, type Route } from './router.js';

export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  log: Logger;
  routes: readonly Route[];
  /** How long close() lets in-flight requests finish before it cuts their sockets. Default 5 s. */
  closeTimeoutMs?: number | undefined;
  /** A request must arrive completely within this time (slow-client defence). Default 30 s. */
  requestTimeoutMs?: number | undefined;
  /** The request line and headers must arrive within this time (slowloris defence). Default 10 s, at most requestTimeoutMs. */
  headersTimeoutMs?: number | undefined;
  /** Open connections at most; a connection past this is closed at once, before it is read. Default 500. */
  maxConnections?: number | undefined;
}

export interface HttpServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** The address the server is bound to, e.g. `127.0.0.1` or `0.0.0.0`. */
  address: string;
  /** Stops accepting, lets in-flight requests finish (bounded), then closes every socket. Idempotent. */
  close(): Promise<void>;
}

// After answering a request whose body was not read (415, 413, 404 …) the rest of the body is read and thrown
// away, up to this many bytes or this long. Closing at once would make the kernel answer the client's pending
// bytes with a reset, which can destroy our response before the client reads it; reading forever would let a
// client stream unbounded data at us. Past either bound the socket is cut.
const DISCARD_MAX_BYTES = 1024 * 1024;
const DISCARD_MAX_MS = 1000;

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { log } = options;
  const router = createRouter(options.routes);
  const closeTimeoutMs = options.closeTimeoutMs ?? 5000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const headersTimeoutMs = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeoutMs);
  let closing = false;
  let closed: Promise<void> | undefined;

  const server = createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: headersTimeoutMs,
      // node checks both timeouts only every `connectionsCheckingInterval` (default 30 s), so a client that dribbles
      // its headers kept a socket for up to timeout + 30 s. Checking a tenth of the shorter timeout (at most every
      // second, at least every 50 ms) holds them to within ~10% of what is configured, for one cheap pass over the
      // open connections per check (https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 10))),
    },
    (req, res) => {
      void handle(req, res);
    },
  );
  // Past the cap node closes a new connection as soon as it is accepted: a flood of idle sockets cannot take every
  // file descriptor from the bot's own Discord, Instagram and storage connections.
  server.maxConnections = options.maxConnections ?? 500;
  // One warning a minute at most, with the count: a flood must not turn into a flood of log lines.
  let dropped = 0;
  let droppedLoggedAt = -Infinity;
  server.on('drop', () => {
    dropped += 1;
    if (performance.now() - droppedLoggedAt < 60_000) return;
    log.warn(
      { maxConnections: server.maxConnections, refused: dropped },
      'http server: connections refused at the connection cap (HTTP_MAX_CONNECTIONS)',
    );
    dropped = 0;
    droppedLoggedAt = performance.now();
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const requestLog = log.child({ reqId: requestId });
    const method = req.method ?? 'GET';
    let response: HttpResponse;
    try {
      response = await answer(req, method, requestId, requestLog);
    } catch (err) {
      response = toResponse(err, requestLog);
    }
    if (response.onSent) reportSent(res, response.onSent);
    try {
      send(req, res, method, response, requestId);
    } catch (err) {
      // A route returned headers node refuses (e.g. a newline in a value): never let that take the process down.
      requestLog.error({ err }, 'response could not be written');
      res.destroy();
      return;
    }
    // Checked first so a silenced logger does not pay for parsing and redacting the URL on every request.
    if (requestLog.isLevelEnabled('info')) {
      requestLog.info(
        {
          method,
          url: redactUrl(req.url ?? '/'),
          status: response.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  }

  async function answer(
    req: IncomingMessage,
    method: string,
    requestId: string,
    requestLog: Logger,
  ): Promise<HttpResponse> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://igcord.invalid');
    } catch {
      throw new HttpError(400, 'bad_request', 'the request target is not a valid URL');
    }
    const match = router.match(method, url.pathname);
    if (match.kind === 'not-found') throw new HttpError(404, 'not_found', 'no such route');
    if (match.kind === 'method-not-allowed') {
      throw new HttpError(405, 'method_not_allowed', `allowed methods: ${match.allow}`, { allow: match.allow });
    }
    return match.handler({ req, url, requestId, log: requestLog });
  }

  /** The one mapping of thrown errors to answers: an HttpError says its own status; anything else is a 500. */
  function toResponse(err: unknown, requestLog: Logger): HttpResponse {
    if (err instanceof HttpError) return errorResponse(err);
    requestLog.error({ err }, 'request failed with an unexpected error');
    return json(500, { ok: false, error: 'internal_error', message: 'internal error' });
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    response: HttpResponse,
    requestId: string,
  ): void {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    // A string body is handed to node as a string: node then sends headers and body in one write, where a Buffer
    // body costs a second one (writev) on every answer of the webhook route.
    const body = response.body;
    const length = body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    const headers: Record<string, string> = {
      ...response.headers,
      'x-request-id': requestId,
      'content-length': String(length),
    };
    if (closing) headers.connection = 'close';
    res.writeHead(response.status, headers);
    res.end(method === 'HEAD' ? undefined : body);
    if (!req.complete) discardRest(req);
  }

  /** Tells `onSent` once: true when the whole answer was handed to the socket, false when the connection ended first. */
  function reportSent(res: ServerResponse, onSent: (delivered: boolean) => void): void {
    let told = false;
    const tell = (delivered: boolean) => {
      if (told) return;
      told = true;
      onSent(delivered);
    };
    res.once('finish', () => tell(true));
    res.once('close', () => tell(res.writableFinished));
  }

  function discardRest(req: IncomingMessage): void {
    let discarded = 0;
    const cut = () => {
      clearTimeout(timer);
      req.socket.destroy();
    };
    const timer = setTimeout(cut, DISCARD_MAX_MS);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_MAX_BYTES) cut();
    });
    req.once('end', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
    req.resume();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(options.host)}:${address.port}`;
  log.info({ url }, 'http server listening');

  return {
    url,
    port: address.port,
    address: address.address,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        // Answers written from now on carry `Connection: close`, so busy keep-alive sockets end after their
        // current request; idle ones are closed now; whatever is still open after the bound is cut.
        const timer = setTimeout(() => {
          log.warn({ closeTimeoutMs }, 'http server: in-flight requests did not finish in time; closing their sockets');
          server.closeAllConnections();
        }, closeTimeoutMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          log.info('http server closed');
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

/** The host part of the server's URL: loopback for the wildcard addresses, brackets around IPv6 literals. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
