// PostgreSQL through @keyv/postgres: one table of (key, value) rows, keys `<namespace>:<key>`. The adapter keeps a
// single module-wide pool that any instance's disconnect ends for all; igcord gives each backend its own pool so
// closing one storage (a test, a reopen) cannot break another.
// The compare-and-swap is one conditional statement on keyv's row: under READ COMMITTED an UPDATE or DELETE that
// waited for a concurrent writer re-checks its WHERE against the row that writer committed, and INSERT … ON
// CONFLICT DO NOTHING lets exactly one of concurrent inserts of a key in
// (https://www.postgresql.org/docs/current/transaction-iso.html#XACT-READ-COMMITTED).
import { createRequire } from 'node:module';
import { KeyvPostgres } from '@keyv/postgres';
import { Keyv } from 'keyv';
import type { Logger } from '../log.js';
import { KEYV_OPTIONS, keyvBackend, type KvBackend } from './backend.js';
import { StorageError } from './errors.js';
import { postgresLock } from './lock-postgres.js';

export interface PostgresBackendOptions {
  url: string;
  namespace: string;
  table?: string | undefined;
  log: Logger;
}

/** The slice of `pg` used here (pg ships no types, and is @keyv/postgres's own dependency). */
interface PgPool {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface PgModule {
  Pool: new (config: { connectionString: string; max?: number }) => PgPool;
}
const pg = createRequire(import.meta.url)('pg') as PgModule;

function adapterWithPool(pool: PgPool, options: { uri: string; table: string }): KeyvPostgres {
  class PooledKeyvPostgres extends KeyvPostgres {
    override async connect() {
      return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
    }
    override async disconnect() {
      await pool.end();
    }
  }
  return new PooledKeyvPostgres({ uri: options.uri, table: options.table });
}

export async function openPostgresBackend(options: PostgresBackendOptions): Promise<KvBackend> {
  const table = options.table ?? 'keyv';
  // The adapter splices the table name into SQL unquoted: only plain identifiers are accepted.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new StorageError(`invalid PostgreSQL table name ${table}`);
  const pool = new pg.Pool({ connectionString: options.url, max: 10 });
  pool.on('error', (err) => options.log.warn({ err }, 'idle PostgreSQL connection failed'));
  const adapter = adapterWithPool(pool, { uri: options.url, table });
  const keyv = new Keyv<unknown>(adapter, { ...KEYV_OPTIONS, namespace: options.namespace });
  const qualified = `public.${table}`;
  try {
    // Surfaces a wrong URL or a failed CREATE TABLE now rather than at the first command; `adapter.query` runs
    // after the adapter's own CREATE TABLE IF NOT EXISTS.
    await adapter.query(`SELECT 1 FROM ${qualified} LIMIT 1`);
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new StorageError(`PostgreSQL storage is not usable: ${(cause as Error).message}`, { cause });
  }

  return keyvBackend({
    kind: 'postgres',
    namespace: options.namespace,
    keyv,
    log: options.log,
    rawKey: (key) => `${options.namespace}:${key}`,
    native: {
      take: async (rawKey) => {
        const { rows } = await pool.query(`DELETE FROM ${qualified} WHERE key = $1 RETURNING value`, [rawKey]);
        const value = rows[0]?.value;
        return typeof value === 'string' ? value : undefined;
      },
      read: async (rawKey) => {
        const value = (await pool.query(`SELECT value FROM ${qualified} WHERE key = $1`, [rawKey])).rows[0]?.value;
        return typeof value === 'string' ? value : undefined;
      },
      swap: async (rawKey, expected, next) => {
        // keyv's PostgreSQL rows carry no expiry of their own: a time to live lives in the envelope only.
        const sql =
          expected === undefined
            ? next === undefined
              ? `SELECT 1 AS key WHERE NOT EXISTS (SELECT 1 FROM ${qualified} WHERE key = $1)`
              : `INSERT INTO ${qualified} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`
            : next === undefined
              ? `DELETE FROM ${qualified} WHERE key = $1 AND value = $2 RETURNING key`
              : `UPDATE ${qualified} SET value = $3 WHERE key = $1 AND value = $2 RETURNING key`;
        const values =
          expected === undefined
            ? next === undefined
              ? [rawKey]
              : [rawKey, next]
            : next === undefined
              ? [rawKey, expected]
              : [rawKey, expected, next];
        return (await pool.query(sql, values)).rows.length === 1;
      },
      ping: async () => {
        await pool.query('SELECT 1');
      },
    },
    // Per table and namespace, as the data is; advisory locks are per database, as the table is.
    instanceLock: postgresLock(options.url, `storage:${qualified}:${options.namespace}`, options.log),
    close: () => adapter.disconnect(),
  });
}
