import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import { call, eventually, get, post, startReceiver } from './helpers.js';

let emu: InstagramEmulator;
let twin: InstagramEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  [emu, twin] = await Promise.all([
    startInstagramEmulator({ seed: 'created-users', notificationTimeoutMs: 500 }),
    startInstagramEmulator({ seed: 'created-users' }),
  ]);
  receiver = await startReceiver((req, res) => {
    if (req.method === 'GET') {
      res
        .writeHead(200, { 'Content-Type': 'text/plain' })
        .end(new URL(req.url, 'http://x').searchParams.get('hub.challenge') ?? '');
      return;
    }
    res.writeHead(200).end('ok');
  });
});
afterAll(async () => {
  await Promise.all([emu.close(), twin.close(), receiver.close()]);
});

const adminPost = (base: string, path: string, body: unknown) =>
  call(`${base}/_emulator${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('admin-created users', () => {
  it('creates a user in process, visible through /v1/users/{id} with a token minted for it', async () => {
    const seeded = emu.admin.users();
    const user = emu.admin.createUser({ username: 'bench.source_1', full_name: 'Bench Source' });
    expect(user).toEqual({
      id: expect.stringMatching(/^\d{9,10}$/),
      username: 'bench.source_1',
      full_name: 'Bench Source',
      profile_picture: `https://scontent.cdninstagram.com/t51.2885-19/s150x150/${String(user.id)}_a.jpg`,
      bio: '',
      website: '',
      is_business: false,
      counts: { media: 0, follows: 0, followed_by: 0 },
      is_private: false,
      requested_by: [],
    });
    expect(seeded.map((u) => u.id)).not.toContain(user.id);
    // The seeded users are listed first and unchanged; the created one follows them.
    expect(emu.admin.users()).toEqual([...seeded, user]);

    const { access_token } = emu.admin.mintToken({ username: 'bench.source_1', scopes: 'basic' });
    expect(access_token.startsWith(`${String(user.id)}.`)).toBe(true);
    const self = await get(emu.url, '/users/self', { access_token });
    expect(self.status).toBe(200);
    expect(self.body.data.id).toBe(user.id);
    const other = emu.admin.mintToken({ username: String(seeded[0]?.username), scopes: 'basic public_content' });
    const byId = await get(emu.url, `/users/${String(user.id)}`, { access_token: other.access_token });
    expect(byId.status).toBe(200);
    expect(byId.body.data).toMatchObject({
      id: user.id,
      username: 'bench.source_1',
      full_name: 'Bench Source',
      counts: { media: 0 },
    });
  });

  it('leaves the seeded world as a fresh emulator of the same seed has it, and gives the same id for the same username', () => {
    const before = twin.admin.users();
    const created = twin.admin.createUser({ username: 'bench.source_1', full_name: 'Bench Source' });
    expect(twin.admin.users().slice(0, before.length)).toEqual(before);
    expect(created.id).toBe(emu.admin.users().find((u) => u.username === 'bench.source_1')?.id);
  });

  it('serves media it posts in /users/self/media/recent and notifies subscriptions of the post', async () => {
    const user = emu.admin.createUser({ username: 'poster' });
    const userId = String(user.id);
    const subscribed = await post(emu.url, '/subscriptions', {
      client_id: SANDBOX_CLIENT.clientId,
      client_secret: SANDBOX_CLIENT.clientSecret,
      object: 'user',
      aspect: 'media',
      callback_url: `${receiver.url}/hook`,
      verify_token: 'vt',
    });
    expect(subscribed.status).toBe(200);

    const { access_token } = emu.admin.mintToken({ userId });
    const empty = await get(emu.url, '/users/self/media/recent', { access_token });
    expect(empty.body.data).toEqual([]);

    const posted = emu.admin.postMedia(userId, { caption: 'First from a created user #igcord' });
    const recent = await get(emu.url, '/users/self/media/recent', { access_token });
    expect(recent.status).toBe(200);
    expect(recent.body.data.map((m: { id: string }) => m.id)).toEqual([posted.id]);
    expect(recent.body.data[0].user.id).toBe(userId);
    expect(recent.body.data[0].caption.text).toBe('First from a created user #igcord');

    const notification = await eventually(() =>
      receiver.received.find((r) => r.method === 'POST' && r.body.includes(String(posted.id))),
    );
    expect(JSON.parse(notification.body)).toEqual([
      expect.objectContaining({
        object: 'user',
        object_id: userId,
        changed_aspect: 'media',
        data: { media_id: posted.id },
      }),
    ]);
  });

  it('seeds the asked number of older media, without notifying, and keeps the sandbox cut of 20', async () => {
    const before = emu.admin.notifications().length;
    const few = emu.admin.createUser({ username: 'has.three', media: 3 });
    const many = emu.admin.createUser({ username: 'has.many', media: 24 });
    expect((few.counts as { media: number }).media).toBe(3);
    expect((many.counts as { media: number }).media).toBe(20);
    const { access_token } = emu.admin.mintToken({ username: 'has.three' });
    const media = (await get(emu.url, '/users/self/media/recent', { access_token })).body.data as {
      created_time: string;
      user: { id: string };
    }[];
    expect(media).toHaveLength(3);
    for (const m of media) {
      expect(m.user.id).toBe(few.id);
      expect(Number(m.created_time) * 1000).toBeLessThan(Date.now());
    }
    expect(emu.admin.notifications().length).toBe(before);
  });

  it('creates a private user whose media only followers see', async () => {
    const user = emu.admin.createUser({ username: 'quiet.one', is_private: true, media: 1 });
    expect(user.is_private).toBe(true);
    const stranger = emu.admin.mintToken({ username: String(emu.admin.users()[0]?.username) });
    const answer = await get(emu.url, `/users/${String(user.id)}/media/recent`, {
      access_token: stranger.access_token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.meta.error_type).toBe('APINotAllowedError');
  });

  it('answers POST /_emulator/users with the created user, 409 for a taken username and 400 for invalid input', async () => {
    const created = await adminPost(emu.url, '/users', {
      username: 'over.http',
      full_name: 'Over Http',
      is_private: false,
      media: 2,
    });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({
      username: 'over.http',
      full_name: 'Over Http',
      is_private: false,
      counts: { media: 2 },
    });
    const { access_token } = emu.admin.mintToken({ username: 'over.http' });
    expect((await get(emu.url, `/users/${String(created.body.data.id)}`, { access_token })).body.data.username).toBe(
      'over.http',
    );

    const taken = await adminPost(emu.url, '/users', { username: 'OVER.http' });
    expect(taken.status).toBe(409);
    const seededName = String(emu.admin.users()[0]?.username);
    expect((await adminPost(emu.url, '/users', { username: seededName })).status).toBe(409);
    for (const body of [
      {},
      { username: 'has space' },
      { username: 'x'.repeat(31) },
      { username: 'ok.name', media: -1 },
      { username: 'ok.name', media: 25 },
      { username: 'ok.name', is_private: 'yes' },
    ]) {
      const answer = await adminPost(emu.url, '/users', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(typeof answer.body.error).toBe('string');
    }
    expect(emu.admin.users().some((u) => u.username === 'ok.name')).toBe(false);
  });
});
