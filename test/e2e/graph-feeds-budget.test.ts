// Feeds on the Graph provider within the account's budget, end to end on the Graph emulator (reference §1.6, §4.4):
// the emulator's Business Use Case usage, read from its request log (the figure each answer's usage header
// carried), never passes 95 % while several feeds of one account poll and are hinted as fast as igcord lets them,
// since feed work stops at 80 %; and an injected 80002 with a regain time stops every call on that bucket until
// then, after which delivery resumes with nothing lost and nothing repeated. The emulator's BUC capacity is made
// small (50 calls a day) so the bands are reached in a few dozen calls.
import type { APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';

const withCaption = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));

let igcord: GraphFeedsIgcord | undefined;
afterEach(async () => {
  await igcord?.close();
  igcord = undefined;
});

/** igcord polling one account's posts and stories, each followed by two channels. */
async function start(): Promise<{ igcord: GraphFeedsIgcord; accountId: string; keys: string[]; channels: string[] }> {
  // Polls an hour apart: the tests drive every read with hints (pokes, delivery priority, as a webhook's would).
  const app = (igcord = await startGraphFeedsIgcord({ minPollMs: 3_600_000, maxPollMs: 3_600_000 }));
  const { instagramUserId: accountId } = await app.link(app.personId, 'igcord.studio');
  const channels = [app.guild.channels.general!, app.guild.channels.instagram!];
  const sources = [
    { kind: 'account' as const, instagramUserId: accountId },
    { kind: 'stories' as const, instagramUserId: accountId },
  ];
  for (const source of sources)
    for (const channelId of channels) await app.addFeed({ channelId, ownerDiscordUserId: app.personId, source });
  return { igcord: app, accountId, keys: sources.map((s) => `${s.kind}:${accountId}`), channels };
}

describe('Graph feeds within the account budget', () => {
  it("keeps the emulator's usage under 95 % while several feeds poll, feed work stopping at 80 %", async () => {
    const { igcord: app, accountId, keys, channels } = await start();
    const admin = app.graph.admin;
    admin.setBucCapacity(50);
    const captions = ['Kiln day one', 'Kiln day two', 'Kiln day three'];
    for (const caption of captions) admin.postMedia('igcord.studio', { type: 'image', caption });
    const charged = () => admin.requests().filter((r) => r.accountId === accountId);
    const highest = () => Math.max(0, ...charged().map((r) => r.usagePercent ?? 0));

    // Hints, one per source at a time, for as long as igcord sends feed calls: it must stop by itself. Once Graph
    // reported 80 %, a hinted run waits in igcord's limiter (held, not sent) however often it is asked for.
    const heldAt80 = () => {
      const quota = app.app.limiter.quota(accountId);
      const waiting = quota.queued.delivery + quota.queued.background;
      return (quota.usage?.percent ?? 0) >= 80 && quota.running === 0 && waiting > 0;
    };
    let held = false;
    for (let hint = 0; hint < 100 && !held; hint += 1) {
      const seen = charged().length;
      for (const key of keys) app.app.deliveries.poke(key);
      held =
        (await eventually(
          () => (charged().length > seen ? 'sent' : heldAt80() ? 'held' : false),
          'a feed call charged to the account, or feed work held by the budget',
        )) === 'held';
    }
    expect(held).toBe(true);
    // Every post was delivered once in each channel before the budget stopped the feeds.
    for (const channelId of channels)
      for (const caption of captions) await app.discord.waitForMessage(channelId, withCaption(caption), WAIT_MS);

    const reported = charged().map((r) => r.usagePercent ?? 0);
    expect(Math.max(...reported)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...reported)).toBeLessThan(95);
    expect(charged().filter((r) => r.errorCode !== undefined)).toEqual([]);
    for (const channelId of channels)
      for (const caption of captions)
        expect(app.discord.messages(channelId).filter(withCaption(caption))).toHaveLength(1);
  });

  // The regain time alone is a minute of the emulator's real clock, hence the longer bound.
  it(
    'after an injected 80002 calls nothing on that bucket until the regain time, then delivers everything once',
    { timeout: 300_000 },
    async () => {
      const { igcord: app, accountId, keys, channels } = await start();
      const admin = app.graph.admin;
      // Both sources read once, so the next reads are polls of known cursors.
      for (const key of keys) app.app.deliveries.poke(key);
      await eventually(() => app.reads('/me/media') > 0 && app.reads('/me/stories') > 0, 'a first read of both');
      admin.injectFault({ path: '/media$', kind: 'error', code: 80002, regainMinutes: 1, times: 1 });
      admin.postMedia('igcord.studio', { type: 'image', caption: 'Posted before the block' });
      for (const key of keys) app.app.deliveries.poke(key);
      const blocked = await eventually(() => admin.requests().find((r) => r.errorCode === 80002), 'the injected 80002');
      admin.postMedia('igcord.studio', { type: 'image', caption: 'Posted during the block' });
      admin.postMedia('igcord.studio', { type: 'story', caption: 'A story during the block' });
      // Hints during the block (as a webhook or a due poll brings) must reach nothing of the bucket before its regain
      // time. They also ask for a read of both sources after it: the stories read may have gone out and been
      // answered before the posts' read met the 80002, and its next poll is an hour away.
      for (const key of keys) app.app.deliveries.poke(key);

      const last = 'A story during the block';
      for (const channelId of channels) {
        for (const caption of ['Posted before the block', 'Posted during the block', last])
          await app.discord.waitForMessage(channelId, withCaption(caption), 3 * WAIT_MS);
      }
      // Nothing reached Instagram on that bucket between the 80002 and its regain time, one minute later.
      const after = admin.requests().filter((r) => r.accountId === accountId && r.seq > blocked.seq);
      expect(after.length).toBeGreaterThan(0);
      for (const r of after) expect(r.time).toBeGreaterThanOrEqual(blocked.time + 60_000 - 1_000);
      expect(after.filter((r) => r.errorCode !== undefined)).toEqual([]);
      // The block lost nothing and repeated nothing.
      for (const channelId of channels)
        for (const caption of ['Posted before the block', 'Posted during the block', last])
          expect(app.discord.messages(channelId).filter(withCaption(caption))).toHaveLength(1);
    },
  );
});
