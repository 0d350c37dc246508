// Users and relationships (reference §2.1, §2.2): profiles, a user's recent and liked media, user search, and
// the token owner's follow lists, relationship status and follow/unfollow/approve/ignore.
import { z } from 'zod';
import { validate } from '../../util/validate.js';
import {
  callApi,
  getOne,
  getPage,
  tokenParams,
  write,
  type ApiContext,
  type Auth,
  type CallOptions,
  type Page,
  type Result,
} from './api-call.js';
import { fullUserSchema, mediaSchema, relationshipSchema, shortUserSchema } from './schemas.js';
import type { FullUser, Media, Relationship, ShortUser } from './schemas.js';

/** Share of the `app` window a pasted-token check never uses: kept for the OAuth code exchange. */
export const PASTE_CHECK_RESERVE = 0.4;

/** `self` or a numeric user id, as one path segment. */
export function userSegment(userId: string | undefined): string {
  return encodeURIComponent(userId ?? 'self');
}

export interface RecentMediaQuery {
  /** Defaults to the token owner (`self`). */
  userId?: string | undefined;
  count?: number | undefined;
  /** Only media newer than this media id. */
  minId?: string | undefined;
  /** Only media older than this media id (the previous page's `nextCursor`). */
  maxId?: string | undefined;
}

export function createUsersApi(ctx: ApiContext) {
  return {
    self: (auth: Auth, options?: CallOptions): Promise<Result<FullUser>> =>
      getOne(ctx, auth, '/users/self', fullUserSchema, 'user', [], options),

    /**
     * Checks a pasted token (sandbox / implicit flow) by asking whose it is. Its owner is not known yet, so the call
     * is charged to the `app` budget key instead of a user's. That key is shared with the OAuth code exchange, so a
     * check leaves it a reserve (default: the last 40 % of the window) and fails fast when only the reserve is left;
     * and Instagram counts the call against the pasted token, so its headers and a 429 leave `app` alone.
     */
    verifyToken: (accessToken: string, options?: CallOptions): Promise<Result<FullUser>> =>
      callApi(
        ctx,
        {
          key: 'app',
          method: 'GET',
          path: '/users/self',
          params: tokenParams({ userId: 'app', accessToken }),
          serverCountsKey: false,
          options: { ...options, reserve: options?.reserve ?? PASTE_CHECK_RESERVE },
        },
        (r) => ({ data: validate(fullUserSchema, r.data, 'user'), rateLimit: r.rateLimit }),
      ),

    get: (auth: Auth, userId: string, options?: CallOptions): Promise<Result<FullUser>> =>
      getOne(ctx, auth, `/users/${userSegment(userId)}`, fullUserSchema, 'user', [], options),

    recentMedia: (auth: Auth, query: RecentMediaQuery = {}, options?: CallOptions): Promise<Page<Media>> =>
      getPage(
        ctx,
        auth,
        `/users/${userSegment(query.userId)}/media/recent`,
        mediaSchema,
        'recent media',
        'max_id',
        [
          ['count', query.count],
          ['min_id', query.minId],
          ['max_id', query.maxId],
        ],
        options,
      ),

    likedMedia: (
      auth: Auth,
      query: { count?: number | undefined; maxLikeId?: string | undefined } = {},
      options?: CallOptions,
    ): Promise<Page<Media>> =>
      getPage(
        ctx,
        auth,
        '/users/self/media/liked',
        mediaSchema,
        'liked media',
        'max_like_id',
        [
          ['count', query.count],
          ['max_like_id', query.maxLikeId],
        ],
        options,
      ),

    search: (auth: Auth, q: string, count?: number, options?: CallOptions): Promise<Result<ShortUser[]>> =>
      getOne(
        ctx,
        auth,
        '/users/search',
        z.array(shortUserSchema),
        'user search',
        [
          ['q', q],
          ['count', count],
        ],
        options,
      ),
  };
}

export interface FollowListQuery {
  /** The previous page's `nextCursor`. */
  cursor?: string | undefined;
  /** Page size; only the old API documented it, later servers ignore or cap it. */
  count?: number | undefined;
}

export type RelationshipAction = 'follow' | 'unfollow' | 'approve' | 'ignore';

export function createRelationshipsApi(ctx: ApiContext) {
  return {
    follows: (auth: Auth, query: FollowListQuery = {}, options?: CallOptions): Promise<Page<ShortUser>> =>
      getPage(
        ctx,
        auth,
        '/users/self/follows',
        shortUserSchema,
        'follows',
        'cursor',
        [
          ['count', query.count],
          ['cursor', query.cursor],
        ],
        options,
      ),

    followedBy: (auth: Auth, query: FollowListQuery = {}, options?: CallOptions): Promise<Page<ShortUser>> =>
      getPage(
        ctx,
        auth,
        '/users/self/followed-by',
        shortUserSchema,
        'followed-by',
        'cursor',
        [
          ['count', query.count],
          ['cursor', query.cursor],
        ],
        options,
      ),

    /** Users who asked to follow the (private) token owner; never paged (`pagination: {}`). */
    requestedBy: (auth: Auth, options?: CallOptions): Promise<Page<ShortUser>> =>
      getPage(ctx, auth, '/users/self/requested-by', shortUserSchema, 'requested-by', 'none', [], options),

    status: (auth: Auth, userId: string, options?: CallOptions): Promise<Result<Relationship>> =>
      getOne(ctx, auth, `/users/${userSegment(userId)}/relationship`, relationshipSchema, 'relationship', [], options),

    act: (
      auth: Auth,
      userId: string,
      action: RelationshipAction,
      options?: CallOptions,
    ): Promise<Result<Relationship>> =>
      write(
        ctx,
        auth,
        'POST',
        `/users/${userSegment(userId)}/relationship`,
        relationshipSchema,
        'relationship',
        [['action', action]],
        'relationships',
        options,
      ),
  };
}
