// What polling a Graph feed costs, counted by the Graph emulator: a poll that finds nothing is one call, counted as
// an empty read; a poll that finds k new posts is one call (two when more than a page is new), counted as a call
// that brought posts — the figures the delivery bench divides by the posts delivered (issue 14: ≤ 1.1 a post).
// And the schedule: a poll that is slow to answer does not push every later poll later — the next one is due one
// interval after this one was due (fixed rate), so a post never waits more than an interval plus the run itself.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import type { Feed } from '../../src/storage/index.js';

const HOUR = 3_600_000;
const withCaption = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));

describe('the cost of polling a Graph feed, as the emulator counts it', () => {
  let igcord: GraphFeedsIgcord;
  let key: string;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR });
    const { instagramUserId } = await igcord.link(igcord.personId, 'igcord.studio');
    channelId = igcord.guild.channels.general!;
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
    key = `account:${instagramUserId}`;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  async function poll(): Promise<void> {
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(key);
    await eventually(
      () => igcord.app.deliveries.stats().fetches > before && igcord.app.deliveries.stats().running === 0,
      `a poll of ${key}`,
    );
  }

  it('counts an empty poll as one empty read and a poll bringing posts as the calls that brought them', async () => {
    const start = igcord.app.deliveries.stats();
    igcord.graph.admin.clearRequests();
    await poll();
    let stats = igcord.app.deliveries.stats();
    expect(igcord.reads('/me/media')).toBe(1);
    expect(stats.emptyReadCalls - start.emptyReadCalls).toBe(1);
    expect(stats.postReadCalls - start.postReadCalls).toBe(0);

    igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Cost check one' });
    igcord.graph.admin.postMedia('igcord.studio', { type: 'reel', caption: 'Cost check two' });
    await poll();
    await igcord.discord.waitForMessage(channelId, withCaption('Cost check two'), WAIT_MS);
    stats = igcord.app.deliveries.stats();
    // Two posts, one call: half a call a post.
    expect(igcord.reads('/me/media')).toBe(2);
    expect(stats.postReadCalls - start.postReadCalls).toBe(1);
    expect(stats.postsRead - start.postsRead).toBe(2);
    expect(stats.emptyReadCalls - start.emptyReadCalls).toBe(1);

    const at = igcord.graph.admin.now();
    for (let i = 0; i < 30; i++)
      igcord.graph.admin.postMedia('igcord.studio', {
        type: 'image',
        caption: `Cost page post ${i}`,
        timestamp: at + i * 1000,
      });
    igcord.graph.admin.advance(30_000);
    await poll();
    await igcord.discord.waitForMessage(channelId, withCaption('Cost page post 29'), WAIT_MS);
    stats = igcord.app.deliveries.stats();
    // Thirty new posts are two pages of 25: two calls, both counted as bringing posts.
    expect(igcord.reads('/me/media')).toBe(4);
    expect(stats.postReadCalls - start.postReadCalls).toBe(3);
    expect(stats.postsRead - start.postsRead).toBe(32);
    expect(stats.emptyReadCalls - start.emptyReadCalls).toBe(1);
    // Every call the emulator answered is counted on one side or the other: nothing hidden.
    expect(stats.postReadCalls + stats.emptyReadCalls - start.postReadCalls - start.emptyReadCalls).toBe(
      igcord.reads('/me/media'),
    );
  });
});

describe('the poll schedule of a Graph feed', () => {
  let igcord: GraphFeedsIgcord;
  let feed: Feed;
  // Long enough that a poll started late on a loaded machine is still within half an interval of when it was due.
  const INTERVAL = 4000;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: INTERVAL, maxPollMs: INTERVAL, startSpreadMs: INTERVAL });
    const { instagramUserId } = await igcord.link(igcord.personId, 'igcord.studio');
    feed = await igcord.addFeed({
      channelId: igcord.guild.channels.general!,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('sets the next poll one interval after the slow poll was due, not after it ended', async () => {
    // Each read of the media answers 1.5 s late.
    igcord.graph.admin.injectFault({ path: '/media$', kind: 'latency', ms: 1500 });
    for (let round = 0; round < 2; round++) {
      // Read together, in one turn of the event loop: a poll planned and not started yet, and the reads so far.
      let due: number | undefined;
      let fetches = 0;
      await eventually(() => {
        due = igcord.app.deliveries.status(feed).nextCheckAt;
        fetches = igcord.app.deliveries.stats().fetches;
        return due !== undefined && igcord.app.deliveries.status(feed).checking !== true;
      }, 'a planned poll');
      await eventually(
        () =>
          igcord.app.deliveries.stats().fetches > fetches &&
          igcord.app.deliveries.status(feed).checking !== true &&
          igcord.app.deliveries.status(feed).nextCheckAt !== undefined,
        'the planned poll, done',
      );
      expect(igcord.app.deliveries.status(feed).nextCheckAt).toBe(due! + INTERVAL);
    }
    igcord.graph.admin.clearFaults();
  });
});
