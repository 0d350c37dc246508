// Parts of the composition root (src/app.ts) that build one provider's pieces from the configuration: the Graph
// client of the configured login and its feed reader, the v1 mapping of records an older igcord stored, and the
// interactions key check.
import type { Config } from './config.js';
import { createGraphClient, type GraphClient } from './providers/graph/client.js';
import { createGraphFeedReader } from './providers/graph/feed-reader.js';
import type { FeedReader } from './core/index.js';
import { mediaSchema } from './providers/v1/schemas.js';
import { postFromV1 } from './providers/v1/to-core.js';
import type { CallGate } from './limiter/call-gate.js';
import type { Logger } from './log.js';
import type { LegacyRecords, Storage } from './storage/index.js';

/** Records an older igcord kept in Platform API v1 terms (pending lists of v1 media), read through v1's mapping. */
export const v1LegacyRecords: LegacyRecords = {
  pendingPost(stored) {
    const parsed = mediaSchema.safeParse(stored);
    return parsed.success ? postFromV1(parsed.data) : stored;
  },
};

/** loadConfig requires DISCORD_PUBLIC_KEY in live mode with DISCORD_INTERACTIONS=http, and the sandbox fills it in. */
export function requirePublicKey(publicKey: string | undefined): string {
  if (publicKey === undefined) throw new Error('DISCORD_PUBLIC_KEY must be configured when DISCORD_INTERACTIONS=http');
  return publicKey;
}

/** The Graph client of the configured login, version and hosts, behind the limiter's gate. */
export function graphClient(
  config: Config,
  app: { clientId: string; clientSecret: string; publicUrl: string },
  gate: CallGate,
  log: Logger,
): GraphClient {
  return createGraphClient({
    login: config.instagram.graph.login,
    hosts: config.instagram.graph.hosts,
    version: config.instagram.graph.version,
    appId: app.clientId,
    appSecret: app.clientSecret,
    redirectUri: `${app.publicUrl}/oauth/callback`,
    timeoutMs: config.instagram.timeoutMs,
    gate,
    log: log.child({ component: 'instagram-graph' }),
  });
}

/**
 * The Graph feed reader over storage: seen-sets for stories and hashtags, the hashtag-slot ledger, and the username
 * of another account as its payer consented to it (Business Discovery reads by username; decision 0027).
 */
export function graphFeedReader(graph: GraphClient, storage: Storage, now?: () => number): FeedReader {
  return createGraphFeedReader(graph, {
    // The feeds' clock: a followed tag's daily lookup and a story's day are counted on it (tests move it).
    now,
    seen: storage.seen,
    events: storage.webhookEvents,
    hashtagSlots: storage.hashtagSlots,
    usernameOf: async ({ instagramUserId }) => {
      const feeds = await storage.feeds.listBySource({ kind: 'account', instagramUserId });
      // The latest consent names the account as it was called most recently.
      const named = feeds.filter((f) => f.consent !== undefined).sort((a, b) => b.consent!.at - a.consent!.at);
      return named[0]?.consent?.username;
    },
  });
}
