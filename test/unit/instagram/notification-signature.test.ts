import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerChallenge, signNotification, verifyNotificationSignature } from '../../../src/instagram/subscriptions.js';

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

  it('rejects a missing, empty, prefixed, upper-case or truncated header', () => {
    expect(verifyNotificationSignature(BODY, undefined, SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, '', SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, `sha1=${good}`, SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, good.toUpperCase(), SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, good.slice(0, 39), SECRET)).toBe(false);
    expect(verifyNotificationSignature(BODY, `${good}00`, SECRET)).toBe(false);
  });
});

describe('subscription challenge', () => {
  const query = (q: Record<string, string>) => new URLSearchParams(q);

  it('echoes hub.challenge when the mode and verify token match', () => {
    expect(answerChallenge(query({ 'hub.mode': 'subscribe', 'hub.challenge': 'abc123', 'hub.verify_token': 'vt' }), 'vt')).toBe(
      'abc123',
    );
  });

  it('refuses a wrong verify token, another mode, or no challenge', () => {
    expect(answerChallenge(query({ 'hub.mode': 'subscribe', 'hub.challenge': 'abc', 'hub.verify_token': 'no' }), 'vt')).toBeUndefined();
    expect(answerChallenge(query({ 'hub.mode': 'unsubscribe', 'hub.challenge': 'abc', 'hub.verify_token': 'vt' }), 'vt')).toBeUndefined();
    expect(answerChallenge(query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'vt' }), 'vt')).toBeUndefined();
  });
});
