// No loss and no duplicates across a crash for the comments feed on the Graph provider (the twin of
// graph-feeds-restart.test.ts): igcord runs as a child process in live mode against a Graph emulator and a Discord
// fake that this test owns (so they outlive it), polling the comments on the linked account's posts (no webhook is
// subscribed here: polling alone must deliver). It is killed with SIGKILL in the middle of a delivery — the first
// new comment out, the next held by a slow Discord — and started again, twice (test/support/graph-restart-igcord.ts).
// Every comment must appear exactly once, in order, each with its moderation buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { RESTART_TEST_MS, startGraphRestartIgcord, type GraphRestartIgcord } from '../support/graph-restart-igcord.js';

describe('the comments feed on Graph across a SIGKILL', () => {
  let igcord: GraphRestartIgcord;
  let mediaId: string;

  beforeAll(async () => {
    igcord = await startGraphRestartIgcord({ channels: ['posts'] });
    await igcord.setUp(async ({ storage, studioId, addFeed }) => {
      await addFeed('posts', { kind: 'comments', instagramUserId: studioId });
      // The feed starts now, as `/feed add-comments` leaves it: the seeded comments are older, the new ones newer.
      mediaId = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Comment here' }).id;
      await storage.deliveries.advanceCursor(`comments:${studioId}`, {
        mediaId: '0',
        createdTime: Math.floor(igcord.graph.admin.now() / 1000),
      });
    });
  });

  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);
  const comment = (text: string) => igcord.graph.admin.postComment({ mediaId, from: 'visitor.one', text });

  it(
    'delivers every comment exactly once after being killed in the middle of a delivery, twice',
    { timeout: RESTART_TEST_MS },
    async () => {
      await igcord.start();
      const rounds = [
        ['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => `killed run ${k}`),
        ['m1', 'm2', 'm3'].map((k) => `mid-delivery ${k}`),
      ];
      for (const texts of rounds)
        await igcord.killMidDelivery({
          slow: { posts: texts.length },
          make: () => texts.forEach((text) => comment(text)),
          first: ['posts', withCaption(texts[0]!)],
          expected: texts.map((text) => ['posts', withCaption(text)]),
        });
      await igcord.stop();

      const messages = igcord.discord.messages(igcord.channels.posts!);
      expect(messages.map((m) => m.embeds[0]?.description)).toEqual(rounds.flat());
      for (const m of messages) expect(JSON.stringify(m.components ?? [])).toMatch(/"custom_id":"cmod:hide:\d+:\d+"/);
      expect(igcord.output()).not.toContain(igcord.env.TOKEN_ENCRYPTION_KEY!);
    },
  );
});
