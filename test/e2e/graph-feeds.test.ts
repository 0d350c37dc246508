// Channel feeds on the Graph provider, end to end: igcord in sandbox mode on the Graph emulator, `/feed add-account`
// registered and working for the linked account's own posts, and each feed kind — a new post, a reel, a story —
// appearing once in every channel that follows the source, read with one Instagram call per poll however many
// channels follow it. Graph sends no webhook for new media (reference §0): feeds poll. Here the polls are set an
// hour apart and each test asks for one (`poke`, as a poll that is due does), so every Instagram call is counted.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';

const HOUR = 3_600_000;
const withCaption = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));

interface Registered {
  name: string;
  options?: { type: number; name: string }[];
}

describe('feeds on the Graph provider', () => {
  let igcord: GraphFeedsIgcord;
  let instagramUserId: string;
  let general: string;
  let second: string;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR });
    ({ instagramUserId } = await igcord.link(igcord.personId, 'igcord.studio'));
    general = igcord.guild.channels.general!;
    second = igcord.guild.channels.instagram!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** Asks for a poll of `sourceKey` and resolves once it has read Instagram and posted what it found. */
  async function poll(sourceKey: string): Promise<void> {
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(sourceKey);
    await eventually(
      () => igcord.app.deliveries.stats().fetches > before && igcord.app.deliveries.stats().running === 0,
      `a poll of ${sourceKey}`,
    );
  }
  const count = (channelId: string, text: string) =>
    igcord.discord.messages(channelId).filter(withCaption(text)).length;

  it('registers /feed with add-account and add-stories on Graph, and adds a feed of your own posts', async () => {
    const registered = igcord.discord.commands(igcord.guild.guildId) as Registered[];
    const feed = registered.find((c) => c.name === 'feed');
    expect(feed).toBeDefined();
    const subs = (feed!.options ?? []).map((o) => o.name);
    expect(subs).toEqual(expect.arrayContaining(['add-account', 'add-stories', 'list']));
    for (const absent of ['add-tag', 'add-location']) expect(subs).not.toContain(absent);

    const reply = await igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: general,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'add-account',
        options: { channel: general },
      })
      .waitForReply(undefined, WAIT_MS);
    expect(reply.content).toMatch(/Feed `[^`]+` added/);
    expect(reply.content).toContain("@igcord.studio's posts");
    const feeds = await igcord.app.storage.feeds.listByChannel(general);
    expect(feeds.map((f) => f.source)).toEqual([{ kind: 'account', instagramUserId }]);
    expect(await igcord.app.storage.deliveries.getCursor(`account:${instagramUserId}`)).toBeDefined();
  });

  it('posts a new post and a reel once in each of two channels, with one Instagram call per poll', async () => {
    await igcord.addFeed({
      channelId: second,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
    const key = `account:${instagramUserId}`;
    igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Morning light on the harbour' });
    igcord.graph.admin.postMedia('igcord.studio', { type: 'reel', caption: 'A spin around the studio' });
    igcord.graph.admin.clearRequests();
    await poll(key);
    for (const channelId of [general, second]) {
      await igcord.discord.waitForMessage(channelId, withCaption('Morning light'), WAIT_MS);
      await igcord.discord.waitForMessage(channelId, withCaption('A spin around'), WAIT_MS);
    }
    // Two channels, two new posts: one read of the account's media.
    expect(igcord.reads('/me/media')).toBe(1);

    const reel = igcord.discord.messages(general).find(withCaption('A spin around'))!;
    const embed = reel.embeds[0]!;
    expect(embed.title).toBe('Reel by @igcord.studio');
    expect(embed.image?.url).toBeTruthy();
    const video = embed.fields?.find((f) => f.name === 'Video');
    expect(video?.value).toContain('▶ Play video');
    expect(video?.value).toContain('Open post');

    // Nothing new: the next poll is one call, and posts nothing again.
    await poll(key);
    expect(igcord.reads('/me/media')).toBe(2);
    for (const channelId of [general, second]) {
      expect(count(channelId, 'Morning light')).toBe(1);
      expect(count(channelId, 'A spin around')).toBe(1);
    }
  });

  it('posts every new post oldest first when more than one page is new, losing none', async () => {
    const key = `account:${instagramUserId}`;
    const captions = Array.from({ length: 30 }, (_, i) => `Batch post number ${String(i).padStart(2, '0')}.`);
    const start = igcord.graph.admin.now();
    captions.forEach((caption, i) =>
      igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption, timestamp: start + i * 1000 }),
    );
    igcord.graph.admin.advance(30_000);
    igcord.graph.admin.clearRequests();
    await poll(key);
    await igcord.discord.waitForMessage(second, withCaption(captions.at(-1)!), WAIT_MS);
    for (const channelId of [general, second]) {
      const posted = igcord.discord
        .messages(channelId)
        .map((m) => m.embeds[0]?.description ?? '')
        .filter((d) => d.startsWith('Batch post number'));
      expect(posted).toEqual(captions);
    }
    // Two pages of 25 newest first, walked down to the cursor in one poll.
    expect(igcord.reads('/me/media')).toBe(2);
  });

  it('posts each new story once in each following channel, marked as a story with its expiry, and takes a story that expired unseen as nothing', async () => {
    const key = `stories:${instagramUserId}`;
    const command = (subcommand: string, options?: Record<string, string>) =>
      igcord.discord
        .sendCommand({
          guildId: igcord.guild.guildId,
          channelId: general,
          userId: igcord.personId,
          name: 'feed',
          subcommand,
          ...(options ? { options } : {}),
        })
        .waitForReply(undefined, WAIT_MS);
    const added = await command('add-stories', { channel: general });
    expect(added.content).toMatch(/Feed `[^`]+` added/);
    expect(added.content).toContain("@igcord.studio's stories");
    await igcord.addFeed({
      channelId: second,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'stories', instagramUserId },
    });
    const list = await command('list');
    const fields = list.embeds.flatMap((e) => e.fields ?? []).map((f) => `${f.name}\n${f.value}`);
    expect(fields.filter((f) => f.includes("@igcord.studio's stories"))).toHaveLength(2);

    // Posted and gone (24 h) before any poll saw it: nothing to post, and no failure.
    const now = igcord.graph.admin.now();
    igcord.graph.admin.postMedia('igcord.studio', {
      type: 'story',
      caption: 'Gone unseen',
      timestamp: now - 25 * HOUR,
    });
    const failures = igcord.app.deliveries.stats().failures;
    const story = igcord.graph.admin.postMedia('igcord.studio', { type: 'story', caption: 'Behind the scenes' });
    igcord.graph.admin.clearRequests();
    await poll(key);
    const posted = await igcord.discord.waitForMessage(general, withCaption('Behind the scenes'), WAIT_MS);
    await igcord.discord.waitForMessage(second, withCaption('Behind the scenes'), WAIT_MS);
    expect(igcord.reads('/me/stories')).toBe(1);
    expect(igcord.app.deliveries.stats().failures).toBe(failures);

    const embed = posted.embeds[0]!;
    expect(embed.title).toBe('Story by @igcord.studio');
    const postedAt = Math.floor(Date.parse(story.timestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) / 1000);
    const expiry = embed.fields?.find((f) => f.name.includes('Story'));
    expect(expiry?.value).toContain(`<t:${postedAt + 24 * 3600}:R>`);

    // The next polls find it again (it lives 24 h) and post it no more.
    await poll(key);
    await poll(key);
    for (const channelId of [general, second]) {
      expect(count(channelId, 'Behind the scenes')).toBe(1);
      expect(count(channelId, 'Gone unseen')).toBe(0);
    }
    expect(igcord.reads('/me/stories')).toBe(3);
  });
});
