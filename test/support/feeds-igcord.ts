// The end-to-end harness of the feed delivery tests: all of igcord in sandbox mode, as test/support/igcord-harness.ts
// runs it, plus the delivery engine's tuning (short polls and retries) and helpers to set up feeds directly in
// storage the way `/feed add` does (add the feed, then initSource).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Routes, type APIWebhook } from 'discord.js';
import { startIgcord, type Igcord } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DeliveryTuning } from '../../src/feeds/index.js';
import { createLogger } from '../../src/log.js';
import type { Feed, FeedSource } from '../../src/storage/index.js';

export interface FeedsIgcord {
  app: Igcord;
  emulator: NonNullable<Igcord['sandbox']>['instagram'];
  discord: NonNullable<Igcord['sandbox']>['discord'];
  guild: NonNullable<Igcord['sandbox']>['guild'];
  personId: string;
  logs(): string;
  /** Links a Discord user to a seeded Instagram user with a freshly minted token. */
  link(discordUserId: string, username: string): Promise<{ instagramUserId: string; accessToken: string }>;
  /** A channel webhook made by the bot, as `/feed add … webhook` would. */
  createWebhook(channelId: string): Promise<APIWebhook>;
  /** Adds a feed owned by `ownerDiscordUserId` and sets its source's start, as `/feed add` does. */
  addFeed(input: { channelId: string; ownerDiscordUserId: string; source: FeedSource; mentionRoleId?: string; webhook?: APIWebhook }): Promise<Feed>;
  close(): Promise<void>;
}

export async function startFeedsIgcord(tuning: Partial<DeliveryTuning> = {}, env: Record<string, string> = {}): Promise<FeedsIgcord> {
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-feeds-'));
  const config = loadConfig({ DATA_DIR: dataDir, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', LOG_LEVEL: 'debug', ...env });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const app = await startIgcord(config, createLogger({ level: config.logLevel, destination }), {
    discordClientOptions: { rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 }, waitGuildTimeout: 200 },
    feeds: { minPollMs: 60_000, startSpreadMs: 60_000, retryBaseMs: 200, retryMaxMs: 1000, ...tuning },
  });
  const sandbox = app.sandbox;
  if (!sandbox) throw new Error('the feeds harness runs igcord in sandbox mode');
  return {
    app,
    emulator: sandbox.instagram,
    discord: sandbox.discord,
    guild: sandbox.guild,
    personId: sandbox.personId,
    logs: () => lines.join(''),
    async link(discordUserId, username) {
      const minted = sandbox.instagram.admin.mintToken({ username });
      const instagramUserId = String(minted.user.id);
      await app.storage.accounts.link({ discordUserId, instagramUserId, username, scopes: app.config.instagram.scopes, accessToken: minted.access_token });
      return { instagramUserId, accessToken: minted.access_token };
    },
    async createWebhook(channelId) {
      return (await app.bot.discord.client.rest.post(Routes.channelWebhooks(channelId), { body: { name: 'igcord' } })) as APIWebhook;
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
        ...(input.mentionRoleId ? { mentionRoleId: input.mentionRoleId } : {}),
        delivery: input.webhook ? { mode: 'webhook', webhookId: input.webhook.id, webhookToken: input.webhook.token! } : { mode: 'message' },
      });
      await app.deliveries.initSource(feed);
      return feed;
    },
    close: () => app.close(),
  };
}

/** Re-checks `probe` every 25 ms until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
