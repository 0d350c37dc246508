// No loss and no repeat across a crash for the stories feed and the mentions feed of the linked account on the
// Graph provider (Instagram Login): igcord runs as a child process in live mode against a Graph emulator and a
// Discord fake this test owns, polling both sources (no webhook is subscribed: polling alone must deliver). It is
// killed with SIGKILL in the middle of a delivery, twice, and started again (test/support/graph-restart-igcord.ts).
// Stories and tagged posts stay listed (a story for 24 h), so every restarted poll reads the earlier ones again:
// the seen-sets and the delivery records keep them out. Every item must appear exactly once in its channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { eventually } from '../support/eventually.js';
import {
  MESSAGE_WAIT_MS,
  RESTART_TEST_MS,
  startGraphRestartIgcord,
  type GraphRestartIgcord,
} from '../support/graph-restart-igcord.js';

describe('stories and mentions feeds on Graph across a SIGKILL', () => {
  let igcord: GraphRestartIgcord;

  beforeAll(async () => {
    igcord = await startGraphRestartIgcord({ channels: ['stories', 'mentions'] });
    // The feeds as `/feed add-stories` and `/feed add-mentions` leave them, starting now: the seeded story and the
    // seeded posts tagging the studio are older.
    await igcord.setUp(async ({ storage, studioId, addFeed }) => {
      await addFeed('stories', { kind: 'stories', instagramUserId: studioId });
      await addFeed('mentions', { kind: 'mentions', instagramUserId: studioId });
      const now = { mediaId: '0', createdTime: Math.floor(igcord.graph.admin.now() / 1000) };
      await storage.deliveries.advanceCursor(`stories:${studioId}`, now);
      await storage.deliveries.advanceCursor(`mentions:${studioId}`, now);
    });
  });

  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) => m.embeds.some((e) => e.description === caption);

  it(
    'delivers every story and every mention exactly once after being killed in the middle of a delivery, twice',
    { timeout: RESTART_TEST_MS },
    async () => {
      const { graph, discord, channels } = igcord;
      await igcord.start();
      const rounds = [
        ['k1', 'k2', 'k3', 'k4'],
        ['m1', 'm2', 'm3'],
      ];
      for (const round of rounds)
        await igcord.killMidDelivery({
          slow: { stories: round.length, mentions: round.length },
          make: () => {
            for (const k of round) {
              graph.admin.postMedia('igcord.studio', { type: 'story', caption: `story ${k}` });
              graph.admin.postMedia('lena.creates', { caption: `tagged ${k}`, tagged: ['igcord.studio'] });
            }
          },
          first: ['stories', withCaption(`story ${round[0]!}`)],
          expected: round.flatMap((k): Array<[string, (m: APIMessage) => boolean]> => [
            ['stories', withCaption(`story ${k}`)],
            ['mentions', withCaption(`tagged ${k}`)],
          ]),
        });
      // More polls of both, which still list every item: nothing is posted again.
      const reads = (route: string) => graph.admin.requests().filter((r) => r.route === route).length;
      const stories = reads('GET /{user}/stories');
      const tags = reads('GET /{user}/tags');
      await eventually(
        () => reads('GET /{user}/stories') >= stories + 3 && reads('GET /{user}/tags') >= tags + 3,
        'three more polls of each',
        MESSAGE_WAIT_MS,
      );
      await igcord.stop();

      const all = rounds.flat();
      const posted = (channel: string) => discord.messages(channels[channel]!).map((m) => m.embeds[0]?.description);
      expect(posted('stories')).toEqual(all.map((k) => `story ${k}`));
      expect([...posted('mentions')].sort()).toEqual(all.map((k) => `tagged ${k}`).sort());
      expect(igcord.output()).not.toContain(igcord.env.TOKEN_ENCRYPTION_KEY!);
    },
  );
});
