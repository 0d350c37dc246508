// The budget store for one process and no server: the same contract as RedisBudgetStore (the same contract tests
// run on both), kept in maps. Used where igcord runs as one process and a caller wants the shared-admission path
// without Redis; the limiter's default path keeps its own windows (sliding-window.ts) and needs no store.
import type { WriteBucket } from './call-gate.js';
import {
  AHEAD_RETRY_MS,
  STORE_RELEASE_MARGIN_MS,
  WAITER_TTL_MS,
  waiterScore,
  type AdmitRequest,
  type AdmitResult,
  type BudgetStore,
} from './budget-store.js';

/** Members of one window and when each leaves it (epoch ms). */
type Window = Map<string, number>;

interface KeyBudgets {
  global: Window;
  writes: Map<WriteBucket, Window>;
  /** Waiting calls: their score (priority, arrival) and when their registration lapses without a heartbeat. */
  waiters: Map<string, { score: number; expires: number }>;
  pausedUntil: number;
}

export class MemoryBudgetStore implements BudgetStore {
  readonly kind = 'memory';
  private readonly keys = new Map<string, KeyBudgets>();
  private foreign = 0;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly waiterTtlMs = WAITER_TTL_MS,
  ) {}

  private budgets(key: string): KeyBudgets {
    let b = this.keys.get(key);
    if (!b) {
      b = { global: new Map(), writes: new Map(), waiters: new Map(), pausedUntil: 0 };
      this.keys.set(key, b);
    }
    return b;
  }

  private write(b: KeyBudgets, bucket: WriteBucket): Window {
    let w = b.writes.get(bucket);
    if (!w) b.writes.set(bucket, (w = new Map()));
    return w;
  }

  admit(req: AdmitRequest): Promise<AdmitResult> {
    const now = this.clock();
    const b = this.budgets(req.key);
    for (const [id, w] of b.waiters) if (w.expires <= now) b.waiters.delete(id);
    prune(b.global, now);
    b.waiters.set(req.id, { score: waiterScore(req.priority, req.arrival), expires: now + this.waiterTtlMs });
    if (b.pausedUntil > now) return Promise.resolve({ admitted: false, retryAt: b.pausedUntil, now });
    const used = b.global.size;
    const own = b.waiters.get(req.id)!.score;
    let ahead = 0;
    for (const [id, w] of b.waiters) if (w.score < own || (w.score === own && id < req.id)) ahead++;
    if (used + ahead >= req.cap) {
      if (used < req.cap) return Promise.resolve({ admitted: false, retryAt: now + AHEAD_RETRY_MS, now });
      // A call still in flight frees a window after its answer, which may come at any moment.
      const soonest = now + req.windowMs + STORE_RELEASE_MARGIN_MS;
      const releases = [...b.global.values()].sort((x, y) => x - y);
      return Promise.resolve({ admitted: false, retryAt: Math.min(releases[used - req.cap] ?? soonest, soonest), now });
    }
    const hold = now + req.holdMs + req.windowMs + STORE_RELEASE_MARGIN_MS;
    if (req.bucket) {
      const writes = this.write(b, req.bucket);
      prune(writes, now);
      if (writes.size >= req.writeLimit) {
        // A full write bucket holds back only its own calls: this one stops standing ahead of reads.
        b.waiters.delete(req.id);
        return Promise.resolve({
          admitted: false,
          retryAt: Math.min(...writes.values(), now + req.windowMs + STORE_RELEASE_MARGIN_MS),
          now,
        });
      }
      writes.set(req.id, hold);
    }
    b.global.set(req.id, hold);
    b.waiters.delete(req.id);
    return Promise.resolve({ admitted: true, now });
  }

  complete(key: string, id: string, bucket: WriteBucket | undefined, windowMs: number): Promise<void> {
    const b = this.budgets(key);
    const at = this.clock() + windowMs + STORE_RELEASE_MARGIN_MS;
    if (b.global.has(id)) b.global.set(id, at);
    const writes = bucket ? b.writes.get(bucket) : undefined;
    if (writes?.has(id)) writes.set(id, at);
    return Promise.resolve();
  }

  refund(key: string, id: string, bucket: WriteBucket | undefined): Promise<void> {
    const b = this.budgets(key);
    b.global.delete(id);
    if (bucket) b.writes.get(bucket)?.delete(id);
    return Promise.resolve();
  }

  leave(key: string, id: string): Promise<void> {
    this.keys.get(key)?.waiters.delete(id);
    return Promise.resolve();
  }

  /** Refreshes the registration of waiting calls (RedisBudgetStore does this on a timer of its own). */
  heartbeat(key: string, ids: Iterable<string>): void {
    const now = this.clock();
    const b = this.keys.get(key);
    if (!b) return;
    for (const id of ids) {
      const w = b.waiters.get(id);
      if (w) w.expires = now + this.waiterTtlMs;
    }
  }

  observe(key: string, serverUsed: number, windowMs: number): Promise<number> {
    const b = this.budgets(key);
    const now = this.clock();
    prune(b.global, now);
    return Promise.resolve(this.addUpTo(b.global, serverUsed, now + windowMs + STORE_RELEASE_MARGIN_MS));
  }

  fill(key: string, bucket: WriteBucket | undefined, limit: number, windowMs: number): Promise<number> {
    const b = this.budgets(key);
    const now = this.clock();
    const window = bucket ? this.write(b, bucket) : b.global;
    prune(window, now);
    return Promise.resolve(this.addUpTo(window, limit, now + windowMs + STORE_RELEASE_MARGIN_MS));
  }

  pause(key: string, until: number): Promise<void> {
    const b = this.budgets(key);
    b.pausedUntil = Math.max(b.pausedUntil, until);
    return Promise.resolve();
  }

  used(key: string): Promise<number> {
    const b = this.keys.get(key);
    if (!b) return Promise.resolve(0);
    prune(b.global, this.clock());
    return Promise.resolve(b.global.size);
  }

  close(): Promise<void> {
    this.keys.clear();
    return Promise.resolve();
  }

  private addUpTo(window: Window, count: number, at: number): number {
    const missing = Math.max(0, count - window.size);
    for (let i = 0; i < missing; i++) window.set(`foreign:${++this.foreign}`, at);
    return missing;
  }
}

function prune(window: Window, now: number): void {
  for (const [id, at] of window) if (at <= now) window.delete(id);
}
