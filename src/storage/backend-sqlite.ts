// The embedded default: one SQLite file (igcord's keyv store on one driver connection), created with its
// directory on first start.
// The compare-and-swap is one conditional statement on keyv's row (UPDATE/DELETE … WHERE value = expected, or
// INSERT … ON CONFLICT DO NOTHING): SQLite runs each under the file's write lock, which every process opening
// the file shares, so two processes on one file cannot both win.
// The file runs in WAL mode with synchronous=FULL: a write is acknowledged only once it is in the WAL on disk,
// so neither a killed process nor a power cut loses an acknowledged write, and readers never block the writer.
// The file holds encrypted tokens and webhook tokens: it is created 0600 before SQLite opens it, and SQLite gives
// its -wal and -shm files the database file's mode (https://www.sqlite.org/tempfiles.html, unix VFS
// `findCreateFileMode`); ones left from before are tightened too.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensurePrivateFile, tightenIfPresent } from '../util/private-files.js';
import { Keyv } from 'keyv';
import type { Logger } from '../log.js';
import { KEYV_OPTIONS, keyvBackend, type KvBackend } from './backend.js';
import { KeyvSqliteStore } from './keyv-sqlite-store.js';
import type { LeaseLock } from './lease.js';
import { sqliteLock } from './lock-sqlite.js';
import { openSqliteConnection } from './sqlite-connection.js';

export interface SqliteBackendOptions {
  /** File path; `:memory:` for a throwaway database. */
  file: string;
  namespace: string;
  table?: string | undefined;
  log: Logger;
}

export async function openSqliteBackend(options: SqliteBackendOptions): Promise<KvBackend> {
  if (options.file !== ':memory:') {
    // Only directories made here are 0700: a STORAGE_URL may point into a directory the operator owns.
    await mkdir(dirname(options.file), { recursive: true, mode: 0o700 });
    ensurePrivateFile(options.file);
    for (const suffix of ['-wal', '-shm', '-journal']) tightenIfPresent(`${options.file}${suffix}`);
  }
  // Another igcord process (or a test) holding the write lock makes us wait rather than fail at once.
  const db = await openSqliteConnection(options.file, { busyTimeoutMs: 5_000 });
  try {
    await db.all('PRAGMA journal_mode = WAL');
    await db.all('PRAGMA synchronous = FULL');
  } catch (error) {
    await db.close();
    throw error;
  }
  const table = options.table ?? 'keyv';
  const adapter = new KeyvSqliteStore(db, { table });
  // The native take below reads the table directly, so it must exist before anything runs.
  await adapter.ready.catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const keyv = new Keyv<unknown>(adapter, { ...KEYV_OPTIONS, namespace: options.namespace });

  return keyvBackend({
    kind: 'sqlite',
    namespace: options.namespace,
    keyv,
    log: options.log,
    rawKey: (key) => `${options.namespace}:${key}`,
    native: {
      // One statement, so the read and the delete cannot be split by another connection (SQLite ≥ 3.35).
      take: async (rawKey) => {
        const rows = await db.all(`DELETE FROM ${table} WHERE key = ? RETURNING value`, rawKey);
        return rows[0]?.value as string | undefined;
      },
      read: async (rawKey) => {
        const rows = await db.all(`SELECT value FROM ${table} WHERE key = ?`, rawKey);
        return rows[0]?.value as string | undefined;
      },
      swap: async (rawKey, expected, next) => {
        // keyv's SQLite rows carry no expiry of their own: a time to live lives in the envelope only.
        if (expected === undefined) {
          if (next === undefined) return (await db.all(`SELECT 1 FROM ${table} WHERE key = ?`, rawKey)).length === 0;
          return (
            (await db.run(
              `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING`,
              rawKey,
              next,
            )) === 1
          );
        }
        if (next === undefined)
          return (await db.run(`DELETE FROM ${table} WHERE key = ? AND value = ?`, rawKey, expected)) === 1;
        return (
          (await db.run(`UPDATE ${table} SET value = ? WHERE key = ? AND value = ?`, next, rawKey, expected)) === 1
        );
      },
      ping: async () => {
        await db.all('SELECT 1');
      },
    },
    // In the database file itself, per table and namespace; an in-memory database is private to this process.
    instanceLock:
      options.file === ':memory:' ? privateLock : sqliteLock(options.file, `storage:${table}:${options.namespace}`),
    close: () => db.close(),
  });
}

/** The lock of a storage no other process can open: always free. */
const privateLock: LeaseLock = {
  tryAcquire: async () => ({ held: { renew: async () => true, release: async () => undefined } }),
};
