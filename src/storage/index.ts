// The storage area's public surface: what main.ts, the commands, the OAuth callback and the delivery engine import.
export { openStorage, defaultStorageUrl, type Storage, type StorageOptions } from './open-storage.js';
export type { EncryptionKey } from './token-cipher.js';
export { loadOrCreateSandboxKey } from './sandbox-key.js';
export {
  WEBHOOK_DEDUPE_MS,
  WEBHOOK_PENDING_MS,
  WEBHOOK_EVENT_FIELDS,
  type WebhookEvent,
  type WebhookEventField,
  type WebhookEventInput,
  type WebhookEventStore,
} from './webhook-event-store.js';
export {
  StorageError,
  StorageCorruptError,
  StorageContentionError,
  TokenDecryptError,
  InstanceLockConflictError,
  InstanceLockLostError,
  type LockHolder,
} from './errors.js';
export type { InstanceLock, InstanceLockOptions, LockTiming } from './instance-lock.js';
export type { Account, AccountStore, LinkBreak, LinkInput } from './account-store.js';
export {
  OAUTH_STATE_TTL_MS,
  type OAuthStage,
  type OAuthState,
  type OAuthStateStore,
  type CreateStateInput,
  type TakeStateResult,
} from './oauth-state-store.js';
export type { Feed, FeedStore, FeedState, FeedPatch, NewFeed, FeedDeliveryInput } from './feed-store.js';
export { sourceKey, parseSourceKey, type FeedSource, type SourceKey } from './feed-source.js';
export {
  RECENT_DELIVERIES_LIMIT,
  PENDING_LIMIT,
  type PendingMedia,
  type DeliveryStore,
  type DeliveryRecord,
  type SourceCursor,
  type CursorInput,
  type DirtySource,
  type DirtyMark,
  type LegacyRecords,
} from './delivery-store.js';
export {
  HASHTAG_SLOT_LIMIT,
  HASHTAG_SLOT_WINDOW_MS,
  type HashtagSlots,
  type HashtagSlotStore,
} from './hashtag-slot-store.js';
export {
  FencedOutError,
  IntentTakenError,
  type IntentWrite,
  type PostingIntent,
  type SourceFences,
} from './source-fence.js';
export type { SeenSetStore } from './seen-set-store.js';
export type { GuildSettingsStore } from './guild-settings-store.js';
export type { TemplateDraftStore } from './template-draft-store.js';
export { DIGEST_LIMIT, type DigestEntry, type DigestSent, type DigestStore, type FeedDigest } from './digest-store.js';
export { DEFAULT_TIME_ZONE, serverTimeZones, type TimeZoneOf } from './server-time-zone.js';
