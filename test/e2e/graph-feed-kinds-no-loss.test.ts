// No item lost, none doubled, for every feed kind on the Graph provider (the twins of feeds-no-loss.test.ts, and of
// graph-feeds-no-loss.test.ts's own posts, for the other kinds): own posts and reels, stories, another account
// (Business Discovery), a hashtag, comments and mentions, each followed by two channels, with Facebook Login (the
// one login that serves every kind). Discord answering 500s and 429s for a while, and the Graph call that reads
// the kind failing for a while, delay each item and never drop or repeat it. Polls are an hour apart, so each
// test asks for one (`poke`); retries after a failure are the engine's own. The Discord fake's messages judge.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceKey, type Feed, type FeedSource } from '../../src/storage/index.js';
import { eventually } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';

const HOUR = 3_600_000;
const TAG = 'outagetwins';

interface Kind {
  name: string;
  source: () => FeedSource;
  /** Another account's feed carries its payer's consent, naming the account. */
  consentTo?: string;
  /** The emulator path (a regular expression) of the call that reads this kind. */
  graphPath: () => string;
  /** Makes the new items on the emulator, each with `text` in it; returns their ids (what the feeds record). */
  make: (text: string) => string[];
}

describe('every Graph feed kind without loss or duplicates through Discord and Graph outages', () => {
  let igcord: GraphFeedsIgcord;
  let studioId: string;
  let harborId: string;
  let commentedId: string;
  const admin = () => igcord.graph.admin;

  const kinds: Kind[] = [
    {
      name: 'own posts and reels',
      source: () => ({ kind: 'account', instagramUserId: studioId }),
      graphPath: () => `/${studioId}/media$`,
      make: (text) => [
        admin().postMedia('igcord.studio', { type: 'image', caption: `${text} (post)` }).id,
        admin().postMedia('igcord.studio', { type: 'reel', caption: `${text} (reel)` }).id,
      ],
    },
    {
      name: 'stories',
      source: () => ({ kind: 'stories', instagramUserId: studioId }),
      graphPath: () => `/${studioId}/stories$`,
      make: (text) => [admin().postMedia('igcord.studio', { type: 'story', caption: text }).id],
    },
    {
      name: 'another account (Business Discovery)',
      source: () => ({ kind: 'account', instagramUserId: harborId }),
      consentTo: 'harbor.cafe',
      // Business Discovery reads the other account as a field of the payer's own node.
      graphPath: () => `/v[0-9.]+/${studioId}$`,
      make: (text) => [admin().postMedia('harbor.cafe', { type: 'image', caption: text }).id],
    },
    {
      name: 'a hashtag',
      source: () => ({ kind: 'tag', name: TAG }),
      graphPath: () => '/recent_media$',
      make: (text) => [admin().postMedia('north.trails', { type: 'image', caption: `${text} #${TAG}` }).id],
    },
    {
      name: 'comments',
      source: () => ({ kind: 'comments', instagramUserId: studioId }),
      // Comments come with the account's newest posts, by field expansion of `/media`.
      graphPath: () => `/${studioId}/media$`,
      make: (text) => [admin().postComment({ mediaId: commentedId, from: 'visitor.one', text }).id],
    },
    {
      name: 'mentions',
      source: () => ({ kind: 'mentions', instagramUserId: studioId }),
      graphPath: () => `/${studioId}/tags$`,
      make: (text) => [
        admin().postMedia('lena.creates', { type: 'image', caption: text, tagged: ['igcord.studio'] }).id,
      ],
    },
  ];
  const feedsOf = new Map<string, { feeds: Feed[]; channels: string[] }>();

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR }, { login: 'facebook' });
    ({ instagramUserId: studioId } = await igcord.link(igcord.personId, 'igcord.studio'));
    harborId = admin()
      .accounts()
      .find((a) => a.username === 'harbor.cafe')!.id;
    // The post the comments are made on, older than every feed.
    commentedId = admin().postMedia('igcord.studio', { type: 'image', caption: 'Comment on this one' }).id;
    for (const [i, kind] of kinds.entries()) {
      const entry = { feeds: [] as Feed[], channels: [] as string[] };
      for (const side of ['a', 'b']) {
        const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: `kind-${i}-${side}` });
        entry.channels.push(channelId);
        entry.feeds.push(
          await igcord.addFeed({
            channelId,
            ownerDiscordUserId: igcord.personId,
            source: kind.source(),
            ...(kind.consentTo !== undefined
              ? { consent: { discordUserId: igcord.personId, at: Date.now(), username: kind.consentTo } }
              : {}),
          }),
        );
      }
      feedsOf.set(kind.name, entry);
    }
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const saying = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));
  const count = (channelId: string, text: string) => igcord.discord.messages(channelId).filter(saying(text)).length;
  const keyOf = (kind: Kind) => sourceKey(kind.source());
  /** Asks for a poll and resolves once it has read Instagram and no run is left. */
  async function poll(kind: Kind): Promise<void> {
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(keyOf(kind));
    await eventually(
      () => igcord.app.deliveries.stats().fetches > before && igcord.app.deliveries.stats().running === 0,
      `a poll of ${kind.name}`,
    );
  }
  const recorded = (feeds: Feed[], ids: string[]) =>
    eventually(
      async () => {
        for (const feed of feeds)
          for (const id of ids) if (!(await igcord.app.storage.deliveries.findDelivery(feed.id, id))) return false;
        return true;
      },
      `${ids.join(', ')} recorded for every feed`,
    );
  /** Every item once in both channels, and still once after a poll that finds nothing new. */
  async function onceEverywhere(kind: Kind, texts: string[]): Promise<void> {
    const { channels } = feedsOf.get(kind.name)!;
    for (const channelId of channels) for (const text of texts) expect(count(channelId, text), text).toBe(1);
    await poll(kind);
    for (const channelId of channels) for (const text of texts) expect(count(channelId, text), text).toBe(1);
  }
  const textsOf = (kind: Kind, text: string) =>
    kind.name === 'own posts and reels' ? [`${text} (post)`, `${text} (reel)`] : [text];

  for (const kind of kinds) {
    it(`delivers ${kind.name} once in each channel after Discord answers 500 and 429 for a while`, async () => {
      const { feeds, channels } = feedsOf.get(kind.name)!;
      const five = igcord.discord.injectFault({
        method: 'POST',
        path: `/channels/${channels[0]}/messages`,
        status: 500,
        times: 5,
      });
      const limited = igcord.discord.injectFault({
        method: 'POST',
        path: `/channels/${channels[1]}/messages`,
        status: 429,
        retryAfterSeconds: 0.2,
        times: 3,
      });
      const text = `${kind.name} through a Discord outage`;
      const ids = kind.make(text);
      igcord.app.deliveries.poke(keyOf(kind));
      await recorded(feeds, ids);
      expect(five.hits()).toBe(5);
      expect(limited.hits()).toBe(3);
      await onceEverywhere(kind, textsOf(kind, text));
    });

    it(`delivers ${kind.name} once in each channel after the Graph call that reads them fails for a while`, async () => {
      const { feeds } = feedsOf.get(kind.name)!;
      const path = kind.graphPath();
      const fault = admin().injectFault({ method: 'GET', path, kind: 'status', status: 500, times: 3 });
      const text = `${kind.name} through a Graph outage`;
      const ids = kind.make(text);
      admin().clearRequests();
      igcord.app.deliveries.poke(keyOf(kind));
      await recorded(feeds, ids);
      admin().removeFault(fault.id);
      const failed = admin()
        .requests()
        .filter((r) => new RegExp(path).test(r.path) && r.status === 500);
      expect(failed.length).toBe(3);
      await onceEverywhere(kind, textsOf(kind, text));
    });
  }
});
