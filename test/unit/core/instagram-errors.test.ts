// The Instagram error taxonomy is core's: the limiter, ops and the Discord replies decide on core's classes, and
// the v1 client maps its wire errors into those same classes, so `instanceof` holds across the layers.
import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core/instagram-errors.js';
import * as v1 from '../../../src/providers/v1/errors.js';

const headers = { limit: 500, remaining: 0 };

describe('the Instagram errors of core', () => {
  it('are what a v1 error body maps to, so the limiter recognises a v1 rate limit without knowing v1', () => {
    const error = v1.fromApiError(
      429,
      { code: 429, error_type: 'OAuthRateLimitException', error_message: 'slow down' },
      headers,
      42,
    );
    expect(error).toBeInstanceOf(core.InstagramRateLimitError);
    expect(error).toBeInstanceOf(core.InstagramError);
    expect(error).toMatchObject({
      type: 'OAuthRateLimitException',
      status: 429,
      retryable: true,
      rateLimit: headers,
      resetsAt: 42,
    });
  });

  it('are the classes v1 still exports under their old names', () => {
    for (const name of Object.keys(core) as (keyof typeof core)[]) {
      expect(v1[name as keyof typeof v1], name).toBe(core[name]);
    }
    expect(new v1.InstagramTimeoutError('no answer')).toMatchObject({
      retryable: true,
      status: 0,
      type: 'TimeoutError',
    });
  });
});
