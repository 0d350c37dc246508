// One igcord per storage, as `npm start` runs it: real `src/main.ts` child processes in sandbox mode sharing one
// STORAGE_URL (and DATA_DIR). The second must exit 1 with one line naming the first before it connects to
// Discord or listens, the first must keep answering, and after a SIGKILL or a clean stop the next one must start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/feeds-igcord.js';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

interface Run {
  child: ChildProcess;
  pid: number;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  exited: () => boolean;
  /** igcord's HTTP address, from the sandbox banner, once it is up. */
  httpUrl: () => string | undefined;
}

describe('one igcord per storage', () => {
  // A directory of its own, so no developer's .env is read; the data directory and the SQLite file are shared.
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-one-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: join(cwd, 'data'),
    STORAGE_URL: `sqlite://${join(cwd, 'data', 'shared.sqlite')}`,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    INSTANCE_LOCK_HEARTBEAT_MS: '200',
    INSTANCE_LOCK_STALE_MS: '2000',
  };
  const runs: Run[] = [];

  afterAll(async () => {
    for (const run of runs) if (!run.exited()) run.child.kill('SIGKILL');
    await Promise.all(runs.map((r) => r.exit));
  });

  function start(): Run {
    const child = spawn(process.execPath, ['--import', tsx, main], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let done = false;
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        done = true;
        resolve(code);
      }),
    );
    const run: Run = {
      child,
      pid: child.pid!,
      stdout: () => stdout,
      stderr: () => stderr,
      exit,
      exited: () => done,
      httpUrl: () => /igcord HTTP\s+(http:\/\/\S+)/.exec(stdout)?.[1],
    };
    runs.push(run);
    return run;
  }

  async function started(run: Run): Promise<string> {
    await eventually(() => run.httpUrl() !== undefined || run.exited(), 'igcord to start', 60_000);
    if (run.exited()) throw new Error(`igcord exited at start:\n${run.stdout()}\n${run.stderr()}`);
    return run.httpUrl()!;
  }

  it('refuses a second one with one line naming the first, which keeps answering; after a SIGKILL or a clean stop the next one starts', async () => {
    const first = start();
    const firstUrl = await started(first);

    const second = start();
    await eventually(() => second.exited() || second.httpUrl() !== undefined, 'the second igcord to exit or start', 60_000);
    // It never got as far as listening (no banner, no HTTP address).
    expect(second.httpUrl()).toBeUndefined();
    expect(await second.exit).toBe(1);
    expect(second.stderr()).toMatch(
      new RegExp(
        `^igcord failed to start: another igcord is running on this storage \\(pid ${first.pid}, host ${hostname()}, last heartbeat \\d+s ago\\); ` +
          `igcord runs as one process per storage — stop it first\\n$`,
      ),
    );

    // The first is unaffected: healthy over HTTP, and its bot answers a slash command typed at its console.
    const health = await fetch(`${firstUrl}/healthz`);
    expect(health.status).toBe(200);
    first.child.stdin!.write('/ping\n');
    await eventually(() => /pong/i.test(first.stdout()), 'the first igcord to answer /ping', 20_000);
    expect(first.exited()).toBe(false);

    // A crash leaves the lock behind; a dead holder on this machine does not block the next start.
    first.child.kill('SIGKILL');
    await first.exit;
    const third = start();
    await started(third);

    // A clean stop gives the lock back: the next one starts at once.
    third.child.kill('SIGTERM');
    expect(await third.exit).toBe(0);
    const fourth = start();
    const fourthUrl = await started(fourth);
    expect((await fetch(`${fourthUrl}/healthz`)).status).toBe(200);
    fourth.child.kill('SIGTERM');
    expect(await fourth.exit).toBe(0);
  }, 180_000);
});
