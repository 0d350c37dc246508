// Comments and mentions on the Graph provider when Meta's webhook fails them: igcord in sandbox mode on the Graph
// emulator with Facebook Login (the login whose app sends both `comments` and `mentions`), the Meta app subscribed
// to igcord's callback and the account's Page to the app, two channels following each kind. A webhook the emulator
// loses on its way (its `drop` fault: Meta gave up) still ends with the item posted once, by the next poll; and a
// webhook Meta sends again after the item was posted (it redelivers for up to 36 h when it lost the answer) posts
// nothing twice. Polls are an hour apart, so each is asked for (`poke`); the webhook's hint needs no poke.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryLogEntry } from '../../sandbox/instagram-graph/index.js';
import { sourceKey, type Feed, type FeedSource } from '../../src/storage/index.js';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';

const HOUR = 3_600_000;
const CALLBACK_PATH = '/webhooks/instagram';

interface Kind {
  name: 'comments' | 'mentions';
  /** Makes the item on the emulator (which raises its webhook event) with `text` in it; returns its id. */
  make(text: string): string;
}

describe('comments and mentions on Graph when a webhook is lost or comes again', () => {
  let igcord: GraphFeedsIgcord;
  let studioId: string;
  let commentedId: string;
  const admin = () => igcord.graph.admin;
  const kinds: Kind[] = [
    {
      name: 'comments',
      make: (text) => admin().postComment({ mediaId: commentedId, from: 'visitor.one', text }).id,
    },
    {
      name: 'mentions',
      // A post that tags the account (what a poll of `/tags` lists) and names it (what raises `mentions`).
      make: (text) =>
        admin().postMedia('harbor.cafe', { caption: `${text} @igcord.studio`, tagged: ['igcord.studio'] }).id,
    },
  ];
  const feedsOf = new Map<string, { feeds: Feed[]; channels: string[] }>();
  const sourceOf = (kind: Kind): FeedSource => ({ kind: kind.name, instagramUserId: studioId });

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR }, { login: 'facebook' });
    ({ instagramUserId: studioId } = await igcord.link(igcord.personId, 'igcord.studio'));
    const { hosts } = igcord.graph;
    const app = admin().app();
    const subscribed = await fetch(`${hosts.facebookGraph}/${app.metaAppId}/subscriptions`, {
      method: 'POST',
      body: new URLSearchParams({
        object: 'instagram',
        callback_url: `${igcord.app.http.url}${CALLBACK_PATH}`,
        fields: 'comments,mentions',
        verify_token: igcord.app.config.instagram.webhookVerifyToken!,
        access_token: admin().appToken('facebook'),
      }),
    });
    expect(subscribed.status).toBe(200);
    const studio = admin()
      .accounts()
      .find((a) => a.id === studioId)!;
    const pageToken = admin().mintToken({ account: studioId, login: 'facebook', kind: 'page' }).access_token;
    const page = await fetch(`${hosts.facebookGraph}/${studio.page_id!}/subscribed_apps`, {
      method: 'POST',
      body: new URLSearchParams({ subscribed_fields: 'comments,mentions', access_token: pageToken }),
    });
    expect(page.status).toBe(200);
    // The post the comments are made on, older than every feed.
    commentedId = admin().postMedia('igcord.studio', { type: 'image', caption: 'Comment on this one' }).id;
    for (const kind of kinds) {
      const entry = { feeds: [] as Feed[], channels: [] as string[] };
      for (const side of ['a', 'b']) {
        const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: `${kind.name}-${side}` });
        entry.channels.push(channelId);
        entry.feeds.push(
          await igcord.addFeed({ channelId, ownerDiscordUserId: igcord.personId, source: sourceOf(kind) }),
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
  /** Asks for a poll and resolves once it has read Instagram and no run is left. */
  async function poll(kind: Kind): Promise<void> {
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(sourceKey(sourceOf(kind)));
    await eventually(
      () => igcord.app.deliveries.stats().fetches > before && igcord.app.deliveries.stats().running === 0,
      `a poll of ${kind.name}`,
    );
  }
  /** The emulator's delivery that carries `id`, once `done` holds for it. */
  const deliveryOf = (id: string, done: (d: DeliveryLogEntry) => boolean) =>
    eventually(
      () =>
        admin()
          .deliveries()
          .find((d) => JSON.stringify(d.body).includes(`"${id}"`) && done(d)),
      `the webhook delivery of ${id}`,
    );
  const pendingFor = async (kind: Kind, id: string) =>
    (await igcord.app.storage.webhookEvents.listPending(studioId, kind.name)).filter(
      (e) => (kind.name === 'comments' ? e.commentId : e.mediaId) === id,
    );
  const recorded = (feeds: Feed[], id: string) =>
    eventually(async () => {
      for (const feed of feeds) if (!(await igcord.app.storage.deliveries.findDelivery(feed.id, id))) return false;
      return true;
    }, `${id} recorded for every feed`);

  it('posts a comment on an older post once when its webhook comes late, after a newer comment was posted', async () => {
    const { feeds, channels } = feedsOf.get('comments')!;
    // Older than the posts a poll looks at: only its webhook can bring this comment.
    const oldest = admin().postMedia('igcord.studio', {
      caption: 'An old post',
      timestamp: admin().now() - 400 * HOUR,
    });
    admin().injectFault({ method: 'POST', path: `${CALLBACK_PATH}$`, kind: 'drop', times: 1 });
    const late = admin().postComment({ mediaId: oldest.id, from: 'visitor.two', text: 'late to the old post' }).id;
    admin().flushWebhooks();
    const first = await deliveryOf(late, (d) => d.gaveUp);
    // A minute on, a comment on a recent post: the poll's cursor moves past the late one's time.
    admin().advance(60_000);
    const newer = admin().postComment({ mediaId: commentedId, from: 'visitor.one', text: 'a newer comment' }).id;
    admin().flushWebhooks();
    await recorded(feeds, newer);
    // Meta sends the first delivery again (its retries span 36 h).
    expect(await admin().redeliverWebhook(first.id)).toBe(200);
    await recorded(feeds, late);
    await poll(kinds[0]!);
    for (const channelId of channels) expect(count(channelId, 'late to the old post')).toBe(1);
  });

  for (const kind of kinds) {
    it(`posts ${kind.name} whose webhook is lost on the way once in each channel, from the next poll`, async () => {
      const { feeds, channels } = feedsOf.get(kind.name)!;
      admin().injectFault({ method: 'POST', path: `${CALLBACK_PATH}$`, kind: 'drop', times: 1 });
      const text = `${kind.name} whose webhook was lost`;
      const id = kind.make(text);
      admin().flushWebhooks();
      const lost = await deliveryOf(id, (d) => d.gaveUp);
      expect(lost.attempts).toEqual(['dropped']);
      // igcord never heard of it: nothing recorded, nothing posted.
      expect(await pendingFor(kind, id)).toEqual([]);
      for (const channelId of channels) expect(count(channelId, text)).toBe(0);

      await poll(kind);
      await recorded(feeds, id);
      for (const channelId of channels) expect(count(channelId, text)).toBe(1);
      await poll(kind);
      for (const channelId of channels) expect(count(channelId, text)).toBe(1);
    });

    it(`posts ${kind.name} once though its webhook comes again after it was posted`, async () => {
      const { feeds, channels } = feedsOf.get(kind.name)!;
      const text = `${kind.name} whose webhook came twice`;
      const id = kind.make(text);
      admin().flushWebhooks();
      const delivered = await deliveryOf(id, (d) => d.acknowledged);
      // The webhook's hint alone brings it out: no poll was asked for.
      for (const channelId of channels) await igcord.discord.waitForMessage(channelId, saying(text), WAIT_MS);
      await recorded(feeds, id);
      await eventually(async () => (await pendingFor(kind, id)).length === 0, 'the event acknowledged once posted');

      expect(await admin().redeliverWebhook(delivered.id)).toBe(200);
      expect(await pendingFor(kind, id)).toEqual([]);
      await poll(kind);
      for (const channelId of channels) expect(count(channelId, text)).toBe(1);
    });
  }
});
