// Typed errors of igcord's storage: a backend that failed, a stored secret that cannot be decrypted, and a
// stored value that does not parse where skipping it would lose data (an index about to be rewritten). Records
// that do not parse on a plain read are not errors: they are reported with their key and skipped.

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
