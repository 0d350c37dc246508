import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, parseAuthorizeCallback } from '../../../src/providers/v1/oauth.js';

const CLIENT = '0123456789abcdef0123456789abcdef';
const REDIRECT = 'http://127.0.0.1:3000/oauth/callback';

describe('authorize URL', () => {
  it('joins scopes with a literal + and never %2B', () => {
    const url = buildAuthorizeUrl('https://api.instagram.com', CLIENT, REDIRECT, {
      scopes: ['basic', 'public_content', 'likes'],
      state: 's1',
    });
    expect(url).toBe(
      `https://api.instagram.com/oauth/authorize/?client_id=${CLIENT}&redirect_uri=http%3A%2F%2F127.0.0.1%3A3000%2Foauth%2Fcallback&response_type=code&scope=basic+public_content+likes&state=s1`,
    );
    expect(url).not.toContain('%2B');
  });

  it('leaves scope out when there are no scopes (an empty scope= is invalid)', () => {
    const url = buildAuthorizeUrl('https://api.instagram.com/', CLIENT, REDIRECT, { scopes: [] });
    expect(url).not.toContain('scope=');
    expect(url).not.toContain('state=');
    expect(url.startsWith('https://api.instagram.com/oauth/authorize/?')).toBe(true);
  });

  it('builds the implicit flow with response_type=token and encodes the state', () => {
    const url = new URL(
      buildAuthorizeUrl('http://127.0.0.1:9', CLIENT, REDIRECT, {
        responseType: 'token',
        scopes: ['basic'],
        state: 'a b&c',
      }),
    );
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.get('state')).toBe('a b&c');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    // URLSearchParams reads '+' as a space: the scope list comes back space-separated, as the API reads it.
    expect(url.searchParams.get('scope')).toBe('basic');
  });
});

describe('authorize callback', () => {
  it('reads the code and state of the explicit flow', () => {
    expect(parseAuthorizeCallback(`${REDIRECT}?code=abc&state=s1`)).toEqual({ kind: 'code', code: 'abc', state: 's1' });
  });

  it('reads the token of the implicit flow from the fragment', () => {
    expect(parseAuthorizeCallback(`${REDIRECT}#access_token=1.2.3`)).toEqual({
      kind: 'token',
      accessToken: '1.2.3',
      state: undefined,
    });
  });

  it('reads a denial', () => {
    expect(
      parseAuthorizeCallback(
        `${REDIRECT}?error=access_denied&error_reason=user_denied&error_description=The+user+denied+your+request&state=s`,
      ),
    ).toEqual({
      kind: 'denied',
      error: 'access_denied',
      reason: 'user_denied',
      description: 'The user denied your request',
      state: 's',
    });
  });

  it('says invalid when nothing usable came back', () => {
    expect(parseAuthorizeCallback('/oauth/callback?state=s')).toEqual({ kind: 'invalid' });
  });
});
