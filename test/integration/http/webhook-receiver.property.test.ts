import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SECRET, OTHER_SECRET, VERIFY_TOKEN, startHarness, type Harness } from './webhook-harness.js';

// A small limit so that random bodies cross it often.
const LIMIT = 2048;
const DOCUMENTED = [200, 400, 401, 413, 415];

const hmac = (body: Buffer, secret: string) => createHmac('sha1', secret).update(body).digest('hex');

const idArb = fc.oneof(fc.nat(), fc.stringMatching(/^[0-9a-z_]{1,20}$/));
const updateArb = fc.record(
  {
    subscription_id: idArb,
    object: fc.constantFrom('user', 'tag', 'location'),
    object_id: idArb,
    changed_aspect: fc.constant('media'),
    time: fc.oneof(fc.nat(), fc.nat().map(String)),
    data: fc.oneof(fc.constant({}), fc.record({ media_id: fc.stringMatching(/^[0-9]{1,19}_[0-9]{1,10}$/) })),
  },
  { requiredKeys: ['subscription_id', 'object', 'object_id', 'changed_aspect', 'time'] },
);

const bodyArb = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 3000 }).map((s) => Buffer.from(s)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.array(updateArb, { minLength: 0, maxLength: 6 }).map((a) => Buffer.from(JSON.stringify(a))),
  // Well-formed but padded past the limit.
  fc
    .array(updateArb, { minLength: 1, maxLength: 2 })
    .map((a) => Buffer.from(JSON.stringify(a).padEnd(LIMIT + 10, ' '))),
);

type SignatureChoice = 'correct' | 'other-secret' | 'missing' | { header: string };
const signatureArb: fc.Arbitrary<SignatureChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('correct' as const) },
  { weight: 1, arbitrary: fc.constant('other-secret' as const) },
  { weight: 1, arbitrary: fc.constant('missing' as const) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{40}$/).map((header) => ({ header })) },
  { weight: 1, arbitrary: fc.stringMatching(/^[\x21-\x7e]{0,60}$/).map((header) => ({ header })) },
);

const contentTypeArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string | undefined>('application/json') },
  { weight: 1, arbitrary: fc.constant<string | undefined>('application/json; charset=utf-8') },
  { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
  { weight: 1, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,40}$/) },
);

// Extra random headers must not change the outcome.
const extraHeadersArb = fc.dictionary(
  fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((v) => v.trim()),
  {
    maxKeys: 4,
  },
);

/** What the documented pipeline must answer, computed without the receiver's code. */
function expectedStatus(body: Buffer, contentType: string | undefined, signature: string | undefined): number {
  if (contentType === undefined || contentType.split(';')[0]!.trim().toLowerCase() !== 'application/json') return 415;
  if (body.length > LIMIT) return 413;
  if (signature === undefined || signature.trim().toLowerCase() !== hmac(body, CLIENT_SECRET)) return 401;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 400;
  }
  return isNotification(value) ? 200 : 400;
}

function isId(v: unknown): boolean {
  return (typeof v === 'string' && v.length > 0) || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
}
function isNotification(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((u) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
      const { subscription_id, object, object_id, changed_aspect, time, data } = u as Record<string, unknown>;
      const timeOk =
        (typeof time === 'number' && Number.isFinite(time) && time >= 0) ||
        (typeof time === 'string' && /^\d{1,12}$/.test(time));
      const dataOk =
        data === undefined ||
        data === null ||
        (typeof data === 'object' &&
          !Array.isArray(data) &&
          ((data as { media_id?: unknown }).media_id === undefined || isId((data as { media_id?: unknown }).media_id)));
      return (
        isId(subscription_id) &&
        typeof object === 'string' &&
        object !== '' &&
        isId(object_id) &&
        typeof changed_aspect === 'string' &&
        changed_aspect !== '' &&
        timeOk &&
        dataOk
      );
    })
  );
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxBodyBytes: LIMIT });
});
afterAll(async () => {
  await h.server.close();
});

describe('webhook receiver under random input', () => {
  it('never crashes, answers only documented statuses, and records exactly the correctly signed well-formed arrays', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        bodyArb,
        contentTypeArb,
        signatureArb,
        extraHeadersArb,
        async (body, contentType, choice, extra) => {
          const signature =
            choice === 'correct'
              ? hmac(body, CLIENT_SECRET)
              : choice === 'other-secret'
                ? hmac(body, OTHER_SECRET)
                : choice === 'missing'
                  ? undefined
                  : choice.header;
          const headers: Record<string, string> = { ...extra };
          if (contentType !== undefined) headers['content-type'] = contentType;
          if (signature !== undefined) headers['x-hub-signature'] = signature;
          const before = h.sink.batches.length;

          const response = await fetch(h.endpoint, { method: 'POST', headers, body });
          const text = await response.text();
          const expected = expectedStatus(body, contentType, signature);
          seen.add(response.status);

          expect(DOCUMENTED).toContain(response.status);
          expect(response.status).toBe(expected);
          if (response.status === 200) {
            expect(text).toBe('{"ok":true}');
            expect(h.sink.batches).toHaveLength(before + 1);
            const sent = JSON.parse(body.toString('utf8')) as Record<string, unknown>[];
            const recorded = h.sink.batches.at(-1)!;
            expect(recorded.map((u) => u.subscription_id)).toEqual(sent.map((u) => String(u.subscription_id)));
            expect(recorded.map((u) => u.time)).toEqual(sent.map((u) => Math.floor(Number(u.time))));
          } else {
            expect(JSON.parse(text)).toMatchObject({ ok: false });
            expect(h.sink.batches).toHaveLength(before);
          }
        },
      ),
      { numRuns: 300 },
    );
    // The generators must have exercised every documented outcome, or the property proves less than it says.
    expect([...seen].sort()).toEqual(DOCUMENTED);

    // Still serving after all of it.
    const handshake = await fetch(
      `${h.endpoint}?hub.mode=subscribe&hub.challenge=still-here&hub.verify_token=${VERIFY_TOKEN}`,
    );
    expect(await handshake.text()).toBe('still-here');
  });
});
