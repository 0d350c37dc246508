// What /feed add checks before it promises a feed, end to end: the bot's own permissions in the target channel
// (named exactly, nothing stored), that an account feed is always the invoker's own link, that tag and location
// feeds need a link allowed to read public content, and that webhook delivery creates — and shares, and cleans
// up — one igcord webhook in the channel.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS } from '../support/eventually.js';
import { pressConfirm } from '../support/press-confirm.js';

const REPLY_TIMEOUT_MS = WAIT_MS;

describe('/feed add checks', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let general: string;
  let users: string[];

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    users = igcord.emulator.admin.users().map((u) => String(u.username));
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** The reply, with the stable id igcord logged for it (undefined for an answer that is not a refusal). */
  async function feedCommand(
    userId: string,
    subcommand: string,
    options: Record<string, string | number> = {},
  ): Promise<APIMessage & { replyId: string | undefined }> {
    const handle = igcord.discord.sendCommand({ channelId: general, userId, name: 'feed', subcommand, options });
    const reply = await handle.waitForReply(undefined, REPLY_TIMEOUT_MS);
    return { ...reply, replyId: replyIdOf(igcord, handle.id) };
  }

  function newAdmin(name: string): string {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(guildId, user.id, { roles: [igcord.guild.roles.admin!] });
    return user.id;
  }

  async function channelWebhooks(channelId: string): Promise<{ id: string; name: string }[]> {
    const response = await fetch(`${igcord.discord.apiUrl}/v10/channels/${channelId}/webhooks`, {
      headers: { authorization: `Bot ${igcord.discord.botToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { id: string; name: string }[];
  }

  const feedIdOf = (message: APIMessage) => {
    const id = /Feed `([a-z0-9]+)` added/.exec(message.content)?.[1];
    expect(id, message.content).toBeDefined();
    return id!;
  };

  describe('the bot permissions in the target channel', () => {
    it('names Embed Links when the channel denies it to the bot, and stores nothing', async () => {
      await igcord.link(igcord.personId, users[0]!);
      const channelId = igcord.discord.createChannel(guildId, { name: 'no-embeds' });
      igcord.discord.setChannelOverwrites(channelId, [
        { id: igcord.discord.botUserId, type: 'member', deny: PermissionFlagsBits.EmbedLinks },
      ]);

      const reply = await feedCommand(igcord.personId, 'add-tag', { channel: channelId, tag: 'sunset' });
      expect(reply.replyId).toBe('feeds.bot-missing-permissions');
      expect(reply.content).toContain(
        `I cannot post this feed in <#${channelId}>: I am missing **Embed Links** there.`,
      );
      expect(reply.content).toContain('Nothing was created');
      expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
      // Refused before any Instagram call was spent on the tag.
      expect(igcord.emulator.admin.requests().some((r) => JSON.stringify(r).includes('/tags/sunset'))).toBe(false);
    });

    it('names every missing permission, including Manage Webhooks for webhook delivery', async () => {
      const channelId = igcord.discord.createChannel(guildId, { name: 'locked' });
      igcord.discord.setChannelOverwrites(channelId, [
        {
          id: igcord.guild.botRoleId,
          type: 'role',
          deny: PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageWebhooks,
        },
      ]);
      const reply = await feedCommand(igcord.personId, 'add-account', { channel: channelId, delivery: 'webhook' });
      // Embed Links comes back with Send Messages (Discord drops it only implicitly), so it is not named.
      expect(reply.replyId).toBe('feeds.bot-missing-permissions');
      expect(reply.content).toContain('I am missing **Send Messages**, **Manage Webhooks** there');
      expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
      expect(await channelWebhooks(channelId).catch(() => [])).toEqual([]);
    });

    it('refuses a channel the bot cannot see at all', async () => {
      const channelId = igcord.discord.createChannel(guildId, { name: 'hidden' });
      igcord.discord.setChannelOverwrites(channelId, [
        { id: guildId, type: 'role', deny: PermissionFlagsBits.ViewChannel },
      ]);
      const reply = await feedCommand(igcord.personId, 'add-account', { channel: channelId });
      expect(reply.content).toContain(
        `I cannot post this feed in <#${channelId}>: I am missing **View Channel** there.`,
      );
      expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
    });
  });

  describe('account feeds', () => {
    it('asks an admin without a linked account to link one, and stores nothing', async () => {
      const admin = newAdmin('unlinked-admin');
      const reply = await feedCommand(admin, 'add-account', { channel: general });
      expect(reply.replyId).toBe('instagram.not-linked');
      expect(JSON.stringify(reply.components)).toContain('instagram:link');
      expect(await igcord.app.storage.feeds.listByOwner(admin)).toEqual([]);
    });

    it("follows the invoker's own linked account, never another member's", async () => {
      const alice = newAdmin('alice-admin');
      const bob = newAdmin('bob-admin');
      const aliceLink = await igcord.link(alice, users[1]!);
      const bobLink = await igcord.link(bob, users[2]!);

      const byAlice = await feedCommand(alice, 'add-account', { channel: general });
      const aliceFeed = await igcord.app.storage.feeds.get(feedIdOf(byAlice));
      expect(aliceFeed).toMatchObject({
        source: { kind: 'account', instagramUserId: aliceLink.instagramUserId },
        ownerDiscordUserId: alice,
      });
      expect(byAlice.content).toContain(`@${users[1]}'s posts`);

      const byBob = await feedCommand(bob, 'add-account', { channel: general });
      const bobFeed = await igcord.app.storage.feeds.get(feedIdOf(byBob));
      expect(bobFeed).toMatchObject({
        source: { kind: 'account', instagramUserId: bobLink.instagramUserId },
        ownerDiscordUserId: bob,
        ownerInstagramUserId: bobLink.instagramUserId,
      });
    });
  });

  describe('tag and location feeds', () => {
    it('asks for a relink with public_content when the link lacks it, and stores nothing', async () => {
      const admin = newAdmin('basic-only');
      await igcord.link(admin, users[3]!, ['basic']);
      const reply = await feedCommand(admin, 'add-tag', { channel: general, tag: 'coffee' });
      expect(reply.replyId).toBe('instagram.scope-missing');
      expect(reply.content).toContain('"public_content" permission');
      expect(JSON.stringify(reply.components)).toContain('instagram:link:public_content');
      expect(await igcord.app.storage.feeds.listByOwner(admin)).toEqual([]);
    });

    it('explains an invalid tag without calling Instagram', async () => {
      igcord.emulator.admin.clearRequests();
      const handle = igcord.discord.sendCommand({
        channelId: general,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'add-tag',
        options: { channel: general, tag: 'two words' },
      });
      const reply = await handle.waitForReply(undefined, REPLY_TIMEOUT_MS);
      expect(replyIdOf(igcord, handle.id)).toBe('input.invalid-tag');
      expect(reply.content).toMatch(/^`tag` must be one word of letters, digits, _ or emoji/);
      expect(igcord.emulator.admin.requests()).toHaveLength(0);
    });

    it('adds a location feed after Instagram confirms the location, paid by the invoker', async () => {
      const { accessToken, instagramUserId } = await igcord.link(igcord.personId, users[0]!);
      const found = await igcord.app.instagram.locations.search(
        { userId: instagramUserId, accessToken },
        { lat: 60.1675, lng: 24.9525, distance: 750 },
      );
      const location = found.data.find((l) => l.name === 'Kauppatori Market Square');
      expect(location?.id).toBeDefined();
      const reply = await feedCommand(igcord.personId, 'add-location', {
        channel: general,
        location: String(location!.id),
      });
      expect(reply.content).toContain(`location Kauppatori Market Square (${location!.id})`);
      expect(await igcord.app.storage.feeds.get(feedIdOf(reply))).toMatchObject({
        source: { kind: 'location', id: String(location!.id) },
        ownerInstagramUserId: instagramUserId,
      });
      const unknown = await feedCommand(igcord.personId, 'add-location', { channel: general, location: '1' });
      expect(unknown.replyId).toBe('instagram.not-found');
    });
  });

  describe('mentions', () => {
    it('stores the role to mention and shows it in the list; @everyone is refused', async () => {
      await igcord.link(igcord.personId, users[0]!);
      const role = igcord.discord.createRole(guildId, { name: 'insta-fans' });
      const everyone = await feedCommand(igcord.personId, 'add-tag', {
        channel: general,
        tag: 'hiking',
        mention: guildId,
      });
      expect(everyone.replyId).toBe('feeds.mention-everyone');
      expect(
        (await igcord.app.storage.feeds.listByChannel(general)).some(
          (f) => f.source.kind === 'tag' && f.source.name === 'hiking',
        ),
      ).toBe(false);

      const reply = await feedCommand(igcord.personId, 'add-tag', { channel: general, tag: 'hiking', mention: role });
      const feed = await igcord.app.storage.feeds.get(feedIdOf(reply));
      expect(feed?.mentionRoleId).toBe(role);
      expect(reply.content).toContain(`<@&${role}>`);
      const list = await feedCommand(igcord.personId, 'list');
      expect(JSON.stringify(list.embeds)).toContain(`mentions <@&${role}>`);
    });

    it('refuses a role that is not mentionable from an admin without Mention Everyone, naming the role, and stores nothing', async () => {
      const admin = newAdmin('quiet-admin');
      await igcord.link(admin, users[5]!);
      const role = igcord.discord.createRole(guildId, { name: 'everybody-really' });
      const channelId = igcord.discord.createChannel(guildId, { name: 'unpingable' });
      const reply = await feedCommand(admin, 'add-account', { channel: channelId, mention: role });
      expect(reply.replyId).toBe('feeds.mention-not-allowed');
      expect(reply.content).toContain(`<@&${role}> is not mentionable`);
      expect(reply.flags! & 64).toBe(64);
      expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
    });

    it('accepts a mentionable role from that admin, and a role that is not mentionable from a member with Mention Everyone', async () => {
      const admin = newAdmin('loud-admin');
      await igcord.link(admin, users[6]!);
      const mentionable = igcord.discord.createRole(guildId, { name: 'fans-who-opted-in', mentionable: true });
      const channelId = igcord.discord.createChannel(guildId, { name: 'pingable' });
      const accepted = await feedCommand(admin, 'add-account', { channel: channelId, mention: mentionable });
      expect((await igcord.app.storage.feeds.get(feedIdOf(accepted)))?.mentionRoleId).toBe(mentionable);

      const closed = igcord.discord.createRole(guildId, { name: 'staff-only' });
      const everyoneRole = igcord.discord.createRole(guildId, {
        name: 'may-mention-all',
        permissions: PermissionFlagsBits.MentionEveryone,
      });
      igcord.discord.setMemberRoles(guildId, admin, [igcord.guild.roles.admin!, everyoneRole]);
      const other = igcord.discord.createChannel(guildId, { name: 'staff-pings' });
      const allowed = await feedCommand(admin, 'add-account', { channel: other, mention: closed });
      expect((await igcord.app.storage.feeds.get(feedIdOf(allowed)))?.mentionRoleId).toBe(closed);
    });
  });

  describe('webhook delivery', () => {
    it('creates one igcord webhook in the channel, shares it between feeds and deletes it with the last one', async () => {
      const admin = newAdmin('hook-admin');
      await igcord.link(admin, users[4]!);
      const channelId = igcord.discord.createChannel(guildId, { name: 'hooked' });

      const first = await feedCommand(admin, 'add-account', { channel: channelId, delivery: 'webhook' });
      expect(first.content).toContain('as posts of a channel webhook');
      const hooks = await channelWebhooks(channelId);
      expect(hooks).toHaveLength(1);
      expect(hooks[0]!.name).toBe('igcord');
      const firstFeed = (await igcord.app.storage.feeds.get(feedIdOf(first)))!;
      expect(firstFeed.delivery).toMatchObject({ mode: 'webhook', webhookId: hooks[0]!.id });
      const token = igcord.app.storage.feeds.webhookToken(firstFeed)!;
      // The stored token is encrypted at rest, and is the one that executes the webhook.
      expect(JSON.stringify(firstFeed)).not.toContain(token);
      const check = await fetch(`${igcord.discord.apiUrl}/v10/webhooks/${hooks[0]!.id}/${token}`);
      expect(check.status).toBe(200);

      const second = await feedCommand(admin, 'add-tag', { channel: channelId, tag: 'art', delivery: 'webhook' });
      const secondFeed = (await igcord.app.storage.feeds.get(feedIdOf(second)))!;
      expect(secondFeed.delivery).toMatchObject({ mode: 'webhook', webhookId: hooks[0]!.id });
      expect(await channelWebhooks(channelId)).toHaveLength(1);

      await pressConfirm(igcord, await feedCommand(admin, 'remove', { feed: firstFeed.id }), admin);
      expect(await channelWebhooks(channelId)).toHaveLength(1);
      await pressConfirm(igcord, await feedCommand(admin, 'remove', { feed: secondFeed.id }), admin);
      expect(await channelWebhooks(channelId)).toEqual([]);
    });
  });
});
