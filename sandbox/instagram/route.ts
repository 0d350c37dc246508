// What an API route is: its method and path pattern, the budget it draws on, the scopes it needs (computed per
// request, since `basic` suffices for the token owner's own data), and its handler. Handlers return the `data`
// (and `pagination` for list endpoints) of the envelope or throw an ApiError.
import type { WriteBucket } from './limits.js';
import type { Json } from './json.js';
import type { World } from './world.js';

export interface Viewer {
  userId: string;
  clientId: string;
  scopes: ReadonlySet<string>;
}

export interface RouteContext {
  world: World;
  viewer: Viewer;
  /** Query parameters (GET/DELETE) or query and form parameters (POST), URL-decoded. */
  params: URLSearchParams;
  /** Path parameters by name, URL-decoded. */
  path: Record<string, string>;
  /** `next_url`: this endpoint with the original query (minus `sig`) and the given cursor parameters set. */
  nextUrl(cursor: Record<string, string>): string;
  now(): number;
}

export interface RouteResult {
  data: Json;
  /** Present only on list endpoints that page. */
  pagination?: { [key: string]: Json };
}

export interface RouteDef {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path under /v1 with `{name}` placeholders, e.g. `/users/{id}/media/recent`. */
  pattern: string;
  writeBucket?: WriteBucket;
  /** The scopes the call needs; the first one the token lacks is named in the error. */
  scopes(ctx: RouteContext): string[];
  handle(ctx: RouteContext): RouteResult;
}

/** Path parameter access that fails loudly when a route's pattern and handler disagree. */
export function pathParam(ctx: RouteContext, name: string): string {
  const value = ctx.path[name];
  if (value === undefined) throw new Error(`route has no path parameter ${name}`);
  return value;
}
