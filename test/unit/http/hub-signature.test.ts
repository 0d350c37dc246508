import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hubSignature, verifyHubSignature } from '../../../src/http/hub-signature.js';

const SECRET = '6dc1787668c64c939929c17683d7cb74';
// The 2016 notification of reference §6.4, byte for byte.
const BODY = Buffer.from(
  '[{"subscription_id":3953547,"object":"user","object_id":"190277687","changed_aspect":"media","time":1477869300,"data":{"media_id":"1372789645779973559_190277687"}}]',
);
// Computed once with node's crypto when this test was written; hard-coded so a
// change of algorithm, key handling or encoding in the code under test cannot silently move both sides.
const BODY_SIGNATURE = '7d08b01269216165a2c379dd6917d1fbec7359c4';

describe('X-Hub-Signature', () => {
  it('is the lowercase hex HMAC-SHA1 of the raw body keyed with the client secret', () => {
    const expected = createHmac('sha1', SECRET).update(BODY).digest('hex');
    expect(hubSignature(BODY, SECRET)).toBe(expected);
    expect(verifyHubSignature(BODY, expected, SECRET)).toBe(true);
  });

  it('matches the fixed vector computed when the test was written', () => {
    expect(hubSignature(BODY, SECRET)).toBe(BODY_SIGNATURE);
    expect(verifyHubSignature(BODY, BODY_SIGNATURE, SECRET)).toBe(true);
  });

  it('matches the published HMAC-SHA1 example ("key", "The quick brown fox jumps over the lazy dog")', () => {
    const body = Buffer.from('The quick brown fox jumps over the lazy dog');
    expect(verifyHubSignature(body, 'de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9', 'key')).toBe(true);
  });

  it('accepts upper-case hex and surrounding whitespace of the same digest', () => {
    expect(verifyHubSignature(BODY, BODY_SIGNATURE.toUpperCase(), SECRET)).toBe(true);
    expect(verifyHubSignature(BODY, ` ${BODY_SIGNATURE}\t`, SECRET)).toBe(true);
  });

  it('rejects a missing, empty, truncated, prefixed or non-hex header', () => {
    for (const header of [undefined, '', BODY_SIGNATURE.slice(0, 39), `sha1=${BODY_SIGNATURE}`, `${BODY_SIGNATURE}00`, 'z'.repeat(40)]) {
      expect(verifyHubSignature(BODY, header, SECRET)).toBe(false);
    }
  });

  it('rejects a body signed with another secret', () => {
    const other = hubSignature(BODY, 'ffffffffffffffffffffffffffffffff');
    expect(verifyHubSignature(BODY, other, SECRET)).toBe(false);
  });

  it('rejects the signature of a body that differs by one byte (the raw bytes are signed, not the JSON)', () => {
    const reformatted = Buffer.from(BODY.toString().replace('"time":1477869300', '"time": 1477869300'));
    expect(verifyHubSignature(reformatted, BODY_SIGNATURE, SECRET)).toBe(false);
  });

  it('refuses to verify with an empty secret, which anyone could sign with', () => {
    expect(() => verifyHubSignature(BODY, hubSignature(BODY, ''), '')).toThrow(TypeError);
  });
});
