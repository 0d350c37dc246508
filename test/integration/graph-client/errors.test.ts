// Every Graph error a call can meet, injected with the emulator's faults API and read back through the client
// as a typed error with its machine fields (reference §1.6, [M-ERR]): 190 → token, 4/17/32/613/80002 → rate
// limit with the regain time the answer gave, 100 → parameter, 10/200 → permission, 5xx and codes 1/2 →
// retryable server errors; and the transport's own failures: a body cut short, a connection reset, no answer
// within the timeout, a redirect (never followed).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { createGraphClient, type GraphAuth } from '../../../src/providers/graph/client.js';
import {
  GraphApiError,
  GraphNetworkError,
  GraphParameterError,
  GraphPermissionError,
  GraphRateLimitError,
  GraphResponseError,
  GraphServerError,
  GraphTimeoutError,
  GraphTokenError,
} from '../../../src/providers/graph/errors.js';
import { clientFor } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let studio: AccountView;
let auth: GraphAuth;

beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'client-errors', now: START, frozenClock: true });
  studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio') as AccountView;
  auth = { userId: studio.id, accessToken: emu.admin.mintToken({ account: 'igcord.studio' }).access_token };
});
afterEach(() => {
  emu.admin.clearFaults();
  emu.admin.resetUsage();
});
afterAll(() => emu.close());

async function failure(fault: Record<string, unknown>, timeoutMs = 5_000): Promise<GraphApiError> {
  emu.admin.injectFault({ method: 'GET', path: '/me/media$', times: 1, ...fault } as never);
  const error = await clientFor(emu, 'instagram', undefined, timeoutMs)
    .media.recent(auth)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphApiError);
  return error as GraphApiError;
}

describe('Graph error envelopes as typed errors', () => {
  it.each([
    [4, 'app'],
    [17, 'user'],
    [32, 'pages'],
    [613, 'custom'],
  ] as const)('code %i is a retryable rate limit of the %s budget', async (code, bucket) => {
    const error = await failure({ kind: 'error', code });
    expect(error).toBeInstanceOf(GraphRateLimitError);
    expect(error).toMatchObject({
      code,
      bucket,
      retryable: true,
      status: 400,
      type: 'OAuthException',
      fbtraceId: expect.stringMatching(/^\w{10,}$/),
    });
    if (code === 613) expect(error.subcode).toBe(1996);
  });

  it('code 80002 is the account budget with the regain time the usage header gave, and the account stays blocked until then', async () => {
    const error = await failure({ kind: 'error', code: 80002, regainMinutes: 5 });
    expect(error).toBeInstanceOf(GraphRateLimitError);
    expect(error).toMatchObject({ code: 80002, bucket: 'account', retryable: true, regainsAt: START + 5 * 60_000 });
    expect(error.usage.buc).toEqual([
      expect.objectContaining({ accountId: studio.id, callCount: 100, regainMinutes: 5 }),
    ]);
    // The next call, fault-free, is refused by the block itself.
    const again = await clientFor(emu, 'instagram')
      .profile(auth)
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(GraphRateLimitError);
    expect(again).toMatchObject({ code: 80002 });
  });

  it('a rate limit without a regain time says so (undefined), it does not invent one', async () => {
    const error = await failure({ kind: 'error', code: 17 });
    expect((error as GraphRateLimitError).regainsAt).toBeUndefined();
  });

  it.each([
    [463, 'expired'],
    [460, 'password-changed'],
    [467, 'invalid'],
  ] as const)('code 190 with subcode %i is a token error (%s), not retryable', async (subcode, problem) => {
    const error = await failure({ kind: 'error', code: 190, subcode });
    expect(error).toBeInstanceOf(GraphTokenError);
    expect(error).toMatchObject({ code: 190, subcode, problem, retryable: false });
  });

  it('code 100 is a bad parameter', async () => {
    const error = await failure({ kind: 'error', code: 100 });
    expect(error).toBeInstanceOf(GraphParameterError);
    expect(error).toMatchObject({ code: 100, retryable: false, message: '(#100) Invalid parameter' });
  });

  it.each([10, 200])('code %i is a permission error', async (code) => {
    const error = await failure({ kind: 'error', code });
    expect(error).toBeInstanceOf(GraphPermissionError);
    expect(error).toMatchObject({ code, retryable: false });
  });

  it.each([
    [500, 1],
    [503, 2],
  ])('HTTP %i (code %i) is a retryable server error', async (status, code) => {
    const error = await failure({ kind: 'status', status });
    expect(error).toBeInstanceOf(GraphServerError);
    expect(error).toMatchObject({ status, code, retryable: true });
  });

  it('matches on the code, not the status: a 190 served with HTTP 500 is still a token error', async () => {
    const error = await failure({ kind: 'error', code: 190, status: 500 });
    expect(error).toBeInstanceOf(GraphTokenError);
  });
});

describe('transport failures as typed errors', () => {
  it('a body cut short is a retryable response error', async () => {
    const error = await failure({ kind: 'malformed' });
    expect(error).toBeInstanceOf(GraphResponseError);
    expect(error).toMatchObject({ type: 'MalformedResponse', retryable: true });
  });

  it('a reset connection is a retryable network error', async () => {
    const error = await failure({ kind: 'reset' });
    expect(error).toBeInstanceOf(GraphNetworkError);
    expect(error.retryable).toBe(true);
  });

  it('no answer within the timeout is a retryable timeout error', async () => {
    const error = await failure({ kind: 'latency', ms: 3_000 }, 200);
    expect(error).toBeInstanceOf(GraphTimeoutError);
  });

  describe('a redirect', () => {
    let server: Server;
    let hits = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url?.startsWith('/elsewhere')) hits += 1;
        res.writeHead(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/elsewhere` }).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('is refused, not followed: the token never goes where the Location points', async () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = createGraphClient({
        login: 'instagram',
        hosts: { instagramGraph: base },
        version: 'v25.0',
        appId: 'a',
        appSecret: 's',
        redirectUri: 'http://x/cb',
        timeoutMs: 2_000,
      });
      const error = await client.profile(auth).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphResponseError);
      expect(error).toMatchObject({ type: 'Redirect', status: 302, retryable: false });
      expect(hits).toBe(0);
    });
  });
});
