// Typed errors of igcord's storage: a backend that failed, a stored secret that cannot be decrypted, a stored
// value that does not parse where skipping it would lose data (an index about to be rewritten), and an update that
// kept losing its compare-and-swap to other writers. Records that do not parse on a plain read are not errors:
// they are reported with their key and skipped.

/** The storage backend (SQLite file, Redis, PostgreSQL) failed or is unreachable. */
export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A stored secret could not be decrypted. `reason` says why, for the log and for the fix:
 * `unknown-key` (the key id it names is not configured), `malformed` (not igcord's ciphertext format) or
 * `tampered` (the GCM auth tag did not match: altered bytes, another record's ciphertext, or a wrong key).
 */
export class TokenDecryptError extends StorageError {
  override readonly name = 'TokenDecryptError';
  constructor(
    readonly reason: 'unknown-key' | 'malformed' | 'tampered',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A stored value that must be rewritten does not parse: rewriting it blindly would drop what it held. */
export class StorageCorruptError extends StorageError {
  override readonly name = 'StorageCorruptError';
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A compare-and-swap update of one stored value lost the race `attempts` times in a row: other writers (other
 * processes on this storage) kept changing it between the read and the swap. Nothing was written; retrying the
 * whole operation later is safe.
 */
export class StorageContentionError extends StorageError {
  override readonly name = 'StorageContentionError';
  constructor(
    readonly key: string,
    readonly attempts: number,
  ) {
    super(`gave up updating ${key} after ${attempts} attempts: other writers kept changing it`);
  }
}

/** Who holds an instance lock, as far as the lock's backend can tell (fields it cannot tell are absent). */
export interface LockHolder {
  pid?: number | undefined;
  host?: string | undefined;
  /** Milliseconds since the holder last renewed the lock. */
  heartbeatAgeMs?: number | undefined;
  /** The holder is an edge or worker process (a shared lease), not a single igcord (IGCORD_ROLE=all). */
  shared?: boolean | undefined;
}

/** What an instance lock guards: one igcord per storage, and one per Discord bot token. */
export type LockedResource = 'storage' | 'bot token';

/**
 * Another live igcord holds the lock on this storage or this bot token. The message is the one line igcord
 * prints before exiting: what is locked, by whom, and what to do.
 */
export class InstanceLockConflictError extends StorageError {
  override readonly name = 'InstanceLockConflictError';
  constructor(
    readonly resource: LockedResource,
    readonly holder: LockHolder,
    /** Whether the refused process asked for a shared lease (an edge or a worker). */
    shared = false,
  ) {
    super(conflictMessage(resource, holder, shared));
  }
}

/** A held instance lock was lost while running (renewals failed past the stale threshold, or another took it). */
export class InstanceLockLostError extends StorageError {
  override readonly name = 'InstanceLockLostError';
  constructor(
    readonly resource: LockedResource,
    detail: string,
  ) {
    super(
      `igcord lost its instance lock on this ${resource} (${detail}); stopping so that two instances never run at once`,
    );
  }
}

/** One igcord alone (all), or edge and workers together, on one storage: never both (docs/decisions/0020). */
function conflictMessage(resource: LockedResource, holder: LockHolder, shared: boolean): string {
  if (shared && !holder.shared) {
    return (
      `an igcord with IGCORD_ROLE=all is running on this storage (${describeHolder(holder)}); ` +
      `edge and worker processes cannot run beside it — stop it first`
    );
  }
  if (!shared && holder.shared) {
    return (
      `an igcord edge or worker process is running on this storage (${describeHolder(holder)}); ` +
      `IGCORD_ROLE=all runs alone — stop the edge and worker processes first, or run this one as an edge or a worker`
    );
  }
  return (
    `another igcord is running ${resource === 'storage' ? 'on this storage' : 'with this Discord bot token'} (${describeHolder(holder)}); ` +
    `igcord runs as one process per ${resource} — stop it first`
  );
}

function describeHolder(holder: LockHolder): string {
  const parts = [
    `pid ${holder.pid ?? 'unknown'}`,
    `host ${holder.host ?? 'unknown'}`,
    `last heartbeat ${holder.heartbeatAgeMs === undefined ? 'unknown' : `${Math.max(0, Math.round(holder.heartbeatAgeMs / 1000))}s ago`}`,
  ];
  return parts.join(', ');
}
