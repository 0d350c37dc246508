// The feeds area's public surface: the delivery engine (composition root, commands) and the webhook's sink into it, and
// the subscription sync used at start and by `npm run subscriptions`.
export { createDeliveryEngine, DEFAULT_TUNING, type DeliveryEngine, type DeliveryEngineOptions, type DeliveryTuning, type FeedDeliveryEngine } from './delivery-engine.js';
export { dirtySourceSink, type DirtySourceSink } from './dirty-source-sink.js';
export type { EngineStats } from './engine-stats.js';
export { deliveryNonce } from './delivery-nonce.js';
export { PostError } from './feed-poster.js';
export { deleteSubscriptions, describeReport, inspectSubscriptions, syncSubscription, type SubscriptionReport } from './subscription-sync.js';
