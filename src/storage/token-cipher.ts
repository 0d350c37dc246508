// Encryption of the secrets igcord keeps at rest (Instagram access tokens, webhook tokens, interaction tokens):
// AES-256-GCM with a random 96-bit IV per value and the 128-bit auth tag checked on every read. Each ciphertext
// names the key that made it, `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url), so keys can rotate: the newest
// key encrypts, every configured key decrypts. The caller binds each ciphertext to where it is stored
// (`context`, used as GCM additional data), so a ciphertext copied into another record fails to decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TokenDecryptError } from './errors.js';

/**
 * A key that encrypts tokens at rest, named by its id so ciphertexts can say which key made them. Configured as
 * `<key id>:<base64 of 32 random bytes>` (TOKEN_ENCRYPTION_KEY, checked by src/config-schema.ts).
 */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface TokenCipher {
  /** Id of the key new ciphertexts are made with. */
  readonly currentKeyId: string;
  encrypt(plaintext: string, context: string): string;
  /** Throws TokenDecryptError (`unknown-key`, `malformed` or `tampered`). */
  decrypt(ciphertext: string, context: string): string;
  /** The key id a ciphertext names, or undefined if it is not in igcord's format. */
  keyIdOf(ciphertext: string): string | undefined;
}

export interface TokenCipherKeys {
  /** Encrypts new values and decrypts. */
  current: EncryptionKey;
  /** Older keys, accepted for decryption only, so records written before a rotation stay readable. */
  previous?: readonly EncryptionKey[] | undefined;
}

export function createTokenCipher(keys: TokenCipherKeys): TokenCipher {
  const byId = new Map<string, Buffer>();
  for (const k of [keys.current, ...(keys.previous ?? [])]) {
    if (k.key.length !== 32) throw new RangeError(`encryption key ${k.id} must be 32 bytes, got ${k.key.length}`);
    const known = byId.get(k.id);
    if (known !== undefined && !known.equals(k.key)) {
      throw new RangeError(`two different encryption keys share the id ${k.id}; give each key its own id`);
    }
    byId.set(k.id, k.key);
  }
  const current = keys.current;

  return {
    currentKeyId: current.id,
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [FORMAT, current.id, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join(
        '.',
      );
    },
    decrypt(ciphertext, context) {
      const parts = parse(ciphertext);
      if (parts === undefined) {
        throw new TokenDecryptError(
          'malformed',
          "a stored secret is not in igcord's encrypted format (v1.<key id>.<iv>.<data>.<tag>)",
        );
      }
      const key = byId.get(parts.keyId);
      if (key === undefined) {
        throw new TokenDecryptError(
          'unknown-key',
          `a stored secret was encrypted with key "${parts.keyId}", which is not configured; ` +
            'add it to TOKEN_ENCRYPTION_KEYS_PREVIOUS (or relink the account)',
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(parts.tag);
        return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new TokenDecryptError(
          'tampered',
          `a stored secret failed its integrity check under key "${parts.keyId}": it was altered, copied from ` +
            'another record, or that key id now names a different key',
          { cause },
        );
      }
    },
    keyIdOf(ciphertext) {
      return parse(ciphertext)?.keyId;
    },
  };
}

function parse(ciphertext: string): { keyId: string; iv: Buffer; body: Buffer; tag: Buffer } | undefined {
  const parts = ciphertext.split('.');
  if (parts.length !== 5 || parts[0] !== FORMAT) return undefined;
  const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
  const b64url = /^[A-Za-z0-9_-]*$/;
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(keyId) || !b64url.test(iv) || !b64url.test(body) || !b64url.test(tag))
    return undefined;
  const decoded = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    body: Buffer.from(body, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) return undefined;
  return decoded;
}
