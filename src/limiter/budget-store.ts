// Where a key's sliding windows live when several igcord processes share one token (docs/decisions/0016): one
// budget per key for the global window and each write bucket, plus the calls waiting for it, ordered by priority
// then arrival across every process. Two implementations keep the same contract (test/integration/limiter/
// budget-store-contract.test.ts): MemoryBudgetStore (one process, no server) and RedisBudgetStore (one atomic
// script per operation on sorted sets). Times are the store's own clock (Redis's TIME), so processes whose clocks
// drift still agree on when a slot frees.
import type { CallPriority, WriteBucket } from './call-gate.js';
import { PRIORITIES } from './wait-queue.js';

/** Extra ms on every release, as in sliding-window.ts: the server's window edge may be inclusive. */
export const STORE_RELEASE_MARGIN_MS = 1;

export interface AdmitRequest {
  key: string;
  /** Unique id of this attempt: its member in the windows (until it ages out) and among the waiters. */
  id: string;
  priority: CallPriority;
  /** When the call was submitted (epoch ms): orders waiters of one priority, first come first served. */
  arrival: number;
  /** The most calls the global window may hold for this call (the limit, or less when it leaves a reserve). */
  cap: number;
  bucket?: WriteBucket | undefined;
  /** The write bucket's limit (ignored without a bucket). */
  writeLimit: number;
  windowMs: number;
  /**
   * The longest an attempt may run. An admitted call holds its slot for `holdMs + windowMs` until its process
   * reports the answer, so a process killed mid-call leaves a slot that still ages out.
   */
  holdMs: number;
}

export type AdmitResult =
  | { admitted: true; now: number }
  /** `retryAt`: when this call may be admitted at the earliest (a slot frees, a pause ends, or those ahead moved). */
  | { admitted: false; retryAt: number; now: number };

export interface BudgetStore {
  readonly kind: 'memory' | 'redis';
  /**
   * Admits the call if the key is not paused, its window (and write bucket) has room, and fewer calls wait ahead of
   * it, across all processes, than there are free slots. Otherwise the call stays registered as waiting (so that
   * lower priorities elsewhere keep behind it) until admitted or `leave`, and must be heartbeated meanwhile.
   */
  admit(req: AdmitRequest): Promise<AdmitResult>;
  /** The admitted call was answered now: its slot frees `windowMs` later. */
  complete(key: string, id: string, bucket: WriteBucket | undefined, windowMs: number): Promise<void>;
  /** The admitted call was never sent: its slot frees at once. */
  refund(key: string, id: string, bucket: WriteBucket | undefined): Promise<void>;
  /** A waiting call gives up (deadline, abort, shutdown): it no longer holds anyone back. */
  leave(key: string, id: string): Promise<void>;
  /** Instagram counts `serverUsed` calls: counts the ones missing as made now (another user of the token). */
  observe(key: string, serverUsed: number, windowMs: number): Promise<number>;
  /** Instagram answered 429 and said nothing more: the window (or a write bucket) is full for a whole window. */
  fill(key: string, bucket: WriteBucket | undefined, limit: number, windowMs: number): Promise<number>;
  /** Nothing of `key` is admitted before `until` (Retry-After). */
  pause(key: string, until: number): Promise<void>;
  /** Calls counted in the key's global window now. */
  used(key: string): Promise<number>;
  close(): Promise<void>;
}

/** How long a waiter stays registered without a heartbeat: a killed process's waiters stop holding others back. */
export const WAITER_TTL_MS = 3_000;
/** How soon a call that had room but others ahead asks again (they are admitted within a round trip). */
export const AHEAD_RETRY_MS = 15;

/** Orders waiters by priority class, then arrival: 1e13 ms is past the year 2286, so classes never overlap. */
export function waiterScore(priority: CallPriority, arrival: number): number {
  return PRIORITIES.indexOf(priority) * 1e13 + arrival;
}
