import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../../src/log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, log: createLogger({ level: 'debug', destination }) };
}

describe('logger', () => {
  it('redacts tokens, the client secret, OAuth codes and states and signatures wherever they sit', () => {
    const { lines, log } = capture();
    log.info(
      {
        access_token: '123.abcdef0.0123456789abcdef0123456789abcdef',
        client_secret: 'fedcba9876543210fedcba9876543210',
        oauth: { code: 'the-oauth-code', state: 'the-oauth-state' },
        request: { headers: { 'x-hub-signature': 'deadbeefsignature', authorization: 'Bot discord-token' } },
        account: { accessToken: 'nested-token-value' },
        sig: 'sigvalue',
        instagramUserId: '1234567',
      },
      'linked',
    );
    const text = lines.join('');
    for (const secret of ['0123456789abcdef0123456789abcdef', 'fedcba9876543210', 'the-oauth-code', 'the-oauth-state', 'deadbeefsignature', 'discord-token', 'nested-token-value', 'sigvalue']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('1234567');
    expect(text).toContain('[Redacted]');
  });

  it('redacts secret query parameters and implicit-flow fragments from URLs', () => {
    const url = redactUrl('https://api.instagram.com/v1/users/self?access_token=123.abc.def&count=5&sig=ffff#x');
    expect(url).not.toContain('123.abc.def');
    expect(url).not.toContain('ffff');
    expect(url).toContain('count=5');
    expect(redactUrl('/oauth/callback?code=c0de&state=st4te')).toBe('/oauth/callback?code=%5BRedacted%5D&state=%5BRedacted%5D');
    expect(redactUrl('http://127.0.0.1/cb#access_token=123.abc.def')).not.toContain('123.abc.def');
  });
});
