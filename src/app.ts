// igcord's composition root, for every role (docs/decisions/0020): `all` wires everything below in one process;
// `edge` leaves out delivery and polling, `worker` leaves out the webhook, linking and interactions routes, and
// both use Discord by REST only and the shared job queue. config → (sandbox) → storage and its instance lock
// (shared by edges and workers) → limiter → Instagram client →
// Discord client (not yet logged in) → delivery engine (posts through that client's REST) → bot (commands use the
// engine; logs in) →
// HTTP (webhook, OAuth callback, /healthz, /metrics) → subscription check, each built once and handed to what uses
// it; nothing here is a global. `close()` is the one idempotent shutdown, in the reverse order: stop taking work
// (HTTP), finish or hand back deliveries, drain interactions and disconnect, then the limiter (waiting calls fail,
// running ones finish), then storage.
import type { Config } from './config.js';
import { createInstagramClient, type InstagramClient } from './providers/v1/client.js';
import { createV1Port } from './providers/v1/port.js';
import { graphClient, graphFeedReader, requirePublicKey, v1LegacyRecords } from './app-providers.js';
import { createV1FeedReader } from './providers/v1/feed-reader.js';
import type { GraphClient } from './providers/graph/client.js';
import { createGraphPort } from './providers/graph/port.js';
import type { AccountLinker, InstagramPort } from './core/index.js';
import { createV1Linker } from './providers/v1/linker.js';
import { createGraphLinker } from './providers/graph/linker.js';
import type { TokenRefresher } from './accounts/token-refresher.js';
import { startTokenRefresher } from './app-tokens.js';
import { createReaderLocale } from './discord/reader-locale.js';
import { createLimiter, openRedisBudgetStore, type Limiter } from './limiter/index.js';
import type { Logger } from './log.js';
import { startHttpServer } from './http/server.js';
import { WEBHOOK_PATH } from './http/webhook-receiver.js';
import { createInstagramWebhook } from './http/instagram-webhook.js';
import { createOAuthCallback } from './http/oauth-callback.js';
import { createLinkPage, DISCORD_CALLBACK_PATH } from './http/link-page.js';
import { createDiscordIdentify } from './discord/identify.js';
import { startBot, type Bot } from './bot.js';
import { createDiscordClient, type DiscordClientOptions } from './discord/client.js';
import { createHttpInteractionBridge } from './discord/http-interactions.js';
import { admittedMakeRequest } from './discord/global-rate/index.js';
import { openDiscordSharing } from './discord/discord-sharing.js';
import { withGuildByRest } from './discord/rest-guild-cache.js';
import { createDiscordFeedPoster } from './discord/feed-posting/discord-feed-poster.js';
import { createTranslations } from './i18n/i18n.js';
import { createDiscordPayerStanding } from './discord/feed-posting/payer-standing.js';
import { createInteractionsEndpoint, INTERACTIONS_PATH } from './http/interactions-endpoint.js';
import { createRoleDeliveries, dirtySourceSink, type DeliveryTuning, type FeedDeliveryEngine } from './feeds/index.js';
import type { RunTiming } from './feeds/index.js';
import { checkSubscription } from './providers/v1/check-subscription.js';
import { engineSourceHints } from './feeds/source-hints.js';
import type { Sandbox } from './sandbox.js';
import { freePort } from './util/free-port.js';
import {
  loadOrCreateSandboxKey,
  openStorage,
  type InstanceLockLostError,
  type LegacyRecords,
  type Storage,
  type StorageOptions,
} from './storage/index.js';
import { createIgcordMetrics, type IgcordMetrics } from './ops/igcord-metrics.js';
import { countingGate } from './ops/counting-gate.js';
import { instrumentCommands } from './ops/command-metrics.js';
import { registerCollectors } from './ops/collectors.js';
import { opsRoutes } from './ops/routes.js';

export interface Igcord {
  config: Config;
  storage: Storage;
  limiter: Limiter;
  instagram: InstagramClient;
  /** What commands use: core's port over the configured provider (INSTAGRAM_PROVIDER). */
  instagramPort: InstagramPort;
  bot: Bot;
  /** Feed delivery: notifications and polls → posts in Discord. */
  deliveries: FeedDeliveryEngine;
  /** The renewal of expiring Instagram tokens, when the provider's tokens expire and this process runs it. */
  tokens: TokenRefresher | undefined;
  http: { url: string; port: number; address: string };
  /** Every metric of GET /metrics; tests read values from it directly as well. */
  metrics: IgcordMetrics;
  sandbox: Sandbox | undefined;
  /** Settles if the instance lock is lost while running; the process must then stop (main.ts does). */
  instanceLockLost: Promise<InstanceLockLostError>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** discord.js client options merged over igcord's (tests shorten timeouts). */
  discordClientOptions?: DiscordClientOptions['clientOptions'];
  /** Feed delivery tuning over config.feeds (tests shorten poll and retry intervals). */
  feeds?: Partial<DeliveryTuning> | undefined;
  /** The delivery engine's clock (tests move it a day later, or to the end of a digest's period); Date.now when absent. */
  feedsNow?: (() => number) | undefined;
  /** Told of each feed source run's timings (the delivery benchmark's latency breakdown). */
  onFeedRun?: ((timing: RunTiming) => void) | undefined;
  /** Wraps the storage backend before the stores use it (the delivery benchmark counts and times its calls). */
  wrapStorageBackend?: StorageOptions['wrapBackend'];
  /** The provider's sign-in for linking, given igcord's OAuth redirect URI; v1's over the Instagram client when absent. */
  linker?: ((redirectUri: string) => AccountLinker) | undefined;
}

export async function startIgcord(initial: Config, log: Logger, options: StartOptions = {}): Promise<Igcord> {
  const cleanup: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const step of cleanup.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        log.error({ err: error }, 'shutdown step failed');
      }
    }
  };

  try {
    // The sandbox registers igcord's callback URL with its emulator before igcord listens, so it needs the port now.
    if (initial.mode === 'sandbox' && initial.http.port === 0 && initial.http.publicUrl === undefined) {
      initial = { ...initial, http: { ...initial.http, port: await freePort('127.0.0.1') } };
    }
    // Imported only here, so a live process never loads the emulators (nor their dependencies) at all.
    const sandbox =
      initial.mode === 'sandbox' ? await (await import('./sandbox.js')).startSandbox(initial, log) : undefined;
    if (sandbox) cleanup.push(() => sandbox.close());
    const config = sandbox?.config ?? initial;
    const { clientId, clientSecret, webhookVerifyToken } = config.instagram;
    const publicUrl = config.http.publicUrl;
    const { token: discordToken, applicationId: discordClientId, clientSecret: discordClientSecret } = config.discord;
    if (
      !clientId ||
      !clientSecret ||
      !webhookVerifyToken ||
      !publicUrl ||
      !discordToken ||
      !discordClientId ||
      !discordClientSecret
    ) {
      // loadConfig guarantees these in live mode and the sandbox fills them in; this only guards the wiring.
      throw new Error('Instagram and Discord credentials, webhook verify token and PUBLIC_URL must be configured');
    }

    const encryptionKey =
      config.storage.encryptionKey ?? (sandbox ? await loadOrCreateSandboxKey(config.dataDir) : undefined);
    if (!encryptionKey) throw new Error('TOKEN_ENCRYPTION_KEY must be configured');
    const storage = await openStorage({
      url: config.storage.url,
      dataDir: config.dataDir,
      keys: { current: encryptionKey, previous: config.storage.previousKeys },
      log,
      legacy: v1LegacyRecords,
      wrapBackend: options.wrapStorageBackend,
    });
    cleanup.push(() => storage.close());
    // One igcord per storage and per bot token, settled before igcord connects to Discord or listens on HTTP
    // (docs/decisions/0007). The sandbox's token belongs to its own private fake, so only a live one is locked.
    const instanceLock = await storage.lockInstance({
      botToken: sandbox ? undefined : config.discord.token,
      timing: config.instanceLock,
      // Edge and worker processes share the storage with each other, never with an `all` one (docs/decisions/0020).
      shared: config.role !== 'all',
    });
    cleanup.push(() => instanceLock.release());

    const metrics = createIgcordMetrics((error) =>
      log.warn({ err: error }, 'a metrics collector failed; its metrics are stale'),
    );
    // Shared with the other processes using the same tokens when configured (docs/decisions/0016).
    const budgetStore =
      config.limits.store === 'redis' ? await openRedisBudgetStore({ url: config.limits.redisUrl!, log }) : undefined;
    if (budgetStore) cleanup.push(() => budgetStore.close());
    const limiter = createLimiter({
      windowMs: config.limits.windowMs,
      global: config.limits.global,
      write: config.limits.write,
      deadlines: config.limits.deadlines,
      log,
      store: budgetStore,
    });
    cleanup.push(() => limiter.close());

    const instagram = createInstagramClient({
      apiUrl: config.instagram.apiUrl,
      clientId,
      clientSecret,
      redirectUri: `${publicUrl}/oauth/callback`,
      timeoutMs: config.instagram.timeoutMs,
      signedRequests: config.instagram.signedRequests,
      gate: countingGate(limiter, metrics),
      log,
    });

    // Commands reach Instagram through core's port over the configured provider. Feed delivery, linking and the
    // webhook still speak v1 (the client above); on Graph its calls go nowhere useful until they move to the port.
    const graph =
      config.instagram.provider === 'graph'
        ? graphClient(config, { clientId, clientSecret, publicUrl }, countingGate(limiter, metrics), log)
        : undefined;
    const instagramPort = graph
      ? createGraphPort(graph, Date.now, { hashtagSlots: storage.hashtagSlots, log })
      : createV1Port(instagram);

    // The Discord client first, not logged in (nothing is sent before): the delivery engine posts through its REST
    // client, and the commands the bot runs use the engine, so both exist before the first interaction can arrive.
    // Interactions over HTTP (docs/decisions/0017): the bridge feeds POST /interactions to this client's router and
    // catches each one's first callback from its REST client, to answer it in the HTTP response.
    const httpInteractions = config.discord.interactions === 'http' ? createHttpInteractionBridge() : undefined;
    // Discord's global limit and page sessions are the bot's, shared by its processes in Redis (decisions/0022).
    const sharing = await openDiscordSharing(config.discord, discordClientId, log);
    if (sharing) cleanup.push(() => sharing.close());
    // One set of catalogues for replies (each in its invoker's language) and feed posts (in the guild's).
    const translations = createTranslations();
    const discord = createDiscordClient({
      token: discordToken,
      apiUrl: config.discord.apiUrl,
      log,
      makeRequest: sharing
        ? admittedMakeRequest(sharing.window, httpInteractions?.makeRequest)
        : httpInteractions?.makeRequest,
      // Past one process, no gateway session: interactions come over HTTP to edges, posts go by REST (0020).
      gateway: config.role === 'all',
      // The fake answers at loopback speed; discord.js would otherwise pace itself to Discord's 50 requests/s.
      clientOptions: {
        rest: { globalRequestsPerSecond: sandbox ? 1e6 : config.discord.globalRateLimit },
        ...options.discordClientOptions,
      },
    });
    httpInteractions?.bind(discord.client);
    // What igcord sends a person unasked (a DM) speaks their latest interaction's language, else their server's.
    const readerLocale = createReaderLocale({ accounts: storage.accounts, client: discord.client });
    // bot.close() stops it as well; this covers a bot that failed to start (stop is idempotent).
    cleanup.push(() => discord.stop());
    const deliveries = createRoleDeliveries({
      role: config.role,
      queue: { url: config.limits.redisUrl ?? '', prefix: config.queue.prefix, stalledMs: config.queue.stalledMs },
      storage,
      // Feeds read through the configured provider's reader (docs/decisions/0023).
      reader: graph ? graphFeedReader(graph, storage, options.feedsNow) : createV1FeedReader(instagram),
      limiter,
      // Feeds post to Discord through core's poster port; the engine knows no Discord.
      poster: createDiscordFeedPoster({
        rest: discord.client.rest,
        client: discord.client,
        translations,
        readerLocale,
        log: log.child({ component: 'feeds' }),
      }),
      payers: createDiscordPayerStanding(discord.client.rest),
      windowMs: config.limits.windowMs,
      log,
      // The operator's pacing from the environment; tests override any field through StartOptions.feeds.
      tuning: { ...config.feeds, ...options.feeds },
      now: options.feedsNow,
      onRun: options.onFeedRun,
      onDelivered: (latencyMs) => metrics.deliveryLatencySeconds.observe({}, latencyMs / 1000),
    });
    const bot = await startBot({
      config,
      log,
      translations,
      instagram: instagramPort,
      storage,
      limiter,
      publicUrl,
      deliveries,
      discord,
      sharedState: sharing?.state,
      registerToGuild: sandbox ? sandbox.guild.guildId : undefined,
    });
    cleanup.push(() => bot.close());
    // Pushed after the bot so it closes before it: deliveries in flight finish while Discord is still connected.
    // It starts once the bot has logged in, as its REST client has the token only from then on.
    cleanup.push(() => deliveries.close());
    await deliveries.start();
    instrumentCommands(bot.commands, metrics, bot.describeError);

    // On Graph, comments and mentions are recorded for their feeds and hint their account's source (decision 0024).
    const webhookSecret = config.instagram.graph.webhookSecret;
    const webhook = createInstagramWebhook(
      graph
        ? {
            provider: 'graph',
            secrets: webhookSecret === undefined ? [clientSecret] : [clientSecret, webhookSecret],
            verifyToken: webhookVerifyToken,
            events: storage.webhookEvents,
            hints: engineSourceHints(deliveries),
          }
        : { provider: 'v1', clientSecret, verifyToken: webhookVerifyToken, sink: dirtySourceSink(deliveries) },
    );
    registerCollectors(metrics, { limiter, webhook, storage, deliveries: () => deliveries });
    // Linking: Discord confirms who opened the link (link page), then Instagram (callback). Cookies are Secure on https.
    const identify = createDiscordIdentify({
      oauthUrl: config.discord.oauthUrl,
      apiUrl: config.discord.apiUrl ?? 'https://discord.com/api',
      clientId: discordClientId,
      clientSecret: discordClientSecret,
      redirectUri: `${publicUrl}${DISCORD_CALLBACK_PATH}`,
    });
    const secureCookies = publicUrl.startsWith('https:');
    const linker =
      options.linker?.(`${publicUrl}/oauth/callback`) ??
      (graph ? createGraphLinker(graph, log) : createV1Linker(instagram));
    // Tokens that expire (Graph's Instagram Login) are renewed in the background; the owner is DMed when one breaks.
    const tokens = startTokenRefresher(config.role, bot.discord.client.rest, {
      storage,
      linker,
      readerLocale,
      translations,
      log,
    });
    if (tokens !== undefined) cleanup.push(() => tokens.close());
    // The link flow's pages and reply edits, worded in the language of the person linking (decision 0027).
    const linkFlow = { storage, linker, discord: bot.discord.client, secureCookies, log, translations };
    const http = await startHttpServer({
      host: config.http.host,
      port: config.http.port,
      headersTimeoutMs: config.http.headersTimeoutMs,
      requestTimeoutMs: config.http.requestTimeoutMs,
      maxConnections: config.http.maxConnections,
      log,
      // A worker serves only /healthz and /metrics: webhooks, linking and interactions are the edge's.
      routes: [
        ...(config.role === 'worker' ? [] : webhook.routes),
        ...(httpInteractions && config.role !== 'worker'
          ? createInteractionsEndpoint({
              publicKey: requirePublicKey(config.discord.publicKey),
              // Without a gateway session, the interaction's guild is read by REST first (0020).
              dispatcher:
                config.role === 'all' ? httpInteractions : withGuildByRest(httpInteractions, discord.client, log),
              log,
            }).routes
          : []),
        ...(config.role === 'worker'
          ? []
          : [...createLinkPage({ ...linkFlow, identify }).routes, ...createOAuthCallback(linkFlow).routes]),
        ...opsRoutes({
          metrics: metrics.registry,
          metricsToken: config.http.metricsToken,
          health: { discord: () => bot.discord.client, storage, instagramApiUrl: config.instagram.apiUrl, log },
        }),
      ],
    });
    cleanup.push(() => http.close());
    log.info({ url: http.url, mode: config.mode }, 'igcord HTTP server listening');
    // The sandbox's Discord checks the endpoint (PING) when it is set, as the developer portal does: only once listening.
    if (sandbox && httpInteractions) await sandbox.discord.setInteractionsEndpoint(`${publicUrl}${INTERACTIONS_PATH}`);
    // Instagram checks the callback with a challenge while the subscription is created: only once listening.
    if (config.instagram.syncSubscriptions && config.instagram.provider === 'v1' && config.role !== 'worker')
      await checkSubscription(instagram, `${publicUrl}${WEBHOOK_PATH}`, webhookVerifyToken, log);

    let closing: Promise<void> | undefined;
    return {
      config,
      storage,
      limiter,
      instagram,
      instagramPort,
      bot,
      deliveries,
      tokens,
      http: { url: http.url, port: http.port, address: http.address },
      metrics,
      sandbox,
      instanceLockLost: instanceLock.lost,
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
