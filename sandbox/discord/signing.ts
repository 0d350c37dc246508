// The application's Ed25519 key pair, as the developer portal shows its public key (64 hex characters), and the
// signature Discord puts on every request to an Interactions Endpoint URL: Ed25519 over the
// `X-Signature-Timestamp` value followed by the raw body, hex in `X-Signature-Ed25519`
// (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers).
// Written from that description with node:crypto alone, apart from igcord's verifier.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface ApplicationKeys {
  /** The 32-byte raw public key, hex: what the portal's "Public Key" field holds. */
  publicKeyHex: string;
  /** Signs `timestamp + body`; returns the hex signature. */
  sign(timestamp: string, body: string): string;
}

export function createApplicationKeys(): ApplicationKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyHex: rawPublicKeyHex(publicKey), sign: (timestamp, body) => signWith(privateKey, timestamp, body) };
}

/** A key pair that is not the application's: the endpoint check signs a PING with it and expects a refusal. */
export function foreignSigner(): (timestamp: string, body: string) => string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return (timestamp, body) => signWith(privateKey, timestamp, body);
}

function signWith(key: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body, 'utf8'), key).toString('hex');
}

function rawPublicKeyHex(key: KeyObject): string {
  // An Ed25519 JWK carries the raw 32-byte key as `x` (RFC 8037 §2), base64url.
  const { x } = key.export({ format: 'jwk' });
  return Buffer.from(x!, 'base64url').toString('hex');
}
