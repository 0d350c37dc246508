// The Graph webhook route over a real socket, on real storage (SQLite; PostgreSQL for the storage outage): the
// `hub.challenge` handshake, then the POST pipeline with one status per failure — 405, 415, 413, 401 (an
// X-Hub-Signature-256 that neither configured app's secret made), 400 (JSON, envelope) — each recording nothing;
// a signed comments/mentions batch recorded durably with its account's source marked dirty before the 200; a
// redelivery acknowledged and recorded once; and a storage that cannot write answered 503, then recorded on the
// redelivery. Signatures here are computed with node's crypto (and one fixed vector from openssl), apart from the
// code under test.
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { startHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createGraphWebhookReceiver, type GraphWebhookStats } from '../../../src/http/graph-webhook-receiver.js';
import type { Storage } from '../../../src/storage/index.js';
import { createPlace, type BackendName, type TestPlace } from '../storage/backends.js';

const INSTAGRAM_SECRET = '0123456789abcdef0123456789abcdef';
const META_SECRET = 'fedcba9876543210fedcba9876543210';
const STRANGER_SECRET = '00112233445566778899aabbccddeeff';
const VERIFY_TOKEN = 'graph-verify-token-never-logged';
const ACCOUNT = '17841400000000001';

// A Facebook Login comment (reference §1.7), and its X-Hub-Signature-256 under INSTAGRAM_SECRET as computed by
// `openssl dgst -sha256 -hmac`: a vector fixed outside both node and igcord.
const VECTOR_BODY =
  '{"object":"instagram","entry":[{"id":"17841400000000001","time":1764400000,"changes":[{"field":"comments","value":{"from":{"id":"1790001","username":"visitor"},"comment_id":"17800000000000042","text":"nice shot","media":{"id":"17900000000000001","media_product_type":"FEED"}}}]}]}';
const VECTOR_SIGNATURE = 'sha256=cf3be75adccf290ff89991e44cce45df3750f61a2a6fb91e866f7a293d4716b5';

const sign = (body: string, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const headers = (body: string, secret = INSTAGRAM_SECRET) => ({
  'content-type': 'application/json',
  'x-hub-signature-256': sign(body, secret),
});

/** An Instagram Login comment (field/value inside `changes`), with its own comment id. */
function commentBody(commentId: string, text = 'hello'): string {
  return JSON.stringify({
    object: 'instagram',
    entry: [
      {
        id: ACCOUNT,
        time: 1764400001,
        changes: [
          {
            field: 'comments',
            value: {
              id: commentId,
              from: { id: '1790002', username: 'friend' },
              text,
              media: { id: '17900000000000002', media_product_type: 'REELS' },
            },
          },
        ],
      },
    ],
  });
}

interface Rig {
  place: TestPlace;
  storage: Storage;
  server: HttpServer;
  endpoint: string;
  stats: GraphWebhookStats;
  logs: string[];
}

async function startRig(backend: BackendName, options: { maxBodyBytes?: number; recordTimeoutMs?: number } = {}) {
  const logs: string[] = [];
  const log = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _e, cb) {
        logs.push(String(chunk));
        cb();
      },
    }),
  });
  const place = await createPlace(backend);
  const storage = await place.open({ log });
  const receiver = createGraphWebhookReceiver({
    secrets: [INSTAGRAM_SECRET, META_SECRET],
    verifyToken: VERIFY_TOKEN,
    events: storage.webhookEvents,
    // The delivery store's own dirty marks, as the engine's hint stores them.
    hints: {
      hint: (keys, signal) =>
        storage.deliveries.markDirtyMany(
          keys.map((sourceKey) => ({ sourceKey, unlessMarkedSince: 0 })),
          { signal },
        ),
    },
    maxBodyBytes: options.maxBodyBytes,
    recordTimeoutMs: options.recordTimeoutMs ?? 5_000,
  });
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    log,
    routes: receiver.routes,
    closeTimeoutMs: 2000,
  });
  const rig: Rig = {
    place,
    storage,
    server,
    endpoint: `${server.url}/webhooks/instagram`,
    stats: receiver.stats,
    logs,
  };
  return rig;
}

async function stopRig(rig: Rig | undefined) {
  if (!rig) return;
  await rig.server.close();
  await rig.storage.close();
  await rig.place.cleanup();
}

async function post(endpoint: string, body: string | Buffer, h: Record<string, string>) {
  const response = await fetch(endpoint, { method: 'POST', headers: h, body });
  return { status: response.status, body: await response.text() };
}

const pendingIds = async (rig: Rig, field: 'comments' | 'mentions' = 'comments') =>
  (await rig.storage.webhookEvents.listPending(ACCOUNT, field)).map((e) => e.commentId);
const dirtyKeys = async (rig: Rig) => (await rig.storage.deliveries.listDirty()).map((d) => d.sourceKey);

describe('Graph webhook receiver (real socket, SQLite)', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig('sqlite', { maxBodyBytes: 4096 });
  });
  afterAll(() => stopRig(rig));

  it('answers the hub.challenge handshake with the right verify token, and 403 with a wrong one', async () => {
    const url = (token: string) =>
      `${rig.endpoint}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${encodeURIComponent(token)}`;
    const ok = await fetch(url(VERIFY_TOKEN));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(url(`${VERIFY_TOKEN}x`));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
    expect(rig.logs.join('')).not.toContain(VERIFY_TOKEN);
  });

  it('records a comment signed with the Instagram app secret (fixed vector) and marks its account dirty', async () => {
    const result = await post(rig.endpoint, VECTOR_BODY, {
      'content-type': 'application/json',
      'x-hub-signature-256': VECTOR_SIGNATURE,
    });
    expect(result).toEqual({ status: 200, body: '{"ok":true}' });
    const [event] = await rig.storage.webhookEvents.listPending(ACCOUNT, 'comments');
    expect(event).toMatchObject({
      accountId: ACCOUNT,
      field: 'comments',
      commentId: '17800000000000042',
      mediaId: '17900000000000001',
      text: 'nice shot',
      time: 1764400000 * 1000,
    });
    expect(await dirtyKeys(rig)).toContain(`account:${ACCOUNT}`);
  });

  it('records a comment signed with the Meta app secret as well', async () => {
    const body = commentBody('17800000000000100');
    expect((await post(rig.endpoint, body, headers(body, META_SECRET))).status).toBe(200);
    expect(await pendingIds(rig)).toContain('17800000000000100');
  });

  it('records a mention, and an event whose field/value sit inline in the entry', async () => {
    const body = JSON.stringify({
      object: 'instagram',
      entry: [
        { id: ACCOUNT, time: 1764400002, changes: [{ field: 'mentions', value: { media_id: '17900000000000009' } }] },
        {
          id: ACCOUNT,
          time: 1764400003,
          field: 'comments',
          value: { id: '17800000000000300', text: 'inline', media: { id: '17900000000000003' } },
        },
      ],
    });
    expect((await post(rig.endpoint, body, headers(body))).status).toBe(200);
    const mentions = await rig.storage.webhookEvents.listPending(ACCOUNT, 'mentions');
    expect(mentions.map((m) => m.mediaId)).toEqual(['17900000000000009']);
    expect(await pendingIds(rig)).toContain('17800000000000300');
  });

  it('acknowledges a redelivered event and records nothing new', async () => {
    const body = commentBody('17800000000000200');
    expect((await post(rig.endpoint, body, headers(body))).status).toBe(200);
    const before = await rig.storage.webhookEvents.listPending(ACCOUNT, 'comments');
    const recorded = rig.stats.recorded;
    expect((await post(rig.endpoint, body, headers(body))).status).toBe(200);
    expect(await rig.storage.webhookEvents.listPending(ACCOUNT, 'comments')).toEqual(before);
    expect(rig.stats.recorded).toBe(recorded);
    expect(rig.stats.duplicates).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['signed with another secret', (b: string) => headers(b, STRANGER_SECRET)],
    ['unsigned', () => ({ 'content-type': 'application/json' })],
    [
      'signed with SHA-1 only',
      (b: string) => ({
        'content-type': 'application/json',
        'x-hub-signature': `sha1=${createHmac('sha1', INSTAGRAM_SECRET).update(b).digest('hex')}`,
      }),
    ],
    ['signed over other bytes', (b: string) => headers(`${b} `)],
    [
      'with a bare hex signature',
      (b: string) => ({
        'content-type': 'application/json',
        'x-hub-signature-256': sign(b, INSTAGRAM_SECRET).slice('sha256='.length),
      }),
    ],
  ])('refuses a body %s with 401 and records nothing', async (_name, make) => {
    const body = commentBody('17800000000000500');
    const result = await post(rig.endpoint, body, make(body));
    expect(result.status).toBe(401);
    expect(await pendingIds(rig)).not.toContain('17800000000000500');
  });

  it('refuses malformed JSON with 400 and an envelope of the wrong shape with 400', async () => {
    const broken = '{"object":"instagram","entry":[';
    expect((await post(rig.endpoint, broken, headers(broken))).status).toBe(400);
    const shapeless = JSON.stringify({ object: 'instagram', entry: [{ id: ACCOUNT, changes: 'nope' }] });
    const result = await post(rig.endpoint, shapeless, headers(shapeless));
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body)).toMatchObject({ error: 'invalid_notification' });
  });

  it('refuses an oversized body with 413, a wrong content type with 415, a PUT with 405', async () => {
    const big = commentBody('17800000000000600', 'x'.repeat(5000));
    expect((await post(rig.endpoint, big, headers(big))).status).toBe(413);
    const body = commentBody('17800000000000601');
    expect((await post(rig.endpoint, body, { ...headers(body), 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(rig.endpoint, { method: 'PUT', headers: headers(body), body })).status).toBe(405);
    expect(await pendingIds(rig)).not.toContain('17800000000000600');
    expect(await pendingIds(rig)).not.toContain('17800000000000601');
  });

  it('acknowledges fields it does not record (live_comments) without recording them', async () => {
    const body = JSON.stringify({
      object: 'instagram',
      entry: [{ id: ACCOUNT, time: 1764400009, changes: [{ field: 'live_comments', value: { id: '1' } }] }],
    });
    expect((await post(rig.endpoint, body, headers(body))).status).toBe(200);
    expect(await pendingIds(rig)).not.toContain('1');
  });

  it('never logs either secret', () => {
    const all = rig.logs.join('');
    expect(all).not.toContain(INSTAGRAM_SECRET);
    expect(all).not.toContain(META_SECRET);
  });
});

describe('Graph webhook receiver when storage cannot write (PostgreSQL, table locked)', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await stopRig(rig);
    rig = undefined;
  });

  it('answers 503 while the table is locked, then records the redelivery once', async () => {
    rig = await startRig('postgres', { recordTimeoutMs: 500 });
    const pg = createRequire(import.meta.url)('pg') as {
      Client: new (c: { connectionString: string }) => {
        connect(): Promise<void>;
        query(sql: string): Promise<unknown>;
        end(): Promise<void>;
      };
    };
    const locker = new pg.Client({ connectionString: rig.place.url });
    await locker.connect();
    const body = commentBody('17800000000000700');
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${rig.place.table} IN ACCESS EXCLUSIVE MODE`);
      const refused = await post(rig.endpoint, body, headers(body));
      expect(refused.status).toBe(503);
      expect(JSON.parse(refused.body)).toMatchObject({ error: 'not_recorded' });
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
    // Meta redelivers the same bytes: recorded now, and once.
    expect((await post(rig.endpoint, body, headers(body))).status).toBe(200);
    expect((await post(rig.endpoint, body, headers(body))).status).toBe(200);
    expect(await pendingIds(rig)).toEqual(['17800000000000700']);
    expect(await dirtyKeys(rig)).toContain(`account:${ACCOUNT}`);
  });
});
