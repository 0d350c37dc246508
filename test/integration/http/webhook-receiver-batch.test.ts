// A full notification batch against real storage. The largest signed array of updates that fits in the 64 KiB
// body limit, each update for its own source, goes over a real socket to the real webhook route whose sink is
// igcord's own (the delivery engine's noteNews) on SQLite, Redis and PostgreSQL. It must be acknowledged 200
// within the record timeout with every source marked dirty. And a sink held up by slow storage past the timeout
// must stop when the 503 goes out and write nothing more: Instagram is told to send the batch again.
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookReceiver, type NotificationSink } from '../../../src/http/webhook-receiver.js';
import { startHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createDeliveryEngine, dirtySourceSink, type FeedDeliveryEngine } from '../../../src/feeds/index.js';
import { createDiscordPayerStanding } from '../../../src/discord/feed-posting/payer-standing.js';
import { createDiscordFeedPoster } from '../../../src/discord/feed-posting/discord-feed-poster.js';
import { createV1FeedReader } from '../../../src/providers/v1/feed-reader.js';
import { createInstagramClient } from '../../../src/providers/v1/client.js';
import { createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { silentLogger } from '../../../src/log.js';
import type { Storage } from '../../../src/storage/index.js';
import { fullNotificationBatch } from '../../support/full-batch.js';
import { BACKENDS, createPlace, type TestPlace } from '../storage/backends.js';
import { WatchedBackend } from '../storage/watched-backend.js';
import { CLIENT_SECRET, VERIFY_TOKEN, post, signedHeaders } from './webhook-harness.js';

describe.each(BACKENDS)('a full notification batch on %s storage', (backend) => {
  let place: TestPlace;
  let watched: WatchedBackend;
  let storage: Storage;
  let limiter: Limiter;
  let engine: FeedDeliveryEngine;
  let server: HttpServer | undefined;

  beforeEach(async () => {
    place = await createPlace(backend);
    watched = new WatchedBackend();
    storage = await place.open({ wrapBackend: watched.wrap });
    limiter = createLimiter({
      windowMs: 60_000,
      global: 500,
      write: 30,
      deadlines: { interactive: 1000, delivery: 1000, background: 1000 },
    });
    // Only the sink is under test: the runs the marks ask for are put off past the end of the test, so nothing
    // reads Instagram (the client points at a closed port) or posts to Discord.
    engine = createDeliveryEngine({
      storage,
      reader: createV1FeedReader(
        createInstagramClient({
          apiUrl: 'http://127.0.0.1:9',
          clientId: 'c',
          clientSecret: CLIENT_SECRET,
          redirectUri: 'http://127.0.0.1:9/cb',
          timeoutMs: 1000,
          signedRequests: false,
        }),
      ),
      limiter,
      poster: createDiscordFeedPoster({ rest: new REST(), log: silentLogger() }),
      payers: createDiscordPayerStanding(new REST()),
      windowMs: 60_000,
      log: silentLogger(),
      tuning: { debounceMs: 600_000 },
    });
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    watched.releaseReads();
    await engine.close();
    await limiter.close();
    await storage.close();
    await place.cleanup();
  });

  async function listen(sink: NotificationSink, recordTimeoutMs?: number): Promise<string> {
    const receiver = createWebhookReceiver({
      clientSecret: CLIENT_SECRET,
      verifyToken: VERIFY_TOKEN,
      sink,
      recordTimeoutMs,
    });
    server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      log: silentLogger(),
      routes: receiver.routes,
      closeTimeoutMs: 2000,
    });
    return `${server.url}/webhooks/instagram`;
  }

  it('acknowledges the largest signed batch that fits in 64 KiB, one source per update, with 200 within the default record timeout, every source marked dirty in one write', async () => {
    const batch = fullNotificationBatch();
    const endpoint = await listen(dirtySourceSink(engine));
    const writes = watched.writes;
    const answer = await post(endpoint, batch.body, signedHeaders(batch.body));
    expect(answer.status).toBe(200);
    expect(watched.writes - writes).toBe(1);
    const dirty = (await storage.deliveries.listDirty()).map((d) => d.sourceKey);
    expect(new Set(dirty)).toEqual(new Set(batch.sourceKeys));
  });

  it('stops a sink held up by its storage once the record timeout answers 503, and it writes nothing after the answer', async () => {
    const batch = fullNotificationBatch();
    const sink = dirtySourceSink(engine);
    const records: Promise<void>[] = [];
    // The real sink, with its promise kept so the test can wait for it to settle after the answer.
    const endpoint = await listen(
      {
        record(updates, signal) {
          const recording = sink.record(updates, signal);
          records.push(recording);
          return recording;
        },
      },
      200,
    );
    watched.holdReads();
    const answer = await post(endpoint, batch.body, signedHeaders(batch.body));
    expect(answer.status).toBe(503);
    expect(watched.heldReads).toBeGreaterThan(0);
    const writesAtAnswer = watched.writes;

    watched.releaseReads();
    expect(records).toHaveLength(1);
    await Promise.allSettled(records);
    expect(watched.writes - writesAtAnswer).toBe(0);
  });
});
