// Graph's error envelope mapped to typed errors in one place ([M-ERR], reference §1.6): by `code`, whatever the
// HTTP status; with the machine fields a caller decides on.
import { describe, expect, it } from 'vitest';
import {
  fromGraphError,
  GraphApiError,
  GraphParameterError,
  GraphPermissionError,
  GraphRateLimitError,
  GraphServerError,
  GraphTokenError,
} from '../../../src/providers/graph/errors.js';
import { NO_USAGE, readUsage } from '../../../src/providers/graph/usage.js';

const NOW = Date.UTC(2026, 10, 2);

describe('fromGraphError', () => {
  it('types codes 1 and 2 as retryable server errors even under HTTP 400', () => {
    for (const code of [1, 2]) {
      const error = fromGraphError(400, { code, message: 'x', type: 'OAuthException' }, NO_USAGE, NOW);
      expect(error).toBeInstanceOf(GraphServerError);
      expect(error.retryable).toBe(true);
    }
  });

  it('types permissions 10 and 200–299, and 100 as a parameter error', () => {
    expect(fromGraphError(400, { code: 10 }, NO_USAGE, NOW)).toBeInstanceOf(GraphPermissionError);
    expect(fromGraphError(403, { code: 299 }, NO_USAGE, NOW)).toBeInstanceOf(GraphPermissionError);
    expect(fromGraphError(400, { code: 100, error_subcode: 33 }, NO_USAGE, NOW)).toMatchObject({
      code: 100,
      subcode: 33,
      retryable: false,
    });
    expect(fromGraphError(400, { code: 100 }, NO_USAGE, NOW)).toBeInstanceOf(GraphParameterError);
  });

  it('reads the token problem from the 190 subcode, or from the "cannot parse" wording', () => {
    expect(fromGraphError(400, { code: 190, error_subcode: 463 }, NO_USAGE, NOW)).toMatchObject({ problem: 'expired' });
    expect(
      fromGraphError(
        401,
        { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
        NO_USAGE,
        NOW,
      ),
    ).toMatchObject({
      problem: 'invalid',
      status: 401,
    });
    expect(fromGraphError(400, { code: 190 }, NO_USAGE, NOW)).toBeInstanceOf(GraphTokenError);
  });

  it('gives a rate limit its regain time from the usage header of the same answer', () => {
    const headers = new Headers({
      'x-business-use-case-usage': JSON.stringify({
        '17841': [
          {
            type: 'instagram',
            call_count: 100,
            total_cputime: 20,
            total_time: 30,
            estimated_time_to_regain_access: 12,
          },
        ],
      }),
    });
    const error = fromGraphError(400, { code: 80002, fbtrace_id: 'Abc' }, readUsage(headers), NOW);
    expect(error).toBeInstanceOf(GraphRateLimitError);
    expect(error).toMatchObject({ bucket: 'account', regainsAt: NOW + 12 * 60_000, fbtraceId: 'Abc', retryable: true });
  });

  it('keeps an unknown code as a plain Graph error, retryable only when Graph says it is transient', () => {
    const error = fromGraphError(400, { code: 36104, is_transient: false }, NO_USAGE, NOW);
    expect(error.constructor).toBe(GraphApiError);
    expect(error.retryable).toBe(false);
    expect(fromGraphError(400, { code: 9007, is_transient: true }, NO_USAGE, NOW).retryable).toBe(true);
  });
});
