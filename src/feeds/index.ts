// The feeds area's public surface: the delivery engine (composition root, commands) and the webhook's sink into it.
// (v1's real-time subscription sync, used at start and by `npm run subscriptions`, is v1's: src/providers/v1.)
export { createDeliveryEngine, type DeliveryEngineOptions } from './delivery-engine.js';
export type { DeliveryEngine, FeedDeliveryEngine } from './delivery-engine-api.js';
export { DEFAULT_TUNING, type DeliveryTuning } from './delivery-tuning.js';
export { createRoleDeliveries, type RoleDeliveryOptions } from './role-deliveries.js';
export { dirtySourceSink, type DirtySourceSink } from './dirty-source-sink.js';
export type { EngineStats, RunTiming } from './engine-stats.js';
export { deliveryNonce } from './delivery-nonce.js';
export { PostError } from './post-error.js';
