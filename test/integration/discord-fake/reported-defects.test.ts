// Regression tests for defects the fake's users reported: a wait for a follow-up that never resolved, REST log
// entries that appeared only after the effect a test waits for, and a follow-up after a deleted deferred reply
// that got 404 where Discord posts a new message. Each drives the fake with the real discord.js client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatInputCommandInteraction, Client, MessageFlags, SlashCommandBuilder, TextChannel } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import { nextInteraction, readyClient } from './client.js';

const isChatInput = (i: unknown): i is ChatInputCommandInteraction => i instanceof ChatInputCommandInteraction;

describe('discord fake: reported defects stay fixed', () => {
  let fake: DiscordFake;
  let client: Client;
  let channelId: string;
  let userId: string;

  beforeAll(async () => {
    fake = await startDiscordFake();
    userId = fake.createUser({ username: 'reporter' }).id;
    const created = fake.createGuild({ name: 'G', channels: [{ name: 'general' }], members: [{ userId }] });
    channelId = created.channels.general!;
    client = await readyClient(fake);
    await client.application!.commands.set(
      [new SlashCommandBuilder().setName('check').setDescription('Check').toJSON()],
      created.guildId,
    );
  });
  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  async function command(): Promise<{
    handle: ReturnType<DiscordFake['sendCommand']>;
    interaction: ChatInputCommandInteraction;
  }> {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({ channelId, userId, name: 'check' });
    return { handle, interaction: await received };
  }

  it('resolves waitForReply for a follow-up that is sent after the wait began', async () => {
    const { handle, interaction } = await command();
    await interaction.reply({ content: 'first' });
    await handle.waitForReply((m) => m.content === 'first');

    const later = handle.waitForReply((m) => m.content === 'later', 30_000);
    const sent = await interaction.followUp({ content: 'later' });
    const seen = await later;
    expect(seen.id).toBe(sent.id);
    expect(handle.replies().followUps.map((m) => m.content)).toEqual(['later']);
  });

  it('resolves waitForReply for an ephemeral follow-up that is sent after the wait began', async () => {
    const { handle, interaction } = await command();
    await interaction.reply({ content: 'first' });
    const later = handle.waitForReply((m) => m.content === 'just for you', 30_000);
    await interaction.followUp({ content: 'just for you', flags: MessageFlags.Ephemeral });
    const seen = await later;
    expect(seen.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('has the channel send in the REST log by the time waitForMessage sees the message', async () => {
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const seen = fake.waitForMessage(channelId, (m) => m.content === 'logged first');
    const sent = channel.send('logged first');
    const message = await seen;
    // Read synchronously after the wait: no polling.
    const entry = fake
      .restLog()
      .find(
        (e) =>
          e.method === 'POST' &&
          e.path === `/channels/${channelId}/messages` &&
          (e.body as { content?: string }).content === 'logged first',
      );
    expect(entry).toMatchObject({ status: 200, auth: 'bot' });
    expect((await sent).id).toBe(message.id);
  });

  it('has the follow-up in the REST log by the time waitForReply sees it', async () => {
    const { handle, interaction } = await command();
    await interaction.reply({ content: 'first' });
    const later = handle.waitForReply((m) => m.content === 'in the log', 30_000);
    const sent = interaction.followUp({ content: 'in the log' });
    await later;
    const entry = fake
      .restLog()
      .find((e) => e.method === 'POST' && e.path === `/webhooks/${fake.applicationId}/${handle.token}`);
    expect(entry).toMatchObject({
      status: 200,
      auth: 'none',
      body: expect.objectContaining({ content: 'in the log' }),
    });
    await sent;
  });

  it('has the acknowledgement in the REST log by the time firstResponse resolves', async () => {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({ channelId, userId, name: 'check' });
    const first = handle.firstResponse();
    const interaction = await received;
    const replied = interaction.reply({ content: 'acknowledged' });
    await first;
    const entry = fake
      .restLog()
      .find((e) => e.method === 'POST' && e.path === `/interactions/${handle.id}/${handle.token}/callback`);
    expect(entry).toMatchObject({ status: expect.any(Number) as number });
    expect(entry!.status).toBeLessThan(300);
    await replied;
  });

  it('posts a follow-up sent after the deferred original was deleted as a new message, as Discord does', async () => {
    const { handle, interaction } = await command();
    await interaction.deferReply();
    const thinking = await handle.waitForReply(() => true);
    await interaction.deleteReply();
    expect(fake.messages(channelId).some((m) => m.id === thinking.id)).toBe(false);

    const followUp = await interaction.followUp({ content: 'after the delete' });
    expect(followUp.id).not.toBe(thinking.id);
    expect(followUp.content).toBe('after the delete');
    const inChannel = fake.messages(channelId).find((m) => m.id === followUp.id);
    expect(inChannel?.content).toBe('after the delete');
    expect((inChannel?.flags ?? 0) & MessageFlags.Loading).toBe(0);
    expect(handle.replies().followUps.map((m) => m.id)).toEqual([followUp.id]);
    // It is the interaction's own message: it can be edited through the interaction webhook.
    await interaction.webhook.editMessage(followUp.id, { content: 'edited' });
    expect(fake.messages(channelId).find((m) => m.id === followUp.id)?.content).toBe('edited');
  });
});
