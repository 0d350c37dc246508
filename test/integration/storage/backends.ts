// The three real backends every storage test runs against, each test on its own namespace (and SQLite file /
// PostgreSQL table) so runs never collide, plus raw readers that look at what the server or file really holds,
// bypassing igcord and keyv. A missing Redis or PostgreSQL server fails the test: it is never skipped.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '@appthreat/sqlite3';
import { createClient } from '@redis/client';
import type { EncryptionKey } from '../../../src/config.js';
import { v1LegacyRecords } from '../../../src/app-providers.js';
import { silentLogger, type Logger } from '../../../src/log.js';
import type { KvBackend } from '../../../src/storage/backend.js';
import { openStorage, type Storage } from '../../../src/storage/index.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BackendName = 'sqlite' | 'redis' | 'postgres';
export const BACKENDS: BackendName[] = ['sqlite', 'redis', 'postgres'];

export const KEY_A: EncryptionKey = { id: 'keyA', key: Buffer.alloc(32, 0xa1) };
export const KEY_B: EncryptionKey = { id: 'keyB', key: Buffer.alloc(32, 0xb2) };

interface PgPool {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as { Pool: new (c: { connectionString: string }) => PgPool };

/** The raw Redis commands the tests use. */
interface RawRedis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  del(keys: string[]): Promise<number>;
  mGet(keys: string[]): Promise<(string | null)[]>;
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
}

/** One isolated place to store things on one backend, and how to look at it raw. */
export interface TestPlace {
  backend: BackendName;
  url: string;
  dataDir: string;
  namespace: string;
  table: string;
  open(options?: {
    keys?: { current: EncryptionKey; previous?: EncryptionKey[] };
    now?: () => number;
    log?: Logger;
    wrapBackend?: (b: KvBackend) => KvBackend;
  }): Promise<Storage>;
  /** Every stored key and value as the backend holds it (the SQLite file's bytes for SQLite). */
  rawDump(): Promise<string>;
  /** Overwrites one stored value, bypassing igcord (keyv envelope included), to simulate corruption or tampering. */
  rawWrite(key: string, envelopeJson: string): Promise<void>;
  rawRead(key: string): Promise<string | undefined>;
  cleanup(): Promise<void>;
}

export async function createPlace(backend: BackendName): Promise<TestPlace> {
  const suffix = randomBytes(5).toString('hex');
  const namespace = `t${suffix}`;
  const table = `igcord_test_${suffix}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'igcord-storage-'));
  const url =
    backend === 'sqlite'
      ? `sqlite://${join(dataDir, 'igcord.sqlite')}`
      : backend === 'redis'
        ? REDIS_URL
        : POSTGRES_URL;
  const redisKey = (key: string) => `${namespace}::${key}`;
  const sqlKey = (key: string) => `${namespace}:${key}`;

  const withRedis = async <T>(fn: (c: RawRedis) => Promise<T>): Promise<T> => {
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    try {
      return await fn(client as unknown as RawRedis);
    } finally {
      client.destroy();
    }
  };
  const withPg = async <T>(fn: (p: PgPool) => Promise<T>): Promise<T> => {
    const pool = new pg.Pool({ connectionString: POSTGRES_URL });
    try {
      return await fn(pool);
    } finally {
      await pool.end();
    }
  };
  const withSqlite = async <T>(
    fn: (db: { all(sql: string, ...p: unknown[]): Promise<Record<string, unknown>[]>; close(): void }) => Promise<T>,
  ) => {
    const db = new Database(url.slice('sqlite://'.length));
    db.configure('busyTimeout', 5_000);
    const all = (sql: string, ...params: unknown[]) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) =>
        db.all<Record<string, unknown>>(sql, params, (e, rows) => (e ? reject(e) : resolve(rows))),
      );
    try {
      return await fn({ all, close: () => db.close() });
    } finally {
      db.close();
    }
  };

  return {
    backend,
    url,
    dataDir,
    namespace,
    table,
    open: (options = {}) =>
      openStorage({
        url,
        dataDir,
        keys: options.keys ?? { current: KEY_A },
        log: options.log ?? silentLogger(),
        namespace,
        table,
        now: options.now,
        wrapBackend: options.wrapBackend,
        // The readers igcord itself opens storage with, so old records are tested as they are read in production.
        legacy: v1LegacyRecords,
      }),
    async rawDump() {
      if (backend === 'sqlite') {
        const file = url.slice('sqlite://'.length);
        const parts = await Promise.all([file, `${file}-wal`].map((f) => readFile(f).catch(() => Buffer.alloc(0))));
        return Buffer.concat(parts).toString('latin1');
      }
      if (backend === 'redis') {
        return withRedis(async (c) => {
          const keys: string[] = [];
          for await (const batch of c.scanIterator({ MATCH: `${namespace}::*`, COUNT: 1000 })) keys.push(...batch);
          const values = keys.length === 0 ? [] : await c.mGet(keys);
          return keys.map((k, i) => `${k}=${values[i] ?? ''}`).join('\n');
        });
      }
      return withPg(async (p) =>
        (await p.query(`SELECT key, value FROM ${table}`)).rows
          .map((r) => `${String(r.key)}=${String(r.value)}`)
          .join('\n'),
      );
    },
    async rawWrite(key, envelopeJson) {
      if (backend === 'redis') return void (await withRedis((c) => c.set(redisKey(key), envelopeJson)));
      if (backend === 'postgres') {
        return void (await withPg((p) =>
          p.query(`UPDATE ${table} SET value = $2 WHERE key = $1`, [sqlKey(key), envelopeJson]),
        ));
      }
      await withSqlite((db) => db.all(`UPDATE ${table} SET value = ? WHERE key = ?`, envelopeJson, sqlKey(key)));
    },
    async rawRead(key) {
      if (backend === 'redis') return (await withRedis((c) => c.get(redisKey(key)))) ?? undefined;
      if (backend === 'postgres') {
        const rows = (await withPg((p) => p.query(`SELECT value FROM ${table} WHERE key = $1`, [sqlKey(key)]))).rows;
        return rows[0]?.value as string | undefined;
      }
      const rows = await withSqlite((db) => db.all(`SELECT value FROM ${table} WHERE key = ?`, sqlKey(key)));
      return rows[0]?.value as string | undefined;
    },
    async cleanup() {
      if (backend === 'redis') {
        await withRedis(async (c) => {
          for await (const batch of c.scanIterator({ MATCH: `${namespace}::*`, COUNT: 1000 }))
            if (batch.length > 0) await c.del(batch);
        });
      }
      if (backend === 'postgres') await withPg((p) => p.query(`DROP TABLE IF EXISTS ${table}`));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Discord-snowflake-looking id, unique per call. */
let counter = 0;
export function snowflake(): string {
  counter += 1;
  return `${BigInt(Date.now()) * 4194304n + BigInt(counter)}`;
}
