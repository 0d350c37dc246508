// The channel webhook a webhook feed posts through (so each post can carry the Instagram username and picture).
// Feeds of one channel share the bot's one "igcord" webhook there: Discord allows only 15 webhooks per channel,
// and one per feed would run out. A webhook is reused only after checking it still exists (someone may have
// deleted it in the channel settings), and deleted when the last feed using it is removed.
import { DiscordAPIError, type Client } from 'discord.js';
import type { Logger } from '../../src/log.js';
import type { Feed, Storage } from '../../src/storage/index.js';
import type { WebhookChannel } from './channel-permissions.js';

export const WEBHOOK_NAME = 'igcord';
/** Discord: Unknown Webhook. */
const UNKNOWN_WEBHOOK = 10015;

export interface FeedWebhook {
  webhookId: string;
  webhookToken: string;
}

/** A working igcord webhook of `channel`: the one another feed of the channel uses, or a new one. */
export async function webhookForChannel(
  storage: Storage,
  client: Client,
  channel: WebhookChannel,
  log: Logger,
): Promise<FeedWebhook & { created: boolean }> {
  for (const feed of await storage.feeds.listByChannel(channel.id)) {
    if (feed.delivery.mode !== 'webhook') continue;
    const token = storage.feeds.webhookToken(feed);
    if (token === undefined) continue;
    try {
      await client.fetchWebhook(feed.delivery.webhookId, token);
      return { webhookId: feed.delivery.webhookId, webhookToken: token, created: false };
    } catch (error) {
      if (!(
        error instanceof DiscordAPIError &&
        (error.code === UNKNOWN_WEBHOOK || error.status === 404 || error.status === 401)
      ))
        throw error;
      log.info(
        { feedId: feed.id, webhookId: feed.delivery.webhookId },
        'the webhook of a feed is gone; not reusing it',
      );
    }
  }
  const webhook = await channel.createWebhook({ name: WEBHOOK_NAME, reason: 'igcord feed delivery' });
  if (webhook.token === null) throw new Error('Discord created the webhook without a token');
  log.info({ channelId: channel.id, webhookId: webhook.id }, 'created a feed webhook');
  return { webhookId: webhook.id, webhookToken: webhook.token, created: true };
}

/**
 * After `removed` is gone from storage: deletes its webhook unless another feed still posts through it.
 * Returns false when the webhook could not be deleted (the feed is removed either way).
 */
export async function releaseWebhook(storage: Storage, client: Client, removed: Feed, log: Logger): Promise<boolean> {
  if (removed.delivery.mode !== 'webhook') return true;
  const webhookId = removed.delivery.webhookId;
  const stillUsed = (await storage.feeds.listByChannel(removed.channelId)).some(
    (f) => f.delivery.mode === 'webhook' && f.delivery.webhookId === webhookId,
  );
  if (stillUsed) return true;
  try {
    await client.deleteWebhook(webhookId, { reason: 'its last igcord feed was removed' });
    return true;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === UNKNOWN_WEBHOOK) return true;
    log.warn({ err: error, webhookId, feedId: removed.id }, 'could not delete the webhook of a removed feed');
    return false;
  }
}
