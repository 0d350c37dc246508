// Discord's request signature on an Interactions Endpoint: Ed25519 over the `X-Signature-Timestamp` value followed
// by the raw body, hex in `X-Signature-Ed25519`, checked with the application's public key (the 64 hex characters
// of the developer portal's "Public Key")
// (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers).
// node:crypto verifies Ed25519 itself; the raw key is wrapped as a JWK (RFC 8037: `x` is the raw key, base64url).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const PUBLIC_KEY_HEX = /^[0-9a-f]{64}$/i;
const SIGNATURE_HEX = /^[0-9a-f]{128}$/i;

/** Checks one request's signature; false for anything missing, malformed or not made with the key. */
export type InteractionSignatureCheck = (
  timestamp: string | undefined,
  body: Buffer,
  signatureHex: string | undefined,
) => boolean;

/** Builds the check once per public key; a key that is not 32 bytes of hex, or not a valid point, throws here. */
export function interactionSignatureCheck(publicKeyHex: string): InteractionSignatureCheck {
  if (!PUBLIC_KEY_HEX.test(publicKeyHex))
    throw new TypeError('the Discord public key must be 64 hex characters (32 bytes)');
  const key: KeyObject = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') },
    format: 'jwk',
  });
  return (timestamp, body, signatureHex) => {
    if (timestamp === undefined || timestamp === '' || signatureHex === undefined || !SIGNATURE_HEX.test(signatureHex))
      return false;
    try {
      return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
    } catch {
      // node throws rather than answering false for some malformed signatures: either way it is not Discord's.
      return false;
    }
  };
}
