// Storage figures on each backend (SQLite file in a temp dir, Redis and PostgreSQL on 127.0.0.1): account link
// writes and reads per second (a link is a record read, an index read-modify-write and a record write), the time
// to list the feeds of a guild holding 1,000 feeds, and the time to find the feeds of one source among 101,000
// feeds (loaded with feeds.addMany). Every run uses its own namespace and table and removes them afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { silentLogger } from '../src/log.js';
import { openStorage, type NewFeed, type Storage } from '../src/storage/index.js';
import type { BenchRow } from './index.js';

const BACKENDS = [
  ['sqlite', (dir: string) => `sqlite://${join(dir, 'bench.sqlite')}`],
  ['redis', () => 'redis://127.0.0.1:6379'],
  ['postgres', () => 'postgres://postgres@127.0.0.1:5432/test'],
] as const;
const OPS = 1_000;
const CONCURRENCY = 16;
const BIG = 100_000;
const SOURCES = 1_000;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function pooled(count: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await fn(next++);
    }),
  );
  return count / (ms(start) / 1000);
}

/** Median of `runs` timings of `fn`, in ms. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(ms(start));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const feed = (i: number, guildId: string): NewFeed => ({
  guildId,
  channelId: `${200000000000000000n + BigInt(i % 1000)}`,
  source: { kind: 'tag', name: `tag${i % SOURCES}` },
  ownerDiscordUserId: `${300000000000000000n + BigInt(i % 1000)}`,
  ownerInstagramUserId: `${i % 1000}`,
  createdBy: '300000000000000001',
  delivery: { mode: 'message' },
});

async function benchOne(name: string, storage: Storage): Promise<BenchRow[]> {
  const writes = await pooled(OPS, (i) =>
    storage.accounts.link({
      discordUserId: `${100000000000000000n + BigInt(i)}`,
      instagramUserId: `${i}`,
      username: `u${i}`,
      scopes: ['basic'],
      accessToken: `tok-${i}`,
    }),
  );
  const reads = await pooled(OPS, (i) => storage.accounts.get(`${100000000000000000n + BigInt(i)}`));

  await storage.feeds.addMany(Array.from({ length: 1_000 }, (_, i) => feed(i, '900000000000000001')));
  let listed = 0;
  const guildMs = await median(
    5,
    async () => (listed = (await storage.feeds.listByGuild('900000000000000001')).length),
  );

  const loadStart = process.hrtime.bigint();
  for (let i = 0; i < BIG; i += 50_000) {
    await storage.feeds.addMany(
      Array.from({ length: Math.min(50_000, BIG - i) }, (_, j) =>
        feed(i + j, `${800000000000000000n + BigInt((i + j) % 100)}`),
      ),
    );
  }
  const loadMs = ms(loadStart);
  let found = 0;
  const sourceMs = await median(
    5,
    async () => (found = (await storage.feeds.listBySource({ kind: 'tag', name: 'tag7' })).length),
  );

  console.log(
    `${name.padEnd(8)} account links ${writes.toFixed(0)}/s, account reads ${reads.toFixed(0)}/s (${OPS} each, ${CONCURRENCY} in flight); ` +
      `list guild of ${listed} feeds ${guildMs.toFixed(1)} ms; loaded ${BIG} more feeds in ${(loadMs / 1000).toFixed(1)} s; ` +
      `feeds of one source (${found} of ${BIG + 1000}) ${sourceMs.toFixed(1)} ms`,
  );
  return [
    { bench: 'storage', metric: `${name} account writes/s`, value: writes.toFixed(0) },
    { bench: 'storage', metric: `${name} account reads/s`, value: reads.toFixed(0) },
    { bench: 'storage', metric: `${name} list guild of 1,000 feeds`, value: `${guildMs.toFixed(1)} ms` },
    {
      bench: 'storage',
      metric: `${name} feeds of a source among ${(BIG + 1000).toLocaleString('en')}`,
      value: `${sourceMs.toFixed(1)} ms`,
    },
  ];
}

export default async function storageBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, url] of BACKENDS) {
    const dir = await mkdtemp(join(tmpdir(), 'igcord-bench-'));
    const suffix = randomBytes(4).toString('hex');
    const namespace = `bench${suffix}`;
    const table = `igcord_bench_${suffix}`;
    const storage = await openStorage({
      url: url(dir),
      dataDir: dir,
      namespace,
      table,
      log: silentLogger(),
      keys: { current: { id: 'bench', key: randomBytes(32) } },
    });
    try {
      rows.push(...(await benchOne(name, storage)));
    } finally {
      await storage.close();
      await cleanup(name, namespace, table);
      await rm(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

async function cleanup(name: string, namespace: string, table: string): Promise<void> {
  if (name === 'postgres') {
    const pg = createRequire(import.meta.url)('pg') as {
      Pool: new (c: { connectionString: string }) => { query(s: string): Promise<unknown>; end(): Promise<void> };
    };
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  }
  if (name === 'redis') {
    const client = createClient({ url: 'redis://127.0.0.1:6379' });
    await client.connect();
    const raw = client as unknown as {
      scanIterator(o: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
      unlink(k: string[]): Promise<number>;
    };
    for await (const keys of raw.scanIterator({ MATCH: `${namespace}::*`, COUNT: 1000 }))
      if (keys.length > 0) await raw.unlink(keys);
    client.destroy();
  }
}
