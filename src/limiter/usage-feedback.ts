// What Graph's percentage usage (reference §1.6, §4.4) does to a budget key's admissions. Graph never says how
// many calls are left, only how much of the bucket is used (the highest of call_count, total_cputime, total_time),
// so the limiter keeps the last report per key (the account's BUC under its Instagram user id, `app` for Business
// Discovery and Hashtag Search) and admits by band:
//   below 50 %  everything as usual;
//   50–80 %     background calls at half rate: at most one per pacing interval of 2 × window / budget, which is
//               half the window's even rate, so no window holds more than half its budget of them (chosen over
//               "delay every other one", which lets bursts through); delivery and interactive as usual;
//   80–95 %     interactive calls only: delivery and background wait (until a newer report is lower, or this one
//               decays, or their deadline refuses them with the time it decays);
//   ≥ 95 %      nothing until the regain time (the report's, else usageBlockMs from now): the key is paused,
//               and an interactive call is refused at once with "budget frees in N min". Rate-limit errors
//               (4/17/613/80002) pause the same way through server-feedback.ts, with the regain time their report
//               carries; a later regain time, as a call that reached Instagram during the block brings back
//               (Meta: calling on lengthens the block), extends the pause, an earlier one never shortens it.
// A report restricts for usageDecayMs after it arrived (Graph's windows roll; an old figure says nothing about
// now), and a ≥ 95 % report stops restricting once its block has passed: the regain time is Graph saying the
// bucket may be called again, and the next answer brings a fresh figure.
import type { UsageFeedback } from './call-gate.js';
import type { KeyState, Waiter } from './key-state.js';
import type { LimiterContext } from './limiter-context.js';

export const SLOW_PERCENT = 50;
export const INTERACTIVE_ONLY_PERCENT = 80;
export const BLOCK_PERCENT = 95;

export type { KeyUsage } from './call-gate.js';

/** Records a report from an answer (or an error) of a call charged to the key; at ≥ 95 % pauses the key. */
export function observeUsage(ctx: LimiterContext, state: KeyState, w: Waiter, usage: UsageFeedback, now: number): void {
  // Reported for another budget than the key (a pasted token checked under `app`): it says nothing of the key.
  if (w.call.serverCountsKey === false) return;
  if (!Number.isFinite(usage.percent)) return;
  state.usage = { percent: usage.percent, reportedAt: now };
  if (usage.percent < BLOCK_PERCENT) return;
  const until = usage.regainAt !== undefined && usage.regainAt > now ? usage.regainAt : now + ctx.settings.usageBlockMs;
  if (until <= state.pausedUntil) return;
  state.pausedUntil = until;
  ctx.store
    ?.pause(state.key, until)
    .catch((err: unknown) => ctx.log.warn({ err, key: state.key }, 'shared budget: could not record a usage block'));
  ctx.log.warn(
    { key: state.key, percent: usage.percent, pausedUntil: until },
    'Instagram reports the bucket at 95 % or more; nothing of it starts until it regains access',
  );
}

/**
 * Epoch ms before which `w` may not start because of its key's usage (≤ now when it may start now). Infinity-free:
 * a hold lasts at most until the report decays.
 */
export function usageHold(ctx: LimiterContext, state: KeyState, w: Waiter, now: number): number {
  const usage = state.usage;
  if (!usage || w.priority === 'interactive') return 0;
  const decaysAt = usage.reportedAt + ctx.settings.usageDecayMs;
  if (decaysAt <= now) return 0;
  // The block (pausedUntil) is the whole effect of a ≥ 95 % report; once it has passed, the figure is spent.
  if (usage.percent >= BLOCK_PERCENT) return 0;
  if (usage.percent >= INTERACTIVE_ONLY_PERCENT) return decaysAt;
  if (usage.percent >= SLOW_PERCENT && w.priority === 'background') {
    const pacingMs = (2 * state.global.windowMs) / state.global.limit;
    return Math.min(state.lastBackgroundStart + pacingMs, decaysAt);
  }
  return 0;
}

/** Notes an attempt's start for the background pacing of the 50–80 % band. */
export function noteUsageStart(state: KeyState, w: Waiter, now: number): void {
  if (w.priority === 'background') state.lastBackgroundStart = now;
}

/** While a report restricts the key, forgetting the key would lift the restriction early. */
export function usageRestricts(ctx: LimiterContext, state: KeyState, now: number): boolean {
  return state.usage !== undefined && state.usage.reportedAt + ctx.settings.usageDecayMs > now;
}
