// The Discord layer with the real discord.js client against the local Discord fake: commands are registered with
// deployCommands, a person runs them in the fake, and what reached Discord is asserted — replies, defers, edits,
// the absence of any 40060, and pagination by the invoker only.
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, type APIMessage } from 'discord.js';
import { startDiscordFake } from '../../../sandbox/discord/index.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger, type Logger } from '../../../src/log.js';
import { createDiscordClient, type DiscordClient } from '../../../src/discord/client.js';
import { defineCommand, systemClock, type CommandDeps } from '../../../src/discord/command.js';
import { deployCommands } from '../../../src/discord/deploy.js';
import { UserFacingError } from '../../../src/discord/errors.js';
import { buildCommandSet, loadCommands } from '../../../src/discord/loader.js';
import { Paginator } from '../../../src/discord/pagination.js';
import { createInteractionRouter, type InteractionRouter } from '../../../src/discord/registry.js';
import { describeError } from '../../../commands/_shared/describe-error.js';

type Fake = Awaited<ReturnType<typeof startDiscordFake>>;

function capturedLogger(): { log: Logger; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      raw.push(String(chunk));
      callback();
    },
  });
  return {
    log: createLogger({ level: 'debug', destination }),
    lines: () =>
      raw
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const testCommands = {
  boom: defineCommand({
    data: { name: 'boom', description: 'Fails with an unexpected error' },
    async execute() {
      throw new Error('database password hunter2 leaked in an error message');
    },
  }),
  slow: defineCommand({
    data: { name: 'slow', description: 'Answers after 1.8 s' },
    async execute(_interaction, { respond }) {
      await sleep(1800);
      await respond.reply({ content: 'finally done' });
    },
  }),
  twice: defineCommand({
    data: { name: 'twice', description: 'Answers twice' },
    async execute(_interaction, { respond }) {
      await respond.reply({ content: 'first answer' });
      await respond.reply({ content: 'second answer', ephemeral: true });
    },
  }),
  search: defineCommand({
    data: {
      name: 'search',
      description: 'Offers completions',
      options: [
        { type: 3, name: 'tag', description: 'A tag', autocomplete: true, required: true },
        { type: 3, name: 'broken', description: 'Completion that throws', autocomplete: true },
      ],
    },
    async execute(interaction, { respond }) {
      await respond.reply({ content: `searched ${interaction.options.getString('tag', true)}`, ephemeral: true });
    },
    async autocomplete(interaction) {
      const focused = interaction.options.getFocused(true);
      if (focused.name === 'broken') throw new Error('completion backend down');
      await interaction.respond([{ name: `#${focused.value}`, value: focused.value }]);
    },
  }),
  orphan: defineCommand({
    data: { name: 'orphan', description: 'Shows a button nothing handles any more' },
    async execute(_interaction, { respond }) {
      await respond.reply({
        content: 'a retired button',
        components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Old', custom_id: 'retired:42' }] }],
      });
    },
  }),
  private: defineCommand({
    data: { name: 'private', description: 'Defers publicly, then fails with a user-facing error' },
    defer: 'public',
    async execute() {
      throw new UserFacingError('feeds.not-allowed', 'You cannot do that here.');
    },
  }),
};

describe('Discord layer against the Discord fake', () => {
  let repositoryNames: string[] = [];
  let fake: Fake;
  let discord: DiscordClient;
  let router: InteractionRouter;
  let paginator: Paginator;
  let channelId: string;
  let guildId: string;
  let alice: string;
  let bob: string;
  const captured = capturedLogger();

  beforeAll(async () => {
    fake = await startDiscordFake();
    alice = fake.createUser({ username: 'alice' }).id;
    bob = fake.createUser({ username: 'bob' }).id;
    const guild = fake.createGuild({
      name: 'igcord test',
      channels: [{ name: 'general' }],
      members: [{ userId: alice }, { userId: bob }],
    });
    channelId = guild.channels['general']!;
    guildId = guild.guildId;

    const { log } = captured;
    paginator = new Paginator({ log, timeoutMs: 1000 });
    const pages = defineCommand({
      data: { name: 'pages', description: 'Shows three pages' },
      async execute(interaction, { respond }) {
        await paginator.start(respond, {
          ownerId: interaction.user.id,
          source: { count: 3, render: (i) => ({ content: `page ${i + 1} of 3` }) },
        });
      },
    });
    const repository = await loadCommands();
    repositoryNames = [...repository.byName.keys()];
    const commands = buildCommandSet([
      ...[...repository.byName.values()].map((c) => ({ file: c.file, module: { default: c.module } })),
      ...Object.entries({ ...testCommands, pages }).map(([name, module]) => ({
        file: `test/${name}.ts`,
        module: { default: module },
      })),
    ]);
    await deployCommands({
      token: fake.botToken,
      applicationId: fake.applicationId,
      guildId: guild.guildId,
      apiUrl: fake.apiUrl,
      definitions: commands.definitions,
      log,
    });

    // The commands under test use no Instagram or storage service, so only the base deps are real here.
    const deps = { log, clock: systemClock, config: loadConfig({}) } as CommandDeps;
    router = createInteractionRouter({ commands, deps, components: [paginator.route], describeError });
    discord = createDiscordClient({
      token: fake.botToken,
      apiUrl: fake.apiUrl,
      log,
      clientOptions: { rest: { timeout: 2000, retries: 1, globalRequestsPerSecond: 1e6 }, waitGuildTimeout: 200 },
    });
    router.attach(discord.client);
    await discord.start();
  });

  afterAll(async () => {
    await router?.drain();
    await paginator?.close();
    await discord?.stop();
    await fake?.close();
  });

  const acknowledgementErrors = () => fake.restLog().filter((e) => e.errorCode === 40060 || e.errorCode === 10062);

  it('registers every loaded command to the development guild', () => {
    const names = (fake.commands(guildId) as { name: string }[]).map((c) => c.name).sort();
    // The repository's own commands (read from commands/) plus this file's test commands, nothing else.
    expect(names).toEqual([...repositoryNames, 'boom', 'orphan', 'pages', 'private', 'search', 'slow', 'twice'].sort());
  });

  it('answers /ping with an ephemeral pong', async () => {
    const interaction = fake.sendCommand({ channelId, userId: alice, name: 'ping' });
    const reply = await interaction.waitForReply();
    expect(reply.content).toMatch(/^Pong! Answered in \d+ ms\.$/);
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('answers an execute that throws with the friendly ephemeral reply and an incident id that is also logged', async () => {
    const interaction = fake.sendCommand({ channelId, userId: alice, name: 'boom' });
    const reply = await interaction.waitForReply();
    const incident = /incident id: `([0-9A-F]{8})`/.exec(reply.content)?.[1];
    expect(incident).toBeDefined();
    expect(reply.content).not.toContain('hunter2');
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const logged = captured.lines().find((l) => l['incidentId'] === incident);
    expect(logged).toMatchObject({ level: 50, interactionId: interaction.id, command: 'boom', userId: alice });
    expect(JSON.stringify(captured.lines())).not.toContain(interaction.token);
  });

  it('defers an execute slower than 1.5 s and then edits the deferred reply', async () => {
    const interaction = fake.sendCommand({ channelId, userId: alice, name: 'slow' });
    const first = await interaction.firstResponse();
    expect(first.type).toBe(5);
    const reply = await interaction.waitForReply(undefined, 30_000);
    expect(reply.content).toBe('finally done');
    // The fake logs a request once its answer is written, just after the message changed: poll.
    const own = () =>
      fake.restLog().filter((e) => e.path.includes(interaction.id) || e.path.includes(interaction.token));
    await expect
      .poll(() => own().map((e) => `${e.method} ${e.status}`), { timeout: 30_000 })
      .toEqual(['POST 204', 'PATCH 200']);
    expect(own()[0]?.body).toMatchObject({ type: 5, data: { flags: 0 } });
  });

  it('turns a second reply into a follow-up, never a second acknowledgement (no 40060)', async () => {
    const interaction = fake.sendCommand({ channelId, userId: alice, name: 'twice' });
    // Polled: the fake wakes its waiters before it records a follow-up as the interaction's.
    await expect.poll(() => interaction.replies().followUps.length, { timeout: 30_000 }).toBe(1);
    const { callbacks, original, followUps } = interaction.replies();
    expect(callbacks).toHaveLength(1);
    expect(original?.content).toBe('first answer');
    expect(followUps.map((m) => m.content)).toEqual(['second answer']);
    expect(acknowledgementErrors()).toEqual([]);
  });

  it('answers a user-facing error after a public defer privately and removes the public placeholder', async () => {
    const interaction = fake.sendCommand({ channelId, userId: alice, name: 'private' });
    const reply = await interaction.waitForReply((m: APIMessage) => m.content === 'You cannot do that here.');
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    await expect.poll(() => interaction.replies().original, { timeout: 30_000 }).toBeUndefined();
    expect(acknowledgementErrors()).toEqual([]);
  });

  it('pages forward and back for the invoker, refuses another user, and disables the buttons at the ends', async () => {
    const interaction = fake.sendCommand({ channelId, userId: alice, name: 'pages' });
    const first = await interaction.waitForReply();
    expect(first.content).toBe('page 1 of 3');
    const buttons = (m: APIMessage) =>
      (m.components?.[0] as { components: { custom_id: string; disabled?: boolean; label: string }[] }).components;
    expect(buttons(first).map((b) => [b.label, b.disabled])).toEqual([
      ['◀ Previous', true],
      ['Page 1 of 3', true],
      ['Next ▶', false],
    ]);

    const next = buttons(first)[2]!.custom_id;
    const refused = fake.pressButton({ messageId: first.id, customId: next, userId: bob });
    const refusal = await refused.waitForReply();
    expect(refusal.content).toBe(`Only <@${alice}> can page this.`);
    expect((refusal.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(fake.messages(channelId).find((m) => m.id === first.id)?.content).toBe('page 1 of 3');

    await fake.pressButton({ messageId: first.id, customId: next, userId: alice }).firstResponse();
    const second = fake.messages(channelId).find((m) => m.id === first.id)!;
    expect(second.content).toBe('page 2 of 3');
    await fake
      .pressButton({ messageId: first.id, customId: buttons(second)[2]!.custom_id, userId: alice })
      .firstResponse();
    const third = fake.messages(channelId).find((m) => m.id === first.id)!;
    expect(third.content).toBe('page 3 of 3');
    expect(buttons(third).map((b) => b.disabled)).toEqual([false, true, true]);
    await fake
      .pressButton({ messageId: first.id, customId: buttons(third)[0]!.custom_id, userId: alice })
      .firstResponse();
    expect(fake.messages(channelId).find((m) => m.id === first.id)?.content).toBe('page 2 of 3');

    await paginator.close();
    const closed = fake.messages(channelId).find((m) => m.id === first.id)!;
    expect(buttons(closed).every((b) => b.disabled)).toBe(true);
    expect(acknowledgementErrors()).toEqual([]);
  });

  it('routes autocomplete to the command, and answers no choices when its handler throws', async () => {
    const typed = fake.sendAutocomplete({ channelId, userId: alice, name: 'search', focused: 'tag', value: 'sun' });
    expect((await typed.firstResponse()).data).toEqual({ choices: [{ name: '#sun', value: 'sun' }] });
    const broken = fake.sendAutocomplete({
      channelId,
      userId: alice,
      name: 'search',
      options: { tag: 'x' },
      focused: 'broken',
      value: 'y',
    });
    expect((await broken.firstResponse()).data).toEqual({ choices: [] });
  });

  it('tells the presser a button is no longer active when nothing handles its custom id', async () => {
    const orphan = await fake.sendCommand({ channelId, userId: alice, name: 'orphan' }).waitForReply();
    const press = fake.pressButton({ messageId: orphan.id, customId: 'retired:42', userId: alice });
    const reply = await press.waitForReply();
    expect(reply.content).toBe('This button is no longer active. Run the command again.');
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('disables the page buttons once nobody has pressed them for the timeout', async () => {
    const message = await fake.sendCommand({ channelId, userId: alice, name: 'pages' }).waitForReply();
    const disabled = () =>
      (
        fake.messages(channelId).find((m) => m.id === message.id)?.components?.[0] as {
          components: { disabled?: boolean }[];
        }
      ).components.map((b) => b.disabled);
    expect(disabled()).toEqual([true, true, false]);
    await expect.poll(disabled, { timeout: 30_000, interval: 100 }).toEqual([true, true, true]);
  });
});
