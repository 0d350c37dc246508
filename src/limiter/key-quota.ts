// What one budget key has used and has left, for the quota command and metrics: the global window, each write
// bucket's window, whether Instagram paused it, its waiting calls per priority and its running ones. Reading a
// quota never creates a key or a window (introspection must not allocate), so a key the limiter does not hold
// reads as untouched.
import type { CallPriority, WriteBucket } from './call-gate.js';
import type { LimiterContext } from './limiter-context.js';
import type { SlidingWindow } from './sliding-window.js';

export interface WindowQuota {
  /** Calls counted in the current window (in flight included). */
  used: number;
  remaining: number;
  limit: number;
  /** Epoch ms at which the next counted call leaves the window; null when nothing is counted. */
  freesAt: number | null;
}

export interface KeyQuota extends WindowQuota {
  /** Epoch ms until which Instagram asked this key to wait (a 429 while calls remained); null when not paused. */
  pausedUntil: number | null;
  writes: Record<WriteBucket, WindowQuota>;
  queued: Record<CallPriority, number>;
  running: number;
  /** Graph's last percentage report for this key (the highest of calls, CPU and time) and when it came; null when none did. */
  usage: { percent: number; reportedAt: number } | null;
}

const WRITE_BUCKETS: readonly WriteBucket[] = ['likes', 'comments', 'relationships'];

function windowQuota(ctx: LimiterContext, window: SlidingWindow | undefined, limit: number, now: number): WindowQuota {
  if (!window) return { used: 0, remaining: limit, limit, freesAt: null };
  const used = window.used(now);
  return {
    used,
    remaining: window.remaining(now),
    limit: window.limit,
    freesAt: used === 0 ? null : (window.nextRelease(now) ?? now + ctx.settings.windowMs),
  };
}

export function keyQuota(ctx: LimiterContext, key: string): KeyQuota {
  const now = ctx.clock();
  const state = ctx.keys.get(key);
  const writes = {} as Record<WriteBucket, WindowQuota>;
  for (const bucket of WRITE_BUCKETS)
    writes[bucket] = windowQuota(ctx, state?.peekWriteWindow(bucket), ctx.settings.write, now);
  return {
    ...windowQuota(ctx, state?.global, ctx.settings.global, now),
    pausedUntil: state && state.pausedUntil > now ? state.pausedUntil : null,
    writes,
    queued: {
      interactive: state?.queue.count('interactive') ?? 0,
      delivery: state?.queue.count('delivery') ?? 0,
      background: state?.queue.count('background') ?? 0,
    },
    running: state?.running ?? 0,
    usage: state?.usage === undefined ? null : { percent: state.usage.percent, reportedAt: state.usage.reportedAt },
  };
}
