import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  AutocompleteInteraction,
  ButtonBuilder,
  ButtonInteraction,
  ButtonStyle,
  ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  MessageFlags,
  ModalBuilder,
  ModalSubmitInteraction,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { startDiscordFake, FakeUsageError, type DiscordFake } from '../../../sandbox/discord/index.js';
import { nextInteraction, readyClient } from './client.js';

const isChatInput = (i: unknown): i is ChatInputCommandInteraction => i instanceof ChatInputCommandInteraction;
const isButton = (i: unknown): i is ButtonInteraction => i instanceof ButtonInteraction;

const instagram = new SlashCommandBuilder()
  .setName('instagram')
  .setDescription('Instagram')
  .addSubcommandGroup((g) =>
    g
      .setName('feed')
      .setDescription('Channel feeds')
      .addSubcommand((s) =>
        s
          .setName('add')
          .setDescription('Add a feed')
          .addStringOption((o) => o.setName('tag').setDescription('Tag').setRequired(true).setAutocomplete(true))
          .addChannelOption((o) => o.setName('channel').setDescription('Where').setRequired(true))
          .addIntegerOption((o) => o.setName('count').setDescription('How many'))
          .addBooleanOption((o) => o.setName('silent').setDescription('Silent'))
          .addRoleOption((o) => o.setName('ping').setDescription('Role to ping'))
          .addUserOption((o) => o.setName('owner').setDescription('Owner')),
      ),
  )
  .addSubcommand((s) => s.setName('profile').setDescription('Your profile'));

describe('discord fake: interactions with the real client', () => {
  let fake: DiscordFake;
  let client: Client;
  let guildId: string;
  let channelId: string;
  let roleId: string;
  let userId: string;

  beforeAll(async () => {
    // Discord's own 3 s to acknowledge, so no test races the deadline on a slow machine; the test of a late
    // acknowledgement has a fake of its own with 300 ms.
    fake = await startDiscordFake();
    userId = fake.createUser({ username: 'alice' }).id;
    const created = fake.createGuild({
      name: 'G',
      channels: [{ name: 'general' }],
      roles: [{ name: 'fans' }],
      members: [{ userId, roles: ['fans'] }],
    });
    guildId = created.guildId;
    channelId = created.channels.general!;
    roleId = created.roles.fans!;
    client = await readyClient(fake);
  });
  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  it('registers guild and global commands with bulk overwrite, keeping ids of unchanged names', async () => {
    const first = await client.application!.commands.set([instagram.toJSON()], guildId);
    const again = await client.application!.commands.set([instagram.toJSON()], guildId);
    expect(again.first()?.id).toBe(first.first()?.id);
    await client.application!.commands.set([new SlashCommandBuilder().setName('ping').setDescription('Ping').toJSON()]);
    expect(fake.commands(guildId)).toHaveLength(1);
    expect(fake.commands('global')).toEqual([
      expect.objectContaining({ name: 'ping', application_id: fake.applicationId }),
    ]);
    const fetched = await client.application!.commands.fetch();
    expect([...fetched.values()].map((c) => c.name)).toEqual(['ping']);
    const ping = fetched.first()!;
    await client.application!.commands.delete(ping.id);
    expect(fake.commands('global')).toEqual([]);
    expect(fake.restLog().map((e) => `${e.method} ${e.path}`)).toContain(
      `PUT /applications/${fake.applicationId}/guilds/${guildId}/commands`,
    );
  });

  it('refuses a command definition Discord would refuse with 50035', async () => {
    const bad = { name: 'Bad Name', description: 'x', type: 1 };
    const error = await client.application!.commands.set([bad], guildId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(fake.commands(guildId)).toHaveLength(1);
  });

  it('delivers a slash command with group, subcommand and typed options, then defers ephemerally and edits', async () => {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({
      guildId,
      channelId,
      userId,
      name: 'instagram',
      subcommandGroup: 'feed',
      subcommand: 'add',
      options: { tag: 'cats', channel: channelId, count: 3, silent: true, ping: roleId, owner: userId },
    });
    const interaction = await received;
    expect(interaction.options.getSubcommandGroup()).toBe('feed');
    expect(interaction.options.getSubcommand()).toBe('add');
    expect(interaction.options.getString('tag')).toBe('cats');
    expect(interaction.options.getInteger('count')).toBe(3);
    expect(interaction.options.getBoolean('silent')).toBe(true);
    expect(interaction.options.getChannel('channel')?.id).toBe(channelId);
    expect(interaction.options.getRole('ping')?.id).toBe(roleId);
    expect(interaction.options.getUser('owner')?.username).toBe('alice');
    expect(interaction.user.id).toBe(userId);

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    expect(await handle.firstResponse()).toMatchObject({ type: 5, data: { flags: 64 } });
    await interaction.editReply({ content: 'Feed added' });
    const reply = await handle.waitForReply();
    expect(reply.content).toBe('Feed added');
    expect(reply.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    // Ephemeral: only the user sees it, never the channel.
    expect(fake.messages(channelId).some((m) => m.id === reply.id)).toBe(false);
    await interaction.followUp({ content: 'and one more thing' });
    expect(handle.replies().followUps.map((m) => m.content)).toEqual(['and one more thing']);
  });

  it('refuses what a person could not do: unknown option, missing required option, unregistered command', () => {
    expect(() =>
      fake.sendCommand({ channelId, userId, name: 'instagram', subcommand: 'profile', options: { nope: 'x' } }),
    ).toThrow(FakeUsageError);
    expect(() =>
      fake.sendCommand({
        channelId,
        userId,
        name: 'instagram',
        subcommandGroup: 'feed',
        subcommand: 'add',
        options: { tag: 'x' },
      }),
    ).toThrow(/requires option channel/);
    expect(() => fake.sendCommand({ channelId, userId, name: 'unknown' })).toThrow(/no chat input command/);
  });

  it('answers a second acknowledgement with 40060', async () => {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({ channelId, userId, name: 'instagram', subcommand: 'profile' });
    const interaction = await received;
    await interaction.reply({ content: 'first' });
    // discord.js refuses a second reply itself; going around it shows what Discord answers.
    const error = await client.rest
      .post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'second' } },
        auth: false,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(40060);
    expect(
      fake
        .messages(channelId)
        .filter((m) => m.interaction_metadata?.id === handle.id)
        .map((m) => m.content),
    ).toEqual(['first']);
  });

  it('answers an acknowledgement after the deadline with 10062 Unknown interaction', async () => {
    const impatient = await startDiscordFake({ acknowledgeTimeoutMs: 300 });
    const person = impatient.createUser({ username: 'dave' }).id;
    const guild = impatient.createGuild({
      name: 'Impatient',
      channels: [{ name: 'general' }],
      members: [{ userId: person }],
    });
    const bot = await readyClient(impatient);
    try {
      await bot.application!.commands.set([instagram.toJSON()], guild.guildId);
      const received = nextInteraction(bot, isChatInput);
      const handle = impatient.sendCommand({
        channelId: guild.channels.general!,
        userId: person,
        name: 'instagram',
        subcommand: 'profile',
      });
      const interaction = await received;
      // Past the 300 ms deadline (a floor: a slower machine only waits longer, and lateness is what is tested).
      await new Promise((r) => setTimeout(r, 350));
      const error = await interaction.reply({ content: 'too late' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(10062);
      await expect(handle.firstResponse()).rejects.toThrow(/timed out/);
    } finally {
      await bot.destroy();
      await impatient.close();
    }
  });

  it('delivers autocomplete with the focused option and records the choices', async () => {
    const received = nextInteraction(client, (i): i is AutocompleteInteraction => i instanceof AutocompleteInteraction);
    const handle = fake.sendAutocomplete({
      channelId,
      userId,
      name: 'instagram',
      subcommandGroup: 'feed',
      subcommand: 'add',
      focused: 'tag',
      value: 'ca',
    });
    const interaction = await received;
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'tag', value: 'ca' });
    await interaction.respond([
      { name: 'cats', value: 'cats' },
      { name: 'cars', value: 'cars' },
    ]);
    expect(await handle.firstResponse()).toMatchObject({
      type: 8,
      data: {
        choices: [
          { name: 'cats', value: 'cats' },
          { name: 'cars', value: 'cars' },
        ],
      },
    });
  });

  it('delivers a button press with its message and applies update() to that message', async () => {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({ channelId, userId, name: 'instagram', subcommand: 'profile' });
    const command = await received;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
    );
    await command.reply({ content: 'page 1', components: [row] });
    const original = await handle.waitForReply();
    expect(fake.messages(channelId).some((m) => m.id === original.id)).toBe(true);

    const pressed = nextInteraction(client, isButton);
    // The presser's client language comes with the press, as with every interaction Discord sends.
    const press = fake.pressButton({ messageId: original.id, customId: 'page:2', userId, locale: 'pt-BR' });
    const button = await pressed;
    expect(button.customId).toBe('page:2');
    expect(button.locale).toBe('pt-BR');
    expect(button.message.id).toBe(original.id);
    await button.update({ content: 'page 2', components: [] });
    expect(await press.firstResponse()).toMatchObject({ type: 7 });
    const updated = fake.messages(channelId).find((m) => m.id === original.id);
    expect(updated?.content).toBe('page 2');
    expect(updated?.edited_timestamp).not.toBeNull();
    expect(() => fake.pressButton({ messageId: original.id, customId: 'page:2', userId })).toThrow(/no component/);
  });

  it('delivers a string select with its values', async () => {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({ channelId, userId, name: 'instagram', subcommand: 'profile' });
    const command = await received;
    const menu = new StringSelectMenuBuilder()
      .setCustomId('pick')
      .addOptions({ label: 'A', value: 'a' }, { label: 'B', value: 'b' });
    await command.reply({
      content: 'choose',
      components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
    });
    const message = await handle.waitForReply();
    const selected = nextInteraction(
      client,
      (i): i is StringSelectMenuInteraction => i instanceof StringSelectMenuInteraction,
    );
    const select = fake.selectMenu({ messageId: message.id, customId: 'pick', values: ['b'], userId });
    const interaction = await selected;
    expect(interaction.values).toEqual(['b']);
    expect(interaction.locale).toBe('en-US');
    await interaction.deferUpdate();
    expect(await select.firstResponse()).toMatchObject({ type: 6 });
    expect(() => fake.selectMenu({ messageId: message.id, customId: 'pick', values: ['z'], userId })).toThrow(
      /not options/,
    );
  });

  it('shows a modal and delivers its submission', async () => {
    const received = nextInteraction(client, isChatInput);
    const handle = fake.sendCommand({ channelId, userId, name: 'instagram', subcommand: 'profile' });
    const command = await received;
    const modal = new ModalBuilder()
      .setCustomId('paste-token')
      .setTitle('Paste a token')
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder().setCustomId('token').setLabel('Token').setStyle(TextInputStyle.Short),
        ),
      );
    await command.showModal(modal);
    expect(await handle.firstResponse()).toMatchObject({
      type: 9,
      data: { custom_id: 'paste-token', title: 'Paste a token' },
    });

    const submitted = nextInteraction(client, (i): i is ModalSubmitInteraction => i instanceof ModalSubmitInteraction);
    const submit = fake.submitModal({ customId: 'paste-token', fields: { token: 'abc.def' }, userId });
    const interaction = await submitted;
    expect(interaction.fields.getTextInputValue('token')).toBe('abc.def');
    await interaction.reply({ content: 'Linked', flags: MessageFlags.Ephemeral });
    expect((await submit.waitForReply()).content).toBe('Linked');
    expect(() => fake.submitModal({ customId: 'never-shown', fields: {}, userId })).toThrow(/never showed/);
  });

  it('refuses a reply over Discord limits with 50035 and the field path', async () => {
    const received = nextInteraction(client, isChatInput);
    fake.sendCommand({ channelId, userId, name: 'instagram', subcommand: 'profile' });
    const interaction = await received;
    const error = await interaction.reply({ content: 'x'.repeat(2001) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: {
        data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
      },
    });
  });
});
