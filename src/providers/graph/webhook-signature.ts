// The signature of Graph webhook deliveries (reference §1.7): "We sign all Event Notification payloads with a
// SHA256 signature and include the signature in the request's X-Hub-Signature-256 header, preceded with
// sha256=", an HMAC-SHA256 over the raw bytes keyed with the app secret. Which app's secret signs an Instagram
// Login delivery (the Instagram app's or the Meta app's) is not settled, so a delivery is accepted when any
// configured secret made it; each comparison is constant-time, and every secret is always tried, so the time
// taken does not say which one matched.
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/** True when `header` is `sha256=<hex>` of HMAC-SHA256(raw body) under one of `secrets`. */
export function verifyGraphSignature(
  rawBody: Buffer | string,
  header: string | string[] | undefined,
  secrets: readonly string[],
): boolean {
  if (secrets.length === 0 || secrets.some((s) => s === '')) {
    throw new TypeError('verifying a Graph webhook needs every configured app secret; one was empty');
  }
  if (typeof header !== 'string') return false;
  const hex = HEADER.exec(header.trim())?.[1];
  if (hex === undefined) return false;
  const candidate = Buffer.from(hex, 'hex');
  let matched = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    if (timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched;
}
