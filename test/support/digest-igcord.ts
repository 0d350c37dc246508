// The harness of the digest tests: a live-mode igcord in this process against an Instagram emulator and a Discord
// fake the test owns (so they, and the messages posted, outlive each igcord), started again on the same data
// directory to restart it, with the delivery engine on a clock the test moves (to the end of a digest's period).
// Commands are registered to the test guild as `npm run deploy` would. Every log line is checked for secrets.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { startIgcord, type Igcord } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import type { DeliveryTuning } from '../../src/feeds/index.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { assertNoSecretLogged, discordSecrets, environmentSecrets, instagramSecrets } from './secret-scan.js';

export interface DigestWorld {
  emulator: InstagramEmulator;
  discord: DiscordFake;
  guildId: string;
  /** The guild's #general, where the commands are sent. */
  generalId: string;
  /** The guild owner (Manage Server), linked to `instagramUserId`. */
  ownerId: string;
  instagramUserId: string;
  /** The running igcord (after start()). */
  app(): Igcord;
  /** Starts igcord (again) on the same data directory and storage. */
  start(): Promise<Igcord>;
  /** Stops igcord as a shutdown does; what it holds in memory is gone. */
  stop(): Promise<void>;
  /** The engine's clock, and moving it forward. */
  now(): number;
  advanceTo(at: number): void;
  logs(): string;
  close(): Promise<void>;
}

export async function startDigestWorld(tuning: Partial<DeliveryTuning>): Promise<DigestWorld> {
  const emulator = await startInstagramEmulator({ host: '127.0.0.1' });
  const discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
  const owner = discord.createUser({ username: 'owner' });
  const guild = discord.createGuild({
    name: 'digests',
    ownerId: owner.id,
    channels: [{ name: 'general' }],
    members: [{ userId: owner.id }],
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-digest-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1:1',
    STORAGE_URL: `sqlite://${join(dataDir, 'igcord.sqlite')}`,
    TOKEN_ENCRYPTION_KEY: `t1:${randomBytes(32).toString('base64')}`,
    DISCORD_TOKEN: discord.botToken,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_CLIENT_SECRET: discord.clientSecret,
    INSTAGRAM_CLIENT_ID: SANDBOX_CLIENT.clientId,
    INSTAGRAM_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
    INSTAGRAM_API_URL: emulator.url,
    INSTAGRAM_MODE: 'sandbox',
    WEBHOOK_VERIFY_TOKEN: randomBytes(8).toString('hex'),
    // No notifications: the feeds find new posts by polling, which the tuning makes frequent.
    SUBSCRIPTIONS_SYNC: 'false',
    // A short budget window: polls are paced by the budget left, and this one refills fast enough to poll often.
    RATE_LIMIT_WINDOW_MS: '10000',
  };
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  let offset = 0;
  const now = () => Date.now() + offset;
  let app: Igcord | undefined;
  let registered = false;

  const user = emulator.admin.users()[0]!;
  const minted = emulator.admin.mintToken({ username: String(user.username) });
  const instagramUserId = String(minted.user.id);

  return {
    emulator,
    discord,
    guildId: guild.guildId,
    generalId: guild.channels.general!,
    ownerId: owner.id,
    instagramUserId,
    app() {
      if (app === undefined) throw new Error('igcord is not running');
      return app;
    },
    async start() {
      app = await startIgcord(loadConfig(env), log, {
        discordClientOptions: {
          rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 },
          waitGuildTimeout: 200,
        },
        feeds: tuning,
        feedsNow: now,
      });
      if (!registered) {
        registered = true;
        await app.storage.accounts.link({
          discordUserId: owner.id,
          instagramUserId,
          username: String(user.username),
          scopes: ['basic'],
          accessToken: minted.access_token,
        });
        await deployCommands({
          token: discord.botToken,
          applicationId: discord.applicationId,
          guildId: guild.guildId,
          apiUrl: discord.apiUrl,
          definitions: [...app.bot.commands.definitions],
          log: silentLogger(),
        });
      }
      return app;
    },
    async stop() {
      await app?.close();
      app = undefined;
    },
    now,
    advanceTo(at) {
      offset = Math.max(offset, at - Date.now());
    },
    logs: () => lines.join(''),
    async close() {
      await app?.close();
      app = undefined;
      await discord.close();
      await emulator.close();
      assertNoSecretLogged(
        lines.join(''),
        [
          ...discordSecrets(discord.issuedTokens()),
          ...instagramSecrets(emulator.issuedTokens()),
          ...environmentSecrets(env),
        ],
        "igcord's log",
      );
    },
  };
}
