// What the limiter's parts share for one limiter instance: its settings, logger and clock, the state of every
// budget key it holds, the calls sleeping before a retry, the attempts in flight and the counters behind
// `stats()`. Also the two operations every part uses: finding a key's state and settling a call.
import type { RateLimitHeaders } from './call-gate.js';
import type { Logger } from '../log.js';
import type { BudgetStore } from './budget-store.js';
import { KeyState, type Waiter } from './key-state.js';
import type { LimiterSettings } from './limiter-options.js';
import type { LimiterCounters } from './limiter-counters.js';

export type Outcome = { ok: true; value: { rateLimit: RateLimitHeaders } } | { ok: false; error: unknown };

/** A call sleeping before a retry: neither queued nor running, and not settled. */
export interface Sleeper {
  timer: NodeJS.Timeout;
  state: KeyState;
}

export interface LimiterContext {
  readonly settings: LimiterSettings;
  readonly log: Logger;
  readonly clock: () => number;
  /** The windows shared with other processes, when there are any (shared-admission.ts). */
  readonly store: BudgetStore | undefined;
  readonly keys: Map<string, KeyState>;
  readonly sleeping: Map<Waiter, Sleeper>;
  readonly inFlight: Set<Promise<unknown>>;
  readonly counters: LimiterCounters;
  /** Set once by `close()`: nothing new is queued or started after it. */
  closed: boolean;
}

/** Looked up at every use, never cached by a caller: an evicted key is rebuilt, not revived stale. */
export function stateFor(ctx: LimiterContext, key: string): KeyState {
  let state = ctx.keys.get(key);
  if (!state) {
    state = new KeyState(key, ctx.settings, ctx.clock());
    ctx.keys.set(key, state);
  }
  return state;
}

/** Answers the caller once, whatever path the call ended on, and drops its deadline timer and abort listener. */
export function settle(ctx: LimiterContext, state: KeyState, w: Waiter, outcome: Outcome): void {
  if (w.settled) return;
  w.settled = true;
  if (w.deadlineTimer) clearTimeout(w.deadlineTimer);
  w.deadlineTimer = undefined;
  if (w.onAbort) w.call.signal?.removeEventListener('abort', w.onAbort);
  w.onAbort = undefined;
  // A call registered as waiting in the shared store stops holding other processes' calls back.
  if (w.storeId !== undefined && !w.admitting) {
    const id = w.storeId;
    w.storeId = undefined;
    ctx.store
      ?.leave(state.key, id)
      .catch((err: unknown) =>
        ctx.log.warn({ err, key: state.key }, 'shared budget: could not withdraw a waiting call'),
      );
  }
  state.lastActivity = ctx.clock();
  if (outcome.ok) w.resolve(outcome.value);
  else w.reject(outcome.error);
}
