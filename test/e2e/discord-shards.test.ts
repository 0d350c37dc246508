// Sharding inside one process (docs/decisions/0022): igcord asks Discord how many shards it should run
// (`shards: 'auto'`, GET /gateway/bot), so an install past 2,500 guilds is not refused by Discord. Live igcord runs
// against a Discord fake that recommends 2 shards: it must open 2 gateway sessions, and a command in a guild of each
// shard must be answered exactly once (each shard hears only its own guilds' interactions).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf, startDiscordFake, type DiscordFake } from '../../sandbox/discord/index.js';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../../sandbox/instagram/index.js';
import { startIgcord, type Igcord } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { silentLogger } from '../../src/log.js';

describe('Discord gateway shards', () => {
  let emulator: InstagramEmulator;
  let discord: DiscordFake;
  let igcord: Igcord | undefined;
  const guilds: { guildId: string; channelId: string; shard: number }[] = [];
  let ownerId: string;

  beforeAll(async () => {
    emulator = await startInstagramEmulator({ host: '127.0.0.1' });
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger(), recommendedShards: 2 });
    ownerId = discord.createUser({ username: 'owner' }).id;
    // Guilds until each shard has one (ids are snowflakes; Discord's formula decides the shard).
    for (let i = 0; guilds.length < 2 && i < 64; i += 1) {
      const guild = discord.createGuild({
        name: `g${i}`,
        ownerId,
        channels: [{ name: 'general' }],
        members: [{ userId: ownerId }],
      });
      const shard = shardOf(guild.guildId, 2);
      if (!guilds.some((g) => g.shard === shard))
        guilds.push({ guildId: guild.guildId, channelId: guild.channels.general!, shard });
    }
    expect(guilds.map((g) => g.shard).sort()).toEqual([0, 1]);
    const dataDir = mkdtempSync(join(tmpdir(), 'igcord-shards-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      PUBLIC_URL: 'http://127.0.0.1:1',
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
      SUBSCRIPTIONS_SYNC: 'false',
    });
    igcord = await startIgcord(config, silentLogger(), {
      discordClientOptions: {
        rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 },
        waitGuildTimeout: 200,
      },
    });
    for (const { guildId } of guilds) {
      await deployCommands({
        token: discord.botToken,
        applicationId: discord.applicationId,
        guildId,
        apiUrl: discord.apiUrl,
        definitions: [...igcord.bot.commands.definitions],
        log: silentLogger(),
      });
    }
  }, 120_000);

  afterAll(async () => {
    await igcord?.close();
    await discord?.close();
    await emulator?.close();
  });

  it('opens the number of sessions Discord recommends', () => {
    expect(igcord!.bot.discord.client.ws.shards.size).toBe(2);
    expect(discord.connectedClients()).toBe(2);
    // Every guild arrived, each on the session of its shard.
    const client = igcord!.bot.discord.client;
    for (const { guildId, shard } of guilds) expect(client.guilds.cache.get(guildId)?.shardId).toBe(shard);
  });

  it('answers a command in a guild of each shard exactly once', async () => {
    for (const { guildId, channelId } of guilds) {
      const handle = discord.sendCommand({ guildId, channelId, userId: ownerId, name: 'ping' });
      await handle.waitForReply();
      const callbacks = discord
        .restLog()
        .filter((e) => e.method === 'POST' && e.path.startsWith(`/interactions/${handle.id}/`));
      expect(callbacks).toHaveLength(1);
    }
  });
});
