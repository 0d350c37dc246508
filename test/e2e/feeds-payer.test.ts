// A feed is read with its payer's Instagram token only while that payer may still pay for it in the feed's server:
// a member of it with Manage Server. Once they leave, or lose that permission, the feed pauses with the reason,
// the server is told, `/feed list` shows it, and not one more Instagram call is made with their token for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { replyIdOf } from '../support/reply-id.js';
import type { Feed } from '../../src/storage/index.js';
import { pressConfirm } from '../support/press-confirm.js';

describe('who pays for a feed', () => {
  let igcord: FeedsIgcord;
  let guildId: string;
  let adminRole: string;
  /** A feed the guild owner pays for: it stays active, and no notice about another feed may land in its channel. */
  let noticeChannel: string;

  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      { minPollMs: 300, startSpreadMs: 300, payerCheckMs: 0 },
      { RATE_LIMIT_WINDOW_MS: '10000' },
    );
    guildId = igcord.guild.guildId;
    adminRole = igcord.guild.roles.admin!;
    const [, , ownerAccount] = igcord.emulator.admin.users();
    const owner = await igcord.link(igcord.personId, String(ownerAccount!.username));
    noticeChannel = igcord.discord.createChannel(guildId, { name: 'owner-feed' });
    await igcord.addFeed({
      channelId: noticeChannel,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId: owner.instagramUserId },
    });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** Resolves once the engine has started two more runs than now, so at least one whole run began after this call. */
  const twoMoreRuns = async () => {
    const before = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= before + 2, 'two more source runs');
  };
  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);

  /** An admin member who links the Instagram user at `index` and pays for a feed of that account's posts. */
  async function payingAdmin(
    name: string,
    index: number,
  ): Promise<{ userId: string; instagramUserId: string; channelId: string; feed: Feed }> {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(guildId, user.id, { roles: [adminRole] });
    const account = igcord.emulator.admin.users()[index]!;
    const { instagramUserId } = await igcord.link(user.id, String(account.username));
    const channelId = igcord.discord.createChannel(guildId, { name: `${name}-feed` });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: user.id,
      source: { kind: 'account', instagramUserId },
    });
    // The feed works while its payer may pay for it.
    igcord.emulator.admin.postMedia(instagramUserId, { caption: `${name} still pays` });
    await igcord.discord.waitForMessage(channelId, withCaption(`${name} still pays`), 15_000);
    return { userId: user.id, instagramUserId, channelId, feed };
  }

  async function listField(feedId: string): Promise<string> {
    const handle = igcord.discord.sendCommand({
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'feed',
      subcommand: 'list',
    });
    const reply = await handle.waitForReply(undefined, 15_000);
    const field = reply.embeds.flatMap((e) => e.fields ?? []).find((f) => f.name.includes(feedId));
    expect(field, JSON.stringify(reply.embeds)).toBeDefined();
    return field!.value;
  }

  /** After the feed paused: a new post is not read with the payer's token, nor posted. */
  async function expectNoMoreReads(
    payer: { instagramUserId: string; channelId: string },
    caption: string,
  ): Promise<void> {
    const seq = Math.max(0, ...igcord.emulator.admin.requests().map((r) => r.seq));
    igcord.emulator.admin.postMedia(payer.instagramUserId, { caption });
    await twoMoreRuns();
    await twoMoreRuns();
    const reads = igcord.emulator.admin
      .requests()
      .filter((r) => r.seq > seq && r.tokenUserId === payer.instagramUserId);
    expect(reads).toEqual([]);
    expect(igcord.discord.messages(payer.channelId).some(withCaption(caption))).toBe(false);
  }

  it('pauses the feed of a payer who left the server, says so, and reads nothing more with their token', async () => {
    const payer = await payingAdmin('leaver', 0);
    igcord.discord.removeMember(guildId, payer.userId);

    const paused = await eventually(async () => {
      const state = (await igcord.app.storage.feeds.get(payer.feed.id))?.state;
      return state?.kind === 'paused' ? state : undefined;
    }, 'the feed to pause');
    expect(paused).toMatchObject({ by: 'permission', standing: 'left', member: '@leaver' });
    const notice = await igcord.discord.waitForMessage(
      payer.channelId,
      (m) => m.content.includes(payer.feed.id),
      15_000,
    );
    expect(notice.content).toContain('@leaver left the server');
    expect(igcord.discord.messages(noticeChannel).filter((m) => m.content.includes(payer.feed.id))).toEqual([]);

    await expectNoMoreReads(payer, 'posted after leaving');
    const field = await listField(payer.feed.id);
    expect(field).toContain(`Paid by <@${payer.userId}>`);
    expect(field).toContain('State: ⏸ paused — @leaver left the server');
  });

  it('pauses the feed of a payer who lost Manage Server, and reads nothing more with their token', async () => {
    const payer = await payingAdmin('demoted', 1);
    igcord.discord.setMemberRoles(guildId, payer.userId, []);

    const paused = await eventually(async () => {
      const state = (await igcord.app.storage.feeds.get(payer.feed.id))?.state;
      return state?.kind === 'paused' ? state : undefined;
    }, 'the feed to pause');
    expect(paused).toMatchObject({ by: 'permission', standing: 'no-manage-guild', member: '@demoted' });

    await expectNoMoreReads(payer, 'posted after losing Manage Server');
    const field = await listField(payer.feed.id);
    expect(field).toContain(`Paid by <@${payer.userId}>`);
    expect(field).toContain('@demoted no longer has Manage Server');
  });

  it('lets another admin pause and remove a feed someone else pays for, but only the payer resume, test or backfill it', async () => {
    const payer = await payingAdmin('payer', 3);
    const other = igcord.discord.createUser({ username: 'other-admin' });
    igcord.discord.addMember(guildId, other.id, { roles: [adminRole] });
    const feedCommand = async (userId: string, subcommand: string, options: Record<string, string | number> = {}) => {
      const handle = igcord.discord.sendCommand({
        channelId: igcord.guild.channels.general!,
        userId,
        name: 'feed',
        subcommand,
        options,
      });
      const reply = await handle.waitForReply(undefined, 15_000);
      return { content: reply.content, replyId: replyIdOf(igcord, handle.id) };
    };
    const id = payer.feed.id;

    expect((await feedCommand(other.id, 'pause', { feed: id })).content).toContain('is paused');
    for (const [subcommand, options] of [
      ['resume', {}],
      ['test', {}],
      ['backfill', { count: 2 }],
    ] as const) {
      const refused = await feedCommand(other.id, subcommand, { feed: id, ...options });
      expect(refused.replyId, subcommand).toBe('feeds.payer-only');
      expect(refused.content).toContain(`only they can ${subcommand} it`);
    }
    expect((await igcord.app.storage.feeds.get(id))?.state).toMatchObject({
      kind: 'paused',
      by: 'person',
      detail: other.id,
    });

    expect((await feedCommand(payer.userId, 'resume', { feed: id })).content).toContain('is active again');
    const ask = await igcord.discord
      .sendCommand({
        channelId: igcord.guild.channels.general!,
        userId: other.id,
        name: 'feed',
        subcommand: 'remove',
        options: { feed: id },
      })
      .waitForReply(undefined, 15_000);
    expect(await pressConfirm(igcord, ask, other.id)).toContain('is removed');
    expect(await igcord.app.storage.feeds.get(id)).toBeUndefined();
  });
});
