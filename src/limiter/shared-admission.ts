// Admission through a budget store shared with other processes (docs/decisions/0016). The local pump still
// orders this process's calls (priority, then arrival) and bounds its concurrency; the call it would start next is
// then asked of the store, which admits it only if the shared window has room and no call of another process
// waits ahead of it. One request per key is in flight at a time, so a refusal stops the key until the slot the
// store names frees, except for a call of higher priority, which asks at once so that others see it waiting.
import { randomUUID } from 'node:crypto';
import { BudgetExhaustedError, LimiterClosedError } from './errors.js';
import type { KeyState, Waiter } from './key-state.js';
import { settle, type LimiterContext } from './limiter-context.js';
import type { BudgetStore } from './budget-store.js';
import { PRIORITIES } from './wait-queue.js';

/** Per process: ids only need to be unique among the processes sharing a store. */
const PROCESS_TAG = randomUUID().slice(0, 8);
let sequence = 0;

export interface SharedAdmissionHooks {
  /** Starts the admitted call's attempt. */
  start(state: KeyState, w: Waiter, now: number): void;
  /** Looks at the key again (a call was admitted, refused or dropped). */
  pump(state: KeyState): void;
  /** Wakes the key at `at` (epoch ms). */
  wakeAt(state: KeyState, at: number): void;
  /** Arms a call's deadline again for the time it has left. */
  armDeadline(state: KeyState, w: Waiter, leftMs: number): void;
}

/** May `w` ask the store now, or does an earlier refusal of its priority still hold? */
export function mayAsk(state: KeyState, w: Waiter, now: number): boolean {
  const block = state.sharedBlock;
  if (!block || block.until <= now) return true;
  return PRIORITIES.indexOf(w.priority) < block.rank;
}

export function askStore(
  ctx: LimiterContext,
  store: BudgetStore,
  state: KeyState,
  w: Waiter,
  hooks: SharedAdmissionHooks,
): void {
  const { settings } = ctx;
  w.storeId ??= `${PROCESS_TAG}-${++sequence}`;
  w.admitting = true;
  state.admitting = true;
  const cap = state.global.capFor(w.call.reserve);
  const asked = store
    .admit({
      key: state.key,
      id: w.storeId,
      priority: w.priority,
      arrival: w.submittedAt,
      cap: Math.min(cap, state.global.limit),
      bucket: w.call.writeBucket,
      writeLimit: settings.write,
      windowMs: settings.windowMs,
      holdMs: settings.attemptTimeoutMs,
    })
    .then(
      (result) => {
        w.admitting = false;
        state.admitting = false;
        const now = ctx.clock();
        const signal = w.call.signal;
        // The limiter closed or the caller gave up while the store decided: the slot goes back, the call ends.
        if (ctx.closed || signal?.aborted) {
          if (result.admitted) {
            void store.refund(state.key, w.storeId!, w.call.writeBucket).catch(() => undefined);
            w.storeId = undefined;
          }
          settle(ctx, state, w, { ok: false, error: ctx.closed ? new LimiterClosedError() : signal?.reason });
          return hooks.pump(state);
        }
        if (result.admitted) {
          state.sharedBlock = undefined;
          w.attemptId = w.storeId;
          w.storeId = undefined;
          if (w.deadlineTimer) clearTimeout(w.deadlineTimer);
          w.deadlineTimer = undefined;
          hooks.start(state, w, now);
          return hooks.pump(state);
        }
        const deadlineAt = w.waitingSince + (w.call.deadlineMs ?? settings.deadlines[w.priority]);
        if (result.retryAt > deadlineAt || now >= deadlineAt) {
          ctx.counters.refused++;
          settle(ctx, state, w, {
            ok: false,
            error: new BudgetExhaustedError(state.key, result.retryAt, now, w.lastError),
          });
          return hooks.pump(state);
        }
        state.queue.unshift(w);
        if (!w.deadlineTimer) hooks.armDeadline(state, w, deadlineAt - now);
        state.sharedBlock = { until: result.retryAt, rank: PRIORITIES.indexOf(w.priority) };
        hooks.wakeAt(state, result.retryAt);
        hooks.pump(state);
      },
      (error: unknown) => {
        w.admitting = false;
        state.admitting = false;
        ctx.log.error(
          { err: error, key: state.key },
          'shared budget store failed; the call fails rather than run unchecked',
        );
        settle(ctx, state, w, { ok: false, error });
        hooks.pump(state);
      },
    );
  // close() waits for it like for a running attempt.
  ctx.inFlight.add(asked);
  void asked.finally(() => ctx.inFlight.delete(asked));
}
