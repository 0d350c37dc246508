// What one run of a Graph feed's source reads and writes in storage, counted on the real SQLite backend: a run
// reads its source's feeds once (again only when picking whose token pays paused another payer's feeds), its
// payer's link once (lifting owner pauses reads it only for a feed paused for its owner), and the feed's
// last-delivery time is written without reading the record twice. Fewer round trips per run is what lets
// the engine keep up with 1,000 followed sources (bench/_delivery-graph.ts); the delivery itself is unchanged:
// the post arrives once and the last-delivery time is stored (what `/feed list` shows after a restart).
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { CountingBackend } from '../support/counting-backend.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import type { Feed } from '../../src/storage/index.js';

const HOUR = 3_600_000;
const withCaption = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));

describe('the storage calls of one run of a Graph source', () => {
  let igcord: GraphFeedsIgcord;
  const counting = new CountingBackend();
  let feed: Feed;
  let key: string;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR }, { wrapStorageBackend: counting.wrap });
    const { instagramUserId } = await igcord.link(igcord.personId, 'igcord.studio');
    channelId = igcord.guild.channels.general!;
    feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
    key = `account:${instagramUserId}`;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('reads the feeds of a source paid by one payer once per run, and writes the last delivery without a second read', async () => {
    const before = counting.snapshot();
    const runsBefore = igcord.app.deliveries.stats().runs;
    const deliveriesBefore = igcord.app.deliveries.stats().deliveries;
    igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Storage per run' });
    igcord.app.deliveries.poke(key);
    await igcord.discord.waitForMessage(channelId, withCaption('Storage per run'), WAIT_MS);
    await eventually(() => igcord.app.deliveries.stats().running === 0, 'the run to end');
    const runs = igcord.app.deliveries.stats().runs - runsBefore;
    expect(runs).toBeGreaterThan(0);
    expect(igcord.app.deliveries.stats().deliveries - deliveriesBefore).toBe(1);

    // listBySource is one read of the source's index and one of its feeds' records.
    expect(counting.since(before, 'get feeds-by-source')).toBe(runs);
    expect(counting.since(before, 'getMany feed')).toBe(runs);
    // The payer's link: read once, to take its token; lifting owner pauses reads it only for a feed so paused.
    expect(counting.since(before, 'get account')).toBe(runs);
    // The last-delivery time: one read of the record with its stamp and one swap, no read before them.
    expect(counting.since(before, 'get feed')).toBe(0);
    expect(counting.since(before, 'compareAndSwap feed')).toBe(1);
    // Stored, so `/feed list` shows it after a restart.
    const stored = await igcord.app.storage.feeds.get(feed.id);
    expect(stored?.lastDeliveryAt).toBeGreaterThan(0);
    // Delivered once.
    expect(igcord.discord.messages(channelId).filter(withCaption('Storage per run'))).toHaveLength(1);
  });
});
