import { describe, expect, it } from 'vitest';
import { TokenDecryptError } from '../../../src/storage/errors.js';
import { createTokenCipher } from '../../../src/storage/token-cipher.js';

const k1 = { id: 'k1', key: Buffer.alloc(32, 1) };
const k2 = { id: 'k2', key: Buffer.alloc(32, 2) };

describe('token cipher', () => {
  it('round-trips a token with a fresh IV each time, naming the key', () => {
    const cipher = createTokenCipher({ current: k1 });
    const a = cipher.encrypt('123.abc.token', 'account-token:1');
    const b = cipher.encrypt('123.abc.token', 'account-token:1');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.k1.')).toBe(true);
    expect(cipher.decrypt(a, 'account-token:1')).toBe('123.abc.token');
    expect(cipher.keyIdOf(a)).toBe('k1');
  });

  it('rejects a ciphertext under another context, a flipped tag, a wrong format and an unknown key', () => {
    const cipher = createTokenCipher({ current: k1 });
    const c = cipher.encrypt('secret', 'ctx-a');
    expect(() => cipher.decrypt(c, 'ctx-b')).toThrow(TokenDecryptError);
    const parts = c.split('.');
    const tag = Buffer.from(parts[4]!, 'base64url');
    tag[15] = tag[15]! ^ 0x80;
    parts[4] = tag.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'ctx-a')).toThrow(/integrity check/);
    expect(() => cipher.decrypt('plaintext-token', 'ctx-a')).toThrow(expect.objectContaining({ reason: 'malformed' }));
    const other = createTokenCipher({ current: k2 }).encrypt('secret', 'ctx-a');
    expect(() => cipher.decrypt(other, 'ctx-a')).toThrow(expect.objectContaining({ reason: 'unknown-key' }));
  });

  it('decrypts with previous keys and encrypts with the current one', () => {
    const old = createTokenCipher({ current: k1 }).encrypt('secret', 'ctx');
    const rotated = createTokenCipher({ current: k2, previous: [k1] });
    expect(rotated.decrypt(old, 'ctx')).toBe('secret');
    expect(rotated.keyIdOf(rotated.encrypt('secret', 'ctx'))).toBe('k2');
  });

  it('refuses two different keys under one id', () => {
    expect(() => createTokenCipher({ current: k1, previous: [{ id: 'k1', key: Buffer.alloc(32, 9) }] })).toThrow(
      /share the id k1/,
    );
  });
});
