// The redirect-URI rule of reference §4.1: scheme, host, port and path must equal a registered URI exactly
// (trailing slash included); extra query parameters may follow; a registered query must be the exact start of
// the sent one, in the same order.

export function redirectUriMatches(registered: string, sent: string): boolean {
  let r: URL;
  let s: URL;
  try {
    r = new URL(registered);
    s = new URL(sent);
  } catch {
    return false;
  }
  if (s.hash !== '') return false;
  if (r.protocol !== s.protocol || r.host !== s.host || r.pathname !== s.pathname) return false;
  const rq = r.search.slice(1);
  const sq = s.search.slice(1);
  if (rq === '') return true;
  return sq === rq || sq.startsWith(`${rq}&`);
}

export function matchesAny(registered: readonly string[], sent: string): boolean {
  return registered.some((r) => redirectUriMatches(r, sent));
}

/** The redirect URI with parameters added to its query (keeping what the client put there). */
export function withQuery(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
  return url.toString();
}
