import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { call, eventually, get, post, startReceiver } from './helpers.js';

let emu: InstagramEmulator;
let token: string;
let me: string;

beforeAll(async () => {
  emu = await startInstagramEmulator({ seed: 'faults' });
  me = String(emu.admin.users()[0]?.id);
  token = emu.admin.mintToken({ userId: me }).access_token;
});
afterAll(() => emu.close());

const admin = (method: string, path: string, body?: unknown) =>
  call(`${emu.url}/_emulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });

describe('faults', () => {
  it('answers a status fault with an APIError envelope, for the given number of times', async () => {
    const { body } = await admin('POST', '/faults', { path: '^/v1/users/self', kind: 'status', status: 503, times: 1 });
    expect(body.id).toEqual(expect.any(String));
    const failed = await get(emu.url, '/users/self', { access_token: token });
    expect(failed.status).toBe(503);
    expect(failed.body.meta).toMatchObject({ code: 503, error_type: 'APIError' });
    expect((await get(emu.url, '/users/self', { access_token: token })).status).toBe(200);
    const log = emu.admin.requests();
    expect(log[log.length - 2]).toMatchObject({ status: 503, fault: 'status', counted: false });
  });

  it('answers malformed (truncated JSON with 200), ratelimit (429 envelope) and reset (no answer)', async () => {
    emu.admin.injectFault({ path: '^/v1/users/self$', kind: 'malformed', times: 1 });
    const bad = await get(emu.url, '/users/self', { access_token: token });
    expect(bad.status).toBe(200);
    expect(bad.body).toBeUndefined();
    expect(bad.text.startsWith('{"meta"')).toBe(true);
    emu.admin.injectFault({ method: 'GET', path: '^/v1/users/self$', kind: 'ratelimit', times: 1 });
    const limited = await get(emu.url, '/users/self', { access_token: token });
    expect(limited.status).toBe(429);
    expect(limited.body.meta.error_type).toBe('OAuthRateLimitException');
    emu.admin.injectFault({ path: '^/v1/users/self$', kind: 'reset', times: 1 });
    await expect(get(emu.url, '/users/self', { access_token: token })).rejects.toThrow();
    expect((await get(emu.url, '/users/self', { access_token: token })).status).toBe(200);
  });

  it('delays a response with latency and only for the method given', async () => {
    emu.admin.injectFault({ method: 'POST', path: '^/v1/users/self$', kind: 'status' });
    expect((await get(emu.url, '/users/self', { access_token: token })).status).toBe(200);
    emu.admin.clearFaults();
    emu.admin.injectFault({ path: '^/v1/users/self$', kind: 'latency', ms: 150, times: 1 });
    const answer = await get(emu.url, '/users/self', { access_token: token });
    expect(answer.status).toBe(200);
    const log = emu.admin.requests();
    expect(log[log.length - 1]).toMatchObject({ fault: 'latency', status: 200, counted: true });
  });

  it('removes one fault by id and all faults at once over HTTP', async () => {
    const { body } = await admin('POST', '/faults', { path: '^/v1/', kind: 'status' });
    expect((await admin('DELETE', `/faults/${String(body.id)}`)).status).toBe(200);
    expect((await get(emu.url, '/users/self', { access_token: token })).status).toBe(200);
    await admin('POST', '/faults', { path: '^/v1/', kind: 'status' });
    await admin('DELETE', '/faults');
    expect((await get(emu.url, '/users/self', { access_token: token })).status).toBe(200);
    expect((await admin('POST', '/faults', { path: '(', kind: 'status' })).status).toBe(400);
  });

  it('drops notifications to a matching callback path, and logs them as dropped', async () => {
    const receiver = await startReceiver((req, res) => {
      const challenge = new URL(req.url, 'http://x').searchParams.get('hub.challenge') ?? '';
      res.writeHead(200).end(req.method === 'GET' ? challenge : 'ok');
    });
    try {
      await post(emu.url, '/subscriptions', {
        client_id: SANDBOX_CLIENT.clientId,
        client_secret: SANDBOX_CLIENT.clientSecret,
        object: 'user',
        aspect: 'media',
        callback_url: `${receiver.url}/drop-me`,
      });
      emu.admin.injectFault({ path: '^/drop-me$', kind: 'drop-notification', times: 1 });
      emu.admin.postMedia(me, {});
      const dropped = await eventually(() => emu.admin.notifications().find((n) => n.dropped === true));
      expect(dropped.callbackUrl).toBe(`${receiver.url}/drop-me`);
      emu.admin.postMedia(me, {});
      await eventually(() => receiver.received.find((r) => r.method === 'POST'));
      expect(receiver.received.filter((r) => r.method === 'POST')).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});

describe('admin HTTP API', () => {
  it('lists users, mints and revokes tokens, posts and deletes media, and shows the request log without tokens', async () => {
    const users = (await admin('GET', '/users')).body.data;
    expect(users.length).toBeGreaterThanOrEqual(10);
    expect(users[0]).toMatchObject({
      id: expect.any(String),
      username: expect.any(String),
      full_name: expect.any(String),
      is_private: expect.any(Boolean),
    });
    const minted = await admin('POST', '/tokens', { username: users[1].username, scopes: 'basic likes' });
    expect(minted.body.user.id).toBe(users[1].id);
    const t = minted.body.access_token as string;
    const posted = await admin('POST', `/users/${String(users[1].id)}/media`, {
      type: 'video',
      caption: 'Clip #igcord',
      tagged: [users[0].username],
    });
    expect(posted.body.data).toMatchObject({
      type: 'video',
      tags: ['igcord'],
      users_in_photo: [{ user: { username: users[0].username } }],
    });
    const first = (await get(emu.url, '/users/self/media/recent', { access_token: t, count: '1' })).body.data[0];
    expect(first.id).toBe(posted.body.data.id);
    expect((await admin('DELETE', `/media/${String(posted.body.data.id)}`)).body).toEqual({ deleted: true });
    // An unknown media is nobody's own: reading it needs public_content, which a full-scope token has.
    const full = (await admin('POST', '/tokens', { user_id: users[1].id })).body.access_token as string;
    expect(
      (await get(emu.url, `/media/${String(posted.body.data.id)}`, { access_token: full })).body.meta.error_type,
    ).toBe('APINotFoundError');
    expect((await admin('POST', '/tokens/revoke', { access_token: t })).body).toEqual({ revoked: true });
    expect((await get(emu.url, '/users/self', { access_token: t })).body.meta.error_type).toBe(
      'OAuthAccessTokenException',
    );
    const log = (await admin('GET', '/requests')).body.data;
    expect(log.length).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toContain(t);
    expect(log.some((e: { path: string }) => e.path.startsWith('/_emulator'))).toBe(false);
    await admin('DELETE', '/requests');
    expect((await admin('GET', '/requests')).body.data).toEqual([]);
    expect((await admin('POST', '/tokens', { username: 'nobody' })).status).toBe(404);
  });
});
