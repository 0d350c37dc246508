// A Discord fake started from another's snapshot holds the same guild, channels, members and webhooks, with the
// same application id: a bot that reconnects finds its guild, and a webhook token it kept still posts. The
// snapshot holds no webhook token and no bot token.
import { afterAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, REST, Routes } from 'discord.js';
import { parseSnapshot, startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import { readyClient } from './client.js';

describe('discord fake: snapshot and restore', () => {
  const started: DiscordFake[] = [];
  afterAll(async () => {
    await Promise.all(started.map((f) => f.close()));
  });

  it('restores the guild, its channels and a webhook whose kept token still posts; the snapshot holds no token', async () => {
    const first = await startDiscordFake();
    started.push(first);
    const person = first.createUser({ username: 'you' });
    const guild = first.createGuild({
      name: 'G',
      ownerId: person.id,
      channels: [{ name: 'general' }, { name: 'feed' }],
    });
    const rest = new REST({ api: first.apiUrl }).setToken(first.botToken);
    const webhook = (await rest.post(Routes.channelWebhooks(guild.channels.feed!), { body: { name: 'igcord' } })) as {
      id: string;
      token: string;
    };
    const text = JSON.stringify(first.snapshot());
    expect(text).not.toContain(webhook.token);
    expect(text).not.toContain(first.botToken);

    const second = await startDiscordFake({ restore: parseSnapshot(JSON.parse(text)) });
    started.push(second);
    expect(second.applicationId).toBe(first.applicationId);
    expect(
      second
        .members(guild.guildId)
        .map((m) => m.user.username)
        .sort(),
    ).toEqual(['igcord', 'you']);
    const client = await readyClient(second, [GatewayIntentBits.Guilds]);
    try {
      expect(client.guilds.cache.get(guild.guildId)?.channels.cache.get(guild.channels.feed!)?.name).toBe('feed');
    } finally {
      await client.destroy();
    }
    await new REST({ api: second.apiUrl }).post(Routes.webhook(webhook.id, webhook.token), {
      body: { content: 'after the restart' },
      auth: false,
    });
    expect(second.messages(guild.channels.feed!).map((m) => m.content)).toEqual(['after the restart']);
    // Ids made after the restore come after the restored ones.
    expect(BigInt(second.createChannel(guild.guildId, { name: 'new' }))).toBeGreaterThan(BigInt(guild.channels.feed!));
  });
});
