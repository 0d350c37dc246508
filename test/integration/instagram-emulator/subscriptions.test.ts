import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { call, del, eventually, get, post, startReceiver } from './helpers.js';

const creds = { client_id: SANDBOX_CLIENT.clientId, client_secret: SANDBOX_CLIENT.clientSecret };
let emu: InstagramEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** What the receiver answers to the challenge GET: echo (default), or something else. */
let challengeMode: 'echo' | 'wrong' | 'status' = 'echo';

beforeAll(async () => {
  emu = await startInstagramEmulator({ seed: 'subscriptions', notificationTimeoutMs: 500 });
  receiver = await startReceiver((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET') {
      const challenge = url.searchParams.get('hub.challenge') ?? '';
      if (challengeMode === 'status') res.writeHead(500).end(challenge);
      else
        res
          .writeHead(200, { 'Content-Type': 'text/plain' })
          .end(challengeMode === 'echo' ? challenge : `${challenge}x`);
      return;
    }
    res.writeHead(200).end('ok');
  });
});
afterEach(async () => {
  challengeMode = 'echo';
  await del(emu.url, '/subscriptions', { ...creds, object: 'all' });
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

const create = (extra: Record<string, string> = {}) =>
  post(emu.url, '/subscriptions/', {
    ...creds,
    object: 'user',
    aspect: 'media',
    callback_url: `${receiver.url}/hook`,
    verify_token: 'vt-1',
    ...extra,
  });

describe('subscriptions', () => {
  it('performs the challenge GET before answering, then lists the subscription', async () => {
    const before = receiver.received.length;
    const created = await create();
    expect(created.status).toBe(200);
    expect(created.body.data).toEqual({
      object: 'user',
      object_id: null,
      aspect: 'media',
      callback_url: `${receiver.url}/hook`,
      type: 'subscription',
      id: expect.stringMatching(/^\d+$/),
    });
    const challenge = receiver.received.slice(before).find((r) => r.method === 'GET');
    const params = new URL(challenge?.url ?? '', 'http://x').searchParams;
    expect(params.get('hub.mode')).toBe('subscribe');
    expect(params.get('hub.verify_token')).toBe('vt-1');
    expect(params.get('hub.challenge')).toMatch(/^[0-9a-f]+$/);
    const list = await get(emu.url, '/subscriptions', creds);
    expect(list.body.data).toEqual([created.body.data]);
  });

  it('fails with "Challenge verification failed." when the callback does not echo the challenge verbatim with 200', async () => {
    for (const mode of ['wrong', 'status'] as const) {
      challengeMode = mode;
      const a = await create();
      expect(a.body.meta).toEqual({
        code: 400,
        error_type: 'APISubscriptionError',
        error_message: 'Challenge verification failed.',
      });
    }
    expect((await get(emu.url, '/subscriptions', creds)).body.data).toEqual([]);
  });

  it('rejects other objects, bad callback URLs, unreachable callbacks and bad credentials', async () => {
    expect((await create({ object: 'tag', object_id: 'sunset' })).body.meta.error_type).toBe('APISubscriptionError');
    expect((await create({ callback_url: 'ftp://x' })).body.meta.error_message).toBe(
      'Invalid format for "callback_url". URL must start with "http://" or "https://"',
    );
    const closed = await startReceiver(() => undefined);
    await closed.close();
    expect((await create({ callback_url: `${closed.url}/gone` })).body.meta.error_message).toBe(
      `Unable to reach callback URL "${closed.url}/gone".`,
    );
    expect((await post(emu.url, '/subscriptions', { client_id: creds.client_id, object: 'user' })).body.meta).toEqual({
      code: 400,
      error_type: 'OAuthClientException',
      error_message: 'Missing client_secret URL parameter',
    });
    expect((await create({ client_secret: 'f'.repeat(32) })).body.meta.error_message).toBe(
      'Invalid "client_id" and/or "client_secret".',
    );
  });

  it('deletes by id and by object', async () => {
    const a = (await create()).body.data;
    const b = (await create()).body.data;
    expect((await del(emu.url, '/subscriptions', { ...creds, id: a.id })).body).toEqual({
      meta: { code: 200 },
      data: null,
    });
    expect((await get(emu.url, '/subscriptions', creds)).body.data.map((s: { id: string }) => s.id)).toEqual([b.id]);
    await del(emu.url, '/subscriptions', { ...creds, object: 'user' });
    expect((await get(emu.url, '/subscriptions', creds)).body.data).toEqual([]);
  });

  it('POSTs a signed JSON array to the callback when a user posts media', async () => {
    const sub = (await create()).body.data;
    const user = String(emu.admin.users()[1]?.id);
    const before = receiver.received.length;
    const media = emu.admin.postMedia(user, { type: 'carousel', caption: 'Hello #igcord' });
    const delivered = await eventually(() => receiver.received.slice(before).find((r) => r.method === 'POST'));
    expect(delivered.headers['content-type']).toBe('application/json');
    const body = JSON.parse(delivered.body);
    expect(body).toEqual([
      {
        changed_aspect: 'media',
        object: 'user',
        object_id: user,
        time: expect.any(Number),
        subscription_id: Number(sub.id),
        data: { media_id: media.id },
      },
    ]);
    const signature = delivered.headers['x-hub-signature'];
    expect(signature).toBe(createHmac('sha1', SANDBOX_CLIENT.clientSecret).update(delivered.body).digest('hex'));
    expect(signature).not.toBe(createHmac('sha1', 'another secret').update(delivered.body).digest('hex'));
    const logged = await eventually(() => emu.admin.notifications().find((n) => n.status === 200));
    expect(logged.callbackUrl).toBe(`${receiver.url}/hook`);
    // The notified media is fetchable with a user token.
    const { access_token } = emu.admin.mintToken({ userId: user });
    expect((await call(`${emu.url}/v1/media/${String(media.id)}?access_token=${access_token}`)).body.data.type).toBe(
      'carousel',
    );
  });
});
