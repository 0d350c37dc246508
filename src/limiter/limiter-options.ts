// The limiter's settings: `config.limits` (window, budgets, deadlines per priority) plus tuning knobs with
// defaults. Checked once by zod when the limiter is built, so a wiring mistake (a zero budget, a negative
// deadline) fails at start and not as a limiter that silently lets nothing or everything through.
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { BudgetStore } from './budget-store.js';
import { validate } from '../util/validate.js';

const positiveInt = z.number().int().positive();
const duration = z.number().int().min(1);

const limiterOptionsSchema = z
  .object({
    /** Length of the sliding window in ms (3_600_000 in production, ~1000 in tests). */
    windowMs: duration,
    /** Calls per key and window (500 sandbox, 5000 live). */
    global: positiveInt,
    /** Calls per key, window and write bucket (likes, comments, relationships: 30 sandbox, 60 live). */
    write: positiveInt,
    /** How long a call may wait to start, per priority, in ms. */
    deadlines: z.object({ interactive: duration, delivery: duration, background: duration }),
    /** Calls of one key in flight at once. */
    maxConcurrent: positiveInt.default(4),
    /** Of those, how many only interactive calls may use, so that feed work never keeps a person waiting. */
    reservedForInteractive: z.number().int().min(0).default(1),
    /** Retries of an idempotent call after a 5xx or a network error. */
    retries: z.number().int().min(0).max(10).default(2),
    /** First backoff before such a retry, doubled each time (with jitter). */
    retryBaseMs: duration.default(200),
    /** Bound on one attempt's run time: a promise that never settles is failed as a timeout after this. */
    attemptTimeoutMs: duration.default(120_000),
    /** A key is forgotten this long after its last activity, and never before its window is empty. */
    idleEvictionMs: duration.default(60_000),
    /** How long a percentage usage report (Graph) restricts admissions after it arrived (usage-feedback.ts). */
    usageDecayMs: duration.default(3_600_000),
    /** How long a report of 95 % or more blocks its key when it gives no regain time (reference §4.4: 15 min). */
    usageBlockMs: duration.default(900_000),
  })
  .refine((o) => o.reservedForInteractive < o.maxConcurrent, {
    error: 'reservedForInteractive must be smaller than maxConcurrent (feed work needs one slot)',
    path: ['reservedForInteractive'],
  });

export type LimiterSettings = z.output<typeof limiterOptionsSchema>;

export interface LimiterOptions extends z.input<typeof limiterOptionsSchema> {
  log?: Logger | undefined;
  /** Epoch-ms clock; tests may pass their own, timers stay real. */
  clock?: (() => number) | undefined;
  /**
   * Where the windows are shared with other processes using the same tokens (docs/decisions/0016). Without one,
   * the windows are this process's own (sliding-window.ts), as when igcord runs as one process.
   */
  store?: BudgetStore | undefined;
}

export function parseLimiterOptions(options: LimiterOptions): LimiterSettings {
  const { log: _log, clock: _clock, store: _store, ...rest } = options;
  return validate(limiterOptionsSchema, rest, 'limiter options');
}
