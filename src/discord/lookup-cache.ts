// Answers for autocomplete (tags, locations, users): Discord wants them within 3 s and sends one per keystroke,
// so lookups are cached briefly per account and query, identical lookups in flight are shared, and a lookup is
// only sent to Instagram while the account keeps a reserve of its budget. When the budget is low or Instagram is
// slow, autocomplete answers from what it has (possibly nothing) instead of spending calls a command will need.
import type { Limiter } from '../limiter/index.js';

export interface LookupCacheOptions {
  limiter: Limiter;
  /** How long an answer stays fresh. Default 60 s. */
  ttlMs?: number | undefined;
  /** Entries kept at most; the oldest go first. Default 5,000. */
  maxEntries?: number | undefined;
  /** Share of the account's budget that autocomplete never touches. Default 0.2 (20 %). */
  reserve?: number | undefined;
  clock?: (() => number) | undefined;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export class LookupCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly reserve: number;
  private readonly clock: () => number;

  constructor(private readonly options: LookupCacheOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.reserve = options.reserve ?? 0.2;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * The cached answer for (`budgetKey`, `kind`, `query`), else `lookup()` when the account's budget allows, else
   * `fallback`. A failed lookup also yields `fallback`: autocomplete never shows an error, the command will.
   */
  async get<T>(budgetKey: string, kind: string, query: string, lookup: () => Promise<T>, fallback: T): Promise<T> {
    const key = `${budgetKey}\u0000${kind}\u0000${query.toLowerCase()}`;
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as T;

    const pending = this.inFlight.get(key);
    if (pending) return (pending as Promise<T>).catch(() => fallback);

    if (!this.hasBudget(budgetKey)) return hit ? (hit.value as T) : fallback;

    const promise = lookup().then((value) => {
      this.store(key, value);
      return value;
    });
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } catch {
      return hit ? (hit.value as T) : fallback;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Forgets every cached answer of one kind for an account, e.g. its pending requests after one was answered. */
  invalidate(budgetKey: string, kind: string): void {
    const prefix = `${budgetKey}\u0000${kind}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private hasBudget(budgetKey: string): boolean {
    const quota = this.options.limiter.quota(budgetKey);
    return quota.remaining > quota.limit * this.reserve;
  }

  private store(key: string, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
