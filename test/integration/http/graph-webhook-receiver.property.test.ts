// The Graph webhook route under random input, over a real socket on real storage (SQLite): whatever the body,
// content type and signature, it answers only its documented statuses, each the one its pipeline says (computed
// here without the receiver's code), and records exactly the comments of the correctly signed, well-formed
// deliveries: every comment of a 200 is pending afterwards, and no comment of a refused delivery is.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/log.js';
import { startHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createGraphWebhookReceiver } from '../../../src/http/graph-webhook-receiver.js';
import type { Storage } from '../../../src/storage/index.js';
import { createPlace, type TestPlace } from '../storage/backends.js';

const LIMIT = 2048;
const DOCUMENTED = [200, 400, 401, 413, 415];
const SECRETS = ['0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'];
const STRANGER = '00112233445566778899aabbccddeeff';
const ACCOUNTS = ['17841400000000001', '17841400000000002'];

const hmac = (body: Buffer, secret: string) => createHmac('sha256', secret).update(body).digest('hex');
const numericId = fc.stringMatching(/^[1-9][0-9]{9,17}$/);

const commentValueArb = fc.record(
  {
    id: numericId,
    comment_id: numericId,
    text: fc.string({ maxLength: 40 }),
    media: fc.record({ id: numericId }),
    from: fc.record({ id: numericId, username: fc.stringMatching(/^[a-z._]{1,12}$/) }),
  },
  { requiredKeys: [] },
);
const changeArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ field: fc.constant('comments'), value: commentValueArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      field: fc.constant('mentions'),
      value: fc.record({ media_id: numericId, comment_id: numericId }, { requiredKeys: [] }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ field: fc.constantFrom('live_comments', 'messages', ''), value: fc.jsonValue() }),
  },
);
const entryArb = fc.record(
  {
    id: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ACCOUNTS) }, { weight: 1, arbitrary: fc.string() }),
    time: fc.oneof({ weight: 5, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.double() }),
    changes: fc.array(changeArb, { maxLength: 3 }),
  },
  { requiredKeys: ['id'] },
);
const envelopeArb = fc.record({
  object: fc.oneof({ weight: 5, arbitrary: fc.constant('instagram') }, { weight: 1, arbitrary: fc.constant('page') }),
  entry: fc.array(entryArb, { maxLength: 4 }),
});

const bodyArb = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
  { weight: 6, arbitrary: envelopeArb.map((e) => Buffer.from(JSON.stringify(e))) },
  { weight: 1, arbitrary: envelopeArb.map((e) => Buffer.from(JSON.stringify(e).padEnd(LIMIT + 10, ' '))) },
);

type SignatureChoice = 'first' | 'second' | 'stranger' | 'missing' | { header: string };
const signatureArb: fc.Arbitrary<SignatureChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('first' as const) },
  { weight: 3, arbitrary: fc.constant('second' as const) },
  { weight: 1, arbitrary: fc.constant('stranger' as const) },
  { weight: 1, arbitrary: fc.constant('missing' as const) },
  { weight: 1, arbitrary: fc.stringMatching(/^sha256=[0-9a-f]{64}$/).map((header) => ({ header })) },
);
const contentTypeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<string | undefined>('application/json') },
  { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
  { weight: 1, arbitrary: fc.constant<string | undefined>('text/plain') },
);

const isGraphId = (v: unknown) => typeof v === 'string' && /^\d{1,30}$/.test(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed body is an envelope the documented shape accepts (reference §1.7). */
function wellFormed(value: unknown): boolean {
  if (!isObject(value) || value.object !== 'instagram' || !Array.isArray(value.entry)) return false;
  return value.entry.every((e: unknown) => {
    if (!isObject(e) || !isGraphId(e.id)) return false;
    if (typeof e.time !== 'number' || !Number.isSafeInteger(e.time) || e.time < 0) return false;
    if (e.changes === undefined && e.field === undefined) return false;
    const changes = e.changes ?? [{ field: e.field, value: e.value }];
    if (!Array.isArray(changes)) return false;
    return changes.every((c: unknown) => {
      if (!isObject(c) || typeof c.field !== 'string' || c.field.length < 1 || c.field.length > 100) return false;
      const v = c.value;
      if (c.field === 'comments') {
        if (!isObject(v) || (v.id === undefined && v.comment_id === undefined)) return false;
        if ((v.id !== undefined && !isGraphId(v.id)) || (v.comment_id !== undefined && !isGraphId(v.comment_id)))
          return false;
        if (v.text !== undefined && typeof v.text !== 'string') return false;
        return v.media === undefined || (isObject(v.media) && isGraphId(v.media.id));
      }
      if (c.field === 'mentions') {
        return isObject(v) && isGraphId(v.media_id) && (v.comment_id === undefined || isGraphId(v.comment_id));
      }
      return true;
    });
  });
}

function expectedStatus(body: Buffer, contentType: string | undefined, signature: string | undefined): number {
  if (contentType !== 'application/json') return 415;
  if (body.length > LIMIT) return 413;
  const valid = SECRETS.map((s) => `sha256=${hmac(body, s)}`);
  if (signature === undefined || !valid.includes(signature)) return 401;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 400;
  }
  return wellFormed(value) ? 200 : 400;
}

/** The comments a body names per account, read without the receiver's code. */
function commentsIn(body: Buffer): { account: string; commentId: string }[] {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return [];
  }
  if (!isObject(value) || !Array.isArray(value.entry)) return [];
  return value.entry.flatMap((e: unknown) =>
    isObject(e) && typeof e.id === 'string' && Array.isArray(e.changes)
      ? e.changes.flatMap((c: unknown) => {
          if (!isObject(c) || c.field !== 'comments' || !isObject(c.value)) return [];
          const id = c.value.comment_id ?? c.value.id;
          return typeof id === 'string' ? [{ account: e.id as string, commentId: id }] : [];
        })
      : [],
  );
}

let place: TestPlace;
let storage: Storage;
let server: HttpServer;
let endpoint: string;
beforeAll(async () => {
  place = await createPlace('sqlite');
  storage = await place.open();
  const receiver = createGraphWebhookReceiver({
    secrets: SECRETS,
    verifyToken: 'property-verify-token',
    events: storage.webhookEvents,
    hints: { hint: async () => [] },
    maxBodyBytes: LIMIT,
  });
  server = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLogger(), routes: receiver.routes });
  endpoint = `${server.url}/webhooks/instagram`;
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
  await place?.cleanup();
});

const pendingComments = async (account: string) =>
  new Set((await storage.webhookEvents.listPending(account, 'comments')).map((e) => e.commentId));

describe('Graph webhook receiver under random input', () => {
  it('answers only documented statuses, each as its pipeline says, and records exactly the comments of each 200', async () => {
    const seen = new Set<number>();
    const recorded = new Set<string>();
    await fc.assert(
      fc.asyncProperty(bodyArb, contentTypeArb, signatureArb, async (body, contentType, choice) => {
        const signature =
          choice === 'first'
            ? `sha256=${hmac(body, SECRETS[0]!)}`
            : choice === 'second'
              ? `sha256=${hmac(body, SECRETS[1]!)}`
              : choice === 'stranger'
                ? `sha256=${hmac(body, STRANGER)}`
                : choice === 'missing'
                  ? undefined
                  : choice.header;
        const headers: Record<string, string> = {};
        if (contentType !== undefined) headers['content-type'] = contentType;
        if (signature !== undefined) headers['x-hub-signature-256'] = signature;
        const response = await fetch(endpoint, { method: 'POST', headers, body });
        const text = await response.text();
        seen.add(response.status);
        expect(DOCUMENTED).toContain(response.status);
        expect(response.status).toBe(expectedStatus(body, contentType, signature));
        for (const { account, commentId } of commentsIn(body)) {
          if (!ACCOUNTS.includes(account)) continue;
          const pending = (await pendingComments(account)).has(commentId);
          if (response.status === 200) {
            expect(pending).toBe(true);
            recorded.add(commentId);
          } else if (!recorded.has(commentId)) {
            expect(pending).toBe(false);
          }
        }
        if (response.status !== 200) expect(JSON.parse(text)).toMatchObject({ ok: false });
      }),
      { numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(DOCUMENTED);
  });
});
