// The Discord message nonce of one delivery: a pure function of (feed id, media id), so a post repeated after a
// crash between "Discord accepted it" and "igcord recorded it" carries the same nonce and, with
// `enforce_nonce: true`, Discord answers with the first message instead of posting a second one.
import { createHash } from 'node:crypto';

/** Discord accepts nonces of at most 25 characters. */
export const NONCE_LENGTH = 25;

export function deliveryNonce(feedId: string, mediaId: string): string {
  // base64url of SHA-256: 25 characters carry 150 bits, far beyond any chance of two deliveries colliding.
  return createHash('sha256')
    .update(`igcord-delivery\0${feedId}\0${mediaId}`)
    .digest('base64url')
    .slice(0, NONCE_LENGTH);
}

/**
 * The nonce of one message of a digest: a pure function of (feed, the period's end, part), so a part posted again
 * after a crash is answered with the first message (docs/decisions/0031).
 */
export function digestNonce(feedId: string, dueAt: number, part: number): string {
  return createHash('sha256')
    .update(`igcord-digest\0${feedId}\0${dueAt}\0${part}`)
    .digest('base64url')
    .slice(0, NONCE_LENGTH);
}
