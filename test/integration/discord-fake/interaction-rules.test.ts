import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import {
  ChatInputCommandInteraction,
  Client,
  GatewayIntentBits,
  MessageFlags,
  SlashCommandBuilder,
  type ForumChannel,
  type Message,
  type TextChannel,
} from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import { nextInteraction, readyClient } from './client.js';

const isChatInput = (i: unknown): i is ChatInputCommandInteraction => i instanceof ChatInputCommandInteraction;

describe('discord fake: interaction webhook rules, intents and reconnects', () => {
  let fake: DiscordFake;
  let client: Client;
  let channelId: string;
  let threadId: string;
  let forumId: string;
  let userId: string;

  beforeAll(async () => {
    // Tokens live their real 15 minutes here, so no test races their expiry on a slow machine; the expiry test
    // has a fake of its own whose tokens live 400 ms.
    fake = await startDiscordFake();
    userId = fake.createUser({ username: 'bob' }).id;
    const created = fake.createGuild({
      name: 'G',
      channels: [
        { name: 'general' },
        { name: 'talk', type: 'thread', parent: 'general' },
        { name: 'posts', type: 'forum' },
      ],
      members: [{ userId }],
    });
    channelId = created.channels.general!;
    threadId = created.channels.talk!;
    forumId = created.channels.posts!;
    client = await readyClient(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    await client.application!.commands.set(
      [new SlashCommandBuilder().setName('media').setDescription('Recent media').toJSON()],
      created.guildId,
    );
  });
  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  const command = async () => {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({ channelId, userId, name: 'media' });
    return { handle, interaction: await received };
  };

  it('shows a public deferred reply as a loading channel message, then its edit', async () => {
    const { handle, interaction } = await command();
    await interaction.deferReply();
    const thinking = await fake.waitForMessage(channelId, (m) => m.interaction_metadata?.id === handle.id);
    expect(thinking.flags! & MessageFlags.Loading).toBe(MessageFlags.Loading);
    const edited = await interaction.editReply('3 new posts');
    const final = fake.messages(channelId).find((m) => m.id === edited.id);
    expect(final?.content).toBe('3 new posts');
    expect(final?.flags! & MessageFlags.Loading).toBe(0);
    expect(final?.type).toBe(20);
    expect((await interaction.fetchReply()).content).toBe('3 new posts');
  });

  it('lets the first follow-up after a deferral replace the thinking message', async () => {
    const { handle, interaction } = await command();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const followUp = await interaction.followUp({ content: 'done', flags: MessageFlags.Ephemeral });
    expect(followUp.id).toBe(handle.replies().original?.id);
    expect(handle.replies().followUps).toEqual([]);
  });

  it('returns the callback response object when asked with_response', async () => {
    const { interaction } = await command();
    const response = await interaction.reply({ content: 'with response', withResponse: true });
    expect(response.resource?.message?.content).toBe('with response');
    expect(fake.restLog().at(-1)?.query).toEqual({ with_response: 'true' });
  });

  it('answers 10015 on the interaction webhook before acknowledgement and after the token expires', async () => {
    const shortLived = await startDiscordFake({ interactionTokenLifetimeMs: 400 });
    const user = shortLived.createUser({ username: 'carol' }).id;
    const guild = shortLived.createGuild({
      name: 'Short',
      channels: [{ name: 'general' }],
      members: [{ userId: user }],
    });
    const bot = await readyClient(shortLived);
    try {
      await bot.application!.commands.set(
        [new SlashCommandBuilder().setName('media').setDescription('Recent media').toJSON()],
        guild.guildId,
      );
      const received = nextInteraction(bot, isChatInput);
      shortLived.sendCommand({ channelId: guild.channels.general!, userId: user, name: 'media' });
      const interaction = await received;
      const early = await fetch(
        `${shortLived.apiUrl}/v10/webhooks/${shortLived.applicationId}/${interaction.token}/messages/%40original`,
      );
      expect([early.status, ((await early.json()) as { code: number }).code]).toEqual([404, 10015]);
      await interaction.reply('in time');
      // At least the token's lifetime (a floor: a slower machine only waits longer, and expiry is what is tested).
      await new Promise((r) => setTimeout(r, 450));
      const late = await interaction.followUp('too late').catch((e: unknown) => e as { code?: number });
      expect((late as { code?: number }).code).toBe(10015);
    } finally {
      await bot.destroy();
      await shortLived.close();
    }
  });

  it("blanks the content of other people's messages for a client without the Message Content intent", async () => {
    const hook = await (client.channels.cache.get(channelId) as TextChannel).createWebhook({ name: 'poster' });
    const created = once(client, 'messageCreate');
    await hook.send('secret text');
    const [message] = (await created) as [Message];
    expect(message.webhookId).toBe(hook.id);
    expect(message.content).toBe('');
    expect(fake.messages(channelId).find((m) => m.id === message.id)?.content).toBe('secret text');
  });

  it('posts through a webhook into a thread, and refuses a forum execution without a thread', async () => {
    const parent = client.channels.cache.get(channelId) as TextChannel;
    const hook = await parent.createWebhook({ name: 'threads' });
    const sent = await hook.send({ content: 'in the thread', threadId });
    expect(sent.channelId).toBe(threadId);
    expect(fake.messages(threadId).map((m) => m.content)).toEqual(['in the thread']);
    const forum = await fetch(`${fake.apiUrl}/v10/channels/${forumId}/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'forum hook' }),
    }).then((r) => r.json() as Promise<{ id: string; token: string }>);
    const refused = await fetch(`${fake.apiUrl}/v10/webhooks/${forum.id}/${forum.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"content":"x"}',
    });
    expect([refused.status, ((await refused.json()) as { code: number }).code]).toEqual([400, 220001]);
  });

  it('creates a forum post with its starter message, from the client and from a webhook with thread_name', async () => {
    const forum = client.channels.cache.get(forumId) as ForumChannel;
    const created = once(client, 'threadCreate');
    const post = await forum.threads.create({
      name: 'New from @cats',
      message: { content: 'first post', embeds: [{ title: 'cat' }] },
    });
    await created;
    expect(post.parentId).toBe(forumId);
    expect(fake.messages(post.id)).toEqual([expect.objectContaining({ id: post.id, content: 'first post' })]);

    const hook = await forum.createWebhook({ name: 'forum feed' });
    const sent = await hook.send({ content: 'via webhook', threadName: 'Webhook post' });
    expect(sent.channelId).toBe(sent.id);
    expect(fake.messages(sent.channelId).map((m) => m.content)).toEqual(['via webhook']);
  });

  it('keeps delivering interactions after an op 7 reconnect, by resuming the same session', async () => {
    fake.disconnectClients('reconnect');
    const { handle, interaction } = await command();
    await interaction.reply('still here');
    expect((await handle.waitForReply()).content).toBe('still here');
    const incoming = fake.log().flatMap((e) => (e.kind === 'gateway' && e.direction === 'in' ? [e] : []));
    expect(incoming.filter((e) => e.op === 2)).toHaveLength(1);
    expect(incoming.filter((e) => e.op === 6)).toHaveLength(1);
  });
});
