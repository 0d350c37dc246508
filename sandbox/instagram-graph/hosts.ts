// Where each real host lives on the emulator's one server (README "Hosts"): the Instagram hosts share the root
// (their paths do not collide: /oauth/authorize, POST /oauth/access_token, /access_token,
// /refresh_access_token, /vNN.N/…), the Facebook hosts each have a prefix. A client configured with one base URL
// per host reaches the emulator or the real service by configuration alone.
export const FACEBOOK_WWW_PREFIX = '/facebook-www';
export const FACEBOOK_GRAPH_PREFIX = '/facebook-graph';

export interface GraphHostUrls {
  /** www.instagram.com (the authorize page: `/oauth/authorize`). */
  instagramWww: string;
  /** api.instagram.com (the code exchange: `POST /oauth/access_token`). */
  instagramApi: string;
  /** graph.instagram.com (`/vNN.N/…`, `/access_token`, `/refresh_access_token`). */
  instagramGraph: string;
  /** www.facebook.com (the dialog: `/vNN.N/dialog/oauth`). */
  facebookWww: string;
  /** graph.facebook.com (`/vNN.N/…`, `/vNN.N/oauth/access_token`). */
  facebookGraph: string;
}

export function hostUrls(base: string): GraphHostUrls {
  return {
    instagramWww: base,
    instagramApi: base,
    instagramGraph: base,
    facebookWww: `${base}${FACEBOOK_WWW_PREFIX}`,
    facebookGraph: `${base}${FACEBOOK_GRAPH_PREFIX}`,
  };
}

/** Strips an optional `/vNN.N` version prefix: `/v25.0/me/media` → `/me/media`. */
export function stripVersion(path: string): { version?: string; rest: string } {
  const match = /^\/(v\d+\.\d+)(?=\/|$)/.exec(path);
  if (!match?.[1]) return { rest: path };
  return { version: match[1], rest: path.slice(match[0].length) || '/' };
}

/** Exact match with a registered redirect URI, a trailing slash aside (the dashboard may add one, reference §1.2). */
export function redirectMatches(registered: readonly string[], sent: string): boolean {
  const bare = (u: string) => u.replace(/\/+$/, '');
  return registered.some((r) => r === sent || bare(r) === bare(sent));
}
