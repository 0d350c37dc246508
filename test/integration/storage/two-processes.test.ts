// Two processes on one storage, for real on SQLite (one file), Redis and PostgreSQL: each child opens the storage
// layer itself (fixtures/add-feeds.ts) and both add feeds to one guild at the same moment. Index values are
// read-modify-writes of one stored list, so this is where an update made by one process used to be overwritten
// by the other: the feeds existed, but the guild's list did not name them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const CHILD = fileURLToPath(new URL('./fixtures/add-feeds.ts', import.meta.url));
const GUILD = '100000000000000042';

interface Adder {
  ready: Promise<void>;
  go(): void;
  /** The ids of the feeds it added, once it exited cleanly. */
  finished: Promise<string[]>;
}

function adder(place: TestPlace, tag: string, count: number): Adder {
  const input = {
    url: place.url,
    dataDir: place.dataDir,
    namespace: place.namespace,
    table: place.table,
    guildId: GUILD,
    count,
    inFlight: 4,
    tag,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += String(chunk);
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const finished = new Promise<string[]>((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0 || !stdout.endsWith('done\n')) reject(new Error(`adder ${tag} exited with ${code}:\n${stderr}`));
      else
        resolve(
          stdout
            .split('\n')
            .filter((l) => l.startsWith('added '))
            .map((l) => l.slice('added '.length)),
        );
    }),
  );
  // A child that dies before it is ready fails the test instead of leaving it waiting.
  void finished.catch(() => onReady());
  return { ready, go: () => child.stdin.end('go\n'), finished };
}

describe.each(BACKENDS)('two processes on one %s storage', (backend) => {
  let place: TestPlace | undefined;
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    await place?.cleanup();
  });

  it('two processes adding 100 feeds each to one guild list 200', async () => {
    place = await createPlace(backend);
    // The table (PostgreSQL) and file (SQLite) exist before the children race to create them.
    await (await place.open()).close();
    const adders = [adder(place, 'a', 100), adder(place, 'b', 100)];
    await Promise.all(adders.map((a) => a.ready));
    for (const a of adders) a.go();
    const [first, second] = await Promise.all(adders.map((a) => a.finished));
    expect(first).toHaveLength(100);
    expect(second).toHaveLength(100);

    storage = await place.open();
    const listed = (await storage.feeds.listByGuild(GUILD)).map((f) => f.id).sort();
    expect(listed).toEqual([...first!, ...second!].sort());
    const raw = JSON.parse((await place.rawRead(`feeds-by-guild:${GUILD}`))!) as { value: { members: string[] } };
    expect(raw.value.members).toHaveLength(200);
    // The other indexes the adds went through are whole too.
    const bySource = await Promise.all(
      ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'].map((name) => storage!.feeds.listBySource({ kind: 'tag', name })),
    );
    expect(bySource.flat()).toHaveLength(200);
    expect((await storage.feeds.listSources()).map((s) => (s.kind === 'tag' ? s.name : '')).sort()).toEqual([
      'a0',
      'a1',
      'a2',
      'b0',
      'b1',
      'b2',
    ]);
    expect(await storage.feeds.listByOwner('300000000000000001')).toHaveLength(200);
  }, 120_000);
});
