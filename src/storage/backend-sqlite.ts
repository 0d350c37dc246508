// The embedded default: one SQLite file (through @keyv/sqlite), created with its directory on first start.
// The file runs in WAL mode with synchronous=FULL: a write is acknowledged only once it is in the WAL on disk,
// so neither a killed process nor a power cut loses an acknowledged write, and readers never block the writer.
// The file holds encrypted tokens and webhook tokens: it is created 0600 before SQLite opens it, and SQLite gives
// its -wal and -shm files the database file's mode (https://www.sqlite.org/tempfiles.html, unix VFS
// `findCreateFileMode`); ones left from before are tightened too.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensurePrivateFile, tightenIfPresent } from '../util/private-files.js';
import { KeyvSqlite } from '@keyv/sqlite';
import { Keyv } from 'keyv';
import type { KeyvEntry } from 'keyv';
import type { Logger } from '../log.js';
import { KEYV_OPTIONS, keyvBackend, type KvBackend } from './backend.js';
import type { LeaseLock } from './lease.js';
import { sqliteLock } from './lock-sqlite.js';

export interface SqliteBackendOptions {
  /** File path; `:memory:` for a throwaway database. */
  file: string;
  namespace: string;
  table?: string | undefined;
  log: Logger;
}

/** @keyv/sqlite writes a bulk one row at a time; this writes it in one statement (one transaction, one fsync). */
class BulkKeyvSqlite extends KeyvSqlite {
  async setMany(entries: KeyvEntry[]): Promise<void> {
    const rows = JSON.stringify(entries.map((e) => [e.key, e.value as string]));
    await this.query(
      `INSERT INTO ${this.opts.table} (key, value)
       SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?) AS j WHERE true
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      rows,
    );
  }
}

export async function openSqliteBackend(options: SqliteBackendOptions): Promise<KvBackend> {
  if (options.file !== ':memory:') {
    // Only directories made here are 0700: a STORAGE_URL may point into a directory the operator owns.
    await mkdir(dirname(options.file), { recursive: true, mode: 0o700 });
    ensurePrivateFile(options.file);
    for (const suffix of ['-wal', '-shm', '-journal']) tightenIfPresent(`${options.file}${suffix}`);
  }
  const adapter = new BulkKeyvSqlite({
    uri: `sqlite://${options.file}`,
    table: options.table ?? 'keyv',
    // Another igcord process (or a test) holding the write lock makes us wait rather than fail at once.
    busyTimeout: 5_000,
  });
  const table = adapter.opts.table as string;
  const keyv = new Keyv<unknown>(adapter, { ...KEYV_OPTIONS, namespace: options.namespace });
  await adapter.query('PRAGMA journal_mode = WAL');
  await adapter.query('PRAGMA synchronous = FULL');

  return keyvBackend({
    kind: 'sqlite',
    namespace: options.namespace,
    keyv,
    log: options.log,
    rawKey: (key) => `${options.namespace}:${key}`,
    native: {
      // One statement, so the read and the delete cannot be split by another connection (SQLite ≥ 3.35).
      take: async (rawKey) => {
        const rows = (await adapter.query(`DELETE FROM ${table} WHERE key = ? RETURNING value`, rawKey)) as { value: string }[];
        return rows[0]?.value;
      },
      ping: async () => {
        await adapter.query('SELECT 1');
      },
    },
    // In the database file itself, per table and namespace; an in-memory database is private to this process.
    instanceLock: options.file === ':memory:' ? privateLock : sqliteLock(options.file, `storage:${table}:${options.namespace}`),
    close: () => adapter.disconnect(),
  });
}

/** The lock of a storage no other process can open: always free. */
const privateLock: LeaseLock = {
  tryAcquire: async () => ({ held: { renew: async () => true, release: async () => undefined } }),
};
