// Two workers on one source (docs/decisions/0021): igcord's engine starts a run that gets stuck in the middle of
// posting (the Discord fake holds its POST, as a paused process would leave it), a second delivery engine on the
// same storage then runs the same source — as a queue hands the job of a stalled worker to another — and the
// first one is released. The second run takes the source's fence and delivers; the first, on waking, posts and
// writes nothing more; every post is in the channel exactly once. The same with a feed that posts through a
// channel webhook, which Discord does not de-duplicate by nonce: the second run finds the first one's posting
// intent, waits for it to settle and finds the post in the channel instead of posting it again.
import { Writable } from 'node:stream';
import { REST } from '@discordjs/rest';
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordFeedPoster } from '../../src/discord/feed-posting/discord-feed-poster.js';
import { createDiscordPayerStanding } from '../../src/discord/feed-posting/payer-standing.js';
import { createDeliveryEngine, type FeedDeliveryEngine } from '../../src/feeds/index.js';
import { createLogger } from '../../src/log.js';
import { createV1FeedReader } from '../../src/providers/v1/feed-reader.js';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

/** How long the second engine leaves an earlier run's webhook intent alone (its execution may still land). */
const SETTLE_MS = 3_000;

interface SecondWorker {
  engine: FeedDeliveryEngine;
  logs(): string;
  close(): Promise<void>;
}

/** A second delivery engine on igcord's storage, with its own Discord REST client, as another worker would be. */
function secondWorker(igcord: FeedsIgcord): SecondWorker {
  const { app } = igcord;
  const lines: string[] = [];
  const log = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    }),
  });
  const rest = new REST({ api: app.config.discord.apiUrl!, timeout: 120_000, globalRequestsPerSecond: 1e6 });
  rest.setToken(app.config.discord.token!);
  const engine = createDeliveryEngine({
    storage: app.storage,
    reader: createV1FeedReader(app.instagram),
    limiter: app.limiter,
    poster: createDiscordFeedPoster({ rest, log }),
    payers: createDiscordPayerStanding(rest),
    windowMs: app.config.limits.windowMs,
    log,
    tuning: { minPollMs: 60_000, startSpreadMs: 60_000, retryBaseMs: 200, retryMaxMs: 500, intentSettleMs: SETTLE_MS },
  });
  return {
    engine,
    logs: () => lines.join(''),
    close: async () => {
      await engine.close();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

/** A promise the test settles when it chooses. */
function gate(): { until: Promise<void>; release(): void } {
  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  return { until, release };
}

describe('two workers on one source behind its fence', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      { intentSettleMs: SETTLE_MS },
      {},
      {
        // The held POST must stay one request: no client timeout (and retry) while the fake holds it.
        rest: { timeout: 120_000, retries: 0, globalRequestsPerSecond: 1e6 },
      },
    );
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** Posts two media on the user's account; the emulator notifies igcord of each. */
  function postTwo(instagramUserId: string, label: string): [string, string] {
    const ids = ['first', 'second'].map((n) => {
      const posted = igcord.emulator.admin.postMedia(instagramUserId, { caption: `${label} ${n}` }) as {
        id?: string;
        data?: { id: string };
      };
      return posted.data?.id ?? posted.id!;
    });
    return [ids[0]!, ids[1]!];
  }

  const count = (channelId: string, text: string) =>
    igcord.discord
      .messages(channelId)
      .filter((m: APIMessage) => m.embeds.some((e) => e.description?.includes(text)) || m.content.includes(text))
      .length;

  it('the stalled run posts nothing more when it wakes; each media is in a bot feed exactly once', async () => {
    const user = igcord.emulator.admin.users()[1]!;
    const ownerId = igcord.discord.createUser({ username: 'fence-bot-owner' }).id;
    const { instagramUserId } = await igcord.link(ownerId, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'fenced-bot' });
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: ownerId,
      source: { kind: 'account', instagramUserId },
    });
    const path = `/channels/${channelId}/messages`;
    const held = gate();
    const fault = igcord.discord.injectFault({ method: 'POST', path, until: held.until });

    postTwo(instagramUserId, 'fenced bot post');
    await eventually(() => fault.hits() === 1, "igcord's first post held by Discord");

    const second = secondWorker(igcord);
    try {
      await second.engine.start();
      await eventually(
        () => count(channelId, 'fenced bot post first') === 1 && count(channelId, 'fenced bot post second') === 1,
        'the second worker delivering both media',
      );
      held.release();
      await eventually(() => igcord.app.deliveries.stats().fenced === 1, 'the first run refused by the fence');

      expect(count(channelId, 'fenced bot post first')).toBe(1);
      expect(count(channelId, 'fenced bot post second')).toBe(1);
      expect(igcord.discord.messages(channelId)).toHaveLength(2);
      // The held one, then the second worker's two: the first run sent nothing after it woke.
      expect(igcord.discord.restLog().filter((e) => e.method === 'POST' && e.path === path)).toHaveLength(3);
      // The message is in the channel a moment before the delivery is recorded and counted.
      await eventually(() => second.engine.stats().deliveries === 2, 'the second worker recording both');
      expect(igcord.app.deliveries.stats().deliveries).toBe(0);
      expect(igcord.logs()).toMatch(/a newer run took this source; this run stops/);
    } finally {
      await second.close();
    }
  });

  it('a webhook feed: the second run waits for the stalled intent, finds its post in the channel and posts the rest once', async () => {
    const user = igcord.emulator.admin.users()[2]!;
    const ownerId = igcord.discord.createUser({ username: 'fence-hook-owner' }).id;
    const { instagramUserId } = await igcord.link(ownerId, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'fenced-hook' });
    const webhook = await igcord.createWebhook(channelId);
    await igcord.addFeed({
      channelId,
      ownerDiscordUserId: ownerId,
      source: { kind: 'account', instagramUserId },
      webhook,
    });
    const path = new RegExp(`^/webhooks/${webhook.id}/`);
    const held = gate();
    const fault = igcord.discord.injectFault({ method: 'POST', path, until: held.until });

    postTwo(instagramUserId, 'fenced hook post');
    await eventually(() => fault.hits() === 1, "igcord's first webhook execution held by Discord");

    const second = secondWorker(igcord);
    try {
      await second.engine.start();
      await eventually(
        () => /an earlier run's posting intent/.test(second.logs()),
        "the second worker finding the first run's intent",
      );
      // Released while the intent is still settling: the first run's execution lands now, as a late one would.
      held.release();
      await eventually(
        () => count(channelId, 'fenced hook post first') === 1 && count(channelId, 'fenced hook post second') === 1,
        'both media in the channel',
        WAIT_MS,
      );
      await eventually(() => second.engine.stats().deliveries === 2, 'the second worker recording both');
      await eventually(() => igcord.app.deliveries.stats().fenced === 2, 'the first run refused by the fence');

      expect(count(channelId, 'fenced hook post first')).toBe(1);
      expect(count(channelId, 'fenced hook post second')).toBe(1);
      expect(igcord.discord.messages(channelId)).toHaveLength(2);
      const executions = igcord.discord.restLog().filter((e) => e.method === 'POST' && path.test(e.path));
      expect(executions).toHaveLength(2);
      expect(second.logs()).toMatch(/found an unrecorded earlier webhook post of this media/);
      expect(igcord.app.deliveries.stats().deliveries).toBe(0);
    } finally {
      await second.close();
    }
  });
});
