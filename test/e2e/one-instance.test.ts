// One igcord per storage and per bot token, as `npm start` runs it: real `src/main.ts` child processes. In sandbox
// mode sharing one STORAGE_URL (and DATA_DIR), the second must exit 1 with one line naming the first before it
// connects to Discord or listens, the first must keep answering, and after a SIGKILL or a clean stop the next one
// must start. In live mode against a Discord fake this test owns, two storages with one bot token conflict too.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { silentLogger } from '../../src/log.js';
import { freePort } from '../../src/util/free-port.js';
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
  /** igcord's HTTP address once it is up. */
  httpUrl: () => string | undefined;
}

function spawnIgcord(cwd: string, env: Record<string, string>, runs: Run[]): Run {
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
    // The sandbox banner, or in live mode the JSON log line.
    httpUrl: () =>
      /igcord HTTP\s+(http:\/\/\S+)/.exec(stdout)?.[1] ??
      /"url":"(http:[^"]+)"[^\n]*"msg":"igcord HTTP server listening"/.exec(stdout)?.[1],
  };
  runs.push(run);
  return run;
}

async function started(run: Run): Promise<string> {
  await eventually(() => run.httpUrl() !== undefined || run.exited(), 'igcord to start', 60_000);
  if (run.exited()) throw new Error(`igcord exited at start:\n${run.stdout()}\n${run.stderr()}`);
  return run.httpUrl()!;
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
  const start = () => spawnIgcord(cwd, env, runs);

  afterAll(async () => {
    for (const run of runs) if (!run.exited()) run.child.kill('SIGKILL');
    await Promise.all(runs.map((r) => r.exit));
  });

  it('refuses a second one with one line naming the first, which keeps answering; after a SIGKILL or a clean stop the next one starts', async () => {
    const first = start();
    const firstUrl = await started(first);

    const second = start();
    await eventually(
      () => second.exited() || second.httpUrl() !== undefined,
      'the second igcord to exit or start',
      60_000,
    );
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

describe('one igcord per Discord bot token', () => {
  let emulator: InstagramEmulator;
  let discord: DiscordFake;
  const runs: Run[] = [];
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-token-'));

  beforeAll(async () => {
    emulator = await startInstagramEmulator({ host: '127.0.0.1' });
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
  });
  afterAll(async () => {
    for (const run of runs) if (!run.exited()) run.child.kill('SIGKILL');
    await Promise.all(runs.map((r) => r.exit));
    await discord?.close();
    await emulator?.close();
  });

  /** A live igcord with a storage of its own and the fake's one bot token. */
  async function liveEnv(name: string): Promise<Record<string, string>> {
    const port = await freePort('127.0.0.1');
    return {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // The bot token's lock file lives in the OS temp dir; this test gives the children one of their own.
      TMPDIR: join(cwd, 'tmp'),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: join(cwd, name),
      STORAGE_URL: `sqlite://${join(cwd, name, 'igcord.sqlite')}`,
      TOKEN_ENCRYPTION_KEY: `t1:${randomBytes(32).toString('base64')}`,
      DISCORD_TOKEN: discord.botToken,
      DISCORD_CLIENT_SECRET: discord.clientSecret,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
      INSTAGRAM_API_URL: emulator.url,
      WEBHOOK_VERIFY_TOKEN: randomBytes(8).toString('hex'),
      SUBSCRIPTIONS_SYNC: 'false',
    };
  }

  it('refuses a second one on another storage with the same bot token, before it connects to Discord, never printing the token', async () => {
    mkdirSync(join(cwd, 'tmp'));
    const first = spawnIgcord(cwd, await liveEnv('a'), runs);
    await started(first);
    await eventually(() => discord.connectedClients() === 1, 'the first igcord to connect to Discord');

    const second = spawnIgcord(cwd, await liveEnv('b'), runs);
    await eventually(
      () => second.exited() || second.httpUrl() !== undefined,
      'the second igcord to exit or start',
      60_000,
    );
    expect(second.httpUrl()).toBeUndefined();
    expect(await second.exit).toBe(1);
    expect(second.stderr()).toMatch(
      new RegExp(
        `^igcord failed to start: another igcord is running with this Discord bot token \\(pid ${first.pid}, host ${hostname()}, last heartbeat \\d+s ago\\); ` +
          `igcord runs as one process per bot token — stop it first\\n$`,
      ),
    );
    expect(second.stdout()).not.toContain('connected to Discord');
    expect(discord.connectedClients()).toBe(1);
    expect(first.stdout() + first.stderr() + second.stdout() + second.stderr()).not.toContain(discord.botToken);
    expect(first.exited()).toBe(false);
  }, 120_000);
});
