// The nonce of a delivery is what makes a repeated post after a crash harmless: the same for the same (feed,
// media), different otherwise, and within Discord's 25 characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryNonce } from '../../../src/feeds/delivery-nonce.js';

describe('deliveryNonce', () => {
  it('is the same for the same feed and media and at most 25 characters', () => {
    const nonce = deliveryNonce('abcdefghjk', '1368346650868743235_1127977711');
    expect(nonce).toBe(deliveryNonce('abcdefghjk', '1368346650868743235_1127977711'));
    expect(nonce.length).toBeLessThanOrEqual(25);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('differs between feeds and between media, including ids that concatenate alike', () => {
    expect(deliveryNonce('feed1', 'media')).not.toBe(deliveryNonce('feed2', 'media'));
    expect(deliveryNonce('ab', 'c')).not.toBe(deliveryNonce('a', 'bc'));
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (feed, a, b) => {
          fc.pre(a !== b);
          expect(deliveryNonce(feed, a)).not.toBe(deliveryNonce(feed, b));
        },
      ),
    );
  });
});
