// Digest mode end to end (docs/decisions/0031): igcord in live mode against the Instagram emulator and a Discord
// fake this test owns, the delivery engine on a clock the test moves to the end of a period. A digest feed set
// with /feed edit gathers a period's posts durably and posts them in one message at the period's end; a restart
// in the middle of the period, and a crash between Discord accepting the digest and igcord recording it, still
// deliver every post once; a long digest is split into messages within Discord's limits, no entry cut; a daily
// digest is due at its time of day in the server's time zone; /feed why shows a post waiting for its digest and
// then delivered with the digest message's link.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestDueAfter } from '../../src/core/index.js';
import type { Feed } from '../../src/storage/index.js';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { replyIdOf } from '../support/reply-id.js';
import { startDigestWorld, type DigestWorld } from '../support/digest-igcord.js';

const TUNING = { minPollMs: 200, startSpreadMs: 200, retryBaseMs: 200, retryMaxMs: 1000, digestTickMs: 50 };
const DESCRIPTION_MAX = 4096;
const EMBED_TOTAL_MAX = 6000;

describe('feed digests', () => {
  let world: DigestWorld;

  beforeAll(async () => {
    world = await startDigestWorld(TUNING);
    await world.start();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  /** A feed of the owner's posts in a new channel, as /feed add leaves it; removed at the end of its test. */
  async function addFeed(name: string): Promise<{ feed: Feed; channelId: string }> {
    const channelId = world.discord.createChannel(world.guildId, { name });
    const app = world.app();
    const feed = await app.storage.feeds.add({
      guildId: world.guildId,
      channelId,
      source: { kind: 'account', instagramUserId: world.instagramUserId },
      ownerDiscordUserId: world.ownerId,
      ownerInstagramUserId: world.instagramUserId,
      createdBy: world.ownerId,
      delivery: { mode: 'message' },
    });
    await app.deliveries.initSource(feed);
    return { feed, channelId };
  }

  async function removeFeed(feed: Feed): Promise<void> {
    await world.app().storage.feeds.remove(feed.id);
    await world.app().storage.digests.forget(feed.id);
  }

  const editFeed = (options: Record<string, string>) => feedCommand('edit', options);

  async function feedCommand(
    subcommand: string,
    options: Record<string, string>,
  ): Promise<{ content: string; replyId: string | undefined }> {
    const handle = world.discord.sendCommand({
      guildId: world.guildId,
      channelId: world.generalId,
      userId: world.ownerId,
      name: 'feed',
      subcommand,
      options,
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { content: reply.content, replyId: replyIdOf({ logs: world.logs }, handle.id) };
  }

  /** Posts media on Instagram and waits until the feed has gathered all of them for its digest. */
  async function postAndGather(feed: Feed, captions: readonly string[]): Promise<string[]> {
    const ids = captions.map((caption) => {
      const answer = world.emulator.admin.postMedia(world.instagramUserId, { caption }) as {
        data?: { id: string };
        id?: string;
      };
      return answer.data?.id ?? answer.id!;
    });
    await eventually(async () => {
      const { entries } = await world.app().storage.digests.read(feed.id);
      return ids.every((id) => entries.some((e) => e.post.id === id));
    }, 'the posts to be gathered for the digest');
    return ids;
  }

  const digests = (channelId: string) =>
    world.discord.messages(channelId).filter((m) => m.embeds[0]?.title?.startsWith('Instagram digest'));

  async function deliveredIn(feed: Feed, ids: readonly string[]): Promise<(string | undefined)[]> {
    return Promise.all(
      ids.map(async (id) => (await world.app().storage.deliveries.findDelivery(feed.id, id))?.messageId),
    );
  }

  it(
    "gathers a period's posts and posts them in one message when the period ends, each recorded with it; /feed why shows it waiting, then delivered",
    { timeout: 180_000 },
    async () => {
      const { feed, channelId } = await addFeed('hourly');
      const edited = await editFeed({ feed: feed.id, digest: 'hourly' });
      expect(edited.content).toContain('an hourly digest (UTC)');
      const listed = await world.discord
        .sendCommand({
          guildId: world.guildId,
          channelId: world.generalId,
          userId: world.ownerId,
          name: 'feed',
          subcommand: 'list',
        })
        .waitForReply(undefined, WAIT_MS);
      expect(JSON.stringify(listed.embeds)).toContain("Posts an hourly digest (the server's time zone)");
      const captions = ['first of the hour\nsecond line', 'second of the hour', 'third of the hour'];
      const ids = await postAndGather(feed, captions);
      const { entries } = await world.app().storage.digests.read(feed.id);
      const dueAt = entries[0]!.dueAt;
      expect(entries.every((e) => e.dueAt === dueAt)).toBe(true);
      // The end of the hour the posts arrived in, on the engine's clock (which has not moved yet).
      expect(dueAt).toBe(digestDueAfter({ every: 'hourly' }, world.now(), 'UTC'));
      // Nothing is posted before the period ends; /feed why says which digest each post waits for.
      expect(world.discord.messages(channelId)).toEqual([]);
      const waiting = await feedCommand('why', { post: ids[1]! });
      expect(waiting.content).toContain(
        `Feed \`${feed.id}\` in <#${channelId}>: waiting for its digest: in the digest due at <t:${dueAt / 1000}:f>`,
      );

      world.advanceTo(dueAt);
      const message = await world.discord.waitForMessage(
        channelId,
        (m) => m.embeds[0]?.title?.startsWith('Instagram digest') === true,
        WAIT_MS,
      );
      const embed = message.embeds[0]!;
      expect(embed.title).toBe('Instagram digest (3)');
      expect(embed.timestamp).toBe(new Date(dueAt).toISOString());
      const lines = embed.description!.split('\n');
      expect(lines).toHaveLength(3);
      // Author linked to the post, then the caption's first line only.
      expect(lines[0]).toMatch(/^• \[@.+\]\(https:\/\/.+\): first of the hour$/);
      expect(lines[1]).toContain('second of the hour');
      expect(lines[2]).toContain('third of the hour');
      await eventually(async () => (await deliveredIn(feed, ids)).every((m) => m === message.id), 'the records');
      await eventually(async () => (await world.app().storage.digests.read(feed.id)).entries.length === 0, 'empty');
      expect(digests(channelId)).toHaveLength(1);
      const delivered = await feedCommand('why', { post: ids[1]! });
      expect(delivered.content).toContain(`Feed \`${feed.id}\` in <#${channelId}>: delivered <t:`);
      expect(delivered.content).toContain(`https://discord.com/channels/${world.guildId}/${channelId}/${message.id}`);
      await removeFeed(feed);
    },
  );

  it(
    'delivers every post once across a restart in the middle of the period and a crash after Discord accepted the digest',
    { timeout: 240_000 },
    async () => {
      const { feed, channelId } = await addFeed('restart');
      await editFeed({ feed: feed.id, digest: 'daily', 'digest-time': '06:15' });
      const before = await postAndGather(feed, ['before the restart 1', 'before the restart 2']);
      // A restart in the middle of the period: what igcord held in memory is gone.
      await world.stop();
      await world.start();
      const after = await postAndGather(feed, ['after the restart']);
      const { entries } = await world.app().storage.digests.read(feed.id);
      expect(entries.map((e) => e.post.id)).toEqual([...before, ...after]);
      const dueAt = entries[0]!.dueAt;
      expect(entries.every((e) => e.dueAt === dueAt)).toBe(true);

      // The digest reaches Discord, which holds its answer; igcord stops meanwhile, so it never records it.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const fault = world.discord.injectFault({
        method: 'POST',
        path: `/channels/${channelId}/messages`,
        until: held,
      });
      world.advanceTo(dueAt);
      await eventually(() => fault.hits() > 0, 'the digest to reach Discord');
      const stopping = world.stop();
      release();
      await stopping;
      const first = await world.discord.waitForMessage(channelId, (m) => m.embeds.length > 0, WAIT_MS);

      // At start the digest is due: it is posted again with the same nonce, and Discord answers with the first.
      await world.start();
      await eventually(async () => (await world.app().storage.digests.read(feed.id)).entries.length === 0, 'sent');
      expect(digests(channelId).map((m) => m.id)).toEqual([first.id]);
      expect(first.embeds[0]!.title).toBe('Instagram digest (3)');
      expect(await deliveredIn(feed, [...before, ...after])).toEqual([first.id, first.id, first.id]);
      await removeFeed(feed);
    },
  );

  it(
    'splits a long digest into messages within Discord limits, never cutting a post entry, each post listed once',
    { timeout: 240_000 },
    async () => {
      const { feed, channelId } = await addFeed('long');
      await editFeed({ feed: feed.id, digest: 'hourly' });
      // Long first lines full of markdown (escaped, so longer still) and 4-byte characters.
      const captions = Array.from(
        { length: 30 },
        (_, i) => `post ${String(i).padStart(2, '0')} ` + '*_~`|>#😀'.repeat(30) + '\nrest of the caption',
      );
      // In batches: the sandbox serves only a user's 20 most recent media (reference, sandbox mode).
      const ids = [
        ...(await postAndGather(feed, captions.slice(0, 15))),
        ...(await postAndGather(feed, captions.slice(15))),
      ];
      const { entries } = await world.app().storage.digests.read(feed.id);
      world.advanceTo(Math.max(...entries.map((e) => e.dueAt)));
      await eventually(async () => (await world.app().storage.digests.read(feed.id)).entries.length === 0, 'sent');
      const messages: APIMessage[] = digests(channelId);
      expect(messages.length).toBeGreaterThan(1);
      const listed: string[] = [];
      messages.forEach((m, i) => {
        const embed = m.embeds[0]!;
        expect(embed.title).toBe(`Instagram digest (30) · part ${i + 1} of ${messages.length}`);
        expect(embed.description!.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
        expect(embed.title!.length + embed.description!.length).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
        for (const line of embed.description!.split('\n')) {
          // Whole entries only: each starts as an entry and ends with the cut first line's ellipsis or its end.
          expect(line.startsWith('• [@')).toBe(true);
          listed.push(/post (\d\d)/.exec(line)![1]!);
        }
      });
      expect(listed).toEqual(captions.map((_, i) => String(i).padStart(2, '0')));
      const records = await deliveredIn(feed, ids);
      expect(records.every((r) => r !== undefined && messages.some((m) => m.id === r))).toBe(true);
      await removeFeed(feed);
    },
  );

  it(
    "posts a daily digest at its time of day in the server's time zone, and refuses a time that is not one",
    { timeout: 180_000 },
    async () => {
      const { feed, channelId } = await addFeed('daily');
      const refused = await editFeed({ feed: feed.id, digest: 'daily', 'digest-time': '25:00' });
      expect(refused.replyId).toBe('feeds.digest-time');
      expect((await world.app().storage.feeds.get(feed.id))?.digest).toBeUndefined();
      // The server keeps time in New York (the setting /feed settings writes, shared with templates).
      await feedCommand('settings', { timezone: 'America/New_York', 'time-format': 'medium' });
      const edited = await editFeed({ feed: feed.id, digest: 'daily', 'digest-time': '21:30' });
      expect(edited.content).toContain('a daily digest at 21:30 (America/New_York)');
      await postAndGather(feed, ['for the daily digest']);
      const { entries } = await world.app().storage.digests.read(feed.id);
      const dueAt = entries[0]!.dueAt;
      const due = new Date(dueAt);
      const newYork = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'America/New_York',
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(due);
      expect(newYork).toBe('21:30:00');
      // Not 21:30 UTC: New York is 4 or 5 hours behind.
      expect(due.getUTCHours()).not.toBe(21);
      // The next 21:30 in New York on the engine's clock: within the coming day.
      expect(dueAt).toBeGreaterThan(world.now());
      expect(dueAt - world.now()).toBeLessThanOrEqual(24 * 3_600_000);
      world.advanceTo(dueAt);
      const message = await world.discord.waitForMessage(channelId, (m) => m.embeds.length > 0, WAIT_MS);
      expect(message.embeds[0]!.timestamp).toBe(due.toISOString());
      await removeFeed(feed);
    },
  );
});
