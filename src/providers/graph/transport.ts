// One HTTP attempt against a Graph host (reference §1): builds the URL from a configured base URL (so the
// emulator or the real host is a matter of configuration), puts parameters and the token in the query (GET,
// DELETE) or the form body (POST), bounds the attempt with a timeout, never follows a redirect, reads the usage
// headers, and turns every failure into a typed GraphApiError: Graph's `{"error":{…}}` envelope and
// api.instagram.com's `{error_type, code, error_message}` body, refused or reset connections, slow answers,
// and bodies that are not JSON objects. Retrying is the call gate's business.
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import {
  chargedUsage,
  fromGraphError,
  GraphNetworkError,
  GraphOAuthError,
  GraphResponseError,
  GraphServerError,
  GraphTimeoutError,
  type GraphErrorBody,
} from './errors.js';
import { readUsage, type UsageReport } from './usage.js';
import { readJsonObject, redirectOrigin } from '../shared/response-body.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface GraphTransportOptions {
  timeoutMs: number;
  /** Epoch ms; regain times are computed from it. */
  now: () => number;
  log?: Logger | undefined;
}

export interface GraphRequest {
  method: HttpMethod;
  /** A configured host base URL, e.g. `https://graph.instagram.com` or the emulator's. */
  base: string;
  /** Path from the host root, segments already percent-encoded: `/v25.0/me/media`. */
  path: string;
  /** Every parameter, the token included; undefined values are left out. */
  params: Iterable<readonly [string, string | undefined]>;
  signal?: AbortSignal | undefined;
  /** The budget key the call is charged to: an error's usage is reported for it, as an answer's is. */
  key?: string | undefined;
}

export interface GraphResponse {
  status: number;
  body: Record<string, unknown>;
  usage: UsageReport;
}

export interface GraphTransport {
  send(request: GraphRequest): Promise<GraphResponse>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const num = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function graphErrorBody(error: Record<string, unknown>): GraphErrorBody {
  return {
    message: str(error.message),
    type: str(error.type),
    code: num(error.code),
    error_subcode: num(error.error_subcode),
    is_transient: typeof error.is_transient === 'boolean' ? error.is_transient : undefined,
    fbtrace_id: str(error.fbtrace_id),
  };
}

export function createGraphTransport(options: GraphTransportOptions): GraphTransport {
  const log = options.log ?? silentLogger();

  async function send(request: GraphRequest): Promise<GraphResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of request.params) if (value !== undefined) params.append(key, value);
    const url = new URL(request.base.replace(/\/+$/, '') + request.path);
    // Never follow a redirect: a POST would carry client_secret and the OAuth code, a GET its access_token, to
    // whatever origin the Location names. Graph documents no redirect for API calls, so one is an error.
    const init: RequestInit = { method: request.method, headers: { accept: 'application/json' }, redirect: 'manual' };
    if (request.method === 'POST') {
      init.body = params.toString();
      init.headers = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
    } else {
      url.search = params.toString();
    }
    const timeout = AbortSignal.timeout(options.timeoutMs);
    init.signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    // Only method and path are ever named: the query carries the token.
    const what = `${request.method} ${request.path}`;
    const started = Date.now();

    let response: Response;
    let text: string;
    try {
      response = await fetch(url, init);
      text = await response.text();
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (timeout.aborted) {
        log.warn({ method: request.method, path: request.path, timeoutMs: options.timeoutMs }, 'graph call timed out');
        throw new GraphTimeoutError(`${what}: no answer from Instagram within ${options.timeoutMs} ms`, error);
      }
      log.warn({ method: request.method, path: request.path, err: error }, 'graph call failed to connect');
      throw new GraphNetworkError(`${what}: the connection to Instagram failed`, error);
    }

    const usage = readUsage(response.headers);
    const status = response.status;
    const rateLimit = chargedUsage(usage, request.key, options.now());
    log.debug({ method: request.method, path: request.path, status, ms: Date.now() - started, usage }, 'graph call');
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      const origin = redirectOrigin(location, url);
      throw new GraphResponseError(
        `${what}: Instagram answered HTTP ${status}, a redirect to ${origin}, which igcord does not follow`,
        {
          type: 'Redirect',
          status,
          usage,
          rateLimit,
          retryable: false,
        },
      );
    }

    const body = readJsonObject(text, status);
    if (!body.ok) {
      const { detail, ok: _ok, ...fields } = body;
      throw new GraphResponseError(`${what}: Instagram answered HTTP ${status} with ${detail}`, {
        ...fields,
        status,
        usage,
        rateLimit,
      });
    }
    const json = body.json;
    if (isRecord(json.error))
      throw fromGraphError(status, graphErrorBody(json.error), usage, options.now(), request.key);
    if (typeof json.error_type === 'string') {
      // api.instagram.com's OAuth error body (reference §1.2 step 2).
      throw new GraphOAuthError(str(json.error_message) ?? `Instagram answered HTTP ${status}`, {
        type: json.error_type,
        status,
        code: num(json.code) ?? status,
        usage,
        rateLimit,
      });
    }
    if (status >= 500)
      throw new GraphServerError(`${what}: Instagram answered HTTP ${status}`, {
        type: 'ServerError',
        status,
        usage,
        rateLimit,
      });
    if (status >= 400)
      throw new GraphResponseError(`${what}: Instagram answered HTTP ${status} without an error body`, {
        type: 'UnknownError',
        status,
        usage,
        rateLimit,
      });
    return { status, body: json, usage };
  }

  return { send };
}
