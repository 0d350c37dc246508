import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookReceiver } from '../../../src/http/webhook-receiver.js';
import {
  MemorySink,
  OTHER_SECRET,
  VERIFY_TOKEN,
  post,
  sign,
  signedHeaders,
  startHarness,
  type Harness,
} from './webhook-harness.js';

// Reference §6.4: a real 2016 payload (numeric subscription id) batched with a docs-era tag update.
const NOTIFICATION = JSON.stringify([
  {
    changed_aspect: 'media',
    object: 'user',
    object_id: '190277687',
    time: 1477869300,
    subscription_id: 3953547,
    data: { media_id: '1372789645779973559_190277687' },
  },
  { changed_aspect: 'media', object: 'tag', object_id: 'nofilter', time: '1297286541', subscription_id: '2', data: {} },
]);

const OK = '{"ok":true}';
const error = (code: string, message: string) => JSON.stringify({ ok: false, error: code, message });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.server.close();
});
beforeEach(() => h.sink.reset());

describe('webhook handshake (GET /webhooks/instagram)', () => {
  const handshake = (query: string) => fetch(`${h.endpoint}?${query}`);

  it('echoes hub.challenge verbatim as text/plain when hub.mode=subscribe and the verify token matches', async () => {
    const response = await handshake(
      `hub.mode=subscribe&hub.challenge=15f7d1a91c1f40f8a748fd134752feb3&hub.verify_token=${VERIFY_TOKEN}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('15f7d1a91c1f40f8a748fd134752feb3');
  });

  it('refuses a wrong verify token with 403 and never logs the configured or the offered token', async () => {
    const response = await handshake('hub.mode=subscribe&hub.challenge=abc&hub.verify_token=guessed-token');
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(error('forbidden', 'the handshake does not match this subscription'));
    const logs = h.logs.join('');
    expect(logs).not.toContain(VERIFY_TOKEN);
    expect(logs).not.toContain('guessed-token');
    expect(logs).toContain('webhook handshake refused');
  });

  it('refuses a verify token that differs only in length (a prefix of the real one) with 403', async () => {
    const response = await handshake(
      `hub.mode=subscribe&hub.challenge=abc&hub.verify_token=${VERIFY_TOKEN.slice(0, 6)}`,
    );
    expect(response.status).toBe(403);
  });

  it('refuses a hub.mode other than subscribe with 403 even with the right token', async () => {
    const response = await handshake(`hub.mode=unsubscribe&hub.challenge=abc&hub.verify_token=${VERIFY_TOKEN}`);
    expect(response.status).toBe(403);
  });

  it.each([
    ['hub.mode', `hub.challenge=abc&hub.verify_token=${VERIFY_TOKEN}`],
    ['hub.challenge', `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}`],
    ['hub.verify_token', 'hub.mode=subscribe&hub.challenge=abc'],
  ])('answers 400 when %s is missing', async (_missing, query) => {
    const response = await handshake(query);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(
      error('bad_request', 'hub.mode, hub.challenge and hub.verify_token are required'),
    );
  });
});

describe('webhook notification (POST /webhooks/instagram)', () => {
  it('records the normalised updates and answers 200 {"ok":true}', async () => {
    const before = h.stats.accepted;
    const result = await post(h.endpoint, NOTIFICATION, signedHeaders(NOTIFICATION));
    expect(result).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: OK });
    expect(h.sink.batches).toEqual([
      [
        {
          subscription_id: '3953547',
          object: 'user',
          object_id: '190277687',
          changed_aspect: 'media',
          time: 1477869300,
          data: { media_id: '1372789645779973559_190277687' },
        },
        {
          subscription_id: '2',
          object: 'tag',
          object_id: 'nofilter',
          changed_aspect: 'media',
          time: 1297286541,
          data: {},
        },
      ],
    ]);
    expect(h.stats.accepted).toBe(before + 1);
  });

  it('accepts application/json with a charset parameter', async () => {
    const headers = { ...signedHeaders(NOTIFICATION), 'content-type': 'Application/JSON; charset=utf-8' };
    expect((await post(h.endpoint, NOTIFICATION, headers)).status).toBe(200);
    expect(h.sink.batches).toHaveLength(1);
  });

  it('rejects a wrong signature with 401 and records nothing', async () => {
    const headers = { ...signedHeaders(NOTIFICATION), 'x-hub-signature': 'a'.repeat(40) };
    const result = await post(h.endpoint, NOTIFICATION, headers);
    expect(result.status).toBe(401);
    expect(result.body).toBe(error('bad_signature', 'X-Hub-Signature is missing or does not match the body'));
    expect(h.sink.batches).toEqual([]);
  });

  it('rejects a missing signature with 401 and records nothing', async () => {
    const result = await post(h.endpoint, NOTIFICATION, { 'content-type': 'application/json' });
    expect(result.status).toBe(401);
    expect(h.sink.batches).toEqual([]);
  });

  it('rejects a body signed with another secret with 401 and records nothing', async () => {
    const result = await post(h.endpoint, NOTIFICATION, signedHeaders(NOTIFICATION, OTHER_SECRET));
    expect(result.status).toBe(401);
    expect(h.sink.batches).toEqual([]);
  });

  it('accepts a Meta-style "sha1=" prefixed signature as well as bare hex, and records the updates', async () => {
    for (const prefix of ['sha1=', 'SHA1=']) {
      const headers = { 'content-type': 'application/json', 'x-hub-signature': `${prefix}${sign(NOTIFICATION)}` };
      expect((await post(h.endpoint, NOTIFICATION, headers)).status).toBe(200);
    }
    expect(h.sink.batches).toHaveLength(2);
  });

  it('rejects a "sha1=" prefix before a wrong, short or long signature with 401 and records nothing', async () => {
    const good = sign(NOTIFICATION);
    for (const value of [
      `sha1=${'a'.repeat(40)}`,
      `sha1=${good.slice(0, 39)}`,
      `sha1=${good}0`,
      `sha1=sha1=${good}`,
      'sha1=',
      `sha256=${good}`,
    ]) {
      const headers = { 'content-type': 'application/json', 'x-hub-signature': value };
      expect((await post(h.endpoint, NOTIFICATION, headers)).status, value).toBe(401);
    }
    expect(h.sink.batches).toEqual([]);
  });

  it('rejects correctly signed malformed JSON with 400 and records nothing', async () => {
    const body = '[{"subscription_id":1,';
    const result = await post(h.endpoint, body, signedHeaders(body));
    expect(result).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      body: error('malformed_json', 'the body is not valid JSON'),
    });
    expect(h.sink.batches).toEqual([]);
  });

  it('rejects correctly signed JSON that is not a notification array with 400 and records nothing', async () => {
    const body = JSON.stringify({
      subscription_id: 1,
      object: 'user',
      object_id: '1',
      changed_aspect: 'media',
      time: 1,
    });
    const result = await post(h.endpoint, body, signedHeaders(body));
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body)).toMatchObject({ ok: false, error: 'invalid_notification' });
    expect(JSON.parse(result.body).message).toMatch(/^notification is invalid:/);
    expect(h.sink.batches).toEqual([]);
  });

  it('rejects a wrong content type with 415 before checking anything else and records nothing', async () => {
    const signed = await post(h.endpoint, NOTIFICATION, {
      ...signedHeaders(NOTIFICATION),
      'content-type': 'text/plain',
    });
    expect(signed.status).toBe(415);
    // Unsigned and malformed too: the content type is the first step, so it decides the status.
    const result = await post(h.endpoint, '{', { 'content-type': 'text/plain' });
    expect(result.status).toBe(415);
    expect(result.body).toBe(error('unsupported_media_type', 'the body must be application/json'));
    expect(h.sink.batches).toEqual([]);
  });

  it('rejects a correctly signed body one byte over 64 KiB with 413 and records nothing', async () => {
    const body = Buffer.alloc(64 * 1024 + 1, ' ');
    body.write(NOTIFICATION);
    const result = await post(h.endpoint, body, signedHeaders(body));
    expect(result.status).toBe(413);
    expect(result.body).toBe(error('payload_too_large', 'the body is larger than 65536 bytes'));
    expect(h.sink.batches).toEqual([]);
  });

  it('accepts a correctly signed body of exactly 64 KiB', async () => {
    const body = Buffer.alloc(64 * 1024, ' ');
    body.write(NOTIFICATION);
    expect((await post(h.endpoint, body, signedHeaders(body))).status).toBe(200);
    expect(h.sink.batches).toHaveLength(1);
  });

  it('rejects an oversized chunked body (no Content-Length) with 413 while streaming and records nothing', async () => {
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 6) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(h.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': 'a'.repeat(40) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    await response.text();
    expect(h.sink.batches).toEqual([]);
  });

  it('stops reading at the limit: answers 413 and closes a connection that announces far more than it sends', async () => {
    const { hostname, port } = new URL(h.endpoint);
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      'POST /webhooks/instagram HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    // 80 KiB in one chunk, then silence: the server must not wait for the end of a body it already refused.
    socket.write(`${(80 * 1024).toString(16)}\r\n${' '.repeat(80 * 1024)}\r\n`);
    await closed;
    expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 413 /);
    expect(h.sink.batches).toEqual([]);
  });

  it('answers 503 when the sink fails, so nothing unrecorded is acknowledged', async () => {
    h.sink.mode = 'fail';
    const result = await post(h.endpoint, NOTIFICATION, signedHeaders(NOTIFICATION));
    expect(result.status).toBe(503);
    expect(result.body).toBe(error('not_recorded', 'the notification could not be recorded; send it again'));
    expect(h.logs.join('')).toContain('storage is down');
  });

  it('answers 503 when the sink does not finish within the record timeout', async () => {
    h.sink.mode = 'hang';
    const result = await post(h.endpoint, NOTIFICATION, signedHeaders(NOTIFICATION));
    expect(result.status).toBe(503);
  });

  it('answers 405 with Allow for another method on the webhook path', async () => {
    const response = await fetch(h.endpoint, { method: 'PUT', body: NOTIFICATION });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('counts rejections by status for the metrics endpoint', async () => {
    const before = h.stats.rejected[401] ?? 0;
    await post(h.endpoint, NOTIFICATION, { 'content-type': 'application/json', 'x-hub-signature': 'nope' });
    expect(h.stats.rejected[401]).toBe(before + 1);
  });

  it('never logs the signature header or the client secret', async () => {
    const signature = sign(NOTIFICATION);
    await post(h.endpoint, NOTIFICATION, signedHeaders(NOTIFICATION));
    await post(h.endpoint, NOTIFICATION, {
      'content-type': 'application/json',
      'x-hub-signature': signature.replace(/.$/, '0'),
    });
    const logs = h.logs.join('');
    expect(logs).not.toContain(signature.slice(0, 20));
    expect(logs).not.toContain('0123456789abcdef0123456789abcdef');
  });
});

describe('webhook receiver construction', () => {
  it('refuses an empty client secret or verify token at start', () => {
    const sink = new MemorySink();
    expect(() => createWebhookReceiver({ clientSecret: '', verifyToken: 'x', sink })).toThrow(/client secret/);
    expect(() => createWebhookReceiver({ clientSecret: 'x', verifyToken: '', sink })).toThrow(/verify token/);
  });
});
