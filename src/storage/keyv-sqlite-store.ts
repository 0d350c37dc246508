// igcord's keyv store on one SQLite connection (src/storage/sqlite-connection.ts). It keeps @keyv/sqlite's table
// layout — `<table>(key VARCHAR(255) PRIMARY KEY, value TEXT)`, keys `<namespace>:<key>`, values keyv's
// serialised envelopes — so files written by igcord on @keyv/sqlite open and read unchanged, and the native SQL
// of backend-sqlite.ts (the atomic take) reads the same rows. Bulk reads, writes and deletes are one statement
// each (json_each), so a bulk write is one transaction and one fsync.
import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { SqliteConnection } from './sqlite-connection.js';

export interface KeyvSqliteStoreOptions {
  table: string;
}

export class KeyvSqliteStore extends EventEmitter implements KeyvStoreAdapter {
  /** keyv reads `dialect` to decide that this store can be iterated. */
  readonly opts: KeyvSqliteStoreOptions & { dialect: 'sqlite' };
  /** Set by keyv; keys arrive already prefixed with it. */
  namespace?: string | undefined;
  /** Resolves once the table exists; every operation waits for it (and so can native SQL on the same table). */
  readonly ready: Promise<void>;

  constructor(
    readonly connection: SqliteConnection,
    options: KeyvSqliteStoreOptions,
  ) {
    super();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.table)) throw new Error(`invalid SQLite table name ${options.table}`);
    this.opts = { table: options.table, dialect: 'sqlite' };
    this.ready = connection
      .all(`CREATE TABLE IF NOT EXISTS ${options.table}(key VARCHAR(255) PRIMARY KEY, value TEXT )`)
      .then(() => undefined);
  }

  private async all(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
    await this.ready;
    return this.connection.all(sql.replaceAll('$table', this.opts.table), ...params);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const rows = await this.all('SELECT value FROM $table WHERE key = ?', key);
    return rows[0]?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    const rows = await this.all(
      'SELECT key, value FROM $table WHERE key IN (SELECT value FROM json_each(?))',
      JSON.stringify(keys),
    );
    const byKey = new Map(rows.map((row) => [row.key as string, row.value]));
    return keys.map((key) => byKey.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.all(
      'INSERT INTO $table (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      key,
      value,
    );
  }

  async setMany(entries: Array<{ key: string; value: unknown }>): Promise<void> {
    await this.all(
      `INSERT INTO $table (key, value)
       SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?) AS j WHERE true
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      JSON.stringify(entries.map((e) => [e.key, e.value])),
    );
  }

  async delete(key: string): Promise<boolean> {
    return (await this.all('DELETE FROM $table WHERE key = ? RETURNING key', key)).length > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return (
      (
        await this.all(
          'DELETE FROM $table WHERE key IN (SELECT value FROM json_each(?)) RETURNING key',
          JSON.stringify(keys),
        )
      ).length > 0
    );
  }

  async has(key: string): Promise<boolean> {
    return (await this.all('SELECT 1 FROM $table WHERE key = ?', key)).length > 0;
  }

  /** Deletes this namespace's keys (every key without one). LIKE's wildcards in a namespace are escaped. */
  async clear(): Promise<void> {
    if (this.namespace === undefined) await this.all('DELETE FROM $table');
    else await this.all(`DELETE FROM $table WHERE key LIKE ? ESCAPE '\\'`, `${likeEscape(this.namespace)}:%`);
  }

  /** Every `[key, value]` of `namespace`, read in key order a page at a time. */
  async *iterator<Value>(namespace?: string): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    const prefix = namespace === undefined ? '' : `${namespace}:`;
    let after = '';
    for (;;) {
      const rows = await this.all(
        `SELECT key, value FROM $table WHERE key LIKE ? ESCAPE '\\' AND key > ? ORDER BY key LIMIT 100`,
        `${likeEscape(prefix)}%`,
        after,
      );
      for (const row of rows) yield [row.key as string, row.value as Awaited<Value>];
      if (rows.length < 100) return;
      after = rows[rows.length - 1]!.key as string;
    }
  }

  async disconnect(): Promise<void> {
    await this.connection.close();
  }
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
