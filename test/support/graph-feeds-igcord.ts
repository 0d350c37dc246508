// The end-to-end harness of the feed tests on the Graph provider: the whole of igcord in sandbox mode with
// INSTAGRAM_PROVIDER=graph (the Graph emulator, the Discord fake, the real discord.js client, SQLite storage in a
// temp directory), the delivery engine tuned by the test, an owner linked with a token minted on the Graph
// emulator, and feeds added the way `/feed add-account` leaves them (stored, then the source's start set).
// Closing it checks every log line against every token the Graph emulator issued.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startIgcord, type Igcord, type StartOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DeliveryTuning } from '../../src/feeds/index.js';
import { createLogger } from '../../src/log.js';
import type { Feed, FeedSource } from '../../src/storage/index.js';
import type { GraphEmulator } from '../../sandbox/instagram-graph/index.js';
import { assertNoSecretLogged } from './secret-scan.js';

export interface GraphFeedsIgcord {
  app: Igcord;
  graph: GraphEmulator;
  discord: NonNullable<Igcord['sandbox']>['discord'];
  guild: NonNullable<Igcord['sandbox']>['guild'];
  personId: string;
  dataDir: string;
  logs(): string;
  /** Links `discordUserId` to the Graph account `username` in storage with a minted long-lived token. */
  link(discordUserId: string, username: string): Promise<{ instagramUserId: string }>;
  /** A feed as `/feed add-…` leaves it; another account's feed carries its payer's consent (`/feed add-account`). */
  addFeed(input: {
    channelId: string;
    ownerDiscordUserId: string;
    source: FeedSource;
    consent?: Feed['consent'];
  }): Promise<Feed>;
  /** GET requests the Graph emulator answered whose path ends with `suffix`. */
  reads(suffix: string): number;
  close(): Promise<void>;
}

export interface GraphFeedsOptions {
  /** The Graph login igcord runs with (Instagram Login by default); Facebook Login links with a Page token. */
  login?: 'instagram' | 'facebook' | undefined;
  /** An existing data directory: a restart of an earlier igcord on the same storage. */
  dataDir?: string | undefined;
  /** igcord's clock for feeds (a test moves it past 24 h). */
  now?: (() => number) | undefined;
  /** Wraps igcord's storage backend (a test counts the calls a run makes). */
  wrapStorageBackend?: StartOptions['wrapStorageBackend'];
}

export async function startGraphFeedsIgcord(
  tuning: Partial<DeliveryTuning> = {},
  options: GraphFeedsOptions = {},
): Promise<GraphFeedsIgcord> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'igcord-graph-feeds-'));
  const login = options.login ?? 'instagram';
  const config = loadConfig({
    DATA_DIR: dataDir,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'debug',
    INSTAGRAM_PROVIDER: 'graph',
    ...(login === 'facebook' ? { INSTAGRAM_GRAPH_LOGIN: 'facebook' } : {}),
  });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const app = await startIgcord(config, createLogger({ level: config.logLevel, destination }), {
    discordClientOptions: { rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 }, waitGuildTimeout: 200 },
    feeds: { startSpreadMs: 60_000, retryBaseMs: 200, retryMaxMs: 1000, ...tuning },
    feedsNow: options.now,
    wrapStorageBackend: options.wrapStorageBackend,
  });
  const sandbox = app.sandbox;
  const graph = sandbox?.graph;
  if (!sandbox || !graph) throw new Error('the Graph feeds harness runs igcord in sandbox mode on the Graph emulator');
  let closed: Promise<void> | undefined;
  return {
    app,
    graph,
    discord: sandbox.discord,
    guild: sandbox.guild,
    personId: sandbox.personId,
    dataDir,
    logs: () => lines.join(''),
    async link(discordUserId, username) {
      const account = graph.admin.accounts().find((a) => a.username === username);
      if (!account) throw new Error(`no Graph account ${username}`);
      const minted =
        login === 'facebook'
          ? graph.admin.mintToken({ account: username, login: 'facebook', kind: 'page' })
          : graph.admin.mintToken({ account: username });
      await app.storage.accounts.link({
        discordUserId,
        instagramUserId: account.id,
        username,
        scopes: ['instagram_business_basic'],
        accessToken: minted.access_token,
      });
      return { instagramUserId: account.id };
    },
    async addFeed(input) {
      const owner = await app.storage.accounts.get(input.ownerDiscordUserId);
      if (!owner) throw new Error('link the owner first');
      const feed = await app.storage.feeds.add({
        guildId: sandbox.guild.guildId,
        channelId: input.channelId,
        source: input.source,
        ownerDiscordUserId: input.ownerDiscordUserId,
        ownerInstagramUserId: owner.instagramUserId,
        createdBy: input.ownerDiscordUserId,
        delivery: { mode: 'message' },
        ...(input.consent !== undefined ? { consent: input.consent } : {}),
      });
      await app.deliveries.initSource(feed);
      return feed;
    },
    reads: (suffix) => graph.admin.requests().filter((r) => r.method === 'GET' && r.path.endsWith(suffix)).length,
    close() {
      closed ??= (async () => {
        try {
          await app.close();
        } finally {
          assertNoSecretLogged(
            lines.join(''),
            graph.issuedTokens().map((value, i) => ({ name: `Graph token ${i}`, value })),
            "igcord's log",
          );
        }
      })();
      return closed;
    },
  };
}
