// Path handling shared by every API route (reference §1.1): the optional `.json` suffix and trailing slash,
// URL-decoded segments, and the match of a path against the route patterns, most specific pattern first (so
// `/users/search` wins over `/users/{id}`).
import type { RouteDef } from './route.js';

export interface Match {
  route: RouteDef;
  path: Record<string, string>;
}

/** Splits an API path (without /v1) into decoded segments, dropping a trailing slash and a `.json` suffix. */
export function segmentsOf(apiPath: string): string[] | undefined {
  let p = apiPath;
  if (p.endsWith('/')) p = p.slice(0, -1);
  if (p.endsWith('.json')) p = p.slice(0, -'.json'.length);
  if (p.endsWith('/')) p = p.slice(0, -1);
  const raw = p.split('/').slice(1);
  try {
    return raw.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

export class Router {
  private readonly routes: { def: RouteDef; parts: string[]; literals: number }[];

  constructor(routes: RouteDef[]) {
    this.routes = routes
      .map((def) => {
        const parts = def.pattern.split('/').slice(1);
        return { def, parts, literals: parts.filter((p) => !p.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(method: string, apiPath: string): Match | undefined {
    const segments = segmentsOf(apiPath);
    if (!segments) return undefined;
    for (const { def, parts } of this.routes) {
      if (def.method !== method || parts.length !== segments.length) continue;
      const path: Record<string, string> = {};
      let ok = true;
      parts.forEach((part, i) => {
        const segment = segments[i] ?? '';
        if (part.startsWith('{')) {
          if (segment === '') ok = false;
          path[part.slice(1, -1)] = segment;
        } else if (part !== segment) ok = false;
      });
      if (ok) return { route: def, path };
    }
    return undefined;
  }
}

/** The route's label in the request log, e.g. "GET /users/{id}/media/recent". */
export function routeLabel(route: RouteDef): string {
  return `${route.method} ${route.pattern}`;
}
