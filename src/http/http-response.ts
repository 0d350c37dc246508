// What a route answers, and the one error type a route throws to answer with a specific status. Routes return
// a plain HttpResponse instead of writing to node's ServerResponse so that the server is the only place that
// writes to the socket: request ids, keep-alive handling during shutdown and error mapping live there once.

export interface HttpResponse {
  status: number;
  headers?: Record<string, string> | undefined;
  body?: string | Buffer | undefined;
  /**
   * Told once whether the answer was handed to the socket in full (true) or the connection ended first (false).
   * The interactions endpoint waits on it: its answer is the interaction's acknowledgement, and the bot must not
   * edit a response Discord has not received yet.
   */
  onSent?: ((delivered: boolean) => void) | undefined;
}

/** A JSON answer; the body is serialised here so a route never hand-builds JSON text. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

/** A plain-text answer; `nosniff` keeps a browser from reading an echoed value as HTML. */
export function text(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers },
    body,
  };
}

/** An HTML page (the OAuth callback page). Callers escape what they interpolate. */
export function html(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers },
    body,
  };
}

/**
 * Thrown by a route (or what it calls) to answer with `status`. `code` is a stable machine identifier and
 * `message` is safe to show to the caller: it must never contain a secret or a stack trace.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The body of every error answer igcord's HTTP server gives: `{ ok: false, error: <code>, message }`. */
export function errorResponse(error: HttpError): HttpResponse {
  return json(error.status, { ok: false, error: error.code, message: error.message }, error.headers);
}
