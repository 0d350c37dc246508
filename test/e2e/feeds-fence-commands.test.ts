// `/feed backfill` racing a run of the same source on a webhook feed (docs/decisions/0021): igcord's run of
// the source is held by the Discord fake in the middle of its webhook execution of the first media, and the
// backfill asked meanwhile finds that run's posting intent, waits for it to resolve instead of executing the
// webhook a second time, and posts only what nobody posted. Each media is in the channel exactly once.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

/** A promise the test settles when it chooses. */
function gate(): { until: Promise<void>; release(): void } {
  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  return { until, release };
}

describe('feed commands post behind the posting intents of a run', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      { intentSettleMs: 120_000 },
      {},
      // The held POST must stay one request: no client timeout (and retry) while the fake holds it.
      { rest: { timeout: 120_000, retries: 0, globalRequestsPerSecond: 1e6 } },
    );
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const count = (channelId: string, text: string) =>
    igcord.discord
      .messages(channelId)
      .filter((m: APIMessage) => m.embeds.some((e) => e.description?.includes(text)) || m.content.includes(text))
      .length;

  it('a backfill on a webhook feed racing a run of the same source posts each media once', async () => {
    const user = igcord.emulator.admin.users()[1]!;
    const ownerId = igcord.discord.createUser({ username: 'race-hook-owner' }).id;
    const { instagramUserId } = await igcord.link(ownerId, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'race-hook' });
    const webhook = await igcord.createWebhook(channelId);
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: ownerId,
      source: { kind: 'account', instagramUserId },
      webhook,
    });
    const path = new RegExp(`^/webhooks/${webhook.id}/`);
    const held = gate();
    const fault = igcord.discord.injectFault({ method: 'POST', path, until: held.until, times: 1 });

    for (const n of ['first', 'second'])
      igcord.emulator.admin.postMedia(instagramUserId, { caption: `race hook post ${n}` });
    await eventually(() => fault.hits() === 1, "the run's first webhook execution held by Discord");

    const backfill = igcord.app.deliveries.backfill(feed, 2);
    await eventually(
      () => /the posting intent of a run of this source is open/.test(igcord.logs()),
      "the backfill finding the run's posting intent",
    );
    held.release();
    const { posted } = await backfill;

    await eventually(
      () => count(channelId, 'race hook post first') === 1 && count(channelId, 'race hook post second') === 1,
      'both media in the channel',
    );
    await eventually(() => igcord.app.deliveries.stats().deliveries === 2, 'both deliveries recorded');
    expect(count(channelId, 'race hook post first')).toBe(1);
    expect(count(channelId, 'race hook post second')).toBe(1);
    expect(igcord.discord.messages(channelId)).toHaveLength(2);
    expect(igcord.discord.restLog().filter((e) => e.method === 'POST' && path.test(e.path))).toHaveLength(2);
    // The run posted the first; the backfill posted the second or found the run had.
    expect(posted).toBeLessThanOrEqual(1);
  });
});
