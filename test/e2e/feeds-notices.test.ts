// Where igcord tells people that a feed stopped: in the feed's own channel when it can still post there, else in
// the server's system channel, else to the feed's owner by DM — and never in the public channel of another feed,
// whose readers have nothing to do with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

describe('feed notices', () => {
  let igcord: FeedsIgcord;
  let seeded = 4;
  /** A feed that keeps posting in its own channel: the channel a notice must never land in. */
  let bystander: string;
  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
    const other = await ownerWithFeed('bystander');
    bystander = other.channelId;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function ownerWithFeed(name: string) {
    const user = igcord.emulator.admin.users()[seeded++]!;
    const discordUser = igcord.discord.createUser({ username: name });
    const { instagramUserId } = await igcord.link(discordUser.id, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: discordUser.id,
      source: { kind: 'account', instagramUserId },
    });
    return { discordUserId: discordUser.id, instagramUserId, channelId, feed };
  }
  const mentionsFeed = (feedId: string) => (m: { content: string }) => m.content.includes(`\`${feedId}\``);
  const noticesIn = (channelId: string, feedId: string) =>
    igcord.discord.messages(channelId).filter(mentionsFeed(feedId));

  it("tells the feed's own channel when it can still post there", async () => {
    const o = await ownerWithFeed('own-channel');
    const lobby = igcord.discord.createChannel(igcord.guild.guildId, { name: 'lobby' });
    igcord.discord.setSystemChannel(igcord.guild.guildId, lobby);
    // The payer loses Manage Server: the feed pauses, its channel still takes messages.
    igcord.discord.setMemberRoles(igcord.guild.guildId, o.discordUserId, []);
    igcord.emulator.admin.postMedia(o.instagramUserId, { caption: 'after the demotion' });
    const notice = await igcord.discord.waitForMessage(o.channelId, mentionsFeed(o.feed.id), WAIT_MS);
    expect(notice.content).toContain('is paused');
    expect(noticesIn(lobby, o.feed.id)).toEqual([]);
    expect(noticesIn(bystander, o.feed.id)).toEqual([]);
    igcord.discord.setSystemChannel(igcord.guild.guildId, null);
  });

  it("tells the system channel when the feed's channel is gone, and never another feed's channel", async () => {
    const o = await ownerWithFeed('deleted-here');
    const lobby = igcord.discord.createChannel(igcord.guild.guildId, { name: 'system' });
    igcord.discord.setSystemChannel(igcord.guild.guildId, lobby);
    igcord.discord.deleteChannel(o.channelId);
    igcord.emulator.admin.postMedia(o.instagramUserId, { caption: 'into a deleted channel' });
    const notice = await igcord.discord.waitForMessage(lobby, mentionsFeed(o.feed.id), WAIT_MS);
    expect(notice.content).toContain('was disabled');
    expect(noticesIn(bystander, o.feed.id)).toEqual([]);
    igcord.discord.setSystemChannel(igcord.guild.guildId, null);
  });

  it("tells the owner by DM when the server has no system channel, and never another feed's channel", async () => {
    const o = await ownerWithFeed('deleted-nosys');
    igcord.discord.deleteChannel(o.channelId);
    igcord.emulator.admin.postMedia(o.instagramUserId, { caption: 'nowhere to post' });
    await eventually(
      async () => (await igcord.app.storage.feeds.get(o.feed.id))?.state.kind === 'disabled',
      'the feed to be disabled',
    );
    const dm = await igcord.discord.waitForMessage(
      igcord.discord.directChannel(o.discordUserId),
      mentionsFeed(o.feed.id),
      WAIT_MS,
    );
    expect(dm.content).toContain('was disabled');
    expect(noticesIn(bystander, o.feed.id)).toEqual([]);
  });
});
