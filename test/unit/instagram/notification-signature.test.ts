import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  answerChallenge,
  signNotification,
  verifyNotificationSignature,
} from '../../../src/providers/v1/subscriptions.js';

const SECRET = 'fedcba9876543210fedcba9876543210';
const BODY = JSON.stringify([
  {
    changed_aspect: 'media',
    object: 'user',
    object_id: '190277687',
    time: 1477869300,
    subscription_id: 0,
    data: { media_id: '1372789645779973559_190277687' },
  },
]);
const good = createHmac('sha1', SECRET).update(BODY).digest('hex');

describe('notification signature (X-Hub-Signature)', () => {
  it('accepts the lowercase hex HMAC-SHA1 of the raw body, as a string or as bytes', () => {
    expect(verifyNotificationSignature(BODY, good, SECRET)).toBe(true);
    expect(verifyNotificationSignature(Buffer.from(BODY), good, SECRET)).toBe(true);
    expect(signNotification(BODY, SECRET)).toBe(good);
  });

  it('rejects a body signed with another secret', () => {
    expect(verifyNotificationSignature(BODY, signNotification(BODY, '0'.repeat(32)), SECRET)).toBe(false);
  });

  it('rejects a body changed by one byte (e.g. re-serialised JSON)', () => {
    expect(verifyNotificationSignature(` ${BODY}`, good, SECRET)).toBe(false);
  });

  it('rejects a missing, empty, prefixed, non-hex or truncated header', () => {
    expect(verifyNotificationSignature(BODY, undefined, SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, '', SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, `sha1=${good}`, SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, 'z'.repeat(40), SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, good.slice(0, 39), SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, `${good}00`, SECRET)).toBe(false);
  });
});

describe('notification signature vectors', () => {
  const VECTOR_SECRET = '6dc1787668c64c939929c17683d7cb74';
  // The 2016 notification of reference §6.4, byte for byte, and its signature computed once with node's crypto
  // and hard-coded, so a change of algorithm, key handling or encoding cannot silently move both sides.
  const VECTOR_BODY = Buffer.from(
    '[{"subscription_id":3953547,"object":"user","object_id":"190277687","changed_aspect":"media","time":1477869300,"data":{"media_id":"1372789645779973559_190277687"}}]',
  );
  const VECTOR_SIGNATURE = '7d08b01269216165a2c379dd6917d1fbec7359c4';

  it('matches the fixed vector computed when the test was written', () => {
    expect(signNotification(VECTOR_BODY, VECTOR_SECRET)).toBe(VECTOR_SIGNATURE);
    expect(verifyNotificationSignature(VECTOR_BODY, VECTOR_SIGNATURE, VECTOR_SECRET)).toBe(true);
  });

  it('matches the published HMAC-SHA1 example ("key", "The quick brown fox jumps over the lazy dog")', () => {
    const body = Buffer.from('The quick brown fox jumps over the lazy dog');
    expect(verifyNotificationSignature(body, 'de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9', 'key')).toBe(true);
  });

  it('tolerates upper-case hex and surrounding whitespace of the same digest', () => {
    expect(verifyNotificationSignature(VECTOR_BODY, VECTOR_SIGNATURE.toUpperCase(), VECTOR_SECRET)).toBe(true);
    expect(verifyNotificationSignature(VECTOR_BODY, ` ${VECTOR_SIGNATURE}\t`, VECTOR_SECRET)).toBe(true);
  });

  it('refuses to verify with an empty secret, which anyone could sign with', () => {
    expect(() => verifyNotificationSignature(VECTOR_BODY, signNotification(VECTOR_BODY, ''), '')).toThrow(TypeError);
  });
});

describe('subscription challenge', () => {
  const query = (q: Record<string, string>) => new URLSearchParams(q);

  it('echoes hub.challenge when the mode and verify token match', () => {
    expect(
      answerChallenge(query({ 'hub.mode': 'subscribe', 'hub.challenge': 'abc123', 'hub.verify_token': 'vt' }), 'vt'),
    ).toBe('abc123');
  });

  it('refuses a wrong verify token, another mode, or no challenge', () => {
    expect(
      answerChallenge(query({ 'hub.mode': 'subscribe', 'hub.challenge': 'abc', 'hub.verify_token': 'no' }), 'vt'),
    ).toBeUndefined();
    expect(
      answerChallenge(query({ 'hub.mode': 'unsubscribe', 'hub.challenge': 'abc', 'hub.verify_token': 'vt' }), 'vt'),
    ).toBeUndefined();
    expect(answerChallenge(query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'vt' }), 'vt')).toBeUndefined();
  });
});
