// The shapes of Instagram's identifiers (reference §2.3, §2.9, §4.3), generated the way the real service laid
// them out so that clients parsing or sorting them meet realistic values: media pks whose high bits are the
// milliseconds since Instagram's 2011 epoch, base-64 shortcodes of those pks, `<pk>_<owner>` media ids,
// 17-digit comment ids and `<uid>.<client_id[0:7]>.<32 hex>` access tokens.
import { createHash, randomBytes } from 'node:crypto';

/** pk >> 23 is the number of milliseconds since this instant (2011-08-24), verified on real media. */
export const INSTAGRAM_EPOCH_MS = 1314220021721;

const SHORTCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A media pk: milliseconds since the epoch in the high bits, 23 bits of shard and sequence below. */
export function makePk(createdMs: number, sequence: number): bigint {
  const ms = BigInt(Math.max(0, Math.floor(createdMs - INSTAGRAM_EPOCH_MS)));
  return (ms << 23n) | BigInt(sequence & 0x7fffff);
}

/** When a pk was created, in ms epoch. */
export function pkTime(pk: bigint): number {
  return Number(pk >> 23n) + INSTAGRAM_EPOCH_MS;
}

/** The pk written in base 64 (alphabet A–Z a–z 0–9 - _), most significant digit first. */
export function shortcodeFromPk(pk: bigint): string {
  if (pk === 0n) return 'A';
  let out = '';
  let rest = pk;
  while (rest > 0n) {
    out = SHORTCODE_ALPHABET[Number(rest % 64n)] + out;
    rest /= 64n;
  }
  return out;
}

/** The pk a shortcode stands for, or undefined when it has a character outside the alphabet. */
export function pkFromShortcode(shortcode: string): bigint | undefined {
  if (shortcode.length === 0 || shortcode.length > 12) return undefined;
  let pk = 0n;
  for (const ch of shortcode) {
    const digit = SHORTCODE_ALPHABET.indexOf(ch);
    if (digit < 0) return undefined;
    pk = pk * 64n + BigInt(digit);
  }
  return pk;
}

export function mediaIdOf(pk: bigint, ownerId: string): string {
  return `${pk}_${ownerId}`;
}

/** The pk of a media id (`<pk>_<owner>`), or of a bare pk (very old media ids had no owner part). */
export function pkFromMediaId(mediaId: string): bigint | undefined {
  const match = /^(\d{1,20})(?:_(\d{1,20}))?$/.exec(mediaId);
  if (!match?.[1]) return undefined;
  return BigInt(match[1]);
}

/** A new access token for a user and client, in the shape seen on real tokens. Random: tokens are secrets. */
export function makeAccessToken(userId: string, clientId: string): string {
  return `${userId}.${clientId.slice(0, 7)}.${randomBytes(16).toString('hex')}`;
}

/** How a token is named in logs: the first 12 hex of its SHA-256, never the token. */
export function tokenIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

/** Unix seconds as a string, the way every timestamp of the API is written. */
export function unixString(ms: number): string {
  return String(Math.floor(ms / 1000));
}
