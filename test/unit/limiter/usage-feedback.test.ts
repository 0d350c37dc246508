// The limiter fed Graph's percentage usage (reference §1.6, §4.4): attempts the test controls answer with given
// usage reports or with a rate-limit error carrying the regain time, and the limiter's admissions are read back
// from when each attempt was invoked.
import { afterEach, describe, expect, it } from 'vitest';
import type { RateLimitHeaders, UsageFeedback } from '../../../src/providers/v1/call-gate.js';
import { InstagramRateLimitError } from '../../../src/providers/v1/errors.js';
import { BudgetExhaustedError, createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { call, gate, maxInAnyWindow, recorder, settledNow } from './helpers.js';

const deadlines = { interactive: 3_000, delivery: 20_000, background: 20_000 };
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
});

const reporting = (usage: UsageFeedback) => async (): Promise<{ rateLimit: RateLimitHeaders }> => ({
  rateLimit: { limit: undefined, remaining: undefined, usage },
});

/** Graph's 80002 as a provider raises it: a rate-limit error whose usage report carries the regain time. */
const blocked80002 = (regainAt: number) => async (): Promise<never> => {
  throw new InstagramRateLimitError('(#80002) There have been too many calls to this Instagram account.', {
    type: 'OAuthException',
    status: 400,
    code: 80002,
    rateLimit: { limit: undefined, remaining: undefined, usage: { percent: 100, regainAt } },
  });
};

describe('limiter fed percentage usage', () => {
  it('below 50 % starts background calls as fast as the window allows', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 20, write: 5, deadlines });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('first', reporting({ percent: 40 })));
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => limiter!.run(call(), rec.attempt(`bg${i}`, reporting({ percent: 40 })))),
    );
    const times = rec.invocations.filter((i) => i.label.startsWith('bg')).map((i) => i.at);
    expect(maxInAnyWindow(times, 1_000)).toBe(15);
  });

  it('at 50 % starts background calls at half the rate (no window holds more than half the budget of them) while delivery runs at once', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 20, write: 5, deadlines });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('first', reporting({ percent: 50 })));
    const background = Array.from({ length: 15 }, (_, i) =>
      limiter!.run(call(), rec.attempt(`bg${i}`, reporting({ percent: 60 }))),
    );
    const delivery = limiter.run(call({ priority: 'delivery' }), rec.attempt('delivery', reporting({ percent: 60 })));
    await Promise.all([...background, delivery]);
    const times = rec.invocations.filter((i) => i.label.startsWith('bg')).map((i) => i.at);
    expect(maxInAnyWindow(times, 1_000)).toBeLessThanOrEqual(10);
    // One pacing interval (2 × window / budget = 100 ms) between background starts; timers may fire a ms early.
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(98);
    // Delivery did not queue behind the paced background calls.
    expect(rec.invocations.findIndex((i) => i.label === 'delivery')).toBeLessThanOrEqual(2);
  });

  it('at 80 % holds delivery and background while interactive calls run, and lets them go when usage falls', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 100, write: 5, deadlines });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('first', reporting({ percent: 85 })));
    const background = limiter.run(call(), rec.attempt('background', reporting({ percent: 30 })));
    const delivery = limiter.run(call({ priority: 'delivery' }), rec.attempt('delivery', reporting({ percent: 30 })));
    expect(
      await limiter.run(call({ priority: 'interactive' }), rec.attempt('command', reporting({ percent: 88 }))),
    ).toMatchObject({ label: 'command' });
    expect(await settledNow(background)).toBe('pending');
    expect(await settledNow(delivery)).toBe('pending');
    expect(limiter.quota('1001').queued).toMatchObject({ delivery: 1, background: 1 });
    expect(rec.invocations.map((i) => i.label)).toEqual(['first', 'command']);
    // A command's answer reports 30 %: the held feed work starts, delivery first.
    await limiter.run(call({ priority: 'interactive' }), rec.attempt('command2', reporting({ percent: 30 })));
    await Promise.all([background, delivery]);
    expect(rec.invocations.map((i) => i.label)).toEqual(['first', 'command', 'command2', 'delivery', 'background']);
  });

  it('at 95 % refuses an interactive call at once with the regain time the report gave', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 100, write: 5, deadlines });
    const rec = recorder();
    const regainAt = Date.now() + 5 * 60_000;
    await limiter.run(call(), rec.attempt('first', reporting({ percent: 96, regainAt })));
    const outcome = await settledNow(limiter.run(call({ priority: 'interactive' }), rec.attempt('command')));
    expect(outcome).toBeInstanceOf(BudgetExhaustedError);
    expect((outcome as BudgetExhaustedError).freesAt).toBe(regainAt);
    expect((outcome as BudgetExhaustedError).message).toBe('Instagram budget for this account frees in 5 min');
    expect(rec.invocations.map((i) => i.label)).toEqual(['first']);
  });

  it('at 95 % without a regain time blocks the bucket for usageBlockMs', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 100, write: 5, deadlines, usageBlockMs: 20 * 60_000 });
    const rec = recorder();
    const before = Date.now();
    await limiter.run(call(), rec.attempt('first', reporting({ percent: 95 })));
    const outcome = await settledNow(limiter.run(call({ priority: 'interactive' }), rec.attempt('command')));
    expect(outcome).toBeInstanceOf(BudgetExhaustedError);
    expect((outcome as BudgetExhaustedError).freesAt).toBeGreaterThanOrEqual(before + 20 * 60_000);
    expect(rec.invocations.map((i) => i.label)).toEqual(['first']);
  });

  it('after 80002 starts nothing on that bucket until the regain time, refuses commands with it, then resumes', async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 100, write: 5, deadlines });
    const rec = recorder();
    let failed = false;
    const regainAt = Date.now() + 300;
    const first = limiter.run(call(), async () => {
      if (failed) return rec.attempt('first-retry', reporting({ percent: 40 }))();
      failed = true;
      rec.invocations.push({ at: Date.now(), label: 'first' });
      return blocked80002(regainAt)();
    });
    while (limiter.quota('1001').pausedUntil !== regainAt) await new Promise((resolve) => setImmediate(resolve));
    const refused = await limiter
      .run(call({ priority: 'interactive', deadlineMs: 100 }), rec.attempt('command'))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BudgetExhaustedError);
    expect((refused as BudgetExhaustedError).freesAt).toBe(regainAt);
    const others = [
      limiter.run(call({ priority: 'delivery' }), rec.attempt('delivery', reporting({ percent: 41 }))),
      limiter.run(call({ key: '1001' }), rec.attempt('background', reporting({ percent: 42 }))),
      // Another account's bucket is not blocked.
      limiter.run(call({ key: '2002' }), rec.attempt('other-account', reporting({ percent: 10 }))),
    ];
    await Promise.all([first, ...others]);
    const at = (label: string) => rec.invocations.find((i) => i.label === label)!.at;
    expect(at('other-account')).toBeLessThan(regainAt);
    for (const label of ['first-retry', 'delivery', 'background'])
      expect(at(label)).toBeGreaterThanOrEqual(regainAt - 1);
    expect(rec.invocations.map((i) => i.label)).not.toContain('command');
  });

  it('extends the block when a call that reached Instagram during it gets another 80002 with a later regain time', async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 100, write: 5, deadlines, retries: 0 });
    const rec = recorder();
    const t0 = Date.now();
    const slow = gate<void>();
    // Both in flight: the second answers after the first blocked the bucket, with a later regain time.
    const a = limiter
      .run(call({ priority: 'delivery' }), rec.attempt('a', blocked80002(t0 + 200)))
      .catch((e: unknown) => e);
    const b = limiter
      .run(
        call({ priority: 'delivery' }),
        rec.attempt('b', async () => (await slow.promise, blocked80002(t0 + 600)())),
      )
      .catch((e: unknown) => e);
    while (rec.invocations.length < 2) await new Promise((resolve) => setImmediate(resolve));
    slow.open();
    while (limiter.quota('1001').pausedUntil !== t0 + 600) await new Promise((resolve) => setTimeout(resolve, 5));
    const later = limiter.run(call(), rec.attempt('later', reporting({ percent: 20 })));
    await Promise.all([a, b, later]);
    const startedLater = rec.invocations.find((i) => i.label === 'later')!.at;
    expect(startedLater).toBeGreaterThanOrEqual(t0 + 599);
  });

  it('lets a report older than usageDecayMs restrict nothing', async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 100, write: 5, deadlines, usageDecayMs: 300 });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('first', reporting({ percent: 85 })));
    const reportedAt = Date.now();
    await limiter.run(call(), rec.attempt('background'));
    expect(rec.invocations.find((i) => i.label === 'background')!.at).toBeGreaterThanOrEqual(reportedAt + 299);
  });
});
