// No loss and no duplicates across a crash on the Graph provider (the twin of feeds-restart.test.ts): igcord runs as
// a child process in live mode against a Graph emulator and a Discord fake that this test owns (so they outlive
// it), polling the linked account's own posts — feed posts and reels — (Graph sends no webhook for new media). It is
// killed with SIGKILL in the middle of a delivery — the first new post out, the next held by a slow Discord — and
// started again, twice (test/support/graph-restart-igcord.ts). Every post must appear exactly once, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { RESTART_TEST_MS, startGraphRestartIgcord, type GraphRestartIgcord } from '../support/graph-restart-igcord.js';

describe('feed delivery on Graph across a SIGKILL', () => {
  let igcord: GraphRestartIgcord;

  beforeAll(async () => {
    igcord = await startGraphRestartIgcord({ channels: ['posts'] });
    // The feed as `/feed add-account` leaves it: the owner linked, the feed stored, the cursor at the newest post.
    await igcord.setUp(async ({ storage, studioId, addFeed }) => {
      await addFeed('posts', { kind: 'account', instagramUserId: studioId });
      const token = igcord.graph.admin.mintToken({ account: 'igcord.studio' }).access_token;
      const newest = (await (
        await fetch(
          `${igcord.graph.hosts.instagramGraph}/v25.0/me/media?fields=id,timestamp&limit=1&access_token=${token}`,
        )
      ).json()) as { data: Array<{ id: string; timestamp: string }> };
      const top = newest.data[0]!;
      await storage.deliveries.advanceCursor(`account:${studioId}`, {
        mediaId: top.id,
        createdTime: Math.floor(Date.parse(top.timestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) / 1000),
      });
    });
  });

  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  // Every other post is a reel: own posts are feed posts and reels alike (`/media`).
  const post = (caption: string, i: number) =>
    igcord.graph.admin.postMedia('igcord.studio', { type: i % 2 === 0 ? 'image' : 'reel', caption });

  it(
    'delivers every post and reel exactly once after being killed in the middle of a delivery, twice',
    { timeout: RESTART_TEST_MS },
    async () => {
      await igcord.start();
      const rounds = [
        ['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => `killed run ${k}`),
        ['m1', 'm2', 'm3'].map((k) => `mid-delivery ${k}`),
      ];
      for (const captions of rounds)
        await igcord.killMidDelivery({
          slow: { posts: captions.length },
          make: () => captions.forEach(post),
          first: ['posts', withCaption(captions[0]!)],
          expected: captions.map((caption) => ['posts', withCaption(caption)]),
        });
      await igcord.stop();

      const messages = igcord.discord.messages(igcord.channels.posts!);
      expect(messages.map((m) => m.embeds[0]?.description)).toEqual(rounds.flat());
      // The reels went out as reels, not as pictures.
      expect(messages.find(withCaption('killed run k2'))!.embeds[0]!.title).toBe('Reel by @igcord.studio');
      expect(igcord.output()).not.toContain(igcord.env.TOKEN_ENCRYPTION_KEY!);
    },
  );
});
