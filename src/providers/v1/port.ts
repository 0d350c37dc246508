// The Platform API v1 as core's InstagramPort: each operation is one call of the v1 client, its answer mapped into
// core's types by to-core.ts, its call options passed through as they are. Nothing is cached or retried here;
// what the client does (the limiter's gate, typed errors) is what a command gets.
import { InstagramNotAvailableError, type Capability } from '../../core/index.js';
import type {
  InstagramCallOptions,
  InstagramPort,
  ListedPerson,
  Page as CorePage,
  PlaceInfo,
  Relationship,
} from '../../core/index.js';
import type { Page } from './api-call.js';
import { V1_CAPABILITIES, V1_SCOPES } from './capabilities.js';
import type { InstagramClient } from './client.js';
import type { Location, Relationship as V1Relationship, ShortUser } from './schemas.js';
import {
  commentFromV1,
  mapPage,
  personFromV1,
  placeFromV1,
  postFromV1,
  postPage,
  profileFromV1,
  tagFromV1,
} from './to-core.js';

const listed = (user: ShortUser): ListedPerson => ({ ...personFromV1(user), id: user.id });

/** A v1 page as core's: its items, its cursor, and the next page mapped the same way. */
function corePage<T>(page: Page<T>): CorePage<T> {
  const next = page.next;
  return {
    data: page.data,
    nextCursor: page.nextCursor,
    next: next === undefined ? undefined : async () => corePage(await next()),
  };
}

const people = (page: Page<ShortUser>): CorePage<ListedPerson> => corePage(mapPage(page, listed));

export function placeInfoFromV1(location: Location): PlaceInfo {
  return { ...placeFromV1(location), ...(location.street_address ? { address: location.street_address } : {}) };
}

const INCOMING = {
  followed_by: 'followed-by',
  requested_by: 'requested-by',
  blocked_by_you: 'blocked-by-you',
  none: 'none',
} as const;

export function relationshipFromV1(relationship: V1Relationship): Relationship {
  return {
    outgoing: relationship.outgoing_status,
    ...(relationship.incoming_status !== undefined ? { incoming: INCOMING[relationship.incoming_status] } : {}),
    ...(relationship.target_user_is_private !== undefined
      ? { targetIsPrivate: relationship.target_user_is_private }
      : {}),
  };
}

const V1_NAME = "Instagram's Platform API v1";

/** What v1 does not serve: the call fails before any request. */
const notOnV1 = (capability: Capability) => (): Promise<never> =>
  Promise.reject(new InstagramNotAvailableError(`${V1_NAME} lacks the ${capability} capability.`, capability));

export function createV1Port(client: InstagramClient): InstagramPort {
  type O = InstagramCallOptions | undefined;
  return {
    name: V1_NAME,
    capabilities: V1_CAPABILITIES,
    scopes: V1_SCOPES,
    verifyToken: async (accessToken, options?: O) =>
      profileFromV1((await client.users.verifyToken(accessToken, options)).data),
    users: {
      self: async (auth, options?: O) => profileFromV1((await client.users.self(auth, options)).data),
      get: async (auth, userId, options?: O) => profileFromV1((await client.users.get(auth, userId, options)).data),
      search: async (auth, query, count, options?: O) =>
        (await client.users.search(auth, query, count, options)).data.map(listed),
      recentPosts: async (auth, query = {}, options?: O) =>
        corePage(postPage(await client.users.recentMedia(auth, query, options))),
      follows: async (auth, options?: O) => people(await client.relationships.follows(auth, {}, options)),
      followers: async (auth, options?: O) => people(await client.relationships.followedBy(auth, {}, options)),
      requests: async (auth, options?: O) => people(await client.relationships.requestedBy(auth, options)),
      relationship: async (auth, userId, options?: O) =>
        relationshipFromV1((await client.relationships.status(auth, userId, options)).data),
      act: async (auth, userId, action, options?: O) =>
        relationshipFromV1((await client.relationships.act(auth, userId, action, options)).data),
    },
    media: {
      get: async (auth, id, options?: O) => postFromV1((await client.media.get(auth, id, options)).data),
      byShortcode: async (auth, shortcode, options?: O) =>
        postFromV1((await client.media.byShortcode(auth, shortcode, options)).data),
      near: async (auth, point, options?: O) => (await client.media.search(auth, point, options)).data.map(postFromV1),
      liked: async (auth, query = {}, options?: O) =>
        corePage(postPage(await client.users.likedMedia(auth, query, options))),
      comments: async (auth, id, options?: O) =>
        (await client.comments.list(auth, id, options)).data.map(commentFromV1),
      comment: async (auth, id, text, options?: O) => {
        await client.comments.create(auth, id, text, options);
      },
      deleteComment: async (auth, id, commentId, options?: O) => {
        await client.comments.remove(auth, id, commentId, options);
      },
      likes: async (auth, id, options?: O) => (await client.likes.list(auth, id, options)).data.map(listed),
      like: async (auth, id, options?: O) => {
        await client.likes.like(auth, id, options);
      },
      unlike: async (auth, id, options?: O) => {
        await client.likes.unlike(auth, id, options);
      },
    },
    tags: {
      get: async (auth, name, options?: O) => tagFromV1((await client.tags.get(auth, name, options)).data),
      recentPosts: async (auth, name, query = {}, options?: O) =>
        corePage(postPage(await client.tags.recentMedia(auth, name, query, options))),
      search: async (auth, query, options?: O) => (await client.tags.search(auth, query, options)).data.map(tagFromV1),
    },
    moderation: {
      reply: notOnV1('comment-moderation'),
      hide: notOnV1('comment-moderation'),
      remove: notOnV1('comment-moderation'),
    },
    mentions: notOnV1('mentions'),
    insights: { account: notOnV1('insights'), post: notOnV1('insights') },
    accounts: { profile: notOnV1('other-accounts'), recentPosts: notOnV1('other-accounts') },
    hashtags: { find: notOnV1('hashtag-search'), recentPosts: notOnV1('hashtag-search') },
    locations: {
      get: async (auth, id, options?: O) => placeInfoFromV1((await client.locations.get(auth, id, options)).data),
      recentPosts: async (auth, id, query = {}, options?: O) =>
        corePage(postPage(await client.locations.recentMedia(auth, id, query, options))),
      search: async (auth, point, options?: O) =>
        (await client.locations.search(auth, point, options)).data.map(placeInfoFromV1),
    },
  };
}
