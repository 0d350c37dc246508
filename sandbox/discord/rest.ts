// The REST half of the Discord fake: a small router over node:http for `/api/v10/...`. It authenticates bot
// routes (`Authorization: Bot <token>`; interaction and webhook-token routes carry none, as on Discord), applies
// injected faults, parses JSON (and the `payload_json` part of multipart bodies), runs the route, turns a thrown
// DiscordFakeError into Discord's error JSON, and logs every request. A request no route matches gets a 404 with
// a loud JSON error and a warning, never a silent success.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordFakeError, unauthorized } from './errors.js';
import type { FakeLog, RestLogEntry } from './log.js';
import { faultAnswer, type FaultRegistry } from './faults.js';

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON, or a URLSearchParams for an `application/x-www-form-urlencoded` body (the OAuth2 token URL). */
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A route. One that changes the fake's state should return synchronously: its log entry is then recorded in the
 * same tick as the change, before any waiter the change woke gets to run (see `handle`).
 */
export type RouteHandler = (request: RouteRequest) => RouteResult | Promise<RouteResult>;

interface Route {
  method: string;
  segments: string[];
  auth: 'bot' | 'none';
  handler: RouteHandler;
}

export const API_PREFIX = '/api/v10';
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export class RestRouter {
  private readonly routes: Route[] = [];

  constructor(
    private readonly log: FakeLog,
    private readonly faults: FaultRegistry,
    private readonly botToken: string,
  ) {}

  /** `pattern` like `/channels/:channelId/messages`; `auth: 'bot'` requires the bot token. */
  add(method: string, pattern: string, auth: 'bot' | 'none', handler: RouteHandler): void {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), auth, handler });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const rawPath = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
    // discord.js encodes `@original` as `%40original`; match on decoded segments.
    const segments = rawPath.split('/').filter(Boolean).map(safeDecode);
    const path = `/${segments.join('/')}`;
    const authorization = req.headers.authorization;
    const auth: RestLogEntry['auth'] =
      authorization === undefined
        ? 'none'
        : authorization === `Bot ${this.botToken}`
          ? 'bot'
          : authorization.startsWith('Bearer ')
            ? 'bearer'
            : 'invalid';
    const entry: RestLogEntry = {
      kind: 'rest',
      time: Date.now(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      auth,
    };

    let result: RouteResult;
    let body: unknown;
    try {
      body = await readBody(req);
      entry.body = body instanceof URLSearchParams ? redactForm(body) : body;
      const fault = this.faults.take(method, path);
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault?.until) await fault.until.catch(() => undefined);
      if (fault?.status !== undefined) {
        entry.fault = true;
        result = faultAnswer({ ...fault, status: fault.status });
      } else if (!url.pathname.startsWith(API_PREFIX)) {
        result = this.notFound(method, path, entry);
      } else {
        const match = this.match(method, segments);
        if (!match) result = this.notFound(method, path, entry);
        else if (match.route.auth === 'bot' && auth !== 'bot') throw unauthorized();
        else {
          // No await for a synchronous answer: a change wakes waiters (waitForMessage, waitForReply) whose code runs
          // at the next microtask, and by then the request must already be in the log, so tests need not poll it.
          const answer = match.route.handler({
            method,
            path,
            params: match.params,
            query: url.searchParams,
            body,
            headers: req.headers,
          });
          result = answer instanceof Promise ? await answer : answer;
        }
      }
    } catch (error) {
      if (error instanceof DiscordFakeError) {
        result = { status: error.status, body: error.body() };
        entry.errorCode = error.code;
      } else {
        const message = error instanceof Error ? error.message : String(error);
        this.log.sink.warn({ method, path, error: message }, 'the Discord fake failed on a request; answered 500');
        result = { status: 500, body: { message: `500: Internal Server Error (discord fake: ${message})`, code: 0 } };
      }
    }

    entry.status = result.status;
    this.log.add(entry);
    const headers: Record<string, string> = { ...result.headers };
    if (result.body === undefined) {
      res.writeHead(result.status, headers).end();
    } else {
      const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
      res.writeHead(result.status, { 'content-type': 'application/json', ...headers }).end(text);
    }
  }

  private notFound(method: string, path: string, entry: RestLogEntry): RouteResult {
    entry.unknownRoute = true;
    return {
      status: 404,
      body: { message: `404: Not Found (the igcord Discord fake has no route for ${method} ${path})`, code: 0 },
    };
  }

  private match(method: string, segments: string[]): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((pattern, i) => {
        const actual = segments[i]!;
        if (pattern.startsWith(':')) {
          params[pattern.slice(1)] = actual;
          return true;
        }
        return pattern === actual;
      });
      if (ok) return { route, params };
    }
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new DiscordFakeError(413, 40005, 'Request entity too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(text);
  if (type.startsWith('multipart/form-data')) {
    // Files are accepted and ignored; the message itself travels in the `payload_json` part.
    const part = /name="payload_json"(?:\r\n[^\r\n]+)*\r\n\r\n([\s\S]*?)\r\n--/.exec(text);
    return part ? parseJson(part[1]!) : {};
  }
  return parseJson(text);
}

/** A form body as the log keeps it: the OAuth2 secrets a token request carries are not kept. */
function redactForm(form: URLSearchParams): Record<string, string> {
  const secret = new Set(['client_secret', 'code', 'refresh_token']);
  return Object.fromEntries([...form].map(([name, value]) => [name, secret.has(name) ? '[redacted]' : value]));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DiscordFakeError(400, 50109, 'The request body contains invalid JSON.');
  }
}
