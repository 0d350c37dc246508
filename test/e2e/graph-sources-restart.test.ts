// No loss and no repeat across a crash for feeds of another account (Business Discovery) and of a hashtag, on the
// Graph provider with Facebook Login: igcord runs as a child process in live mode against a Graph emulator and a
// Discord fake this test owns, polling both sources. It is killed with SIGKILL in the middle of a delivery, twice,
// and started again (test/support/graph-restart-igcord.ts). Every post must appear exactly once in its channel;
// hashtag posts stay listed for 24 h, so every restarted poll reads the earlier ones again (the seen-set and the
// delivery records both keep them out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { eventually } from '../support/eventually.js';
import {
  MESSAGE_WAIT_MS,
  RESTART_TEST_MS,
  startGraphRestartIgcord,
  type GraphRestartIgcord,
} from '../support/graph-restart-igcord.js';

describe('other-account and hashtag feeds on Graph across a SIGKILL', () => {
  let igcord: GraphRestartIgcord;

  beforeAll(async () => {
    igcord = await startGraphRestartIgcord({ login: 'facebook', channels: ['posts', 'tagged'] });
    // The feeds as `/feed add-account account:harbor.cafe` (confirmed) and `/feed add-tag` leave them: the owner
    // linked with a Page token, the feeds stored, the cursors at the sources' newest moment.
    await igcord.setUp(async ({ storage, addFeed }) => {
      const harbor = igcord.graph.admin.accounts().find((a) => a.username === 'harbor.cafe')!;
      await addFeed(
        'posts',
        { kind: 'account', instagramUserId: harbor.id },
        { discordUserId: igcord.ownerId, at: Date.now(), username: 'harbor.cafe' },
      );
      await addFeed('tagged', { kind: 'tag', name: 'tidepool' });
      const nowSeconds = Math.floor(igcord.graph.admin.now() / 1000) - 1;
      await storage.deliveries.advanceCursor(`account:${harbor.id}`, { mediaId: '0', createdTime: nowSeconds });
      await storage.deliveries.advanceCursor('tag:tidepool', {
        mediaId: '0',
        createdTime: 0,
        minTagId: `from:${nowSeconds}`,
      });
    });
  });

  afterAll(async () => {
    await igcord?.close();
  });

  const withCaption = (caption: string) => (m: APIMessage) =>
    m.embeds.some((e) => e.description === caption || e.description === `${caption} #tidepool`);

  it(
    'delivers every post of both feeds exactly once after being killed in the middle of a delivery, twice',
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
          slow: { posts: round.length, tagged: round.length },
          make: () => {
            for (const k of round) {
              graph.admin.postMedia('harbor.cafe', { caption: `harbor ${k}` });
              graph.admin.postMedia('north.trails', { caption: `pool ${k} #tidepool` });
            }
          },
          first: ['posts', withCaption(`harbor ${round[0]!}`)],
          expected: round.flatMap((k): Array<[string, (m: APIMessage) => boolean]> => [
            ['posts', withCaption(`harbor ${k}`)],
            ['tagged', withCaption(`pool ${k}`)],
          ]),
        });
      // More polls of the hashtag, which still lists every post (a run's posts are out before its next read starts):
      // nothing is posted again.
      const recentReads = () => graph.admin.requests().filter((r) => r.route === 'GET /{hashtag}/recent_media').length;
      const reads = recentReads();
      await eventually(() => recentReads() >= reads + 3, 'three more polls of the hashtag', MESSAGE_WAIT_MS);
      await igcord.stop();

      const all = rounds.flat();
      const posted = discord.messages(channels.posts!).map((m) => m.embeds[0]?.description);
      expect(posted).toEqual(all.map((k) => `harbor ${k}`));
      const tagged = discord.messages(channels.tagged!).map((m) => m.embeds[0]?.description);
      expect([...tagged].sort()).toEqual(all.map((k) => `pool ${k} #tidepool`).sort());
      expect(igcord.output()).not.toContain(igcord.env.TOKEN_ENCRYPTION_KEY!);
    },
  );
});
