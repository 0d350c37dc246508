// The feeds area's public surface: the delivery engine (composition root, commands) and the webhook's sink into it, and
// the subscription sync used at start and by `npm run subscriptions`.
export { createDeliveryEngine, type DeliveryEngineOptions } from './delivery-engine.js';
export type { DeliveryEngine, FeedDeliveryEngine } from './delivery-engine-api.js';
export { DEFAULT_TUNING, type DeliveryTuning } from './delivery-tuning.js';
export { createRoleDeliveries, type RoleDeliveryOptions } from './role-deliveries.js';
export { dirtySourceSink, type DirtySourceSink } from './dirty-source-sink.js';
export type { EngineStats } from './engine-stats.js';
export { deliveryNonce } from './delivery-nonce.js';
export { PostError } from './post-error.js';
export {
  deleteSubscriptions,
  describeReport,
  inspectSubscriptions,
  syncSubscription,
  type SubscriptionReport,
} from './subscription-sync.js';
