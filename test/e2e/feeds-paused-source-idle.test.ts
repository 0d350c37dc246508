// A source whose every feed is paused keeps nothing running: it wakes at its poll interval to see whether a feed
// came back, never in a loop. Another source's polls are the clock: while it polls three times, the paused source
// may run about as often, not thousands of times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import type { APIMessage } from 'discord.js';
import { pausedByPerson, resumedByPerson } from '../../src/core/feed-lifecycle.js';
import { sourceKey } from '../../src/storage/index.js';
import { WAIT_MS } from '../support/eventually.js';

const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);

describe('a source whose feeds are all paused', () => {
  let igcord: FeedsIgcord;

  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('runs no more often than its poll interval while paused, and delivers again once resumed', async () => {
    const users = igcord.emulator.admin.users();
    const pausedName = String(users[0]!.username);
    const clock = String(users[1]!.username);
    const pausedId = (await igcord.link(igcord.personId, pausedName)).instagramUserId;
    const otherPerson = igcord.discord.createUser({ username: 'clockkeeper' }).id;
    const clockId = (await igcord.link(otherPerson, clock)).instagramUserId;
    const channelId = igcord.guild.channels.general!;
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId: pausedId },
    });
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: otherPerson,
      source: { kind: 'account', instagramUserId: clockId },
    });
    const paused = (await igcord.app.storage.feeds.setState(
      feed.id,
      pausedByPerson(feed, igcord.personId, Date.now())!,
    ))!;
    igcord.app.deliveries.poke(sourceKey(feed.source));

    const clockReads = () =>
      igcord.emulator.admin.requests().filter((r) => r.tokenUserId === clockId && r.route.includes('/media/recent'))
        .length;
    const runsBefore = igcord.app.deliveries.stats().runs;
    const readsBefore = clockReads();
    await eventually(() => clockReads() >= readsBefore + 3, 'three polls of the other source');
    // Three polls of the other source take three intervals: the paused one may wake once an interval, and the other
    // source's own runs count too; a loop would count in the thousands.
    expect(igcord.app.deliveries.stats().runs - runsBefore).toBeLessThan(20);

    // Resumed as /feed resume does (the state, then a poke): what was posted while paused arrives once.
    igcord.emulator.admin.postMedia(pausedId, { caption: 'posted while paused' });
    await igcord.app.storage.feeds.setState(feed.id, resumedByPerson({ ...feed, state: paused.state })!);
    igcord.app.deliveries.poke(sourceKey(feed.source));
    await igcord.discord.waitForMessage(channelId, withCaption('posted while paused'), WAIT_MS);
    await eventually(() => clockReads() >= readsBefore + 5, 'two more polls of the other source');
    expect(igcord.discord.messages(channelId).filter(withCaption('posted while paused'))).toHaveLength(1);
  });
});
