// Production never loads the emulators: igcord runs as `npm start` does (src/main.ts in a child process) in live
// mode, against an Instagram emulator and a Discord fake that this test owns, with a module loader hook that
// records every module the process loads (test/support/record-loads.mjs). Once igcord is up and has loaded its
// commands, and again after it stopped, no module under sandbox/, not src/sandbox.ts and nothing of the sandbox
// console (src/console/) may be among them: they are imported only when the sandbox runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { silentLogger } from '../../src/log.js';
import { freePort } from '../../src/util/free-port.js';
import { eventually } from '../support/feeds-igcord.js';
import { assertNoSecretLogged, discordSecrets, environmentSecrets, instagramSecrets } from '../support/secret-scan.js';

const root = new URL('../../', import.meta.url).href;
const main = fileURLToPath(new URL('src/main.ts', root));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const recordLoads = new URL('../support/record-loads.mjs', import.meta.url).href;

describe('igcord in live mode', () => {
  let emulator: InstagramEmulator;
  let discord: DiscordFake;
  let child: ChildProcess | undefined;
  let output = '';
  let env: Record<string, string>;
  let httpUrl: string;
  let loadsFile: string;

  beforeAll(async () => {
    emulator = await startInstagramEmulator({ host: '127.0.0.1' });
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
    const owner = discord.createUser({ username: 'owner' });
    discord.createGuild({
      name: 'live',
      ownerId: owner.id,
      channels: [{ name: 'posts' }],
      members: [{ userId: owner.id }],
    });
    const port = await freePort('127.0.0.1');
    httpUrl = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'igcord-live-modules-'));
    loadsFile = join(dataDir, 'loaded-modules.txt');
    env = {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'info',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      PUBLIC_URL: httpUrl,
      DATA_DIR: dataDir,
      TOKEN_ENCRYPTION_KEY: `t1:${randomBytes(32).toString('base64')}`,
      DISCORD_TOKEN: discord.botToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_CLIENT_SECRET: discord.clientSecret,
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
      INSTAGRAM_API_URL: emulator.url,
      WEBHOOK_VERIFY_TOKEN: randomBytes(8).toString('hex'),
      IGCORD_LOADED_MODULES_FILE: loadsFile,
    };
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await discord?.close();
    await emulator?.close();
    if (discord && emulator) {
      assertNoSecretLogged(
        output,
        [
          ...discordSecrets(discord.issuedTokens()),
          ...instagramSecrets(emulator.issuedTokens()),
          ...environmentSecrets(env),
        ],
        "igcord's output",
      );
    }
  });

  /** The emulators, the sandbox wiring and the sandbox console: what only the sandbox may load. */
  const sandboxOnly = (path: string) =>
    path.startsWith('sandbox/') || path === 'src/sandbox.ts' || path.startsWith('src/console/');
  /** igcord's own modules the process loaded, relative to the repository root. */
  const loadedFromRepo = () =>
    readFileSync(loadsFile, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith(root) && !url.startsWith(`${root}node_modules/`))
      .map((url) => url.slice(root.length).replace(/\?.*$/, ''));

  it('loads no emulator module and not the sandbox wiring, from start to shutdown', { timeout: 60_000 }, async () => {
    const proc = spawn(process.execPath, ['--import', tsx, '--import', recordLoads, main], {
      cwd: env.DATA_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));

    // Started means serving (healthz 200) and past installing its signal handlers (the "igcord started" line).
    const started = async () =>
      output.includes('"msg":"igcord started"') &&
      (await fetch(`${httpUrl}/healthz`).catch(() => undefined))?.status === 200;
    await eventually(started, 'igcord to start and answer /healthz 200', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; igcord printed:\n${output}`);
    });
    const running = loadedFromRepo();
    // The recorder works and saw igcord's composition root and its dynamically loaded commands.
    expect(running).toContain('src/main.ts');
    expect(running).toContain('src/app.ts');
    expect(running).toContain('commands/feed/index.ts');
    expect(running.filter(sandboxOnly)).toEqual([]);

    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(loadsFile)).toBe(true);
    expect(loadedFromRepo().filter(sandboxOnly)).toEqual([]);
  });
});
