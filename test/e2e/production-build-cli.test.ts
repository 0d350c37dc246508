// Production runs the compiled build on plain node, with only the dependencies `npm ci --omit=dev` installs. This
// builds a copy of the repository with `npm run build`, then gives the copy a node_modules holding exactly the
// packages the lockfile does not mark as dev-only (the set `npm ci --omit=dev` installs, made here from the
// installed tree so the test needs no network), and runs what the README tells an operator to run — with no
// NODE_OPTIONS, so no TypeScript loader can sneak in.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { REPO, runChild, STACK_LINE, startChild } from '../support/child-process.js';

const SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'src',
  'commands',
  'sandbox',
  'scripts',
];

interface LockPackage {
  dev?: boolean;
}

/** node_modules of `root` with the lockfile's non-dev packages only, hard-linked from the installed tree. */
function installProductionOnly(root: string, installed: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  const target = join(root, 'node_modules');
  mkdirSync(target);
  const kept: string[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    // Top-level packages only; nested ones come with their parent (and are dropped below if dev-only).
    const name = key.replace(/^node_modules\//, '');
    if (!key.startsWith('node_modules/') || name.includes('/node_modules/') || entry.dev) continue;
    const from = join(installed, name);
    // Optional packages for other platforms are in the lockfile but not on disk, as with a real install.
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(target, name)), { recursive: true });
    execFileSync('cp', ['-al', from, join(target, name)]);
    kept.push(name);
  }
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (entry.dev && key.split('/node_modules/').length > 1) rmSync(join(root, key), { recursive: true, force: true });
  }
  return kept;
}

describe('the production build', () => {
  let root: string;
  let discord: DiscordFake;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'igcord-build-'));
    for (const entry of SOURCES) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
    // Building needs the compiler, a dev dependency: the full install, as on a build machine.
    symlinkSync(realpathSync(join(REPO, 'node_modules')), join(root, 'node_modules'));
    const build = await runChild('npm', ['run', 'build'], { cwd: root, killAfterMs: 170_000 });
    expect(build.stderr + build.stdout, 'npm run build').not.toMatch(/error TS/);
    expect(build.code).toBe(0);
    rmSync(join(root, 'node_modules'));
    installProductionOnly(root, realpathSync(join(REPO, 'node_modules')));
    // What ships is dist/: without the TypeScript sources, anything still reaching for them fails here.
    for (const entry of SOURCES.filter((e) => !e.startsWith('package'))) rmSync(join(root, entry), { recursive: true });
    discord = await startDiscordFake({ logger: { warn: () => {} } });
  }, 180_000);
  afterAll(async () => {
    await discord?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('runs on a node_modules without dev dependencies', () => {
    // A dev dependency that a runtime one also needs (@types/node, through discord.js's @types/ws) stays, as with npm.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockPackage>;
    };
    const devOnly = Object.keys(lock.packages)
      .filter((key) => lock.packages[key]!.dev)
      .map((key) => key.replace(/^node_modules\//, ''));
    // typescript is `devOptional` (i18next names it as an optional peer), so npm keeps it in a production install.
    expect(devOnly).toEqual(expect.arrayContaining(['tsx', 'vitest', 'vite', 'esbuild']));
    for (const name of devOnly) expect(existsSync(join(root, 'node_modules', name)), name).toBe(false);
    expect(existsSync(join(root, 'node_modules', 'discord.js'))).toBe(true);
  });

  it('npm run start:prod starts the sandbox from dist/ with plain node, serves /healthz and stops cleanly on SIGTERM', async () => {
    // Its own process group, signalled whole as systemd or a terminal does (npm's shell does not relay a signal).
    const child = startChild('npm', ['run', '--silent', 'start:prod'], {
      cwd: root,
      env: { HTTP_PORT: '0' },
      group: true,
    });
    child.proc.stdin.end();
    await child.waitForStdout(/igcord — SANDBOX[\s\S]*Type help for the commands/);
    const [, url] = child.stdout().match(/igcord HTTP +(http:\/\/127\.0\.0\.1:\d+)/)!;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.signal('SIGTERM');
    const exit = await child.exited;
    expect(exit.stderr).not.toMatch(STACK_LINE);
    expect(exit.stdout).toContain('SIGTERM received; shutting down');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('node dist/src/main.js, as a process supervisor runs it, exits 0 after a SIGTERM', async () => {
    const child = startChild(process.execPath, ['dist/src/main.js'], { cwd: root, env: { HTTP_PORT: '0' } });
    child.proc.stdin.end();
    await child.waitForStdout(/Type help for the commands/);
    child.signal('SIGTERM');
    const exit = await child.exited;
    expect(exit.stderr).toBe('');
    expect(exit.code).toBe(0);
  });

  it('the compiled deploy-commands finds the compiled command modules in dist/ and registers them', async () => {
    const owner = discord.createUser({ username: 'owner' });
    const { guildId } = discord.createGuild({ name: 'prod', ownerId: owner.id, channels: [{ name: 'general' }] });
    const result = await runChild(process.execPath, ['dist/scripts/deploy-commands.js'], {
      cwd: root,
      env: {
        DISCORD_TOKEN: discord.botToken,
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_DEV_GUILD_ID: guildId,
      },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const registered = discord
      .commands(guildId)
      .map((c) => (c as { name: string }).name)
      .sort();
    // One folder per command, each with its index.
    const sources = readdirSync(join(REPO, 'commands'), { withFileTypes: true }).filter(
      (d) => d.isDirectory() && existsSync(join(REPO, 'commands', d.name, 'index.ts')),
    );
    expect(registered).toHaveLength(sources.length);
    expect(registered).toEqual(expect.arrayContaining(['feed', 'instagram', 'ping']));
  });

  it('the compiled Instagram emulator CLI explains itself', async () => {
    const result = await runChild(process.execPath, ['dist/sandbox/instagram/cli.js', '--help'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: /m);
  });

  it('package.json asks for the Node.js the code needs: 20.12, for process.loadEnvFile and util.parseEnv', () => {
    const { engines } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe('>=20.12');
  });
});
