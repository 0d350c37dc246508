// /feed edit, end to end through the real discord.js client, the Discord fake, the Instagram emulator and SQLite:
// a feed's channel, role mention and delivery mode change in place — same feed, same payer, same state, same
// deliveries and cursor — after the same checks /feed add makes (the bot's permissions for the new channel and
// mode, a role the member may have the feed ping); a refused edit changes nothing; and the next post goes to
// the new channel, with the new mention, once.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS } from '../support/eventually.js';
import { sourceKey, type Feed } from '../../src/storage/index.js';

describe('/feed edit', () => {
  let igcord: FeedsIgcord;
  let guildId: string;
  let general: string;
  let instagramUserId: string;
  let feed: Feed;
  let oldChannel: string;

  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    const username = String(igcord.emulator.admin.users()[0]!.username);
    ({ instagramUserId } = await igcord.link(igcord.personId, username));
    oldChannel = igcord.discord.createChannel(guildId, { name: 'before-the-move' });
    feed = await igcord.addFeed({
      channelId: oldChannel,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function feedCommand(
    userId: string,
    options: Record<string, string | number | boolean>,
  ): Promise<APIMessage & { replyId: string | undefined }> {
    const handle = igcord.discord.sendCommand({
      channelId: general,
      userId,
      name: 'feed',
      subcommand: 'edit',
      options,
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { ...reply, replyId: replyIdOf(igcord, handle.id) };
  }

  async function channelWebhooks(channelId: string): Promise<{ id: string }[]> {
    const response = await fetch(`${igcord.discord.apiUrl}/v10/channels/${channelId}/webhooks`, {
      headers: { authorization: `Bot ${igcord.discord.botToken}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { id: string }[];
  }

  /** What an edit may change, and what it must keep (the engine moves lastCheckAt on its own meanwhile). */
  const editable = (f: Feed | undefined) =>
    f && {
      channelId: f.channelId,
      mentionRoleId: f.mentionRoleId,
      delivery: f.delivery,
      state: f.state,
      owner: f.ownerDiscordUserId,
      source: f.source,
    };
  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  /** Resolves once the engine has started two more runs than now, so at least one whole run began after this call. */
  const twoMoreRuns = async () => {
    const before = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= before + 2, 'two more source runs');
  };

  it('moves a feed to another channel with a role mention and webhook delivery, keeping its id, payer, state, deliveries and cursor; the next post arrives there once, mentioning the role', async () => {
    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'before the edit' });
    await igcord.discord.waitForMessage(oldChannel, withCaption('before the edit'), WAIT_MS);
    const deliveriesBefore = await eventually(async () => {
      const recorded = await igcord.app.storage.deliveries.recentDeliveries(feed.id);
      return recorded.length === 1 ? recorded : undefined;
    }, 'the first delivery to be recorded');
    const cursorBefore = await igcord.app.storage.deliveries.getCursor(sourceKey(feed.source));
    const stored = (await igcord.app.storage.feeds.get(feed.id))!;

    const newChannel = igcord.discord.createChannel(guildId, { name: 'after-the-move' });
    const role = igcord.discord.createRole(guildId, { name: 'post-fans', mentionable: true });
    const reply = await feedCommand(igcord.personId, {
      feed: feed.id,
      channel: newChannel,
      mention: role,
      delivery: 'webhook',
    });
    expect(reply.replyId, reply.content).toBeUndefined();
    expect(reply.flags! & 64).toBe(64);
    expect(reply.content).toContain(`Feed \`${feed.id}\``);
    expect(reply.content).toContain(`<#${newChannel}>`);
    expect(reply.content).toContain(`<@&${role}>`);

    const edited = (await igcord.app.storage.feeds.get(feed.id))!;
    expect(edited).toMatchObject({
      id: feed.id,
      guildId,
      source: feed.source,
      ownerDiscordUserId: igcord.personId,
      ownerInstagramUserId: instagramUserId,
      createdAt: stored.createdAt,
      state: stored.state,
      channelId: newChannel,
      mentionRoleId: role,
      delivery: { mode: 'webhook' },
    });
    const webhooks = await channelWebhooks(newChannel);
    expect(webhooks.map((w) => w.id)).toEqual([
      edited.delivery.mode === 'webhook' ? edited.delivery.webhookId : 'no webhook',
    ]);
    expect(await igcord.app.storage.deliveries.recentDeliveries(feed.id)).toEqual(deliveriesBefore);
    expect(await igcord.app.storage.deliveries.getCursor(sourceKey(feed.source))).toEqual(cursorBefore);
    expect((await igcord.app.storage.feeds.listByChannel(oldChannel)).map((f) => f.id)).toEqual([]);
    expect((await igcord.app.storage.feeds.listByChannel(newChannel)).map((f) => f.id)).toEqual([feed.id]);

    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'after the edit' });
    const posted = await igcord.discord.waitForMessage(newChannel, withCaption('after the edit'), WAIT_MS);
    expect(posted.content).toContain(`<@&${role}>`);
    expect(posted.webhook_id).toBe(edited.delivery.mode === 'webhook' ? edited.delivery.webhookId : 'no webhook');
    await twoMoreRuns();
    expect(igcord.discord.messages(newChannel).filter(withCaption('after the edit'))).toHaveLength(1);
    expect(igcord.discord.messages(newChannel).filter(withCaption('before the edit'))).toHaveLength(0);
    expect(igcord.discord.messages(oldChannel).filter(withCaption('after the edit'))).toHaveLength(0);
    oldChannel = newChannel;
  });

  it('clears the mention and goes back to bot messages, deleting the channel webhook no feed uses any more', async () => {
    const reply = await feedCommand(igcord.personId, { feed: feed.id, 'clear-mention': true, delivery: 'message' });
    expect(reply.replyId, reply.content).toBeUndefined();
    const edited = (await igcord.app.storage.feeds.get(feed.id))!;
    expect(edited.mentionRoleId).toBeUndefined();
    expect(edited.delivery).toEqual({ mode: 'message' });
    expect(edited.channelId).toBe(oldChannel);
    expect(await channelWebhooks(oldChannel)).toEqual([]);

    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'no more pings' });
    const posted = await igcord.discord.waitForMessage(oldChannel, withCaption('no more pings'), WAIT_MS);
    expect(posted.content).not.toContain('<@&');
    expect(posted.webhook_id).toBeUndefined();
  });

  it('refuses an edit the bot cannot carry out or the member may not make, naming why, and changes nothing', async () => {
    const before = (await igcord.app.storage.feeds.get(feed.id))!;

    const noEmbeds = igcord.discord.createChannel(guildId, { name: 'no-embeds' });
    igcord.discord.setChannelOverwrites(noEmbeds, [
      { id: igcord.discord.botUserId, type: 'member', deny: PermissionFlagsBits.EmbedLinks },
    ]);
    const toNoEmbeds = await feedCommand(igcord.personId, { feed: feed.id, channel: noEmbeds });
    expect(toNoEmbeds.replyId).toBe('feeds.bot-missing-permissions');
    expect(toNoEmbeds.content).toContain('**Embed Links**');

    // Bot messages are fine there; a webhook is not, and the check is the one /feed add makes for that mode.
    const noWebhooks = igcord.discord.createChannel(guildId, { name: 'no-webhooks' });
    igcord.discord.setChannelOverwrites(noWebhooks, [
      { id: igcord.discord.botUserId, type: 'member', deny: PermissionFlagsBits.ManageWebhooks },
    ]);
    const asWebhook = await feedCommand(igcord.personId, { feed: feed.id, channel: noWebhooks, delivery: 'webhook' });
    expect(asWebhook.replyId).toBe('feeds.bot-missing-permissions');
    expect(asWebhook.content).toContain('**Manage Webhooks**');
    igcord.discord.setChannelOverwrites(noWebhooks, []);
    expect(await channelWebhooks(noWebhooks)).toEqual([]);

    const everyone = await feedCommand(igcord.personId, { feed: feed.id, mention: guildId });
    expect(everyone.replyId).toBe('feeds.mention-everyone');

    const quietAdmin = igcord.discord.createUser({ username: 'quiet-editor' });
    igcord.discord.addMember(guildId, quietAdmin.id, { roles: [igcord.guild.roles.admin!] });
    const closed = igcord.discord.createRole(guildId, { name: 'do-not-ping' });
    const unmentionable = await feedCommand(quietAdmin.id, { feed: feed.id, mention: closed });
    expect(unmentionable.replyId).toBe('feeds.mention-not-allowed');
    expect(unmentionable.content).toContain(`<@&${closed}> is not mentionable`);

    const both = await feedCommand(igcord.personId, { feed: feed.id, mention: closed, 'clear-mention': true });
    expect(both.replyId).toBe('feeds.edit-conflict');
    const nothing = await feedCommand(igcord.personId, { feed: feed.id });
    expect(nothing.replyId).toBe('feeds.edit-nothing');

    expect(editable(await igcord.app.storage.feeds.get(feed.id))).toEqual(editable(before));
    expect(
      (await igcord.app.storage.feeds.listByChannel(noEmbeds)).length +
        (await igcord.app.storage.feeds.listByChannel(noWebhooks)).length,
    ).toBe(0);
  });

  it('refuses to move a feed into a channel that already follows the same source', async () => {
    const twin = igcord.discord.createChannel(guildId, { name: 'twin' });
    const other = await igcord.addFeed({ channelId: twin, ownerDiscordUserId: igcord.personId, source: feed.source });
    const before = (await igcord.app.storage.feeds.get(feed.id))!;
    const reply = await feedCommand(igcord.personId, { feed: feed.id, channel: twin });
    expect(reply.replyId).toBe('feeds.duplicate');
    expect(reply.content).toContain(`feed \`${other.id}\``);
    expect(editable(await igcord.app.storage.feeds.get(feed.id))).toEqual(editable(before));
  });
});
