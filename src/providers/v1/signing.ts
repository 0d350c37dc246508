// Signed requests (reference §5.1): apps with "Enforce signed requests" must add `sig` to every API call.
// sig = hex HMAC-SHA256(client_secret, endpoint + "|key=value" for each parameter sorted by key), where the
// endpoint is the path without `/v1`, URL-decoded, and the parameters are the raw values of every request
// parameter but `sig` (access_token included). `next_url` values come back unsigned and are re-signed here.
import { createHmac } from 'node:crypto';

export type SignableParams = Iterable<readonly [string, string]>;

/** The string the API signs: `/users/self|access_token=…|count=10`. */
export function signatureBase(endpoint: string, params: SignableParams): string {
  const pairs = [...params].filter(([key]) => key !== 'sig');
  // Byte order of the keys, as the API and every official client sorted them (not locale order).
  pairs.sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  return endpoint + pairs.map(([key, value]) => `|${key}=${value}`).join('');
}

/** `sig` for a request to `endpoint` (path without `/v1`, URL-decoded) with these raw parameters. */
export function signRequest(endpoint: string, params: SignableParams, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(signatureBase(endpoint, params), 'utf8').digest('hex');
}

/** The endpoint as it is signed: the URL path without the `/v1` prefix, percent-decoded. */
export function signedEndpoint(urlPath: string): string {
  const withoutPrefix = urlPath.replace(/^\/v1(?=\/)/, '');
  return decodeURIComponent(withoutPrefix);
}

/**
 * Re-signs a URL such as a `next_url`: drops any `sig` it carries and appends a fresh one over its path and
 * query parameters.
 */
export function resignUrl(url: string, clientSecret: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('sig');
  const sig = signRequest(signedEndpoint(parsed.pathname), parsed.searchParams, clientSecret);
  parsed.searchParams.append('sig', sig);
  return parsed.toString();
}
