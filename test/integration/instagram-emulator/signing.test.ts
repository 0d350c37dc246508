import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { computeSig, signatureBase } from '../../../sandbox/instagram/signing.js';
import { call, get, post } from './helpers.js';

describe('signature computation', () => {
  const secret = '6dc1787668c64c939929c17683d7cb74';
  const token = 'fb2e77d.47a0479900504cb3ab4a1f626d174d2d';

  it('reproduces the two published test vectors', () => {
    expect(computeSig('/users/self', [['access_token', token]], secret)).toBe(
      'cbf5a1f41db44412506cb6563a3218b50f45a710c7a8a65a3e9b18315bb338bf',
    );
    expect(
      computeSig(
        '/media/657988443280050001_25025320',
        [
          ['count', '10'],
          ['access_token', token],
        ],
        secret,
      ),
    ).toBe('260634b241a6cfef5e4644c205fb30246ff637591142781b86e2075faf1b163a');
  });

  it('sorts parameters by key and leaves sig out of the string', () => {
    expect(
      signatureBase('/x', [
        ['b', '2'],
        ['sig', 'zzz'],
        ['a', '1'],
      ]),
    ).toBe('/x|a=1|b=2');
  });
});

describe('signed requests enforced by the app', () => {
  const app = {
    clientId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    clientSecret: '0f9e8d7c6b5a49382716a5b4c3d2e1f0',
    redirectUris: ['http://127.0.0.1:3000/cb'],
    signedRequests: true,
  };
  let emu: InstagramEmulator;
  let token: string;
  let me: string;
  const sign = (endpoint: string, params: Record<string, string>) =>
    createHmac('sha256', app.clientSecret)
      .update(
        endpoint +
          Object.keys(params)
            .sort()
            .map((k) => `|${k}=${params[k] ?? ''}`)
            .join(''),
      )
      .digest('hex');

  beforeAll(async () => {
    emu = await startInstagramEmulator({ seed: 'signing', clients: [app] });
    me = String(emu.admin.users()[0]?.id);
    token = emu.admin.mintToken({ userId: me }).access_token;
  });
  afterAll(() => emu.close());

  it('answers a missing sig with the top-level 403 body', async () => {
    const a = await get(emu.url, '/users/self', { access_token: token });
    expect(a.status).toBe(403);
    expect(a.body).toEqual({
      code: 403,
      error_type: 'OAuthForbiddenException',
      error_message: "Invalid signed-request: Missing required parameter 'sig'",
    });
    expect(a.headers.get('x-ratelimit-limit')).toBe('500');
  });

  it('answers a wrong sig with "Signature does not match"', async () => {
    const a = await get(emu.url, '/users/self', {
      access_token: token,
      sig: sign('/users/self', { access_token: 'other' }),
    });
    expect(a.body).toEqual({
      code: 403,
      error_type: 'OAuthForbiddenException',
      error_message: 'Invalid signed-request: Signature does not match',
    });
  });

  it('accepts a correct sig on GET (path as requested, .json kept) and POST (form fields)', async () => {
    const ok = await get(emu.url, '/users/self.json', {
      access_token: token,
      count: '3',
      sig: sign('/users/self.json', { access_token: token, count: '3' }),
    });
    expect(ok.status).toBe(200);
    const media = (
      await get(emu.url, '/users/self/media/recent', {
        access_token: token,
        sig: sign('/users/self/media/recent', { access_token: token }),
      })
    ).body.data[0];
    const endpoint = `/media/${String(media.id)}/likes`;
    const like = await post(emu.url, endpoint, { access_token: token, sig: sign(endpoint, { access_token: token }) });
    expect(like.body).toEqual({ meta: { code: 200 }, data: null });
  });

  it('signs the URL-decoded path of a tag with non-ASCII characters', async () => {
    const tag = 'café';
    const sig = sign(`/tags/${tag}`, { access_token: token });
    const a = await call(`${emu.url}/v1/tags/${encodeURIComponent(tag)}?access_token=${token}&sig=${sig}`);
    expect(a.status).toBe(200);
    expect(a.body.data.name).toBe('café');
  });

  it('accepts a request when any of two supplied sigs matches', async () => {
    const good = sign('/users/self', { access_token: token });
    const a = await call(`${emu.url}/v1/users/self?access_token=${token}&sig=${'0'.repeat(64)}&sig=${good}`);
    expect(a.status).toBe(200);
  });
});
