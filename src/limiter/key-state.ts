// Everything the limiter knows about one budget key (an Instagram user id, or `app`): its sliding windows (the
// global one and one per write bucket), its waiting calls and its calls in flight. The whole record is dropped when the key is idle and its windows are empty, so that forgetting a
// key can never hand it a fresh budget early, and is rebuilt on the next call.
import type { CallDescription, CallPriority, WriteBucket } from './call-gate.js';
import type { LimiterSettings } from './limiter-options.js';
import { SlidingWindow } from './sliding-window.js';
import type { KeyUsage } from './call-gate.js';
import { PRIORITIES, WaitQueue, type Queued } from './wait-queue.js';

/** One call from `run()` until it settles: waiting, running, or backing off before a retry. */
export interface Waiter extends Queued {
  readonly call: CallDescription;
  readonly attempt: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly submittedAt: number;
  /** When the current wait started (submission, or being put back for a retry). */
  waitingSince: number;
  deadlineTimer: NodeJS.Timeout | undefined;
  onAbort: (() => void) | undefined;
  attempts: number;
  retries: number;
  retriedAfterRateLimit: boolean;
  /** The error of the previous attempt, when the call waits for a retry. */
  lastError: unknown;
  /** Snapshot at the start of the current attempt, to compare with the server's X-Ratelimit-Remaining. */
  usedAtStart: number;
  startedMark: number;
  /** No other call of the key was in flight when the current attempt started (its headers then speak of it alone). */
  aloneAtStart: boolean;
  /** Its id among the shared store's waiters while it is registered there (shared-admission.ts). */
  storeId: string | undefined;
  /** Its member in the shared store's windows while its attempt holds a slot. */
  attemptId: string | undefined;
  /** The shared store is deciding on it: neither queued nor running. */
  admitting: boolean;
  settled: boolean;
}

export class KeyState {
  readonly global: SlidingWindow;
  private readonly writes = new Map<WriteBucket, SlidingWindow>();
  readonly queue = new WaitQueue<Waiter>();
  /** Calls whose attempt is in flight. */
  running = 0;
  /** Calls sleeping before a retry (neither queued nor running, but not settled). */
  backingOff = 0;
  /** Attempts started on this key so far; differences tell how many started during another's flight. */
  startedTotal = 0;
  lastActivity: number;
  /**
   * Epoch ms before which nothing of this key starts: Instagram answered 429 while its headers said calls remain
   * (edge throttling, or Retry-After). A pause, not a full window: the window keeps counting what Instagram counts.
   */
  pausedUntil = 0;
  wakeTimer: NodeJS.Timeout | undefined;
  wakeAt = Infinity;
  /** One call of this key is being admitted by the shared store (its answer decides what comes next). */
  admitting = false;
  /**
   * The shared store refused this key's calls of priority rank ≥ `rank` until `until`; a call of higher priority
   * may still ask at once, so that other processes see it waiting before the slot frees.
   */
  sharedBlock: { until: number; rank: number } | undefined;
  /** Graph's last percentage report for this key, and the last background start it paces (usage-feedback.ts). */
  usage: KeyUsage | undefined;
  lastBackgroundStart = -Infinity;

  constructor(
    readonly key: string,
    private readonly settings: LimiterSettings,
    now: number,
  ) {
    this.global = new SlidingWindow(settings.global, settings.windowMs);
    this.lastActivity = now;
  }

  /** The window of a write bucket, created when the key first writes to it. */
  writeWindow(bucket: WriteBucket): SlidingWindow {
    let window = this.writes.get(bucket);
    if (!window) {
      window = new SlidingWindow(this.settings.write, this.settings.windowMs);
      this.writes.set(bucket, window);
    }
    return window;
  }

  /** The write window if the key has one, without creating it (introspection must not allocate). */
  peekWriteWindow(bucket: WriteBucket): SlidingWindow | undefined {
    return this.writes.get(bucket);
  }

  /**
   * Concurrent calls a call may join: feed work leaves the reserved ones to people, and on a key whose budget is
   * told only by each answer (Graph, CallDescription.reportsUsage) runs alone, after every earlier answer is in.
   */
  concurrencyFor(call: Pick<CallDescription, 'priority' | 'reportsUsage'>): number {
    if (call.priority === 'interactive') return this.settings.maxConcurrent;
    if (call.reportsUsage === true) return 1;
    return this.settings.maxConcurrent - this.settings.reservedForInteractive;
  }

  /** Nothing waits, runs or sleeps, and forgetting the key loses no budget state. */
  evictable(now: number, idleMs: number): boolean {
    if (this.running > 0 || this.backingOff > 0 || this.queue.size > 0 || this.admitting) return false;
    if (this.pausedUntil > now) return false;
    if (now - this.lastActivity < idleMs) return false;
    if (!this.global.isEmpty(now)) return false;
    for (const window of this.writes.values()) if (!window.isEmpty(now)) return false;
    return true;
  }

  /** Waiting write calls of `bucket` that would start before a new one of `priority`. */
  writesAheadOf(bucket: WriteBucket, priority: CallPriority): number {
    const rank = PRIORITIES.indexOf(priority);
    let ahead = 0;
    for (let w = this.queue.first(); w; w = this.queue.after(w)) {
      if (PRIORITIES.indexOf(w.priority) > rank) break;
      if (w.call.writeBucket === bucket) ahead++;
    }
    return ahead;
  }
}
