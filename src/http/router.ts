// The HTTP server's routing table: exact method + exact path, nothing else. Adding a route is one line,
// `route('GET', '/healthz', handler)`, in the list the composition root hands to startHttpServer. A known path
// asked with another method is a 405 that names the allowed methods; an unknown path is a 404.
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../log.js';
import type { HttpResponse } from './http-response.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** What a route handler receives for one request. */
export interface RequestContext {
  req: IncomingMessage;
  /** The request target parsed against a placeholder origin: use `pathname` and `searchParams`. */
  url: URL;
  requestId: string;
  /** A child logger carrying the request id. */
  log: Logger;
}

export type RouteHandler = (ctx: RequestContext) => Promise<HttpResponse> | HttpResponse;

export interface Route {
  method: HttpMethod;
  path: string;
  handler: RouteHandler;
}

export function route(method: HttpMethod, path: string, handler: RouteHandler): Route {
  return { method, path, handler };
}

export type RouteMatch =
  { kind: 'found'; handler: RouteHandler } | { kind: 'not-found' } | { kind: 'method-not-allowed'; allow: string };

export interface Router {
  match(method: string, path: string): RouteMatch;
}

/** Builds the table once; two routes for the same method and path are a programming error caught at start. */
export function createRouter(routes: readonly Route[]): Router {
  const table = new Map<string, Map<string, RouteHandler>>();
  for (const r of routes) {
    if (!r.path.startsWith('/')) throw new TypeError(`route path must start with "/": ${r.path}`);
    const byMethod = table.get(r.path) ?? new Map<string, RouteHandler>();
    if (byMethod.has(r.method)) throw new TypeError(`duplicate route ${r.method} ${r.path}`);
    byMethod.set(r.method, r.handler);
    table.set(r.path, byMethod);
  }
  return {
    match(method, path) {
      const byMethod = table.get(path);
      if (byMethod === undefined) return { kind: 'not-found' };
      const handler = byMethod.get(method);
      if (handler !== undefined) return { kind: 'found', handler };
      return { kind: 'method-not-allowed', allow: [...byMethod.keys()].sort().join(', ') };
    },
  };
}
