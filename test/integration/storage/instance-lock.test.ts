// The instance lock, for real on SQLite, Redis and PostgreSQL: holders are separate processes (fixtures/
// hold-instance-lock.ts) so that a SIGKILL is a real crash, and each test waits for what it expects (a line, an
// exit, the lock becoming free), never for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '@appthreat/sqlite3';
import { createClient } from '@redis/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InstanceLockConflictError, type InstanceLock, type Storage } from '../../../src/storage/index.js';
import { eventually } from '../../support/feeds-igcord.js';
import { BACKENDS, POSTGRES_URL, REDIS_URL, createPlace, type BackendName, type TestPlace } from './backends.js';

const HOLDER = fileURLToPath(new URL('./fixtures/hold-instance-lock.ts', import.meta.url));
const TIMING = { heartbeatMs: 150, staleMs: 1_000 };

interface Holder {
  child: ChildProcess;
  pid: number;
  held: () => boolean;
  heartbeats: () => number;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: () => boolean;
}

const children: ChildProcess[] = [];

function hold(place: TestPlace, extra: { botToken?: string; lockDir?: string } = {}): Holder {
  const input = {
    url: place.url,
    dataDir: place.dataDir,
    namespace: place.namespace,
    table: place.table,
    timing: TIMING,
    ...extra,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  let done = false;
  child.stdout!.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  return {
    child,
    pid: child.pid!,
    held: () => stdout.includes('held\n'),
    heartbeats: () => stdout.split('"instance lock heartbeat"').length - 1,
    stderr: () => stderr,
    exit,
    exited: () => done,
  };
}

async function expectConflict(attempt: Promise<unknown>): Promise<InstanceLockConflictError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InstanceLockConflictError);
  return error as InstanceLockConflictError;
}

/** Takes the lock away from its holder behind its back, as an operator or a failover would. */
async function breakLock(backend: BackendName, place: TestPlace, holderPid: number): Promise<void> {
  if (backend === 'redis') {
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    await client.del(`${place.namespace}::igcord-instance-lock`);
    client.destroy();
  } else if (backend === 'postgres') {
    const pg = createRequire(import.meta.url)('pg') as {
      Client: new (c: { connectionString: string }) => {
        connect(): Promise<void>;
        query(s: string, v?: unknown[]): Promise<{ rows: unknown[] }>;
        end(): Promise<void>;
      };
    };
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    const { rows } = await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1`,
      [`igcord pid=${holderPid} %`],
    );
    await client.end();
    expect(rows).toHaveLength(1);
  } else {
    const db = await new Promise<Database>((resolve, reject) => {
      const opened: Database = new Database(place.url.slice('sqlite://'.length), (e) =>
        e ? reject(e) : resolve(opened),
      );
    });
    await new Promise<void>((resolve, reject) =>
      db.run('DELETE FROM igcord_instance_lock', (e: Error | null) => (e ? reject(e) : resolve())),
    );
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

describe.each(BACKENDS)('instance lock on %s', (backend) => {
  let place: TestPlace;
  let other: TestPlace | undefined;
  let storage: Storage | undefined;
  let lockDir: string;

  beforeEach(async () => {
    place = await createPlace(backend);
    lockDir = await mkdtemp(join(tmpdir(), 'igcord-locks-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await storage?.close();
    storage = undefined;
    await place.cleanup();
    await other?.cleanup();
    other = undefined;
    await rm(lockDir, { recursive: true, force: true });
  });

  it('lets exactly one of two processes started together hold it; the other exits 1 naming the holder, which keeps it while it renews', async () => {
    const a = hold(place);
    const b = hold(place);
    await eventually(() => (a.held() || a.exited()) && (b.held() || b.exited()), 'both holders to settle', 25_000);
    const [winner, loser] = a.held() ? [a, b] : [b, a];
    expect(winner.held()).toBe(true);
    expect((await loser.exit).code).toBe(1);
    expect(loser.held()).toBe(false);
    expect(loser.stderr()).toMatch(
      new RegExp(
        `^another igcord is running on this storage \\(pid ${winner.pid}, host ${hostname()}, last heartbeat \\d+s ago\\); igcord runs as one process per storage — stop it first\\n$`,
      ),
    );

    // Past the stale threshold several times over, the holder still has it, because it renews.
    const from = winner.heartbeats();
    await eventually(
      () => winner.heartbeats() >= from + 2 * Math.ceil(TIMING.staleMs / TIMING.heartbeatMs),
      'the holder to renew past the stale threshold',
      25_000,
    );
    storage = await place.open();
    const conflict = await expectConflict(storage.lockInstance({ timing: TIMING }));
    expect(conflict.resource).toBe('storage');
    expect(conflict.holder.pid).toBe(winner.pid);
    expect(conflict.holder.heartbeatAgeMs).toBeLessThan(TIMING.staleMs);
    expect(winner.exited()).toBe(false);
  });

  it('is taken by the next process once a SIGKILLed holder is gone or stale', async () => {
    const a = hold(place);
    await eventually(() => a.held() || a.exited(), 'the holder to take the lock', 25_000);
    expect(a.held()).toBe(true);
    a.child.kill('SIGKILL');
    await a.exit;

    storage = await place.open();
    const target = storage;
    const lock = await eventually<InstanceLock | false>(
      () =>
        target.lockInstance({ timing: TIMING }).catch((error: unknown) => {
          // Until the dead holder's lease is judged abandoned the answer is a conflict, never another error.
          if (error instanceof InstanceLockConflictError && error.holder.pid === a.pid) return false;
          throw error;
        }),
      'the lock to become free',
      TIMING.staleMs * 10,
    );
    expect(lock).toBeTruthy();
  });

  it('is free at once after its holder shut down cleanly', async () => {
    const a = hold(place);
    await eventually(() => a.held() || a.exited(), 'the holder to take the lock', 25_000);
    a.child.kill('SIGTERM');
    expect((await a.exit).code).toBe(0);

    storage = await place.open();
    await expect(storage.lockInstance({ timing: TIMING })).resolves.toBeTruthy();
  });

  it('stops its holder when the lock is taken away behind its back', async () => {
    const a = hold(place);
    await eventually(() => a.held() || a.exited(), 'the holder to take the lock', 25_000);
    await breakLock(backend, place, a.pid);
    expect((await a.exit).code).toBe(2);
    expect(a.stderr()).toContain('igcord lost its instance lock on this storage');
  });

  it('conflicts on the same Discord bot token from another storage, keeping only a hash of the token', async () => {
    const token = `MTIz.${randomBytes(12).toString('hex')}.bot-token-never-stored`;
    const a = hold(place, { botToken: token, lockDir });
    await eventually(() => a.held() || a.exited(), 'the holder to take the lock', 25_000);
    expect(a.held()).toBe(true);

    other = await createPlace(backend);
    storage = await other.open();
    const conflict = await expectConflict(storage.lockInstance({ botToken: token, lockDir, timing: TIMING }));
    expect(conflict.resource).toBe('bot token');
    expect(conflict.message).toMatch(
      new RegExp(`^another igcord is running with this Discord bot token \\(pid ${a.pid}, host ${hostname()}, `),
    );
    expect(conflict.message).not.toContain(token);

    // What the lock keeps, wherever it keeps it, names no token.
    const files = await readdir(lockDir);
    const kept = [
      ...(await Promise.all(files.map((f) => readFile(join(lockDir, f), 'latin1')))),
      await place.rawDump(),
      await other.rawDump(),
      ...(backend === 'redis' ? [await redisLockValues()] : []),
    ].join('\n');
    expect(kept).not.toContain(token);
    expect(kept).not.toContain('bot-token-never-stored');
    if (backend === 'redis') expect(files).toEqual([]);
    // One lock file (SQLite may hold its journal beside it for a moment on a busy machine).
    else expect(files.filter((f) => f.endsWith('.lock'))).toHaveLength(1);

    // Another token on that other storage is no conflict.
    await expect(storage.lockInstance({ botToken: `${token}-other`, lockDir, timing: TIMING })).resolves.toBeTruthy();
  });
});

async function redisLockValues(): Promise<string> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  try {
    const keys = await client.keys('igcord-instance-lock:*');
    const values = keys.length === 0 ? [] : await client.mGet(keys);
    return keys.map((k, i) => `${k}=${values[i] ?? ''}`).join('\n');
  } finally {
    client.destroy();
  }
}
