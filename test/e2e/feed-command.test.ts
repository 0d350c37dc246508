// /feed as server admins use it, end to end through the real discord.js client, the Discord fake, the Instagram
// emulator and SQLite: who may manage feeds, the add → list → pause → resume → remove cycle, and that one
// server's feeds cannot be seen or touched from another.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy.js';
import { silentLogger } from '../../src/log.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';
import { pressConfirm } from '../support/press-confirm.js';

const REPLY_TIMEOUT_MS = WAIT_MS;

describe('/feed administration', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let general: string;
  let instagramChannel: string;
  let username: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    instagramChannel = igcord.guild.channels.instagram!;
    username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(igcord.personId, username);
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function feedCommand(
    userId: string,
    subcommand: string,
    options: Record<string, string | number> = {},
    channelId = general,
  ): Promise<APIMessage> {
    const handle = igcord.discord.sendCommand({ channelId, userId, name: 'feed', subcommand, options });
    return handle.waitForReply(undefined, REPLY_TIMEOUT_MS);
  }

  /** A server admin turned /feed on for everyone (Integrations): the command no longer carries Manage Server. */
  async function letEveryoneSeeFeedCommand(inGuild: string): Promise<void> {
    const command = igcord.discord.commands(inGuild).find((c) => (c as { name: string }).name === 'feed') as {
      id: string;
    };
    const response = await fetch(
      `${igcord.discord.apiUrl}/v10/applications/${igcord.discord.applicationId}/guilds/${inGuild}/commands/${command.id}`,
      {
        method: 'PATCH',
        headers: { authorization: `Bot ${igcord.discord.botToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ default_member_permissions: null }),
      },
    );
    expect(response.status).toBe(200);
  }

  it('registers /feed for members with Manage Server only, so Discord hides it from everyone else', () => {
    const feed = igcord.discord.commands(guildId).find((c) => (c as { name: string }).name === 'feed') as {
      default_member_permissions?: string;
    };
    expect(feed.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    const member = igcord.discord.createUser({ username: 'hidden-from' });
    igcord.discord.addMember(guildId, member.id);
    expect(() =>
      igcord.discord.sendCommand({ channelId: general, userId: member.id, name: 'feed', subcommand: 'list' }),
    ).toThrow(/default_member_permissions/);
  });

  it('adds a tag feed, lists it with its state, pauses, resumes and removes it', async () => {
    const added = await feedCommand(igcord.personId, 'add-tag', { channel: instagramChannel, tag: '#Sunset' });
    const id = /Feed `([a-z0-9]+)` added/.exec(added.content)?.[1];
    expect(id, added.content).toBeDefined();
    expect(added.flags! & 64).toBe(64);
    const stored = await igcord.app.storage.feeds.get(id!);
    expect(stored).toMatchObject({
      guildId,
      channelId: instagramChannel,
      source: { kind: 'tag', name: 'sunset' },
      ownerDiscordUserId: igcord.personId,
      delivery: { mode: 'message' },
      state: { kind: 'active' },
    });

    const again = await feedCommand(igcord.personId, 'add-tag', { channel: instagramChannel, tag: 'sunset' });
    expect(again.content).toContain(`already follows this source: feed \`${id}\``);
    expect(await igcord.app.storage.feeds.listByGuild(guildId)).toHaveLength(1);

    const listed = await feedCommand(igcord.personId, 'list');
    const field = listed.embeds[0]?.fields?.find((f) => f.name.includes(id!));
    expect(field?.value).toContain(`<#${instagramChannel}> ← tag #sunset`);
    expect(field?.value).toContain(`Paid by <@${igcord.personId}>`);
    expect(field?.value).toContain('posts as bot messages');
    expect(field?.value).toContain('State: ▶ active');
    expect(field?.value).toContain('Last delivery never');

    const paused = await feedCommand(igcord.personId, 'pause', { feed: id! });
    expect(paused.content).toContain('is paused');
    const pausedAgain = await feedCommand(igcord.personId, 'pause', { feed: id! });
    expect(pausedAgain.content).toContain('is already paused');
    expect((await igcord.app.storage.feeds.get(id!))?.state.kind).toBe('paused');
    const listedPaused = await feedCommand(igcord.personId, 'list');
    const pausedField = listedPaused.embeds[0]?.fields?.find((f) => f.name.includes(id!));
    expect(pausedField?.value).toMatch(new RegExp(`State: ⏸ paused — by <@${igcord.personId}> <t:\\d+:R>`));
    expect(pausedField?.value).toContain('next check none while it is not active');

    const resumed = await feedCommand(igcord.personId, 'resume', { feed: id! });
    expect(resumed.content).toContain('is active again');
    const afterResume = await igcord.app.storage.feeds.get(id!);
    expect(afterResume?.state.kind).toBe('active');
    expect(afterResume?.state).toEqual({ kind: 'active' });

    const removed = await pressConfirm(
      igcord,
      await feedCommand(igcord.personId, 'remove', { feed: id! }),
      igcord.personId,
    );
    expect(removed).toContain('is removed');
    expect(await igcord.app.storage.feeds.get(id!)).toBeUndefined();
    const empty = await feedCommand(igcord.personId, 'list');
    expect(empty.content).toContain('no feeds yet');
  });

  it("offers this server's feeds in autocomplete to admins", async () => {
    const added = await feedCommand(igcord.personId, 'add-tag', { channel: general, tag: 'coffee' });
    const id = /Feed `([a-z0-9]+)` added/.exec(added.content)![1]!;
    const handle = igcord.discord.sendAutocomplete({
      channelId: general,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'pause',
      focused: 'feed',
      value: 'coff',
    });
    const first = await handle.firstResponse();
    expect(first.type).toBe(8);
    expect((first.data as { choices: { name: string; value: string }[] }).choices).toEqual([
      { name: `${id} · tag #coffee → #general (active)`, value: id },
    ]);
    await igcord.app.storage.feeds.remove(id);
  });

  it('pages a long list five feeds at a time', async () => {
    const account = (await igcord.app.storage.accounts.get(igcord.personId))!;
    const made = await igcord.app.storage.feeds.addMany(
      ['helsinki', 'sea', 'summer', 'autumn', 'street', 'bakery'].map((name) => ({
        guildId,
        channelId: general,
        source: { kind: 'tag' as const, name },
        ownerDiscordUserId: igcord.personId,
        ownerInstagramUserId: account.instagramUserId,
        createdBy: igcord.personId,
        delivery: { mode: 'message' as const },
      })),
    );
    const first = await feedCommand(igcord.personId, 'list');
    expect(first.embeds[0]?.title).toBe('Feeds in this server (6)');
    expect(first.embeds[0]?.fields).toHaveLength(5);
    const next = JSON.stringify(first.components).match(/"custom_id":"(page:[^"]+:1)"/)?.[1];
    expect(next, JSON.stringify(first.components)).toBeDefined();
    const press = igcord.discord.pressButton({ message: first, customId: next!, userId: igcord.personId });
    await press.firstResponse();
    const second = press.replies().callbacks[0]?.data as { embeds: { fields: { name: string }[] }[] };
    expect(second.embeds[0]?.fields).toHaveLength(1);
    const shown = [...first.embeds[0]!.fields!, ...second.embeds[0]!.fields].map((f) => f.name);
    expect(shown.sort()).toEqual(made.map((f) => `Feed \`${f.id}\``).sort());
    for (const feed of made) await igcord.app.storage.feeds.remove(feed.id);
  });

  it('suggests tags from Instagram while typing one', async () => {
    const handle = igcord.discord.sendAutocomplete({
      channelId: general,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'add-tag',
      options: { channel: general },
      focused: 'tag',
      value: '#sun',
    });
    const choices = ((await handle.firstResponse()).data as { choices: { name: string; value: string }[] }).choices;
    expect(choices).toContainEqual({ name: '#sunset', value: 'sunset' });
  });

  it("shows why a feed stopped, and resumes it only once its owner's link works again", async () => {
    const added = await feedCommand(igcord.personId, 'add-tag', { channel: general, tag: 'cycling' });
    const id = /Feed `([a-z0-9]+)` added/.exec(added.content)![1]!;
    await igcord.app.storage.accounts.markBroken(igcord.personId, { cause: 'refused' });
    await igcord.app.storage.feeds.setState(id, {
      kind: 'disabled',
      reason: 'the owner link stopped working',
      since: Date.now(),
    });

    const listed = await feedCommand(igcord.personId, 'list');
    expect(listed.embeds[0]?.fields?.find((f) => f.name.includes(id))?.value).toContain(
      'State: ⛔ disabled — the owner link stopped working',
    );

    const refused = await feedCommand(igcord.personId, 'resume', { feed: id });
    expect(refused.content).toContain(`reads Instagram with the link of <@${igcord.personId}>, which no longer works`);
    expect((await igcord.app.storage.feeds.get(id))?.state.kind).toBe('disabled');

    await igcord.link(igcord.personId, username);
    const resumed = await feedCommand(igcord.personId, 'resume', { feed: id });
    expect(resumed.content).toContain('is active again');
    const after = await igcord.app.storage.feeds.get(id);
    expect(after?.state.kind).toBe('active');
    expect(after?.state).toEqual({ kind: 'active' });
    await igcord.app.storage.feeds.remove(id);
  });

  describe('when a server admin has made /feed visible to every member', () => {
    it('refuses a member without Manage Server to add or remove feeds, and stores and removes nothing', async () => {
      const admin = await feedCommand(igcord.personId, 'add-tag', { channel: general, tag: 'travel' });
      const id = /Feed `([a-z0-9]+)` added/.exec(admin.content)![1]!;
      await letEveryoneSeeFeedCommand(guildId);
      const member = igcord.discord.createUser({ username: 'just-a-member' });
      igcord.discord.addMember(guildId, member.id);
      await igcord.link(member.id, String(igcord.emulator.admin.users()[1]!.username));

      const add = await feedCommand(member.id, 'add-tag', { channel: general, tag: 'food' });
      expect(add.content).toContain('Only members with the Manage Server permission can manage feeds');
      const addAccount = await feedCommand(member.id, 'add-account', { channel: general });
      expect(addAccount.content).toContain('Only members with the Manage Server permission');
      expect((await igcord.app.storage.feeds.listByGuild(guildId)).map((f) => f.id)).toEqual([id]);

      const remove = await feedCommand(member.id, 'remove', { feed: id });
      expect(remove.content).toContain('Only members with the Manage Server permission');
      const pause = await feedCommand(member.id, 'pause', { feed: id });
      expect(pause.content).toContain('Only members with the Manage Server permission');
      expect((await igcord.app.storage.feeds.get(id))?.state.kind).toBe('active');

      const list = await feedCommand(member.id, 'list');
      expect(list.content).toContain('Only members with the Manage Server permission');
      expect(list.embeds).toHaveLength(0);

      const suggest = igcord.discord.sendAutocomplete({
        channelId: general,
        userId: member.id,
        name: 'feed',
        subcommand: 'remove',
        focused: 'feed',
        value: '',
      });
      expect(((await suggest.firstResponse()).data as { choices: unknown[] }).choices).toEqual([]);
      await igcord.app.storage.feeds.remove(id);
    });
  });

  describe('with a second server', () => {
    it("keeps one server's feeds invisible and untouchable from another", async () => {
      const added = await feedCommand(igcord.personId, 'add-tag', { channel: instagramChannel, tag: 'nature' });
      const idA = /Feed `([a-z0-9]+)` added/.exec(added.content)![1]!;

      const other = igcord.discord.createGuild({
        name: 'another server',
        ownerId: igcord.personId,
        channels: [{ name: 'lobby' }],
        members: [{ userId: igcord.personId }],
      });
      const lobby = other.channels.lobby!;
      await deployCommands({
        token: igcord.discord.botToken,
        applicationId: igcord.discord.applicationId,
        guildId: other.guildId,
        apiUrl: igcord.discord.apiUrl,
        definitions: igcord.app.bot.commands.definitions,
        log: silentLogger(),
      });
      await waitForGuild(other.guildId);

      const listB = await feedCommand(igcord.personId, 'list', {}, lobby);
      expect(listB.content).toContain('no feeds yet');
      expect(JSON.stringify(listB)).not.toContain(idA);

      const suggest = igcord.discord.sendAutocomplete({
        channelId: lobby,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'remove',
        focused: 'feed',
        value: '',
      });
      expect(((await suggest.firstResponse()).data as { choices: unknown[] }).choices).toEqual([]);

      for (const sub of ['remove', 'pause', 'test']) {
        const refused = await feedCommand(igcord.personId, sub, { feed: idA }, lobby);
        expect(refused.content).toContain(`There is no feed \`${idA}\` in this server`);
      }
      const backfill = await feedCommand(igcord.personId, 'backfill', { feed: idA, count: 3 }, lobby);
      expect(backfill.content).toContain(`There is no feed \`${idA}\` in this server`);
      expect(await igcord.app.storage.feeds.get(idA)).toMatchObject({ guildId, state: { kind: 'active' } });

      const addB = await feedCommand(igcord.personId, 'add-tag', { channel: lobby, tag: 'nature' }, lobby);
      const idB = /Feed `([a-z0-9]+)` added/.exec(addB.content)![1]!;
      const listA = await feedCommand(igcord.personId, 'list');
      expect(JSON.stringify(listA.embeds)).toContain(idA);
      expect(JSON.stringify(listA.embeds)).not.toContain(idB);
    });
  });

  async function waitForGuild(id: string): Promise<void> {
    const client = igcord.app.bot.discord.client;
    for (let i = 0; i < 200 && !client.guilds.cache.has(id); i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(client.guilds.cache.has(id)).toBe(true);
  }
});
