// Checks the X-Hub-Signature Instagram puts on every real-time notification (reference §6.4): the lowercase
// hex HMAC-SHA1 of the exact raw body, keyed with the app's client secret, with no `sha1=` prefix (unlike
// today's Meta webhooks). Computed over the raw bytes before any parsing, compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

const SHA1_HEX = /^[0-9a-f]{40}$/i;

/** The signature Instagram sends for `rawBody`: lowercase hex HMAC-SHA1 keyed with the client secret. */
export function hubSignature(rawBody: Buffer, secret: string): string {
  return createHmac('sha1', secret).update(rawBody).digest('hex');
}

/**
 * True only when `header` is a 40-digit hex HMAC-SHA1 of `rawBody` under `secret`. A missing, empty or
 * malformed header is false, never an exception; an empty secret is refused because anyone could sign with it.
 */
export function verifyHubSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (secret === '') throw new TypeError('verifyHubSignature needs the client secret; it was empty');
  if (header === undefined) return false;
  const candidate = header.trim();
  // Both sides are 20 bytes once the format is checked, as timingSafeEqual requires.
  if (!SHA1_HEX.test(candidate)) return false;
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(candidate, 'hex'), expected);
}
