import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { DAY, call, envelope, graphGet } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let account: AccountView;
let token: string;

beforeAll(async () => {
  // A BUC capacity of 20 calls per 24 h: each call adds 5 %, so 50/80/95 % come within a few calls.
  emu = await startGraphEmulator({ seed: 'usage', now: START, frozenClock: true, usage: { bucCapacity: 20 } });
  account = emu.admin.createAccount({ username: 'busy.account', login: 'instagram' });
  token = emu.admin.mintToken({ account: 'busy.account' }).access_token;
});
beforeEach(() => {
  emu.admin.clearFaults();
  emu.admin.resetUsage();
});
afterAll(() => emu.close());

const me = () => graphGet(emu, 'ig', '/me', { fields: 'username', access_token: token });
const bucOf = (answer: { headers: Headers }) => JSON.parse(answer.headers.get('x-business-use-case-usage') ?? 'null');

describe('usage headers', () => {
  it('raises X-Business-Use-Case-Usage per call, refuses with 80002 at 100 % with the regain time, and decays as calls leave the window', async () => {
    const seen: number[][] = [];
    for (let n = 1; n <= 20; n++) {
      const answer = await me();
      expect(answer.status).toBe(200);
      const usage = bucOf(answer)[account.id][0];
      seen.push([usage.call_count, usage.total_cputime, usage.total_time]);
      expect(usage.type).toBe('instagram');
    }
    expect(seen.slice(0, 3)).toEqual([
      [5, 3, 4],
      [10, 6, 8],
      [15, 9, 12],
    ]);
    expect(seen[9]).toEqual([50, 30, 40]);
    expect(seen[15]).toEqual([80, 48, 64]);
    expect(seen[18]).toEqual([95, 57, 76]);
    expect(seen[19]?.[0]).toBe(100);

    const blocked = await me();
    expect(blocked.status).toBe(400);
    expect(blocked.body).toEqual(
      envelope(80002, '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.'),
    );
    expect(bucOf(blocked)[account.id][0]).toEqual({
      type: 'instagram',
      call_count: 100,
      total_cputime: 63,
      total_time: 84,
      estimated_time_to_regain_access: 1440,
    });

    emu.admin.advance(DAY);
    const after = await me();
    expect(after.status).toBe(200);
    // Only this call is left in the window once the day has passed.
    expect(bucOf(after)[account.id][0]).toEqual({
      type: 'instagram',
      call_count: 5,
      total_cputime: 3,
      total_time: 4,
      estimated_time_to_regain_access: 0,
    });
  });

  it('reports usage the admin set, on top of what calls produce', async () => {
    emu.admin.setUsage('busy.account', { call_count: 70, total_time: 90 });
    expect(bucOf(await me())[account.id][0]).toEqual({
      type: 'instagram',
      call_count: 75,
      total_cputime: 3,
      total_time: 94,
      estimated_time_to_regain_access: 0,
    });
  });

  it('blocks the account after an injected 80002 with a regain time, until the clock passes it', async () => {
    const { id } = emu.admin.injectFault({ path: '/me$', kind: 'error', code: 80002, regainMinutes: 7, times: 1 });
    expect(id).toMatch(/^fault-\d+$/);
    const first = await me();
    expect(first.body).toEqual(
      envelope(80002, '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.'),
    );
    expect(bucOf(first)[account.id][0]).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 7 });
    emu.admin.advance(6 * 60_000);
    const still = await me();
    expect(still.body.error.code).toBe(80002);
    expect(bucOf(still)[account.id][0].estimated_time_to_regain_access).toBe(1);
    emu.admin.advance(60_000);
    expect((await me()).status).toBe(200);
  });
});

describe('injected errors', () => {
  const cases: [number, string, Record<string, unknown>][] = [
    [4, '(#4) Application request limit reached', {}],
    [17, '(#17) User request limit reached', {}],
    [32, '(#32) Page request limit reached', {}],
    [
      613,
      '(#613) Calls to this api have exceeded the rate limit. There is inconsistent behavior in the API request volume.',
      { error_subcode: 1996 },
    ],
    [80002, '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.', {}],
    [190, 'Error validating access token: Session has expired.', { error_subcode: 463 }],
    [100, '(#100) Invalid parameter', {}],
    [10, '(#10) Application does not have permission for this action', {}],
    [200, '(#200) Permissions error', {}],
  ];
  it.each(cases)('answers an injected %i in Graph’s error envelope', async (code, message, extra) => {
    emu.admin.injectFault({ method: 'GET', path: '/me$', kind: 'error', code, times: 1 });
    const answer = await me();
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(envelope(code, message, extra));
    expect((await me()).status).toBe(200);
    expect(emu.admin.requests().at(-2)).toMatchObject({
      status: 400,
      errorCode: code,
      fault: 'error',
      route: 'UNKNOWN',
    });
  });

  it('answers an injected error with a given status, subcode and message', async () => {
    emu.admin.injectFault({
      path: '/me$',
      kind: 'error',
      code: 190,
      subcode: 460,
      status: 401,
      message: 'Password changed',
      times: 1,
    });
    const answer = await me();
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(envelope(190, 'Password changed', { error_subcode: 460 }));
  });

  it('answers 5xx as transient codes 1 and 2, cuts a malformed body, and drops the connection on reset', async () => {
    emu.admin.injectFault({ path: '/me$', kind: 'status', status: 503, times: 1 });
    const unavailable = await me();
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toEqual(envelope(2, 'An unexpected error has occurred. Please retry your request later.'));
    emu.admin.injectFault({ path: '/me$', kind: 'status', times: 1 });
    const failed = await me();
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual(envelope(1, 'An unknown error has occurred.'));

    emu.admin.injectFault({ path: '/me$', kind: 'malformed', times: 1 });
    const cut = await me();
    expect(cut.status).toBe(200);
    expect(cut.body).toBeUndefined();
    const whole = (await me()).text;
    expect(whole).toBe(`{"username":"busy.account","id":"${account.app_scoped_id}"}`);
    expect(cut.text).toBe(whole.slice(0, Math.floor(whole.length / 2)));

    emu.admin.injectFault({ path: '/me$', kind: 'reset', times: 1 });
    await expect(me()).rejects.toThrow();
    expect((await me()).status).toBe(200);
  });

  it('serves the same faults over the admin HTTP API, and its request log names tokens only by hash', async () => {
    const injected = await call(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/me$', kind: 'error', code: 17 }),
    });
    expect(injected.status).toBe(200);
    expect((await me()).body.error.code).toBe(17);
    expect((await call(`${emu.url}/_emulator/faults/${injected.body.id}`, { method: 'DELETE' })).body).toEqual({
      removed: true,
    });
    expect((await me()).status).toBe(200);
    const log = (await call(`${emu.url}/_emulator/requests`)).text;
    expect(log).toContain('"tokenId":"');
    for (const issued of emu.issuedTokens()) expect(log).not.toContain(issued);
  });
});
