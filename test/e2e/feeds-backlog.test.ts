// A source far behind (issue 11): more new posts than one run reads piled up while igcord did not read the source.
// Catching up must lose none of them (the oldest used to be dropped with a warning), post each once, oldest first,
// at most a run's worth (50) at a time, and cost about one Instagram call per page of new media overall rather
// than one per page per run. The emulator shows any user only their 20 newest media (reference §7.1, in either
// mode), so each backlog is built at a location: created users post 20 media each there, 33 to a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

const POSTS_EACH = 20;
/** The largest page of location media (reference §1.3). */
const PAGE_SIZE = 33;
/** The engine's default share of one run. */
const RUN_SHARE = 50;

describe('a feed whose source is far behind', () => {
  let igcord: FeedsIgcord;
  let places: string[] = [];
  let owners = 0;
  beforeAll(async () => {
    // Polls far apart: a backlog is read only when the test asks (a poke), as after a long silence or a restart.
    igcord = await startFeedsIgcord({ minPollMs: 600_000, startSpreadMs: 600_000 });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** Adds a location feed, then `posters` × 20 posts there in one go; returns what the test needs to check. */
  async function backlogAt(name: string, posters: number) {
    const { emulator, discord } = igcord;
    const ownerId = discord.createUser({ username: `${name}-owner` }).id;
    const { accessToken } = await igcord.link(ownerId, String(emulator.admin.users()[owners++]!.username));
    if (places.length === 0) {
      const found = (await (
        await fetch(
          `${emulator.url}/v1/locations/search?lat=60.1699&lng=24.9384&distance=5000&access_token=${accessToken}`,
        )
      ).json()) as { data: Array<{ id: string }> };
      places = found.data.map((l) => String(l.id));
    }
    const locationId = places.shift()!;
    const channelId = discord.createChannel(igcord.guild.guildId, { name });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: ownerId,
      source: { kind: 'location', id: locationId },
    });
    const ids = Array.from(
      { length: posters },
      (_, i) => (emulator.admin.createUser({ username: `${name.replace('-', '_')}.poster_${i}` }) as { id: string }).id,
    );
    // The admin API is synchronous, so no run of igcord reads the location half way through.
    const captions: string[] = [];
    for (let n = 0; n < posters * POSTS_EACH; n += 1) {
      captions.push(`${name} post ${n + 1}`);
      emulator.admin.postMedia(ids[n % posters]!, { caption: captions[n]!, locationId });
    }
    emulator.admin.clearRequests();
    return {
      feed,
      channelId,
      captions,
      sourceKey: `location:${locationId}`,
      pages: Math.ceil(captions.length / PAGE_SIZE),
    };
  }

  /** Pokes the source and waits until its last post arrived and nothing is left pending. */
  async function catchUp(b: Awaited<ReturnType<typeof backlogAt>>): Promise<{ posted: unknown[]; calls: number }> {
    igcord.app.deliveries.poke(b.sourceKey);
    // Waits as long as the backlog moves: a busy machine posts hundreds of messages slower, not never, so each wait
    // is for the next post, not for the whole backlog within one bound.
    const posts = () => igcord.discord.messages(b.channelId);
    const last = b.captions[b.captions.length - 1];
    while (!posts().some((m) => m.embeds.some((e) => e.description === last))) {
      const before = posts().length;
      await eventually(() => posts().length > before, 'the next post of the backlog', WAIT_MS);
    }
    await eventually(
      async () => (await igcord.app.storage.deliveries.pendingMedia(b.feed.id)).length === 0,
      'the pending list to empty',
    );
    const calls = igcord.emulator.admin
      .requests()
      .filter((r) => r.route === 'GET /locations/{location}/media/recent').length;
    console.log(`catching up on ${b.captions.length} posts (${b.pages} pages) took ${calls} Instagram calls`);
    return { posted: igcord.discord.messages(b.channelId).map((m) => m.embeds[0]?.description), calls };
  }

  /** The log lines of a feed's paced runs: how many pending media each left for the next. */
  function pacedRuns(feedId: string): number[] {
    return igcord
      .logs()
      .split('\n')
      .filter((line) => line.includes("a run's share of pending media posted"))
      .map((line) => JSON.parse(line) as { feedId: string; left: number })
      .filter((entry) => entry.feedId === feedId)
      .map((entry) => entry.left);
  }

  it('gets every post of a 400-post backlog once, oldest first, 50 a run, for about one Instagram call per page', async () => {
    const backlog = await backlogAt('four-hundred', 20);
    const { posted, calls } = await catchUp(backlog);
    expect(posted).toEqual(backlog.captions);
    expect(calls).toBeGreaterThanOrEqual(backlog.pages);
    expect(calls).toBeLessThanOrEqual(2 * backlog.pages);
    // One run's share at a time: every run but the last left the rest for the next.
    expect(pacedRuns(backlog.feed.id)).toEqual([350, 300, 250, 200, 150, 100, 50]);
  });

  it('gets every post of a backlog deeper than one run reads, going on below where the last run stopped', async () => {
    const backlog = await backlogAt('eight-hundred', 40);
    const { posted, calls } = await catchUp(backlog);
    expect(posted).toEqual(backlog.captions);
    expect(igcord.logs()).toContain('the next run goes on reading older pages');
    // Pages read before the bottom was reached are read again when their turn comes: about twice, never per run.
    expect(calls).toBeLessThanOrEqual(3 * backlog.pages);
    expect(Math.max(...pacedRuns(backlog.feed.id))).toBeLessThan(backlog.captions.length);
  });
});
