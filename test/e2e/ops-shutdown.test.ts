// Graceful shutdown under load, as an operator's SIGTERM meets it: igcord runs as `npm start` does (src/main.ts in
// a child process), live mode against an Instagram emulator and a Discord fake that this test owns, so both
// outlive the process. A burst of posts is notified and acknowledged; while the feed messages are still going
// out (Discord is slowed down), SIGTERM arrives. The process must exit 0 — main.ts exits 1 when shutdown overruns
// SHUTDOWN_TIMEOUT_MS, so 0 means within the bound — and after a restart every post is in every channel once.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { SANDBOX_CLIENT, startInstagramEmulator, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { silentLogger } from '../../src/log.js';
import { openStorage, sourceKey } from '../../src/storage/index.js';
import { freePort } from '../../src/util/free-port.js';
import { assertNoSecretLogged, discordSecrets, environmentSecrets, instagramSecrets } from '../support/secret-scan.js';
import { WAIT_MS } from '../support/eventually.js';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

const SOURCES = 3;
const CHANNELS_PER_SOURCE = 2;
const POSTS_PER_SOURCE = 4;
const SHUTDOWN_TIMEOUT_MS = 8000;

let log = () => '';

async function eventually<T>(
  what: string | (() => string),
  probe: () => T | undefined | Promise<T | undefined>,
  // The suite's bound for a hang, not 30 s: starting src/main.ts under tsx is some 4 s of CPU, over 15 s of wall
  // time when the machine's load is 20-30, and this test waits for two starts.
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${typeof what === 'string' ? what : what()}; igcord printed:\n${log().slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('graceful shutdown during a burst of deliveries', () => {
  let emulator: InstagramEmulator;
  let discord: DiscordFake;
  let env: Record<string, string>;
  let httpUrl: string;
  const channels: string[] = [];
  const usernames: string[] = [];
  let child: ChildProcess | undefined;
  let output = '';
  log = () => output;

  function start(): ChildProcess {
    const proc = spawn(process.execPath, ['--import', tsx, main], {
      cwd: env.DATA_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child = proc;
    return proc;
  }
  const exited = (proc: ChildProcess) =>
    new Promise<number | null>((resolve) =>
      proc.exitCode !== null ? resolve(proc.exitCode) : proc.once('exit', (code) => resolve(code)),
    );
  /** Healthy, and subscribed to notifications (the subscription is made once igcord listens). */
  const ready = async () => {
    await eventually('igcord to answer /healthz 200', async () => {
      const response = await fetch(`${httpUrl}/healthz`).catch(() => undefined);
      return response?.status === 200 ? true : undefined;
    });
    await eventually("igcord's notification subscription", async () => {
      const response = await fetch(
        `${emulator.url}/v1/subscriptions?client_id=${SANDBOX_CLIENT.clientId}&client_secret=${SANDBOX_CLIENT.clientSecret}`,
      );
      const body = (await response.json()) as { data?: Array<{ callback_url: string }> };
      return body.data?.some((s) => s.callback_url === `${httpUrl}/webhooks/instagram`) ? true : undefined;
    });
  };
  /** Feed messages per channel and caption: the judge of lost and duplicated posts. */
  const posted = () => {
    const counts = new Map<string, number>();
    for (const channelId of channels) {
      for (const message of discord.messages(channelId)) {
        const caption = message.embeds
          .map((e) => e.description ?? '')
          .join(' ')
          .match(/burst \d+-\d+/)?.[0];
        if (caption) counts.set(`${channelId} ${caption}`, (counts.get(`${channelId} ${caption}`) ?? 0) + 1);
      }
    }
    return counts;
  };

  beforeAll(async () => {
    const port = await freePort('127.0.0.1');
    httpUrl = `http://127.0.0.1:${port}`;
    emulator = await startInstagramEmulator({
      clients: [{ ...SANDBOX_CLIENT, redirectUris: [`${httpUrl}/oauth/callback`] }],
    });
    discord = await startDiscordFake({ logger: { warn: () => {} } });
    const owner = discord.createUser({ username: 'owner' });
    const channelInputs = Array.from({ length: SOURCES * CHANNELS_PER_SOURCE }, (_, i) => ({ name: `feed-${i}` }));
    // Feed owners are admins of the guild: igcord reads only for a payer who may manage the feed's server.
    const guild = discord.createGuild({
      name: 'shutdown',
      ownerId: owner.id,
      channels: channelInputs,
      members: [{ userId: owner.id }],
      roles: [{ name: 'admin', permissions: PermissionFlagsBits.ManageGuild }],
    });
    channels.push(...channelInputs.map((c) => guild.channels[c.name]!));

    const dataDir = mkdtempSync(join(tmpdir(), 'igcord-shutdown-'));
    const key = randomBytes(32);
    env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      PUBLIC_URL: httpUrl,
      DISCORD_TOKEN: discord.botToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_CLIENT_SECRET: discord.clientSecret,
      INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
      INSTAGRAM_API_URL: emulator.url,
      WEBHOOK_VERIFY_TOKEN: randomBytes(12).toString('hex'),
      TOKEN_ENCRYPTION_KEY: `t1:${key.toString('base64')}`,
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      LOG_LEVEL: 'info',
    };

    // Links and feeds written before igcord starts, in the storage it will open; each source's cursor at its
    // newest media, as a new feed starts.
    const storage = await openStorage({
      url: undefined,
      dataDir,
      keys: { current: { id: 't1', key } },
      log: silentLogger(),
    });
    try {
      const users = emulator.admin
        .users()
        .filter((u) => !u.is_private)
        .slice(0, SOURCES);
      for (const [i, user] of users.entries()) {
        const minted = emulator.admin.mintToken({ username: String(user.username) });
        const instagramUserId = String(minted.user.id);
        usernames.push(String(user.username));
        const discordUserId = discord.createUser({ username: `linked${i}` }).id;
        discord.addMember(guild.guildId, discordUserId, { roles: [guild.roles.admin!] });
        await storage.accounts.link({
          discordUserId,
          instagramUserId,
          username: String(user.username),
          scopes: ['basic'],
          accessToken: minted.access_token,
        });
        const recent = (await (
          await fetch(`${emulator.url}/v1/users/self/media/recent?count=1&access_token=${minted.access_token}`)
        ).json()) as {
          data: Array<{ id: string; created_time: string }>;
        };
        const newest = recent.data[0]!;
        await storage.deliveries.advanceCursor(sourceKey({ kind: 'account', instagramUserId }), {
          mediaId: newest.id,
          createdTime: Number(newest.created_time),
        });
        for (let c = 0; c < CHANNELS_PER_SOURCE; c += 1) {
          await storage.feeds.add({
            guildId: guild.guildId,
            channelId: channels[i * CHANNELS_PER_SOURCE + c]!,
            source: { kind: 'account', instagramUserId },
            ownerDiscordUserId: discordUserId,
            ownerInstagramUserId: instagramUserId,
            createdBy: owner.id,
            delivery: { mode: 'message' },
          });
        }
      }
    } finally {
      await storage.close();
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await discord?.close();
    await emulator?.close();
    // Everything the child igcord printed, checked against every secret this run created.
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

  it(
    'exits 0 within SHUTDOWN_TIMEOUT_MS on SIGTERM while posts are going out, and a restart delivers the rest once each',
    { timeout: 5 * WAIT_MS },
    async () => {
      const first = start();
      await ready();

      // Each feed message takes a while, so the burst is still going out when SIGTERM arrives.
      discord.injectFault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, delayMs: 150, times: Infinity });
      for (let p = 0; p < POSTS_PER_SOURCE; p += 1) {
        for (const [i, username] of usernames.entries())
          emulator.admin.postMedia(username, { caption: `burst ${i}-${p}` });
      }
      const total = SOURCES * POSTS_PER_SOURCE;
      // Every notification acknowledged with 200: from here on, igcord alone is responsible for the posts.
      await eventually(
        () =>
          `every notification acknowledged: ${JSON.stringify(emulator.admin.notifications().map((n) => [n.status, n.error, n.attempts]))}`,
        () => (emulator.admin.notifications().filter((n) => n.status === 200).length >= total ? true : undefined),
      );
      await eventually('the first feed message', () => (posted().size > 0 ? true : undefined));

      first.kill('SIGTERM');
      expect(await exited(first)).toBe(0);
      const atShutdown = posted();
      process.stdout.write(
        `feed messages out of ${total * CHANNELS_PER_SOURCE} when SIGTERM stopped the first process: ${atShutdown.size}\n`,
      );
      // The burst really was cut short, or this test would prove nothing about in-flight work.
      expect(atShutdown.size).toBeLessThan(total * CHANNELS_PER_SOURCE);
      expect(output).toContain('"msg":"stopped"');

      discord.clearFaults();
      const second = start();
      await ready();
      await eventually('every post in every channel', () =>
        posted().size === total * CHANNELS_PER_SOURCE ? true : undefined,
      );
      // Let the restarted process finish whatever it still had in flight before judging duplicates.
      second.kill('SIGTERM');
      expect(await exited(second)).toBe(0);

      const final = posted();
      expect(final.size).toBe(total * CHANNELS_PER_SOURCE);
      expect([...final.values()].every((n) => n === 1)).toBe(true);
    },
  );
});
