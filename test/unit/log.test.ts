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
    for (const secret of [
      '0123456789abcdef0123456789abcdef',
      'fedcba9876543210',
      'the-oauth-code',
      'the-oauth-state',
      'deadbeefsignature',
      'discord-token',
      'nested-token-value',
      'sigvalue',
    ]) {
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
    expect(redactUrl('/oauth/callback?code=c0de&state=st4te')).toBe(
      '/oauth/callback?code=%5BRedacted%5D&state=%5BRedacted%5D',
    );
    expect(redactUrl('http://127.0.0.1/cb#access_token=123.abc.def')).not.toContain('123.abc.def');
  });
});

describe('error serializer', () => {
  const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA6c2VjcmV0';
  const webhookToken = 'Xk2vQ9mZ7sJwL1cT8pRb3nHf6yAe0uGd4iOq5KxVzNr-WhYjBt_Mls';
  const botToken = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789';
  const accessToken = '1234567.abcdef0.0123456789abcdef0123456789abcdef';

  /** An error shaped like discord.js's DiscordAPIError: the request URL and body ride on it. */
  function discordError(): Error {
    const url = `https://discord.com/api/v10/webhooks/1111111111111111111/${webhookToken}?wait=true`;
    const cause = Object.assign(
      new Error(
        `request to https://discord.com/api/v10/interactions/2222222222222222222/${interactionToken}/callback failed`,
      ),
      {
        code: 'ECONNRESET',
      },
    );
    return Object.assign(new Error(`Unknown interaction (POST ${url})`, { cause }), {
      name: 'DiscordAPIError[10062]',
      code: 10062,
      status: 404,
      method: 'POST',
      url,
      requestBody: { files: undefined, json: { content: `see ${url}`, headers: { authorization: `Bot ${botToken}` } } },
      rawError: {
        message: 'Unknown interaction',
        code: 10062,
        nested: { deeper: [`/interactions/3333333333333333333/${interactionToken}/callback`] },
      },
    });
  }

  it('scrubs interaction and webhook tokens, authorization values and secret query parameters from every part of an error', () => {
    const { lines, log } = capture();
    const error = discordError();
    error.stack = `${error.stack}\n    at send (https://discord.com/api/v10/webhooks/1111111111111111111/${webhookToken}/messages/@original)`;
    log.warn({ err: error }, 'could not answer');
    log.warn({ failure: error, nested: { again: error } }, 'under other keys');
    log.warn(
      { err: new Error(`GET https://api.instagram.com/v1/users/self?access_token=${accessToken}&count=5 failed`) },
      'instagram',
    );
    const text = lines.join('');
    for (const secret of [interactionToken, webhookToken, botToken, accessToken]) expect(text).not.toContain(secret);
    const [first, second, third] = lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(first!.err.url).toBe('https://discord.com/api/v10/webhooks/1111111111111111111/[Redacted]?wait=true');
    expect(first!.err.cause.message).toContain('/interactions/2222222222222222222/[Redacted]/callback');
    expect(first!.err.stack).toContain('/webhooks/1111111111111111111/[Redacted]/messages/@original');
    expect(second!.failure.url).toBe(first!.err.url);
    expect(second!.nested.again.url).toBe(first!.err.url);
    expect(third!.err.message).toContain('count=5');
  });

  it("keeps Discord's error code, status and method, and system error codes, visible", () => {
    const { lines, log } = capture();
    log.warn({ err: discordError() }, 'could not answer');
    const line = JSON.parse(lines[0]!) as { err: Record<string, any> };
    expect(line.err).toMatchObject({ code: 10062, status: 404, method: 'POST', rawError: { code: 10062 } });
    expect(line.err.cause.code).toBe('ECONNRESET');
  });

  it('still redacts OAuth codes, wherever a code is a string or a query parameter', () => {
    const { lines, log } = capture();
    log.info(
      {
        code: '4f1d2c3b4a5968776655443322110099',
        oauthCode: 'c0de-value-xyz',
        body: 'client_secret=s3cr3t-value&code=0a1b2c3d4e5f',
      },
      'exchange',
    );
    log.info({ err: new Error('POST /oauth/access_token?code=feedfacecafe1234 failed') }, 'exchange failed');
    const text = lines.join('');
    for (const secret of [
      '4f1d2c3b4a5968776655443322110099',
      'c0de-value-xyz',
      's3cr3t-value',
      '0a1b2c3d4e5f',
      'feedfacecafe1234',
    ])
      expect(text).not.toContain(secret);
  });

  it('logs the limiter key (an Instagram user id), which is no secret', () => {
    const { lines, log } = capture();
    log.info({ key: '17841400000000001', limit: 200 }, 'smaller budget');
    expect(JSON.parse(lines[0]!).key).toBe('17841400000000001');
  });
});
