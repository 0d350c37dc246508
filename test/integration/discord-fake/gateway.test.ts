import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { ChannelType, Client, GatewayIntentBits } from 'discord.js';
import { startDiscordFake, type DiscordFake, type WarnSink } from '../../../sandbox/discord/index.js';
import { readyClient } from './client.js';

describe('discord fake: gateway and session', () => {
  let fake: DiscordFake;
  let client: Client | undefined;
  const warnings: { object: Record<string, unknown>; message: string }[] = [];
  const logger: WarnSink = { warn: (object, message) => warnings.push({ object, message }) };

  beforeEach(async () => {
    warnings.length = 0;
    fake = await startDiscordFake({ logger });
  });
  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  it('takes the real client to clientReady with the guild, its channels and the bot member cached', async () => {
    const { guildId, channels } = fake.createGuild({
      name: 'Feeds',
      channels: [{ name: 'general' }, { name: 'posts', type: 'forum' }],
    });
    client = await readyClient(fake);
    const guild = client.guilds.cache.get(guildId);
    expect(guild?.name).toBe('Feeds');
    expect(guild?.channels.cache.get(channels.general!)?.type).toBe(ChannelType.GuildText);
    expect(guild?.channels.cache.get(channels.posts!)?.type).toBe(ChannelType.GuildForum);
    expect(guild?.members.me?.id).toBe(fake.botUserId);
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    const ready = fake.log().find((e) => e.kind === 'gateway' && e.t === 'READY');
    expect(ready && ready.kind === 'gateway' && (ready.d as { resume_gateway_url: string }).resume_gateway_url).toBe(
      fake.gatewayUrl,
    );
  });

  it('sends GUILD_CREATE when the bot is invited and GUILD_DELETE when it is kicked', async () => {
    const { guildId } = fake.createGuild({ name: 'Later', withBot: false });
    client = await readyClient(fake);
    expect(client.guilds.cache.has(guildId)).toBe(false);
    const joined = once(client, 'guildCreate');
    fake.addBot(guildId);
    const [guild] = (await joined) as [{ id: string }];
    expect(guild.id).toBe(guildId);
    const left = once(client, 'guildDelete');
    fake.removeBot(guildId);
    await left;
    expect(client.guilds.cache.has(guildId)).toBe(false);
    const refused = await fetch(`${fake.apiUrl}/v10/guilds/${guildId}`, {
      headers: { authorization: `Bot ${fake.botToken}` },
    });
    expect([refused.status, ((await refused.json()) as { code: number }).code]).toEqual([403, 50001]);
  });

  it('rejects login with a wrong token', async () => {
    const wrong = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.apiUrl, timeout: 2000, retries: 0 },
    });
    await expect(wrong.login('not-the-token')).rejects.toThrow();
    await wrong.destroy();
    expect(fake.restLog().some((e) => e.path === '/gateway/bot' && e.status === 401)).toBe(true);
  });

  it('closes with 4014 when the client asks for a privileged intent the app has not enabled', async () => {
    const strict = await startDiscordFake({ logger, privilegedIntents: 0 });
    const wanting = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],
      rest: { api: strict.apiUrl, timeout: 2000, retries: 0 },
    });
    const error = await wanting.login(strict.botToken).catch((e: unknown) => e as Error);
    await wanting.destroy();
    await strict.close();
    expect((error as Error).message).toMatch(/disallowed intents/i);
  });

  it('replays events missed while disconnected when the client resumes', async () => {
    const { guildId } = fake.createGuild({ name: 'Resume' });
    client = await readyClient(fake);
    fake.disconnectClients('close');
    const channelId = fake.createChannel(guildId, { name: 'made-while-away' });
    const deadline = Date.now() + 30_000;
    while (!client.channels.cache.has(channelId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(client.channels.cache.has(channelId)).toBe(true);
    const frames = fake.log().filter((e) => e.kind === 'gateway');
    expect(frames.some((e) => e.direction === 'in' && e.op === 6)).toBe(true);
    expect(frames.some((e) => e.direction === 'out' && e.t === 'RESUMED')).toBe(true);
    expect(frames.filter((e) => e.direction === 'in' && e.op === 2)).toHaveLength(1);
  });

  it('answers an unknown route with 404, a loud JSON error and a log entry', async () => {
    const res = await fetch(`${fake.apiUrl}/v10/guilds/1/nonsense`, {
      headers: { authorization: `Bot ${fake.botToken}` },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toContain('no route for GET /guilds/1/nonsense');
    expect(fake.restLog()).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/guilds/1/nonsense', status: 404, unknownRoute: true }),
    );
    expect(warnings[0]?.object).toEqual({ method: 'GET', path: '/guilds/1/nonsense' });
  });
});
