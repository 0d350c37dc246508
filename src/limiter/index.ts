// The limiter's public surface: build one per process with `createLimiter({ ...config.limits, log })` and pass
// it to the Instagram client as its gate; `quota(key)` feeds the quota command and metrics. `AttemptLimit` holds
// per-person attempts that spend a shared budget (linking).
export { createLimiter, type Limiter } from './limiter.js';
export type { KeyQuota, WindowQuota } from './key-quota.js';
export type { LimiterStats } from './limiter-counters.js';
export type { LimiterOptions } from './limiter-options.js';
export type { BudgetStore } from './budget-store.js';
export { MemoryBudgetStore } from './memory-budget-store.js';
export { openRedisBudgetStore, type RedisBudgetStoreOptions } from './redis-budget-store.js';
export { BudgetExhaustedError, LimiterClosedError, QueueTimeoutError, minutesUntil } from './errors.js';
export { AttemptLimit, type AttemptLimitOptions, type AttemptTake } from './attempt-limit.js';
