// The subscription steps of reference §6 between igcord's client and the emulator, with a real receiver on an
// ephemeral port that answers the hub challenge with igcord's own `answerChallenge` and checks notifications
// with igcord's own `verifyNotificationSignature`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../../sandbox/instagram/index.js';
import { InstagramSubscriptionError } from '../../../src/providers/v1/errors.js';
import { instagramNotificationSchema } from '../../../src/providers/v1/notification.js';
import { answerChallenge, verifyNotificationSignature } from '../../../src/providers/v1/subscriptions.js';
import { validate } from '../../../src/util/validate.js';
import { startWorld, type EmulatorWorld } from './emulator-fixture.js';

const VERIFY_TOKEN = 'igcord-verify-token';
let world: EmulatorWorld;
let receiver: Server;
let callbackUrl: string;
const challenges: URLSearchParams[] = [];
const notifications: { raw: Buffer; signature: string | undefined }[] = [];
let notified: (() => void) | undefined;

beforeAll(async () => {
  world = await startWorld();
  receiver = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (req.method === 'GET') {
      challenges.push(url.searchParams);
      const challenge = answerChallenge(url.searchParams, url.pathname === '/hook' ? VERIFY_TOKEN : 'another token');
      res.writeHead(challenge === undefined ? 403 : 200, { 'content-type': 'text/plain' });
      return res.end(challenge ?? 'refused');
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      notifications.push({
        raw: Buffer.concat(chunks),
        signature: req.headers['x-hub-signature'] as string | undefined,
      });
      res.writeHead(200).end();
      notified?.();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await world?.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('subscriptions against the emulator (§6)', () => {
  let createdId: string;

  it('create: the emulator checks the callback with the hub challenge before answering the subscription', async () => {
    const created = await world.client.subscriptions.create({ callbackUrl, verifyToken: VERIFY_TOKEN });
    expect(created.data).toMatchObject({ object: 'user', object_id: null, aspect: 'media', callback_url: callbackUrl });
    expect(created.data.id).toMatch(/^\d+$/);
    expect(challenges.at(-1)?.get('hub.mode')).toBe('subscribe');
    expect(challenges.at(-1)?.get('hub.verify_token')).toBe(VERIFY_TOKEN);
    createdId = created.data.id;
  });

  it('create fails with APISubscriptionError when the callback refuses the challenge', async () => {
    const error = await world.client.subscriptions
      .create({ callbackUrl: callbackUrl.replace('/hook', '/other'), verifyToken: VERIFY_TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstagramSubscriptionError);
    expect((error as Error).message).toBe('Challenge verification failed.');
  });

  it('list: answers the app’s subscriptions', async () => {
    const list = await world.client.subscriptions.list();
    expect(list.data.map((s) => s.id)).toEqual([createdId]);
  });

  it('a new media is notified with a valid X-Hub-Signature and a media id the client can fetch', async () => {
    const owner = world.publicUsers[0]!;
    const arrived = new Promise<void>((resolve) => (notified = resolve));
    const posted = world.emulator.admin.postMedia(owner.id, { caption: 'Fresh from the emulator' }) as { id: string };
    await arrived;
    const last = notifications.at(-1)!;
    expect(verifyNotificationSignature(last.raw, last.signature, SANDBOX_CLIENT.clientSecret)).toBe(true);
    expect(verifyNotificationSignature(last.raw, last.signature, 'f'.repeat(32))).toBe(false);
    const updates = validate(instagramNotificationSchema, JSON.parse(last.raw.toString('utf8')), 'notification');
    expect(updates[0]).toMatchObject({
      object: 'user',
      object_id: owner.id,
      subscription_id: createdId,
      data: { media_id: posted.id },
    });
    const fetched = await world.client.media.get(world.auth(owner), posted.id);
    expect(fetched.data.caption?.text).toBe('Fresh from the emulator');
  });

  it('delete by id removes that subscription; delete object=all removes every one', async () => {
    const second = await world.client.subscriptions.create({ callbackUrl, verifyToken: VERIFY_TOKEN });
    expect((await world.client.subscriptions.remove({ id: createdId })).data).toBeNull();
    expect((await world.client.subscriptions.list()).data.map((s) => s.id)).toEqual([second.data.id]);
    await world.client.subscriptions.remove({ object: 'all' });
    expect((await world.client.subscriptions.list()).data).toEqual([]);
  });
});
