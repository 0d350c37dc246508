// The subscription sync against the Instagram emulator, with igcord's real webhook route answering the challenge:
// it creates the one user/media subscription when missing, keeps it on the next sync, removes duplicates of it,
// leaves subscriptions pointing elsewhere alone, and deletes only igcord's own unless asked for all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../../sandbox/instagram/index.js';
import {
  deleteSubscriptions,
  describeReport,
  inspectSubscriptions,
  syncSubscription,
} from '../../../src/providers/v1/subscription-sync.js';
import { startHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createWebhookReceiver } from '../../../src/http/webhook-receiver.js';
import { createInstagramClient, type InstagramClient } from '../../../src/providers/v1/client.js';
import { silentLogger } from '../../../src/log.js';

describe('Instagram subscription sync', () => {
  let emulator: InstagramEmulator;
  let ours: HttpServer;
  let elsewhere: HttpServer;
  let instagram: InstagramClient;
  const verifyToken = 'feeds-sync-test';
  const listen = () =>
    startHttpServer({
      host: '127.0.0.1',
      port: 0,
      log: silentLogger(),
      routes: createWebhookReceiver({
        clientSecret: SANDBOX_CLIENT.clientSecret,
        verifyToken,
        sink: { record: async () => {} },
      }).routes,
    });

  beforeAll(async () => {
    emulator = await startInstagramEmulator({ host: '127.0.0.1' });
    ours = await listen();
    elsewhere = await listen();
    instagram = createInstagramClient({
      apiUrl: emulator.url,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      redirectUri: `${ours.url}/oauth/callback`,
      timeoutMs: 5000,
      signedRequests: false,
    });
  });
  afterAll(async () => {
    await ours?.close();
    await elsewhere?.close();
    await emulator?.close();
  });

  const callback = () => `${ours.url}/webhooks/instagram`;

  it('creates the subscription when there is none and keeps it on the next sync', async () => {
    const first = await syncSubscription(instagram, callback(), verifyToken);
    expect(first.found).toHaveLength(0);
    expect(first.created).toBe(true);
    expect(first.kept).toMatchObject({ object: 'user', aspect: 'media', callback_url: callback() });
    const second = await syncSubscription(instagram, callback(), verifyToken);
    expect(second.created).toBe(false);
    expect(second.kept?.id).toBe(first.kept?.id);
    expect((await inspectSubscriptions(instagram, callback())).found).toHaveLength(1);
  });

  it('removes duplicates of its own subscription and leaves one pointing elsewhere alone', async () => {
    await instagram.subscriptions.create({ callbackUrl: callback(), verifyToken, object: 'user' });
    const other = (
      await instagram.subscriptions.create({
        callbackUrl: `${elsewhere.url}/webhooks/instagram`,
        verifyToken,
        object: 'user',
      })
    ).data;
    const report = await syncSubscription(instagram, callback(), verifyToken);
    expect(report.found).toHaveLength(3);
    expect(report.removed).toHaveLength(1);
    expect(report.others.map((s) => s.id)).toEqual([other.id]);
    expect(describeReport(report).join('\n')).toContain('left alone');
    const after = (await inspectSubscriptions(instagram, callback())).found.map((s) => s.id).sort();
    expect(after).toEqual([report.kept!.id, other.id].sort());
  });

  it('deletes only its own subscription, and every one with all', async () => {
    const own = await deleteSubscriptions(instagram, callback(), false);
    expect(own.removed).toHaveLength(1);
    expect((await inspectSubscriptions(instagram, callback())).found).toHaveLength(1);
    const all = await deleteSubscriptions(instagram, callback(), true);
    expect(all.removed).toHaveLength(1);
    expect((await inspectSubscriptions(instagram, callback())).found).toHaveLength(0);
  });
});
