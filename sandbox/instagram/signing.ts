// Signed requests (reference §5.1): the string `<endpoint>|k=v|…` (endpoint = path without /v1, URL-decoded, as
// requested; parameters sorted by key, `sig` excluded, raw values) signed with HMAC-SHA256 keyed by the client
// secret, as lowercase hex. Written from the reference, independently of igcord's client.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signatureBase(endpoint: string, params: Iterable<[string, string]>): string {
  const pairs = [...params].filter(([k]) => k !== 'sig');
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return endpoint + pairs.map(([k, v]) => `|${k}=${v}`).join('');
}

export function computeSig(endpoint: string, params: Iterable<[string, string]>, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(signatureBase(endpoint, params), 'utf8').digest('hex');
}

export type SigCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks the `sig` values of a request. Any matching value is accepted, because one public client appends `sig`
 * twice on GET (once over the token alone, once over all parameters).
 */
export function checkSig(endpoint: string, params: URLSearchParams, clientSecret: string): SigCheck {
  const supplied = params.getAll('sig');
  if (supplied.length === 0) return { ok: false, message: "Invalid signed-request: Missing required parameter 'sig'" };
  const unique = new Map<string, string>();
  for (const [k, v] of params) if (k !== 'sig') unique.set(k, v);
  const expected = Buffer.from(computeSig(endpoint, unique, clientSecret), 'utf8');
  for (const sig of supplied) {
    const given = Buffer.from(sig.toLowerCase(), 'utf8');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, message: 'Invalid signed-request: Signature does not match' };
}
