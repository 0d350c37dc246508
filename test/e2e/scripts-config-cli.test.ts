// The scripts a person runs next to `npm start` (`npm run deploy-commands`, `npm run subscriptions`) read their
// configuration as `npm start` does: `.env` in the working directory, blank values as unset, the real environment
// over the file, and a bad configuration reported the same way — each variable named, no value printed, exit 1.
// Each runs as a child process in a directory of its own holding only the `.env` the test writes, from
// `.env.example` with a few lines filled in (as the README tells a person to do).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { REPO, runChild, STACK_LINE, TSX_IMPORT } from '../support/child-process.js';

/** A directory holding `.env.example` with `filled` written into its lines; every other variable stays blank. */
function dirWithEnv(filled: Record<string, string>): string {
  let text = readFileSync(join(REPO, '.env.example'), 'utf8');
  for (const [name, value] of Object.entries(filled)) {
    const line = new RegExp(`^${name}=$`, 'm');
    expect(text, `.env.example has a blank ${name}= line`).toMatch(line);
    text = text.replace(line, `${name}=${value}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'igcord-script-'));
  writeFileSync(join(dir, '.env'), text);
  return dir;
}

function runScript(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return runChild(process.execPath, [...TSX_IMPORT, join(REPO, 'scripts', script), ...args], { cwd, env });
}

/** A loopback port nothing listens on: a URL there fails if it is ever used. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run deploy-commands', () => {
  let discord: DiscordFake;
  let guildId: string;
  beforeAll(async () => {
    discord = await startDiscordFake({ logger: { warn: () => {} } });
    const owner = discord.createUser({ username: 'owner' });
    guildId = discord.createGuild({ name: 'dev', ownerId: owner.id, channels: [{ name: 'general' }] }).guildId;
  });
  afterAll(async () => {
    await discord?.close();
  });

  it('reads the bot token from .env like npm start, leaves blank lines unset, and lets the real environment win', async () => {
    const cwd = dirWithEnv({
      DISCORD_TOKEN: discord.botToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_DEV_GUILD_ID: guildId,
      // Overridden by the real environment below; registering here would fail.
      DISCORD_API_URL: `http://127.0.0.1:${await closedPort()}/api`,
    });
    const result = await runScript('deploy-commands.ts', [], cwd, { DISCORD_API_URL: discord.apiUrl });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`Registered \\d+ command\\(s\\) to guild ${guildId}`));
    const names = discord.commands(guildId).map((c) => (c as { name: string }).name);
    expect(names).toEqual(expect.arrayContaining(['ping', 'instagram', 'feed']));
  });

  it('reports a bad .env as npm start does: every variable named, no value printed, exit 1', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.never-printed-token';
    const badId = 'app-id-never-printed';
    const cwd = dirWithEnv({
      DISCORD_TOKEN: token,
      DISCORD_APPLICATION_ID: badId,
      DISCORD_API_URL: 'ftp-never-printed',
    });
    const result = await runScript('deploy-commands.ts', [], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fix these environment variables (see .env.example):');
    expect(result.stderr).toContain('  - DISCORD_APPLICATION_ID: expected a Discord id (17 to 20 digits)');
    expect(result.stderr).toContain('  - DISCORD_API_URL: expected an http:// or https:// URL');
    expect(result.stderr).not.toMatch(STACK_LINE);
    for (const value of [token, badId, 'ftp-never-printed']) expect(result.stdout + result.stderr).not.toContain(value);
  });

  it('with no bot token anywhere, says which variable is missing and where it comes from', async () => {
    const result = await runScript('deploy-commands.ts', [], dirWithEnv({}));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  - DISCORD_TOKEN: missing; the bot token from the Discord developer portal');
    expect(result.stderr).toContain('  - DISCORD_APPLICATION_ID: missing;');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('npm run subscriptions', () => {
  let instagram: InstagramEmulator;
  beforeAll(async () => {
    instagram = await startInstagramEmulator({ seed: 'subscriptions-cli' });
  });
  afterAll(async () => {
    await instagram?.close();
  });

  it('takes the blank optional lines of a .env made from .env.example as unset and lists the subscriptions', async () => {
    const cwd = dirWithEnv({
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
      INSTAGRAM_API_URL: instagram.url,
      PUBLIC_URL: 'https://igcord.example.org',
    });
    const result = await runScript('subscriptions.ts', ['list'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('found 0 subscription(s)');
    expect(result.stdout).toContain('none points at https://igcord.example.org/webhooks/instagram');
  });

  it('reports a bad .env as npm start does: every variable named, no value printed, exit 1', async () => {
    const badSecret = 'not-hex-and-never-printed';
    const cwd = dirWithEnv({
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: badSecret,
      INSTAGRAM_SIGNED_REQUESTS: 'perhaps',
    });
    const result = await runScript('subscriptions.ts', ['list'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fix these environment variables (see .env.example):');
    expect(result.stderr).toContain('  - INSTAGRAM_CLIENT_SECRET: expected the 32-hex-digit client secret');
    expect(result.stderr).toContain('  - INSTAGRAM_SIGNED_REQUESTS: expected true or false');
    expect(result.stderr).toContain('  - PUBLIC_URL: missing;');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout + result.stderr).not.toContain(badSecret);
  });
});
