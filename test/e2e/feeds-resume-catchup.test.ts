// Resuming a feed that missed posts while it was paused asks what to do with them: post the N missed posts
// (oldest first, each once) or skip to now (the feed goes on from the newest post without posting them). Nothing
// changes until one is chosen.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';
import { buttonIds } from '../support/press-confirm.js';

describe('resuming a feed that missed posts', () => {
  let igcord: FeedsIgcord;
  let seeded = 6;
  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const captions = (channelId: string) => igcord.discord.messages(channelId).map((m) => m.embeds[0]?.description);
  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);

  async function pausedFeedThatMissedTwo(name: string) {
    const user = igcord.emulator.admin.users()[seeded++]!;
    const owner = igcord.discord.createUser({ username: name }).id;
    const { instagramUserId } = await igcord.link(owner, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: owner,
      source: { kind: 'account', instagramUserId },
    });
    const command = (subcommand: string) =>
      igcord.discord
        .sendCommand({ channelId, userId: owner, name: 'feed', subcommand, options: { feed: feed.id } })
        .waitForReply(undefined, WAIT_MS);
    igcord.emulator.admin.postMedia(instagramUserId, { caption: `${name}: before` });
    await igcord.discord.waitForMessage(channelId, withCaption(`${name}: before`), WAIT_MS);
    expect((await command('pause')).content).toContain('is paused');
    igcord.emulator.admin.postMedia(instagramUserId, { caption: `${name}: missed one` });
    igcord.emulator.admin.postMedia(instagramUserId, { caption: `${name}: missed two` });
    const asked = await command('resume');
    expect(asked.content).toContain('2 posts');
    expect((await igcord.app.storage.feeds.get(feed.id))?.state.kind).toBe('paused');
    return { owner, instagramUserId, channelId, feed, asked };
  }

  async function choose(asked: APIMessage, owner: string, prefix: string): Promise<string> {
    const customId = buttonIds(asked).find((id) => id.startsWith(prefix));
    expect(customId, JSON.stringify(asked.components)).toBeDefined();
    const pressed = igcord.discord.pressButton({ message: asked, customId: customId!, userId: owner });
    return (await pressed.waitForReply((m) => m.content.includes('active again'), WAIT_MS)).content;
  }

  it('posts the missed posts oldest first, once each, when asked to', async () => {
    const f = await pausedFeedThatMissedTwo('catch-up');
    expect(await choose(f.asked, f.owner, 'feed:catchup-post:')).toContain('2 missed posts');
    expect((await igcord.app.storage.feeds.get(f.feed.id))?.state).toEqual({ kind: 'active' });
    igcord.emulator.admin.postMedia(f.instagramUserId, { caption: 'catch-up: after' });
    await igcord.discord.waitForMessage(f.channelId, withCaption('catch-up: after'), WAIT_MS);
    expect(captions(f.channelId)).toEqual([
      'catch-up: before',
      'catch-up: missed one',
      'catch-up: missed two',
      'catch-up: after',
    ]);
  });

  it('skips to now without posting the missed posts, when asked to', async () => {
    const f = await pausedFeedThatMissedTwo('skip-on');
    expect(await choose(f.asked, f.owner, 'feed:catchup-skip:')).toContain('skipped 2');
    await eventually(
      async () => (await igcord.app.storage.feeds.get(f.feed.id))?.state.kind === 'active',
      'the feed to be active',
    );
    igcord.emulator.admin.postMedia(f.instagramUserId, { caption: 'skip-on: after' });
    await igcord.discord.waitForMessage(f.channelId, withCaption('skip-on: after'), WAIT_MS);
    expect(captions(f.channelId)).toEqual(['skip-on: before', 'skip-on: after']);
  });
});
