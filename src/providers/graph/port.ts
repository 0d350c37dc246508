// The Instagram Graph API as core's InstagramPort: what Graph serves is one call of the Graph client (its answer
// already in core types, to-core.ts), its errors mapped to core's (core-errors.ts); what it cannot serve — likes
// lists, follows and followers, user search, locations, posts near a point, tags by name, any account but the
// token owner's without Business Discovery — fails with InstagramNotAvailableError before any request. The
// capability set is the login's (graphCapabilities), so the commands that need what is missing are not even
// registered. Nothing is cached or retried here. A hashtag search that succeeds, or that Graph refuses as the 31st
// unique tag of the week, is noted in the hashtag-slot ledger (storage), so /instagram quota can say how many of the
// 30 slots are used and when one frees: Graph itself does not say until it refuses.
import {
  InstagramNotAvailableError,
  InstagramNotFoundError,
  parseMediaUrl,
  type Capability,
  type InstagramAuth,
  type InstagramCallOptions,
  type InstagramPort,
  type Page as CorePage,
  type Post,
} from '../../core/index.js';
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import type { Page } from './api-call.js';
import type { GraphClient } from './client.js';
import { coreErrorFromGraph } from './core-errors.js';
import { GraphHashtagLimitError } from './errors.js';
import { FACEBOOK_LOGIN_SCOPES } from './oauth-facebook.js';
import { INSTAGRAM_LOGIN_SCOPES } from './oauth-instagram.js';

/** How many of the owner's posts a shortcode is looked for in (Graph has no lookup by shortcode). */
const SHORTCODE_SCAN = 100;
/** Comments read for one post: Graph pages them; a command shows the first ones. */
const COMMENTS_READ = 100;

/** A Graph page as core's: its items, its cursor, and the next page mapped the same way. */
function corePage<T>(page: Page<T>, wrap: <R>(call: () => Promise<R>) => Promise<R>): CorePage<T> {
  const next = page.next;
  return {
    data: page.data,
    nextCursor: page.after,
    next: next === undefined ? undefined : () => wrap(async () => corePage(await next(), wrap)),
  };
}

/** Where the unique hashtags each account queried are noted (storage's hashtag-slot store). */
export interface HashtagSlotLedger {
  recordQuery(instagramUserId: string, tag: string, at: number): Promise<void>;
  recordRefusal(instagramUserId: string, freesAt: number | undefined, at: number): Promise<void>;
}

export interface GraphPortOptions {
  hashtagSlots?: HashtagSlotLedger | undefined;
  log?: Logger | undefined;
}

export function createGraphPort(
  client: GraphClient,
  now: () => number = Date.now,
  wiring: GraphPortOptions = {},
): InstagramPort {
  const capabilities = client.capabilities();
  const log = wiring.log ?? silentLogger();
  /** Notes a slot; a storage failure costs /instagram quota its figure, never the search its answer. */
  const noteSlot = async (what: string, write: (ledger: HashtagSlotLedger) => Promise<void>) => {
    if (wiring.hashtagSlots === undefined) return;
    try {
      await write(wiring.hashtagSlots);
    } catch (err) {
      log.warn({ err }, `could not note a hashtag ${what} for /instagram quota`);
    }
  };
  type O = InstagramCallOptions | undefined;
  const label = "Instagram's current API";

  const unavailable = (capability: Capability): never => {
    throw new InstagramNotAvailableError(`${label} lacks the ${capability} capability.`, capability);
  };
  /** Fails before any request when the login lacks `capability`. */
  const need = (capability: Capability) => {
    if (!capabilities.has(capability)) unavailable(capability);
  };
  /** Runs a client call, its Graph error turned into core's (charged to `key`'s budget). */
  const graph = async <R>(key: string, call: () => Promise<R>): Promise<R> => {
    try {
      return await call();
    } catch (error) {
      throw coreErrorFromGraph(error, key, now());
    }
  };
  const pageOf = async <T>(auth: InstagramAuth, call: () => Promise<Page<T>>): Promise<CorePage<T>> => {
    const wrap = <R>(c: () => Promise<R>) => graph(auth.userId, c);
    return corePage(await wrap(call), wrap);
  };
  /** Only the token owner's own account is readable by id on Graph. */
  const own = (auth: InstagramAuth, userId: string | undefined) => {
    if (userId !== undefined && userId !== auth.userId) unavailable('other-accounts');
  };
  const notServed = (capability: Capability) => async (): Promise<never> => unavailable(capability);

  const self = (auth: InstagramAuth, options?: O) =>
    graph(auth.userId, async () => (await client.profile(auth, options)).data);

  return {
    name: label,
    capabilities,
    scopes: client.login === 'instagram' ? INSTAGRAM_LOGIN_SCOPES : FACEBOOK_LOGIN_SCOPES,
    verifyToken: async (accessToken, options?: O) => {
      // Instagram Login's `/me` answers for the token alone; Facebook Login's Page token needs the account's id.
      if (client.login !== 'instagram') return unavailable('other-accounts');
      return graph('app', async () => (await client.profile({ userId: 'app', accessToken }, options)).data);
    },
    users: {
      self,
      get: async (auth, userId, options?: O) => {
        own(auth, userId);
        return self(auth, options);
      },
      search: notServed('search'),
      recentPosts: async (auth, query = {}, options?: O) => {
        own(auth, query.userId);
        return pageOf(auth, () => client.media.recent(auth, { ...options, limit: query.count }));
      },
      follows: notServed('relationships'),
      followers: notServed('relationships'),
      requests: notServed('relationships'),
      relationship: notServed('relationships'),
      act: notServed('relationships'),
    },
    media: {
      get: (auth, postId, options?: O) =>
        graph(auth.userId, async () => (await client.media.byId(auth, postId, options)).data),
      byShortcode: async (auth, shortcode, options?: O) => {
        const mine = await graph(auth.userId, () =>
          client.collect(client.media.recent(auth, { ...options, limit: 50 }), { maxItems: SHORTCODE_SCAN }),
        );
        const found = mine.find((p: Post) => parseMediaUrl(p.permalink) === shortcode);
        if (found === undefined) {
          throw new InstagramNotFoundError(
            `No post with the shortcode ${shortcode} among your latest ${SHORTCODE_SCAN}: ${label} reads only your own posts by link.`,
            {
              type: 'APINotFoundError',
              status: 404,
            },
          );
        }
        return found;
      },
      near: notServed('search'),
      liked: notServed('likes'),
      comments: async (auth, postId, options?: O) => {
        need('comments');
        return graph(auth.userId, () =>
          client.collect(client.comments.list(auth, postId, { ...options, limit: 50 }), { maxItems: COMMENTS_READ }),
        );
      },
      comment: async (auth, postId, text, options?: O) => {
        need('comments');
        await graph(auth.userId, () => client.comments.create(auth, postId, text, options));
      },
      deleteComment: async (auth, _postId, commentId, options?: O) => {
        need('comments');
        await graph(auth.userId, () => client.comments.remove(auth, commentId, options));
      },
      likes: notServed('likes'),
      like: notServed('likes'),
      unlike: notServed('likes'),
    },
    moderation: {
      reply: async (auth, commentId, text, options?: O) => {
        need('comment-moderation');
        return graph(auth.userId, async () => (await client.comments.reply(auth, commentId, text, options)).data);
      },
      hide: async (auth, commentId, hidden, options?: O) => {
        need('comment-moderation');
        await graph(auth.userId, () => client.comments.hide(auth, commentId, hidden, options));
      },
      remove: async (auth, commentId, options?: O) => {
        need('comment-moderation');
        await graph(auth.userId, () => client.comments.remove(auth, commentId, options));
      },
    },
    mentions: async (auth, query = {}, options?: O) => {
      need('mentions');
      return pageOf(auth, () => client.media.tagged(auth, { ...options, limit: query.count }));
    },
    insights: {
      account: async (auth, metrics, period, options?: O) => {
        need('insights');
        return graph(
          auth.userId,
          async () => (await client.insights.account(auth, metrics, { period, totals: true }, options)).data,
        );
      },
      post: async (auth, postId, metrics, options?: O) => {
        need('insights');
        return graph(auth.userId, async () => (await client.insights.media(auth, postId, metrics, options)).data);
      },
    },
    accounts: {
      // Business Discovery is charged to the app's platform budget (reference §1.6).
      profile: async (auth, username, options?: O) => {
        need('other-accounts');
        return graph('app', async () => (await client.discovery.profile(auth, username, options)).data);
      },
      recentPosts: async (auth, username, query = {}, options?: O) => {
        need('other-accounts');
        return pageOf(auth, () => client.discovery.media(auth, username, { ...options, limit: query.count }));
      },
    },
    hashtags: {
      find: async (auth, name, options?: O) => {
        need('hashtag-search');
        return graph('app', async () => {
          try {
            const found = (await client.hashtags.search(auth, name, options)).data;
            await noteSlot('query', (ledger) => ledger.recordQuery(auth.userId, found.name, now()));
            return found;
          } catch (error) {
            if (error instanceof GraphHashtagLimitError)
              await noteSlot('refusal', (ledger) => ledger.recordRefusal(auth.userId, error.freesAt, now()));
            throw error;
          }
        });
      },
      recentPosts: async (auth, hashtagId, query = {}, options?: O) => {
        need('hashtag-search');
        return pageOf(auth, () => client.hashtags.recent(auth, hashtagId, { ...options, limit: query.count }));
      },
    },
    tags: { get: notServed('tags'), recentPosts: notServed('tags'), search: notServed('tags') },
    locations: { get: notServed('locations'), recentPosts: notServed('locations'), search: notServed('locations') },
  };
}
