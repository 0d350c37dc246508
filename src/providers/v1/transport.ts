// One HTTP attempt against the Instagram Platform API (reference §1): builds the URL, puts the credentials in the
// query (GET/DELETE) or the form body (POST), signs when the app enforces signed requests (§5.1), bounds the
// attempt with a timeout, reads the X-Ratelimit headers, and turns every failure into a typed InstagramError:
// error envelopes and top-level error bodies via `fromApiError`, refused/reset connections as network errors,
// slow answers as timeouts, and bodies that are not the documented JSON as response errors. Retrying is not
// its business: the call gate decides that.
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import type { RateLimitHeaders } from './call-gate.js';
import {
  fromApiError,
  InstagramNetworkError,
  InstagramResponseError,
  InstagramTimeoutError,
  type ApiErrorBody,
} from './errors.js';
import { signedEndpoint, signRequest } from './signing.js';
import { readJsonObject, redirectOrigin } from '../shared/response-body.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface TransportOptions {
  /** Host root without `/v1`, e.g. `https://api.instagram.com` or the emulator's url. */
  apiUrl: string;
  timeoutMs: number;
  /** Set when the app enforces signed requests: every /v1 call gets a `sig`. */
  signingSecret?: string | undefined;
  log?: Logger | undefined;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Path from the host root, already percent-encoded per segment: `/v1/tags/caf%C3%A9/media/recent`. */
  path: string;
  /** Every parameter, credentials included; undefined values are left out. */
  params: Iterable<readonly [string, string | undefined]>;
  /** false for `/oauth/access_token`, whose answers (success and error) have no `meta` envelope. */
  envelope: boolean;
  signal?: AbortSignal | undefined;
}

/** A successful /v1 answer: the envelope's `data` and `pagination` (still unchecked) and the budget headers. */
export interface EnvelopeResponse {
  status: number;
  data: unknown;
  pagination: unknown;
  rateLimit: RateLimitHeaders;
}

/** A successful answer without envelope (OAuth). */
export interface RawResponse {
  status: number;
  body: unknown;
  rateLimit: RateLimitHeaders;
}

export interface Transport {
  send(request: TransportRequest & { envelope: true }): Promise<EnvelopeResponse>;
  send(request: TransportRequest & { envelope: false }): Promise<RawResponse>;
}

/** X-Ratelimit-Limit / X-Ratelimit-Remaining; header names are case-insensitive (§1.1). */
export function readRateLimit(headers: Headers): RateLimitHeaders {
  return { limit: headerInt(headers, 'x-ratelimit-limit'), remaining: headerInt(headers, 'x-ratelimit-remaining') };
}

function headerInt(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return undefined;
  return Number(raw);
}

/** Retry-After (seconds or HTTP date) as an epoch-ms estimate of when a 429 frees; the API rarely sent it. */
function retryAfter(headers: Headers, now: number): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  if (/^\s*\d+\s*$/.test(raw)) return now + Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : date;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorBody(value: Record<string, unknown>): ApiErrorBody {
  return {
    code: typeof value.code === 'number' ? value.code : undefined,
    error_type: typeof value.error_type === 'string' ? value.error_type : undefined,
    error_message: typeof value.error_message === 'string' ? value.error_message : undefined,
  };
}

export function createTransport(options: TransportOptions): Transport {
  const base = options.apiUrl.replace(/\/+$/, '');
  const log = options.log ?? silentLogger();

  async function send(request: TransportRequest): Promise<EnvelopeResponse | RawResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of request.params) if (value !== undefined) params.append(key, value);
    if (options.signingSecret !== undefined && request.path.startsWith('/v1/')) {
      params.delete('sig');
      params.append('sig', signRequest(signedEndpoint(request.path), params, options.signingSecret));
    }

    const url = new URL(base + request.path);
    // Never follow a redirect: fetch would repeat a 307/308 POST — client_secret and the OAuth code in its form —
    // to whatever origin the Location names, and a GET's access_token would go wherever Instagram's answer
    // pointed. The API documents no redirect, so one is an error (below), not a hop.
    const init: RequestInit = { method: request.method, headers: { accept: 'application/json' }, redirect: 'manual' };
    if (request.method === 'POST') {
      // Form-encoded: the API never understood JSON bodies (§1.1).
      init.body = params.toString();
      init.headers = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
    } else {
      url.search = params.toString();
    }

    const timeout = AbortSignal.timeout(options.timeoutMs);
    init.signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const started = Date.now();
    const what = `${request.method} ${request.path}`;

    let response: Response;
    let text: string;
    try {
      response = await fetch(url, init);
      text = await response.text();
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (timeout.aborted) {
        log.warn(
          { method: request.method, path: request.path, timeoutMs: options.timeoutMs },
          'instagram call timed out',
        );
        throw new InstagramTimeoutError(`${what}: no answer from Instagram within ${options.timeoutMs} ms`, error);
      }
      log.warn({ method: request.method, path: request.path, err: error }, 'instagram call failed to connect');
      throw new InstagramNetworkError(`${what}: the connection to Instagram failed`, error);
    }

    const rateLimit = readRateLimit(response.headers);
    const status = response.status;
    log.debug(
      { method: request.method, path: request.path, status, ms: Date.now() - started, rateLimit },
      'instagram call',
    );
    if (status >= 300 && status < 400) {
      // Only the origin is named: a Location may carry the query (and so the token) back.
      const location = response.headers.get('location');
      const origin = redirectOrigin(location, url);
      log.warn(
        { method: request.method, path: request.path, status, origin },
        'instagram answered with a redirect; not following it',
      );
      throw new InstagramResponseError(
        `${what}: Instagram answered HTTP ${status}, a redirect to ${origin}, which igcord does not follow`,
        {
          type: 'Redirect',
          status,
          rateLimit,
          retryable: false,
        },
      );
    }

    const body = readJsonObject(text, status);
    if (!body.ok) {
      const { detail, ok: _ok, ...fields } = body;
      throw new InstagramResponseError(`${what}: Instagram answered HTTP ${status} with ${detail}`, {
        ...fields,
        status,
        rateLimit,
      });
    }
    const json = body.json;

    const resetsAt = retryAfter(response.headers, Date.now());
    if (isRecord(json.meta)) {
      const meta = errorBody(json.meta);
      if (status >= 400 || (meta.code !== undefined && meta.code >= 400) || meta.error_type !== undefined) {
        throw fromApiError(status, meta, rateLimit, resetsAt);
      }
    } else if (typeof json.error_type === 'string' || status >= 400) {
      // Top-level bodies: OAuth errors, signed-request 403s, edge throttling 420/429 (§1.2).
      throw fromApiError(status, errorBody(json), rateLimit, resetsAt);
    }

    if (!request.envelope) return { status, body: json, rateLimit };
    if (!isRecord(json.meta)) {
      throw new InstagramResponseError(`${what}: Instagram answered without the meta envelope`, {
        type: 'MalformedResponse',
        status,
        rateLimit,
      });
    }
    return { status, data: json.data, pagination: json.pagination, rateLimit };
  }

  return { send } as Transport;
}
