// An edge reads an interaction's guild by REST before dispatching it (docs/decisions/0020). A burst of commands
// from one guild arrives before the first read is done: they must share that read, not each make their own three
// REST calls, which under Discord's shared 50 requests per second pushed a burst of /ping answers past Discord's
// 3 s (bench/scale.ts: every one of 42 late).
import { Client, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import { createRestGuildCache } from '../../../src/discord/rest-guild-cache.js';
import { silentLogger } from '../../../src/log.js';

describe('the guild read by REST for an edge', () => {
  let discord: DiscordFake;
  let client: Client;
  let guildId: string;

  beforeAll(async () => {
    discord = await startDiscordFake({ host: '127.0.0.1', logger: silentLogger() });
    const owner = discord.createUser({ username: 'owner' }).id;
    guildId = discord.createGuild({ name: 'g', ownerId: owner, channels: [{ name: 'posts' }] }).guildId;
    client = new Client({ intents: [], rest: { api: discord.apiUrl } });
    client.rest.setToken(discord.botToken);
  });

  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  it('reads a guild once for many interactions that arrive together, and fills the cache for each', async () => {
    const warm = createRestGuildCache(client, silentLogger());
    discord.clearLog();
    await Promise.all(Array.from({ length: 20 }, () => warm(guildId)));
    const reads = discord.restLog().filter((e) => e.method === 'GET' && e.path === Routes.guild(guildId));
    expect(reads).toHaveLength(1);
    expect(client.guilds.cache.get(guildId)?.channels.cache.size).toBeGreaterThan(0);
    // Within the time to live, later interactions read nothing.
    await warm(guildId);
    expect(discord.restLog().filter((e) => e.method === 'GET' && e.path === Routes.guild(guildId))).toHaveLength(1);
  });
});
