// igcord's keyv store on SQLite, through keyv itself on a real file: the operations the stores do not all use
// (has, deleteMany, clear, iteration) keep to their namespace, and rows keep @keyv/sqlite's layout.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyv } from 'keyv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyvSqliteStore } from '../../../src/storage/keyv-sqlite-store.js';
import { openSqliteConnection, type SqliteConnection } from '../../../src/storage/sqlite-connection.js';

describe('keyv store on SQLite', () => {
  let dir: string;
  let db: SqliteConnection;
  let a: Keyv<unknown>;
  let b: Keyv<unknown>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'igcord-keyv-sqlite-'));
    db = await openSqliteConnection(join(dir, 'kv.sqlite'), { busyTimeoutMs: 1_000 });
    // Two namespaces on one table; `a_%` holds LIKE's wildcards, which must match only themselves.
    a = new Keyv(new KeyvSqliteStore(db, { table: 'keyv' }), { namespace: 'a_%', throwOnErrors: true });
    b = new Keyv(new KeyvSqliteStore(db, { table: 'keyv' }), { namespace: 'ab', throwOnErrors: true });
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores rows as @keyv/sqlite did: <namespace>:<key> and keyv envelopes in keyv(key, value)', async () => {
    await a.set('k', { n: 1 });
    const rows = await db.all('SELECT key, value FROM keyv');
    expect(rows.map((r) => r.key)).toEqual(['a_%:k']);
    expect(JSON.parse(rows[0]!.value as string)).toMatchObject({ value: { n: 1 } });
    const columns = await db.all("SELECT name, type, pk FROM pragma_table_info('keyv')");
    expect(columns).toEqual([
      { name: 'key', type: 'VARCHAR(255)', pk: 1 },
      { name: 'value', type: 'TEXT', pk: 0 },
    ]);
  });

  it('answers has, reads and deletes many, clears and iterates only its own namespace', async () => {
    await a.setMany(Array.from({ length: 150 }, (_, i) => ({ key: `k${i}`, value: i })));
    await b.set('k1', 'other');

    expect(await a.has('k1')).toBe(true);
    expect(await a.has('nope')).toBe(false);
    expect(await a.getMany(['k2', 'nope', 'k1'])).toEqual([2, undefined, 1]);

    const seen: string[] = [];
    for await (const [key] of a.iterator!(undefined)) seen.push(key as string);
    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);

    expect(await a.deleteMany(['k0', 'k1'])).toBe(true);
    expect(await a.deleteMany(['k0', 'k1'])).toBe(false);
    expect(await a.delete('k2')).toBe(true);
    expect(await a.delete('k2')).toBe(false);

    await a.clear();
    expect(await a.get('k3')).toBeUndefined();
    expect(await b.get('k1')).toBe('other');
  });
});
