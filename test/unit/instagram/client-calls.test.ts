import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import type { CallDescription, CallGate, RateLimitHeaders } from '../../../src/providers/v1/call-gate.js';
import { createInstagramClient } from '../../../src/providers/v1/client.js';
import { InstagramInvalidParametersError, InstagramResponseError } from '../../../src/providers/v1/errors.js';
import { signRequest } from '../../../src/providers/v1/signing.js';

// A scripted API over a real socket: every call answers the envelope the test scripted for its path (or a
// generic acknowledgement), and the raw requests are kept for inspection.
const SECRET = 'fedcba9876543210fedcba9876543210';
const CLIENT = '0123456789abcdef0123456789abcdef';
const scripted = new Map<string, (query: URLSearchParams) => unknown>();
const requests: { method: string; path: string; query: URLSearchParams; form: URLSearchParams }[] = [];
let server: Server;
let apiUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        form: new URLSearchParams(body),
      });
      const make = scripted.get(`${req.method} ${url.pathname}`);
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-ratelimit-limit': '500',
        'x-ratelimit-remaining': '499',
      });
      res.end(JSON.stringify(make ? make(url.searchParams) : { meta: { code: 200 }, data: null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  scripted.clear();
  requests.length = 0;
});

function recordingGate() {
  const calls: CallDescription[] = [];
  const gate: CallGate = {
    run: async <T extends { rateLimit: RateLimitHeaders }>(call: CallDescription, attempt: () => Promise<T>) => {
      calls.push(call);
      return attempt();
    },
  };
  return { gate, calls };
}

function client(options: { signedRequests?: boolean; gate?: CallGate; log?: ReturnType<typeof createLogger> } = {}) {
  return createInstagramClient({
    apiUrl,
    clientId: CLIENT,
    clientSecret: SECRET,
    redirectUri: 'http://127.0.0.1:3000/oauth/callback',
    timeoutMs: 2_000,
    signedRequests: options.signedRequests ?? false,
    gate: options.gate,
    log: options.log,
  });
}

const auth = { userId: '3783043842', accessToken: '3783043842.0123456.abcdef' };
const user = (id: string) => ({ id, username: `u${id}`, full_name: `User ${id}`, profile_picture: 'p' });

describe('client call descriptions', () => {
  it('charges reads to the token owner at interactive priority, idempotent, with no write bucket', async () => {
    scripted.set('GET /v1/media/1_2/likes', () => ({ meta: { code: 200 }, data: [user('9')] }));
    const { gate, calls } = recordingGate();
    const c = client({ gate });
    const likes = await c.likes.list(auth, '1_2', { priority: 'delivery', deadlineMs: 1234 });
    expect(likes).toEqual({ data: [user('9')], rateLimit: { limit: 500, remaining: 499 } });
    expect(calls).toEqual([
      {
        key: '3783043842',
        priority: 'delivery',
        method: 'GET',
        path: '/media/1_2/likes',
        writeBucket: undefined,
        idempotent: true,
        deadlineMs: 1234,
        signal: undefined,
      },
    ]);
  });

  it('charges likes, comments and relationship writes to their write bucket, not idempotent', async () => {
    scripted.set('POST /v1/users/42/relationship', () => ({
      meta: { code: 200 },
      data: { outgoing_status: 'follows' },
    }));
    const { gate, calls } = recordingGate();
    const c = client({ gate });
    await c.likes.like(auth, '1_2');
    await c.likes.unlike(auth, '1_2');
    await c.comments.create(auth, '1_2', 'nice');
    await c.comments.remove(auth, '1_2', '17842009366192476');
    const relation = await c.relationships.act(auth, '42', 'follow');
    expect(relation.data.outgoing_status).toBe('follows');
    expect(calls.map((c) => [c.method, c.path, c.writeBucket, c.idempotent, c.priority])).toEqual([
      ['POST', '/media/1_2/likes', 'likes', false, 'interactive'],
      ['DELETE', '/media/1_2/likes', 'likes', false, 'interactive'],
      ['POST', '/media/1_2/comments', 'comments', false, 'interactive'],
      ['DELETE', '/media/1_2/comments/17842009366192476', 'comments', false, 'interactive'],
      ['POST', '/users/42/relationship', 'relationships', false, 'interactive'],
    ]);
    expect(requests.map((r) => r.form.get('access_token') ?? r.query.get('access_token'))).toEqual(
      Array(5).fill(auth.accessToken),
    );
    expect(requests[4]?.form.get('action')).toBe('follow');
  });

  it('charges subscription and code-exchange calls to the app key', async () => {
    scripted.set('GET /v1/subscriptions', () => ({ meta: { code: 200 }, data: [] }));
    scripted.set('POST /oauth/access_token', () => ({ access_token: 'a.b.c', user: user('7') }));
    const { gate, calls } = recordingGate();
    const c = client({ gate });
    await c.subscriptions.list();
    const token = await c.oauth.exchangeCode('the-code');
    expect(token).toMatchObject({
      access_token: 'a.b.c',
      user: { id: '7' },
      rateLimit: { limit: 500, remaining: 499 },
    });
    expect(calls.map((c) => [c.key, c.method, c.path, c.idempotent])).toEqual([
      ['app', 'GET', '/subscriptions', true],
      ['app', 'POST', '/oauth/access_token', false],
    ]);
    expect(requests[0]?.query.get('client_secret')).toBe(SECRET);
    expect(Object.fromEntries(requests[1]!.form)).toEqual({
      client_id: CLIENT,
      client_secret: SECRET,
      grant_type: 'authorization_code',
      redirect_uri: 'http://127.0.0.1:3000/oauth/callback',
      code: 'the-code',
    });
  });

  it('charges the check of a pasted token to the app key, since its owner is not known yet', async () => {
    scripted.set('GET /v1/users/self', () => ({
      meta: { code: 200 },
      data: { ...user('77'), bio: '', website: '', counts: { media: 1, follows: 2, followed_by: 3 } },
    }));
    const { gate, calls } = recordingGate();
    const owner = await client({ gate }).users.verifyToken('77.0123456.pasted');
    expect(owner.data.id).toBe('77');
    expect(calls.map((c) => [c.key, c.path])).toEqual([['app', '/users/self']]);
  });

  it('logs each call at debug level without the token, the client secret or the signature', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const log = createLogger({ level: 'debug', destination });
    scripted.set('GET /v1/users/self/follows', () => ({ meta: { code: 200 }, data: [], pagination: {} }));
    await client({ log, signedRequests: true }).relationships.follows(auth);
    scripted.set('GET /v1/subscriptions', () => ({
      meta: { code: 400, error_type: 'APISubscriptionError', error_message: 'no' },
    }));
    await client({ log, signedRequests: true })
      .subscriptions.list()
      .catch(() => undefined);
    const text = lines.join('');
    expect(text).toContain('/v1/users/self/follows');
    expect(text).not.toContain(auth.accessToken);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });

  it('URL-encodes tag names in the path and drops the leading #', async () => {
    scripted.set('GET /v1/tags/caf%C3%A9%20au%2Flait', () => ({
      meta: { code: 200 },
      data: { name: 'café au/lait', media_count: 3 },
    }));
    const tag = await client().tags.get(auth, '#café au/lait');
    expect(tag.data.media_count).toBe(3);
  });

  it('fails a schema mismatch as InstagramResponseError that carries the budget headers', async () => {
    scripted.set('GET /v1/users/self', () => ({ meta: { code: 200 }, data: { id: '1' } }));
    const error = await client()
      .users.self(auth)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstagramResponseError);
    expect((error as InstagramResponseError).rateLimit).toEqual({ limit: 500, remaining: 499 });
  });

  it('refuses a pasted link that is not an Instagram post without calling Instagram', async () => {
    await expect(client().media.byUrl(auth, 'https://example.org/p/abc/')).rejects.toBeInstanceOf(
      InstagramInvalidParametersError,
    );
    expect(requests).toEqual([]);
  });
});

describe('pagination', () => {
  // Four users over pages of two, the API repeating the boundary item (an inclusive cursor).
  const all = ['1', '2', '3', '4', '5'].map(user);
  function follows(q: URLSearchParams) {
    const start = q.get('cursor') === null ? 0 : all.findIndex((u) => u.id === q.get('cursor'));
    const data = all.slice(start, start + 2);
    const last = data.at(-1);
    const more = start + 2 < all.length && last !== undefined;
    const next = new URL(`${apiUrl}/v1/users/self/follows`);
    for (const [k, v] of q) if (k !== 'sig') next.searchParams.set(k, v);
    if (more) next.searchParams.set('cursor', last.id);
    return { meta: { code: 200 }, data, pagination: more ? { next_url: next.toString(), next_cursor: last.id } : {} };
  }

  it('walks every page through next_url and yields each user once', async () => {
    scripted.set('GET /v1/users/self/follows', follows);
    const c = client();
    const ids = (await c.collect(() => c.relationships.follows(auth))).map((u) => u.id);
    expect(ids).toEqual(['1', '2', '3', '4', '5']);
    expect(requests.map((r) => r.query.get('cursor'))).toEqual([null, '2', '3', '4']);
  });

  it('re-signs each next_url when signed requests are on', async () => {
    scripted.set('GET /v1/users/self/follows', follows);
    const c = client({ signedRequests: true });
    const pages = [];
    for await (const page of c.iteratePages(c.relationships.follows(auth))) pages.push(page);
    expect(pages).toHaveLength(4);
    for (const r of requests) {
      const params = [...r.query].filter(([k]) => k !== 'sig');
      expect(r.query.getAll('sig')).toEqual([signRequest('/users/self/follows', params, SECRET)]);
    }
  });

  it('falls back to the cursor when a page has no next_url', async () => {
    scripted.set('GET /v1/users/self/media/liked', (q) => ({
      meta: { code: 200 },
      data: [],
      pagination: q.get('max_like_id') === null ? { next_max_like_id: '99' } : {},
    }));
    const c = client();
    const first = await c.users.likedMedia(auth);
    expect(first.nextCursor).toBe('99');
    const second = await first.next!();
    expect(second.next).toBeUndefined();
    expect(requests[1]?.query.get('max_like_id')).toBe('99');
  });

  it('stops when the server keeps answering the same cursor instead of paging forever', async () => {
    scripted.set('GET /v1/users/self/followed-by', () => ({
      meta: { code: 200 },
      data: [user('1')],
      pagination: { next_cursor: '1' },
    }));
    const c = client();
    expect((await c.collect(() => c.relationships.followedBy(auth))).map((u) => u.id)).toEqual(['1']);
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it('honours maxItems and maxPages', async () => {
    scripted.set('GET /v1/users/self/follows', follows);
    const c = client();
    expect(await c.collect(() => c.relationships.follows(auth), { maxItems: 3 })).toHaveLength(3);
    expect(await c.collect(() => c.relationships.follows(auth), { maxPages: 2 })).toHaveLength(3);
  });
});
