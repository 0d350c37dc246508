// The composition of igcord's storage: picks the backend from the storage URL (sqlite://<file>, redis://…,
// rediss://…, postgres://…), wires the stores to it with one keyed mutex and one token cipher, and returns them
// with a health check, the instance lock (one igcord per storage and bot token) and an idempotent close.
import { join } from 'node:path';
import type { Logger } from '../log.js';
import { ensurePrivateDir } from '../util/private-files.js';
import { createAccountStore, type AccountStore } from './account-store.js';
import type { KvBackend } from './backend.js';
import { openPostgresBackend } from './backend-postgres.js';
import { openRedisBackend } from './backend-redis.js';
import { openSqliteBackend } from './backend-sqlite.js';
import { createDeliveryStore, type DeliveryStore, type LegacyRecords } from './delivery-store.js';
import { StorageError } from './errors.js';
import { createFeedStore, type FeedStore } from './feed-store.js';
import { createHashtagSlotStore, type HashtagSlotStore } from './hashtag-slot-store.js';
import { createWebhookEventStore, type WebhookEventStore } from './webhook-event-store.js';
import { createSeenSetStore, type SeenSetStore } from './seen-set-store.js';
import { createGuildSettingsStore, type GuildSettingsStore } from './guild-settings-store.js';
import { createTemplateDraftStore, type TemplateDraftStore } from './template-draft-store.js';
import { createDigestStore, type DigestStore } from './digest-store.js';
import { IndexSets } from './index-set.js';
import { acquireInstanceLock, type InstanceLock, type InstanceLockOptions } from './instance-lock.js';
import { KeyedMutex } from './keyed-mutex.js';
import { createOAuthStateStore, type OAuthStateStore } from './oauth-state-store.js';
import { createRecordReader } from './record-reader.js';
import { createTokenCipher, type EncryptionKey } from './token-cipher.js';
import { createSourceFences, type SourceFences } from './source-fence.js';

export interface StorageOptions {
  /** STORAGE_URL; undefined means `sqlite://<dataDir>/igcord.sqlite`. */
  url: string | undefined;
  dataDir: string;
  /** The newest key encrypts; `previous` keys still decrypt (rotation). */
  keys: { current: EncryptionKey; previous?: readonly EncryptionKey[] | undefined };
  log: Logger;
  /** Key prefix, so several installs (or test runs) share one server without colliding. Default `igcord`. */
  namespace?: string | undefined;
  /** SQL table (SQLite, PostgreSQL). Default `keyv`, the adapters' own default. */
  table?: string | undefined;
  /** Epoch ms clock; tests pass their own. */
  now?: (() => number) | undefined;
  /** Wraps the opened backend before the stores use it: tests count, hold or slow its calls. */
  wrapBackend?: ((backend: KvBackend) => KvBackend) | undefined;
  /**
   * Readers of records an older igcord wrote in a provider's terms (version-1 pending lists of v1 media). The
   * composition root passes the provider's; without them such an entry is kept as stored and dropped unread.
   */
  legacy?: LegacyRecords | undefined;
}

export interface Storage {
  readonly kind: KvBackend['kind'];
  readonly accounts: AccountStore;
  readonly oauthStates: OAuthStateStore;
  readonly feeds: FeedStore;
  readonly deliveries: DeliveryStore;
  /** Per-source fence tokens and webhook posting intents (docs/decisions/0021). */
  readonly fences: SourceFences;
  /** The unique hashtags each Instagram account queried in the last 7 days (Graph allows 30). */
  readonly hashtagSlots: HashtagSlotStore;
  /** Graph's comments and mentions webhook events, deduplicated, pending until a feed acknowledges them. */
  readonly webhookEvents: WebhookEventStore;
  /** Ids seen per named set, for a time (Graph stories; hashtag posts). */
  readonly seen: SeenSetStore;
  /** Per-server feed settings (the time zone and style of `{time}`). */
  readonly guildSettings: GuildSettingsStore;
  /** Feed templates submitted and being previewed, until Save or Cancel. */
  readonly templateDrafts: TemplateDraftStore;
  /** The posts digest feeds gathered for their coming digests (docs/decisions/0031). */
  readonly digests: DigestStore;
  /** True when the backend answers within two seconds (for /healthz). */
  health(): Promise<boolean>;
  /** How many stored values failed to parse since start (for /metrics). */
  corruptRecords(): number;
  /**
   * Takes the lock that lets only this process run igcord on this storage (and with `botToken`, if given).
   * Throws InstanceLockConflictError naming the holder when another live igcord has it. Tools that only read or
   * seed storage do not take it.
   */
  lockInstance(options: InstanceLockOptions): Promise<InstanceLock>;
  /** Releases the instance lock if held, then closes the backend. */
  close(): Promise<void>;
}

/** The SQLite file a storage URL names, resolving the default. */
export function defaultStorageUrl(dataDir: string): string {
  return `sqlite://${join(dataDir, 'igcord.sqlite')}`;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  // igcord's own data directory (not one a STORAGE_URL names) is the owner's only.
  if (options.url === undefined) ensurePrivateDir(options.dataDir);
  const url = options.url ?? defaultStorageUrl(options.dataDir);
  const namespace = options.namespace ?? 'igcord';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(namespace)) throw new StorageError(`invalid storage namespace ${namespace}`);
  const log = options.log.child({ component: 'storage' });
  const opened = await openBackend(url, namespace, options.table, log);
  const backend = options.wrapBackend?.(opened) ?? opened;
  log.info({ backend: backend.kind, namespace }, 'storage opened');

  let corrupt = 0;
  const reader = createRecordReader(log, () => {
    corrupt += 1;
  });
  const mutex = new KeyedMutex();
  const locks: InstanceLock[] = [];
  let closed: Promise<void> | undefined;
  const ctx = {
    backend,
    mutex,
    reader,
    indexes: new IndexSets(backend, mutex, reader),
    cipher: createTokenCipher(options.keys),
    log,
    now: options.now ?? Date.now,
  };
  return {
    kind: backend.kind,
    accounts: createAccountStore(ctx),
    oauthStates: createOAuthStateStore(ctx),
    feeds: createFeedStore(ctx),
    deliveries: createDeliveryStore(ctx, options.legacy),
    fences: createSourceFences(ctx),
    hashtagSlots: createHashtagSlotStore(ctx),
    webhookEvents: createWebhookEventStore(ctx),
    seen: createSeenSetStore(ctx),
    guildSettings: createGuildSettingsStore(ctx),
    templateDrafts: createTemplateDraftStore(ctx),
    digests: createDigestStore(ctx),
    async health() {
      try {
        await backend.ping();
        return true;
      } catch (err) {
        log.warn({ err }, 'storage health check failed');
        return false;
      }
    },
    corruptRecords: () => corrupt,
    async lockInstance(lockOptions) {
      const lock = await acquireInstanceLock(
        { storage: backend.instanceLock, shared: backend.sharedLock },
        lockOptions,
        log,
      );
      locks.push(lock);
      return lock;
    },
    close: () =>
      (closed ??= (async () => {
        for (const lock of locks.splice(0)) await lock.release();
        await backend.close();
      })()),
  };
}

async function openBackend(url: string, namespace: string, table: string | undefined, log: Logger): Promise<KvBackend> {
  const scheme = url.slice(0, url.indexOf('://'));
  try {
    switch (scheme) {
      case 'sqlite':
        return await openSqliteBackend({ file: url.slice('sqlite://'.length), namespace, table, log });
      case 'redis':
      case 'rediss':
        return await openRedisBackend({ url, namespace, log });
      case 'postgres':
      case 'postgresql':
        return await openPostgresBackend({ url, namespace, table, log });
    }
  } catch (cause) {
    if (cause instanceof StorageError) throw cause;
    throw new StorageError(`cannot open ${scheme} storage: ${(cause as Error).message}`, { cause });
  }
  throw new StorageError('STORAGE_URL must start with sqlite://, redis://, rediss:// or postgres://');
}
