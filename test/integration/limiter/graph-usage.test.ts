// The limiter fed the usage the Graph emulator reports, over real sockets. The Graph client is not part of this
// test: a tiny fetch-based attempt calls `GET /me`, reads `X-Business-Use-Case-Usage` itself (reference §1.6) and
// hands the limiter the neutral report (highest percentage, regain time), or raises a rate-limit error carrying it
// for codes 4/17/613/80002. The emulator's clock is frozen: its minutes pass only when the test moves it, and the
// attempt reads a reported minute as TEST_MINUTE_MS, so a one-minute block lasts a quarter of a second here.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type {
  CallDescription,
  CallPriority,
  RateLimitHeaders,
  UsageFeedback,
} from '../../../src/providers/v1/call-gate.js';
import { InstagramError, InstagramRateLimitError } from '../../../src/providers/v1/errors.js';
import { BudgetExhaustedError, createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { validate } from '../../../src/util/validate.js';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';

const TEST_MINUTE_MS = 250;
const RATE_LIMIT_CODES = new Set([4, 17, 613, 80002]);

let emu: GraphEmulator | undefined;
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  await emu?.close();
  limiter = undefined;
  emu = undefined;
});

const bucHeader = z.record(
  z.string(),
  z.array(
    z.object({
      type: z.string(),
      call_count: z.number(),
      total_cputime: z.number(),
      total_time: z.number(),
      estimated_time_to_regain_access: z.number(),
    }),
  ),
);

interface Answer {
  priority: CallPriority;
  startedAt: number;
  /** The last percentage the emulator had reported when this call started. */
  knownAtStart: number | undefined;
  percent: number | undefined;
  errorCode: number | undefined;
}

/** A Graph `GET /me` through the limiter, its usage header read into the limiter's neutral report. */
function graphMe(emulator: GraphEmulator, token: string, accountId: string) {
  const answers: Answer[] = [];
  let known: number | undefined;
  let onError: ((code: number) => void) | undefined;
  const attempt = (priority: CallPriority) => async (): Promise<{ rateLimit: RateLimitHeaders }> => {
    const answer: Answer = {
      priority,
      startedAt: Date.now(),
      knownAtStart: known,
      percent: undefined,
      errorCode: undefined,
    };
    answers.push(answer);
    const res = await fetch(`${emulator.hosts.instagramGraph}/v25.0/me?fields=user_id,username`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { error?: { code: number; message: string } };
    const header = res.headers.get('x-business-use-case-usage');
    let usage: UsageFeedback | undefined;
    if (header) {
      const entry = validate(bucHeader, JSON.parse(header), 'X-Business-Use-Case-Usage')[accountId]?.find(
        (e) => e.type === 'instagram',
      );
      if (entry) {
        const regain = entry.estimated_time_to_regain_access;
        usage = {
          percent: Math.max(entry.call_count, entry.total_cputime, entry.total_time),
          ...(regain > 0 ? { regainAt: Date.now() + regain * TEST_MINUTE_MS } : {}),
        };
        answer.percent = usage.percent;
        known = usage.percent;
      }
    }
    const rateLimit = { limit: undefined, remaining: undefined, usage };
    if (!body.error) return { rateLimit };
    answer.errorCode = body.error.code;
    onError?.(body.error.code);
    const fields = { type: 'OAuthException', status: res.status, code: body.error.code, rateLimit };
    throw RATE_LIMIT_CODES.has(body.error.code)
      ? new InstagramRateLimitError(body.error.message, fields)
      : new InstagramError(body.error.message, fields);
  };
  return { answers, attempt, onError: (handler: (code: number) => void) => (onError = handler) };
}

async function setup(deadlines: Record<CallPriority, number>) {
  emu = await startGraphEmulator({ seed: 'limiter-usage', frozenClock: true, usage: { bucCapacity: 100 } });
  const account = emu.admin.accounts().find((a) => a.username === 'igcord.studio')!;
  const { access_token } = emu.admin.mintToken({ account: 'igcord.studio' });
  // A 60 s window of 600 calls paces background calls at 200 ms in the 50–80 % band.
  limiter = createLimiter({ windowMs: 60_000, global: 600, write: 5, deadlines });
  const call = (priority: CallPriority, extra: Partial<CallDescription> = {}): CallDescription => ({
    key: account.id,
    priority,
    method: 'GET',
    path: '/me',
    idempotent: true,
    ...extra,
  });
  return { emu, limiter, account, call, graph: graphMe(emu, access_token, account.id) };
}

describe('limiter against the Graph emulator usage', () => {
  it('keeps the emulator under 95 % while calls of each priority keep being offered, feed work stopping at 80 %', async () => {
    const { emu, limiter, call, graph } = await setup({ interactive: 2_000, delivery: 300, background: 300 });
    emu.admin.setUsage('igcord.studio', { call_count: 40 });
    let blocked: BudgetExhaustedError | undefined;
    const offer = async (priority: CallPriority) => {
      while (!blocked) {
        try {
          await limiter.run(call(priority), graph.attempt(priority));
        } catch (error) {
          if (!(error instanceof BudgetExhaustedError)) throw error;
          if (priority === 'interactive') blocked = error;
        }
      }
    };
    await Promise.all([offer('interactive'), offer('delivery'), offer('background')]);

    const reported = graph.answers.map((a) => a.percent ?? 0);
    expect(Math.max(...reported)).toBe(95);
    expect(graph.answers.filter((a) => a.errorCode !== undefined)).toEqual([]);
    expect(emu.admin.requests().filter((r) => r.errorCode !== undefined)).toEqual([]);
    // Feed work ran below 80 % and never once the emulator had said 80 %; nothing started once it said 95 %.
    expect(graph.answers.some((a) => a.priority === 'delivery')).toBe(true);
    expect(graph.answers.some((a) => a.priority === 'background')).toBe(true);
    for (const a of graph.answers) {
      if ((a.knownAtStart ?? 0) >= 80) expect(a.priority).toBe('interactive');
      expect(a.knownAtStart ?? 0).toBeLessThan(95);
    }
    // The command refused at 95 % was told when the budget frees (usageBlockMs: no regain time at 95 %).
    expect(blocked!.message).toMatch(/^Instagram budget for this account frees in \d+ min$/);
  });

  it('after an 80002 sends nothing on that account until the regain time, refuses a command with it, then resumes', async () => {
    const { emu, limiter, call, graph } = await setup({ interactive: 2_000, delivery: 5_000, background: 5_000 });
    emu.admin.injectFault({ path: '/me$', kind: 'error', code: 80002, regainMinutes: 1, times: 1 });
    const got80002 = new Promise<void>((resolve) => graph.onError((code) => code === 80002 && resolve()));
    const first = limiter.run(call('background'), graph.attempt('background'));
    await got80002;
    while (limiter.quota(call('background').key).pausedUntil === null)
      await new Promise((resolve) => setImmediate(resolve));
    const regainAt = limiter.quota(call('background').key).pausedUntil!;
    // The emulator's minute passes as the test's does.
    emu.admin.advance(60_000);
    const refused = await limiter
      .run(call('interactive', { deadlineMs: 100 }), graph.attempt('interactive'))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BudgetExhaustedError);
    expect((refused as BudgetExhaustedError).freesAt).toBe(regainAt);
    expect((refused as BudgetExhaustedError).message).toBe('Instagram budget for this account frees in 1 min');
    await Promise.all([
      first,
      limiter.run(call('delivery'), graph.attempt('delivery')),
      limiter.run(call('background'), graph.attempt('background')),
    ]);

    const [blockedAnswer, ...after] = graph.answers;
    expect(blockedAnswer!.errorCode).toBe(80002);
    expect(after).toHaveLength(3);
    for (const a of after) {
      expect(a.startedAt).toBeGreaterThanOrEqual(regainAt - 1);
      expect(a.errorCode).toBeUndefined();
    }
    expect(emu.admin.requests().map((r) => r.errorCode ?? r.status)).toEqual([80002, 200, 200, 200]);
  });
});
