// The end-to-end harness of the feed delivery tests: test/support/igcord-harness.ts with the delivery engine's
// tuning (short polls and retries), plus helpers to set up feeds directly in storage the
// way `/feed add` does (add the feed, then initSource).
import { Routes, type APIWebhook } from 'discord.js';
import type { DeliveryTuning } from '../../src/feeds/index.js';
import type { Feed, FeedSource } from '../../src/storage/index.js';
import type { FeedPlace } from '../../src/core/index.js';
import { startTestIgcord, type TestIgcord } from './igcord-harness.js';

export interface FeedsIgcord extends TestIgcord {
  /** A channel webhook made by the bot, as `/feed add … webhook` would. */
  createWebhook(channelId: string): Promise<APIWebhook>;
  /**
   * Adds a feed owned by `ownerDiscordUserId` and sets its source's start, as `/feed add` does; an owner who is not
   * a member of the guild joins it as an admin first (only such a member can add a feed, or pay for one).
   */
  addFeed(input: {
    channelId: string;
    ownerDiscordUserId: string;
    source: FeedSource;
    mentionRoleId?: string;
    webhook?: APIWebhook;
    /** A forum or a thread (as /feed add stores it when given one); a text channel when left out. */
    place?: FeedPlace;
  }): Promise<Feed>;
}

export async function startFeedsIgcord(
  tuning: Partial<DeliveryTuning> = {},
  env: Record<string, string> = {},
  discordClient?: Parameters<typeof startTestIgcord>[2],
): Promise<FeedsIgcord> {
  const base = await startTestIgcord(
    env,
    {
      minPollMs: 60_000,
      startSpreadMs: 60_000,
      retryBaseMs: 200,
      retryMaxMs: 1000,
      ...tuning,
    },
    discordClient,
  );
  const { app, guild } = base;
  return {
    ...base,
    async createWebhook(channelId) {
      return (await app.bot.discord.client.rest.post(Routes.channelWebhooks(channelId), {
        body: { name: 'igcord' },
      })) as APIWebhook;
    },
    async addFeed(input) {
      const owner = await app.storage.accounts.get(input.ownerDiscordUserId);
      if (!owner) throw new Error('link the owner first');
      // `/feed add` takes a member with Manage Server, and the engine reads only for a payer who still is one.
      if (!base.discord.members(guild.guildId).some((m) => m.user.id === input.ownerDiscordUserId)) {
        base.discord.addMember(guild.guildId, input.ownerDiscordUserId, { roles: [guild.roles.admin!] });
      }
      const feed = await app.storage.feeds.add({
        guildId: guild.guildId,
        channelId: input.channelId,
        source: input.source,
        ownerDiscordUserId: input.ownerDiscordUserId,
        ownerInstagramUserId: owner.instagramUserId,
        createdBy: input.ownerDiscordUserId,
        ...(input.mentionRoleId ? { mentionRoleId: input.mentionRoleId } : {}),
        ...(input.place ? { place: input.place } : {}),
        delivery: input.webhook
          ? { mode: 'webhook', webhookId: input.webhook.id, webhookToken: input.webhook.token! }
          : { mode: 'message' },
      });
      await app.deliveries.initSource(feed);
      return feed;
    },
  };
}

// Kept here for the tests that import it from the feeds harness.
export { eventually } from './eventually.js';
