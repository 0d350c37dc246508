import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { eventually, graphGet, graphPost, startReceiver, type Received } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let studio: AccountView;
let app: ReturnType<GraphEmulator['admin']['app']>;
/** What the receiver answers to each next event POST (then 200). */
let answers: number[] = [];

beforeAll(async () => {
  emu = await startGraphEmulator({
    seed: 'webhooks',
    now: START,
    webhooks: { batchMs: 30, retryInitialMs: 20, retryFactor: 2 },
  });
  app = emu.admin.app();
  studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio') as AccountView;
  receiver = await startReceiver((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.verify_token') === 'vt-graph';
      res.writeHead(ok ? 200 : 403).end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'no');
      return;
    }
    res.writeHead(answers.shift() ?? 200).end();
  });
  const appToken = `${app.metaAppId}|${app.metaAppSecret}`;
  const subscribed = await graphPost(emu, 'fb', `/${app.metaAppId}/subscriptions`, {
    object: 'instagram',
    callback_url: `${receiver.url}/hooks/instagram`,
    fields: 'comments,mentions',
    verify_token: 'vt-graph',
    access_token: appToken,
  });
  expect(subscribed.body).toEqual({ success: true });
  const pageToken = emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' }).access_token;
  expect(
    (
      await graphPost(emu, 'fb', `/${studio.page_id}/subscribed_apps`, {
        subscribed_fields: 'feed',
        access_token: pageToken,
      })
    ).body,
  ).toEqual({ success: true });
});
beforeEach(() => {
  answers = [];
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

const posts = () => receiver.received.filter((r) => r.method === 'POST');
const sign = (secret: string, raw: string) =>
  `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`;
const verifies = (secret: string, r: Received) => {
  const expected = Buffer.from(sign(secret, r.body));
  const given = Buffer.from(String(r.headers['x-hub-signature-256'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
};
const newestMedia = () => emu.admin.postMedia('igcord.studio', { caption: 'Fresh' });

describe('webhook subscriptions', () => {
  it('performed the hub.challenge handshake before answering, and lists the subscription', async () => {
    const handshake = receiver.received.find((r) => r.method === 'GET');
    const params = new URL(handshake?.url ?? '', 'http://x').searchParams;
    expect(params.get('hub.mode')).toBe('subscribe');
    expect(params.get('hub.verify_token')).toBe('vt-graph');
    expect(params.get('hub.challenge')).toMatch(/^\d{10}$/);
    const listed = await graphGet(emu, 'fb', `/${app.metaAppId}/subscriptions`, {
      access_token: `${app.metaAppId}|${app.metaAppSecret}`,
    });
    expect(listed.body).toEqual({
      data: [
        {
          object: 'instagram',
          callback_url: `${receiver.url}/hooks/instagram`,
          active: true,
          fields: [
            { name: 'comments', version: 'v25.0' },
            { name: 'mentions', version: 'v25.0' },
          ],
        },
      ],
    });
  });

  it('refuses a subscription whose callback does not echo the challenge, and one made without the app token', async () => {
    const appToken = `${app.metaAppId}|${app.metaAppSecret}`;
    const bad = await graphPost(emu, 'fb', `/${app.metaAppId}/subscriptions`, {
      object: 'instagram',
      callback_url: `${receiver.url}/other`,
      fields: 'comments',
      verify_token: 'wrong',
      access_token: appToken,
    });
    expect(bad.body.error).toMatchObject({
      code: 2200,
      message: '(#2200) callback verification failed: HTTP Status Code = 403',
    });
    const userToken = emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook' }).access_token;
    const noApp = await graphGet(emu, 'fb', `/${app.metaAppId}/subscriptions`, { access_token: userToken });
    expect(noApp.body.error).toMatchObject({
      code: 15,
      message: '(#15) This method must be called with an app access_token.',
    });
  });
});

describe('webhook events', () => {
  it('signs a comment event with X-Hub-Signature-256 over the raw body with the app secret', async () => {
    const media = newestMedia();
    const before = posts().length;
    const comment = emu.admin.postComment({ mediaId: media.id, from: 'sam.reads', text: 'Lovely' });
    const delivered = await eventually(() => posts()[before]);
    expect(verifies(app.metaAppSecret, delivered)).toBe(true);
    expect(verifies(app.instagramAppSecret, delivered)).toBe(false);
    expect(delivered.headers['content-type']).toBe('application/json');
    expect(JSON.parse(delivered.body)).toEqual({
      object: 'instagram',
      entry: [
        {
          id: studio.id,
          time: expect.any(Number),
          changes: [
            {
              field: 'comments',
              value: {
                from: { id: expect.stringMatching(/^\d+$/), username: 'sam.reads' },
                comment_id: comment.id,
                text: 'Lovely',
                media: { id: media.id, media_product_type: 'FEED' },
              },
            },
          ],
        },
      ],
    });
  });

  it('redelivers the same signed bytes until the receiver answers 2xx', async () => {
    const media = newestMedia();
    answers = [500, 503];
    const before = posts().length;
    const deliveriesBefore = emu.admin.deliveries().length;
    emu.admin.postComment({ mediaId: media.id, from: 'juno.pix', text: 'Try again' });
    await eventually(() => emu.admin.deliveries()[deliveriesBefore]?.acknowledged || undefined);
    const attempts = posts().slice(before);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.headers['x-hub-signature-256'])).size).toBe(1);
    expect(verifies(app.metaAppSecret, attempts[2] as Received)).toBe(true);
    expect(emu.admin.deliveries()[deliveriesBefore]).toMatchObject({
      attempts: [500, 503, 200],
      acknowledged: true,
      gaveUp: false,
    });
  });

  it('loses a delivery a drop fault names on its way, for good, and delivers the next one', async () => {
    const media = newestMedia();
    const fault = emu.admin.injectFault({ method: 'POST', path: '/hooks/instagram$', kind: 'drop', times: 1 });
    const before = posts().length;
    const deliveriesBefore = emu.admin.deliveries().length;
    emu.admin.postComment({ mediaId: media.id, from: 'juno.pix', text: 'Lost on the way' });
    emu.admin.flushWebhooks();
    await eventually(() => emu.admin.deliveries()[deliveriesBefore]?.gaveUp || undefined);
    expect(emu.admin.deliveries()[deliveriesBefore]).toMatchObject({ attempts: ['dropped'], acknowledged: false });
    expect(emu.admin.removeFault(fault.id)).toEqual({ removed: false });
    emu.admin.postComment({ mediaId: media.id, from: 'juno.pix', text: 'Arrives' });
    emu.admin.flushWebhooks();
    await eventually(() => emu.admin.deliveries()[deliveriesBefore + 1]?.acknowledged || undefined);
    const arrived = posts().slice(before);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.body).toContain('Arrives');
  });

  it('sends an acknowledged delivery again, same bytes and signature, when asked to redeliver it', async () => {
    const media = newestMedia();
    const deliveriesBefore = emu.admin.deliveries().length;
    emu.admin.postComment({ mediaId: media.id, from: 'juno.pix', text: 'Once more' });
    emu.admin.flushWebhooks();
    const delivery = await eventually(() => {
      const d = emu.admin.deliveries()[deliveriesBefore];
      return d?.acknowledged ? d : undefined;
    });
    const first = posts().at(-1)!;
    answers = [502];
    expect(await emu.admin.redeliverWebhook(delivery.id)).toBe(502);
    const again = posts().at(-1)!;
    expect(again).not.toBe(first);
    expect(again.body).toBe(first.body);
    expect(again.headers['x-hub-signature-256']).toBe(first.headers['x-hub-signature-256']);
    expect(emu.admin.deliveries()[deliveriesBefore]!.attempts).toEqual([200, 502]);
    await expect(emu.admin.redeliverWebhook(999_999)).rejects.toThrow(/no webhook delivery/);
  });

  it('sends no event for new media: the next delivery after a post is the comment that followed it', async () => {
    const before = posts().length;
    const deliveriesBefore = emu.admin.deliveries().length;
    const media = emu.admin.postMedia('igcord.studio', { type: 'reel', caption: 'New reel with @north.trails' });
    emu.admin.postMedia('igcord.studio', { type: 'carousel' });
    emu.admin.postComment({ mediaId: media.id, from: 'arto_k', text: 'First comment' });
    await eventually(() => posts()[before]);
    emu.admin.flushWebhooks();
    expect(posts().slice(before)).toHaveLength(1);
    expect(emu.admin.deliveries()).toHaveLength(deliveriesBefore + 1);
    const fields = JSON.parse((posts()[before] as Received).body).entry.flatMap((e: { changes: { field: string }[] }) =>
      e.changes.map((c) => c.field),
    );
    expect(fields).toEqual(['comments']);
  });

  it('batches events raised together into one POST, with mentions for the account that was @mentioned', async () => {
    const harborMedia = emu.admin.postMedia('harbor.cafe', { caption: 'Harbor post' });
    const own = newestMedia();
    const before = posts().length;
    const mention = emu.admin.postComment({
      mediaId: harborMedia.id,
      from: 'mei.lin',
      text: 'You should see @igcord.studio',
    });
    emu.admin.postComment({ mediaId: own.id, from: 'oskar.b', text: 'Nice one' });
    const batch = await eventually(() => posts()[before]);
    const entries = JSON.parse(batch.body).entry as { id: string; changes: { field: string; value: unknown }[] }[];
    expect(entries.map((e) => [e.id, e.changes[0]?.field])).toEqual([
      [studio.id, 'mentions'],
      [studio.id, 'comments'],
    ]);
    expect(entries[0]?.changes[0]?.value).toEqual({ comment_id: mention.id, media_id: harborMedia.id });
  });

  it('delivers Instagram Login events signed with the Instagram app secret once the account subscribed on /me/subscribed_apps', async () => {
    const igReceiver = await startReceiver((req, res) => {
      if (req.method === 'GET')
        res.writeHead(200).end(new URL(req.url, 'http://x').searchParams.get('hub.challenge') ?? '');
      else res.writeHead(200).end();
    });
    try {
      const igAppToken = `${app.instagramAppId}|${app.instagramAppSecret}`;
      expect(
        (
          await graphPost(emu, 'fb', `/${app.instagramAppId}/subscriptions`, {
            object: 'instagram',
            callback_url: `${igReceiver.url}/ig`,
            fields: 'comments',
            access_token: igAppToken,
          })
        ).body,
      ).toEqual({ success: true });
      const lena = emu.admin.accounts().find((a) => a.username === 'lena.creates') as AccountView;
      const token = emu.admin.mintToken({ account: 'lena.creates' }).access_token;
      expect(
        (await graphPost(emu, 'ig', '/me/subscribed_apps', { subscribed_fields: 'comments', access_token: token }))
          .body,
      ).toEqual({ success: true });
      const media = emu.admin.postMedia('lena.creates', {});
      const comment = emu.admin.postComment({ mediaId: media.id, from: 'sam.reads', text: 'Hi Lena' });
      const delivered = await eventually(() => igReceiver.received.find((r) => r.method === 'POST'));
      expect(verifies(app.instagramAppSecret, delivered)).toBe(true);
      expect(JSON.parse(delivered.body).entry[0]).toEqual({
        id: lena.id,
        time: expect.any(Number),
        changes: [
          {
            field: 'comments',
            value: {
              id: comment.id,
              from: { id: expect.any(String), username: 'sam.reads' },
              text: 'Hi Lena',
              media: { id: media.id, media_product_type: 'FEED' },
            },
          },
        ],
      });
    } finally {
      await igReceiver.close();
    }
  });
});
