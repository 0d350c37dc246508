// Admission of waiting calls: a call is queued only if its key's budgets can let it start within its deadline
// (otherwise it fails at once), waits in priority order, and is started as soon as its key's global window, its
// write bucket and the key's concurrency allow; a timer wakes the key when the next slot frees. Deadlines and
// callers' aborts take a call out of the queue in O(1). Admission happens here rather than in bottleneck's own
// queue (docs/decisions/0002).
import { InstagramRateLimitError } from '../core/instagram-errors.js';
import { BudgetExhaustedError, LimiterClosedError, QueueTimeoutError } from './errors.js';
import type { KeyState, Waiter } from './key-state.js';
import { settle, type LimiterContext } from './limiter-context.js';
import { askStore, mayAsk, type SharedAdmissionHooks } from './shared-admission.js';
import { usageHold } from './usage-feedback.js';

/** Starts an admitted call's attempt; admission has taken it out of the queue and cleared its deadline by then. */
export type StartAttempt = (state: KeyState, w: Waiter, now: number) => void;

export class Admission {
  private readonly hooks: SharedAdmissionHooks;

  constructor(
    private readonly ctx: LimiterContext,
    private readonly startAttempt: StartAttempt,
  ) {
    this.hooks = {
      start: startAttempt,
      pump: (state) => this.pump(state),
      wakeAt: (state, at) => this.wakeAt(state, at, ctx.clock()),
      armDeadline: (state, w, leftMs) => {
        w.deadlineTimer = setTimeout(() => this.onDeadline(state, w), Math.max(0, leftMs));
      },
    };
  }

  /** When a call put at `where` of its lane could start, as far as the budgets (not concurrency) decide. */
  estimateStart(state: KeyState, w: Waiter, where: 'back' | 'front', now: number): number {
    const ahead = where === 'back' ? state.queue.aheadOf(w.priority) : state.queue.above(w.priority);
    let at = Math.max(state.global.startTime(now, ahead, state.global.capFor(w.call.reserve)), state.pausedUntil);
    const bucket = w.call.writeBucket;
    if (bucket) at = Math.max(at, state.writeWindow(bucket).startTime(now, state.writesAheadOf(bucket, w.priority)));
    return at;
  }

  /** Queues a call (new at the back, a retry at the front of its lane), or fails it if it cannot start in time. */
  enqueue(state: KeyState, w: Waiter, where: 'back' | 'front', now: number): void {
    if (this.ctx.closed) return settle(this.ctx, state, w, { ok: false, error: new LimiterClosedError() });
    const deadline = w.call.deadlineMs ?? this.ctx.settings.deadlines[w.priority];
    const startAt = this.estimateStart(state, w, where, now);
    if (startAt > now + deadline) {
      this.ctx.log.debug(
        { key: state.key, priority: w.priority, freesAt: startAt },
        'call refused: budget frees after its deadline',
      );
      return settle(this.ctx, state, w, { ok: false, error: this.refusal(state, w, startAt, now) });
    }
    if (where === 'back') state.queue.push(w);
    else state.queue.unshift(w);
    w.waitingSince = now;
    w.deadlineTimer = setTimeout(() => this.onDeadline(state, w), deadline);
    const signal = w.call.signal;
    if (signal && !w.onAbort) {
      w.onAbort = () => this.onAbort(state, w);
      signal.addEventListener('abort', w.onAbort, { once: true });
    }
    this.pump(state);
  }

  /** Starts every waiting call the key's budgets and concurrency allow, in start order; sleeps until the next frees. */
  pump(state: KeyState): void {
    if (this.ctx.closed || state.admitting) return;
    const now = this.ctx.clock();
    let wakeAt = Infinity;
    if (state.pausedUntil > now) wakeAt = state.pausedUntil;
    else state.pausedUntil = 0;
    let w = wakeAt === Infinity ? state.queue.first() : undefined;
    while (w) {
      const next = state.queue.after(w);
      if (state.running >= state.concurrencyFor(w.call)) break;
      if (!state.global.hasRoom(now)) {
        wakeAt = Math.min(wakeAt, state.global.nextRelease(now) ?? Infinity);
        break;
      }
      // A call with a reserve waits while the window is past its share; calls without one go on past it.
      if (w.call.reserve !== undefined && !state.global.hasRoom(now, state.global.capFor(w.call.reserve))) {
        wakeAt = Math.min(wakeAt, state.global.nextRelease(now) ?? Infinity);
        w = next;
        continue;
      }
      // Graph's reported usage holds feed work back (80–95 %) or paces background calls (50–80 %).
      const hold = usageHold(this.ctx, state, w, now);
      if (hold > now) {
        wakeAt = Math.min(wakeAt, hold);
        w = next;
        continue;
      }
      const bucket = w.call.writeBucket;
      if (bucket) {
        const writes = state.writeWindow(bucket);
        // A full write bucket holds back only its own calls; reads and other buckets go on.
        if (!writes.hasRoom(now)) {
          wakeAt = Math.min(wakeAt, writes.nextRelease(now) ?? Infinity);
          w = next;
          continue;
        }
      }
      const store = this.ctx.store;
      if (store) {
        // Other processes spend the same budget: the store decides, one call of the key at a time.
        if (!mayAsk(state, w, now)) {
          wakeAt = Math.min(wakeAt, state.sharedBlock!.until);
          break;
        }
        state.queue.remove(w);
        askStore(this.ctx, store, state, w, this.hooks);
        return;
      }
      state.queue.remove(w);
      if (w.deadlineTimer) clearTimeout(w.deadlineTimer);
      w.deadlineTimer = undefined;
      this.startAttempt(state, w, now);
      w = next;
    }
    this.wakeAt(state, wakeAt, now);
  }

  /** Keeps one timer per key, at the earliest time something of it may start. */
  private wakeAt(state: KeyState, wakeAt: number, now: number): void {
    if (wakeAt === state.wakeAt) return;
    if (state.wakeTimer) clearTimeout(state.wakeTimer);
    state.wakeTimer = undefined;
    state.wakeAt = wakeAt;
    if (wakeAt !== Infinity) {
      state.wakeTimer = setTimeout(
        () => {
          state.wakeTimer = undefined;
          state.wakeAt = Infinity;
          this.pump(state);
        },
        Math.max(0, wakeAt - now),
      );
    }
  }

  /** The error for a call that cannot start in time: its previous failure if it was waiting to retry one. */
  private refusal(state: KeyState, w: Waiter, freesAt: number, now: number): unknown {
    this.ctx.counters.refused++;
    if (w.lastError !== undefined && !(w.lastError instanceof InstagramRateLimitError)) return w.lastError;
    return new BudgetExhaustedError(state.key, freesAt, now, w.lastError);
  }

  private onDeadline(state: KeyState, w: Waiter): void {
    w.deadlineTimer = undefined;
    if (!w.queued) return;
    state.queue.remove(w);
    const now = this.ctx.clock();
    const freesAt = Math.max(this.estimateStart(state, w, 'front', now), usageHold(this.ctx, state, w, now));
    const error =
      freesAt > now
        ? this.refusal(state, w, freesAt, now)
        : (this.ctx.counters.refused++, w.lastError ?? new QueueTimeoutError(state.key, now - w.waitingSince));
    settle(this.ctx, state, w, { ok: false, error });
    this.pump(state);
  }

  private onAbort(state: KeyState, w: Waiter): void {
    const reason = w.call.signal?.reason;
    if (w.queued) {
      state.queue.remove(w);
      settle(this.ctx, state, w, { ok: false, error: reason });
      this.pump(state);
      return;
    }
    const sleeper = this.ctx.sleeping.get(w);
    if (sleeper) {
      clearTimeout(sleeper.timer);
      this.ctx.sleeping.delete(w);
      state.backingOff--;
      settle(this.ctx, state, w, { ok: false, error: reason });
    }
    // A running attempt sees the same signal and ends itself.
  }
}
