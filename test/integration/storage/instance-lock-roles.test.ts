// The instance lock with roles (docs/decisions/0020), for real on Redis and PostgreSQL with separate holder
// processes (fixtures/hold-instance-lock.ts): edge and worker processes hold the storage's lease shared, any number
// together; an `all` process holds it alone, and neither kind starts beside the other, each refusal naming the
// holder and what to do. A SIGKILLed shared holder stops holding once its lease is gone (PostgreSQL: its socket
// closes; Redis: its member lapses), and an SQLite storage refuses a shared lease outright.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { InstanceLockConflictError, StorageError, type Storage } from '../../../src/storage/index.js';
import { eventually } from '../../support/feeds-igcord.js';
import { createPlace, type BackendName, type TestPlace } from './backends.js';

const HOLDER = fileURLToPath(new URL('./fixtures/hold-instance-lock.ts', import.meta.url));
// A lease lapses after 5 s without a heartbeat: long enough that a holder on a loaded machine does not lose its own
// lease between two heartbeats (it then exits 2), short enough that a SIGKILLed holder's lease goes within the test.
const TIMING = { heartbeatMs: 250, staleMs: 5_000 };
const children: ChildProcess[] = [];

interface Holder {
  child: ChildProcess;
  pid: number;
  settled: () => Promise<'held' | 'refused'>;
  stderr: () => string;
  exit: Promise<number | null>;
}

function hold(place: TestPlace, shared: boolean): Holder {
  const input = { url: place.url, dataDir: place.dataDir, namespace: place.namespace, table: place.table };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', HOLDER, JSON.stringify({ ...input, shared, timing: TIMING })],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  let done = false;
  child.stdout!.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      done = true;
      resolve(code);
    }),
  );
  return {
    child,
    pid: child.pid!,
    settled: async () => {
      await eventually(() => stdout.includes('held\n') || done, 'the holder to settle', 25_000);
      return stdout.includes('held\n') ? 'held' : 'refused';
    },
    stderr: () => stderr,
    exit,
  };
}

async function conflictOf(attempt: Promise<unknown>): Promise<InstanceLockConflictError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InstanceLockConflictError);
  return error as InstanceLockConflictError;
}

describe.each<BackendName>(['redis', 'postgres'])('instance lock with roles on %s', (backend) => {
  let place: TestPlace | undefined;
  let storage: Storage | undefined;

  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await storage?.close();
    storage = undefined;
    await place?.cleanup();
  });

  it('lets edge and worker processes hold it together, and refuses an all process beside them until they are gone', async () => {
    place = await createPlace(backend);
    const edge = hold(place, true);
    const worker = hold(place, true);
    expect(await edge.settled()).toBe('held');
    expect(await worker.settled()).toBe('held');

    const single = hold(place, false);
    expect(await single.settled()).toBe('refused');
    expect(await single.exit).toBe(1);
    expect(single.stderr()).toMatch(
      /^an igcord edge or worker process is running on this storage \(pid \d+, host .*\); IGCORD_ROLE=all runs alone — stop the edge and worker processes first, or run this one as an edge or a worker\n$/,
    );
    expect([edge.pid, worker.pid]).toContain(Number(/pid (\d+)/.exec(single.stderr())![1]));

    // A clean stop and a SIGKILL: once neither holds a lease any more, an all process takes the lock.
    edge.child.kill('SIGTERM');
    expect(await edge.exit).toBe(0);
    worker.child.kill('SIGKILL');
    await worker.exit;
    storage = await place.open();
    const target = storage;
    const lock = await eventually(
      () =>
        target.lockInstance({ timing: TIMING }).catch((error: unknown) => {
          if (error instanceof InstanceLockConflictError && error.holder.pid === worker.pid) return false;
          throw error;
        }),
      'the killed worker’s lease to go',
      TIMING.staleMs * 10,
    );
    expect(lock).toBeTruthy();
  });

  it('refuses an edge or worker beside an all process, naming it', async () => {
    place = await createPlace(backend);
    const single = hold(place, false);
    expect(await single.settled()).toBe('held');
    storage = await place.open();
    const conflict = await conflictOf(storage.lockInstance({ timing: TIMING, shared: true }));
    expect(conflict.holder).toMatchObject({ pid: single.pid, shared: false });
    expect(conflict.message).toMatch(
      new RegExp(
        `^an igcord with IGCORD_ROLE=all is running on this storage \\(pid ${single.pid}, .*\\); edge and worker processes cannot run beside it — stop it first$`,
      ),
    );
  });
});

describe('instance lock with roles on sqlite', () => {
  it('refuses a shared lease: an SQLite file is one process’s storage', async () => {
    const place = await createPlace('sqlite');
    const storage = await place.open();
    try {
      const error = await storage.lockInstance({ timing: TIMING, shared: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageError);
      expect((error as Error).message).toMatch(/SQLite storage cannot be shared by edge and worker processes/);
    } finally {
      await storage.close();
      await place.cleanup();
    }
  });
});
