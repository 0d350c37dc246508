// Relationship routes (reference §2.2), late shape: the owner's own follows / followed-by / requested-by lists
// (`follower_list`), the relationship with any sandbox user, and the four actions follow / unfollow / approve /
// ignore (`relationships`, drawing on the relationships write bucket).
import { invalidParameters, notAllowed } from '../api-error.js';
import { isSelf, userOf } from '../access.js';
import { paginate, parseCount, parseCursor } from '../pagination.js';
import { shortUser } from '../render.js';
import { pathParam, type RouteContext, type RouteDef, type RouteResult } from '../route.js';
import type { UserRecord } from '../world.js';

type Lister = (ctx: RouteContext, userId: string) => { user: UserRecord; seq: number }[];

function list(ctx: RouteContext, id: string, lister: Lister): RouteResult {
  // The late API only exposes the token owner's own lists.
  if (!isSelf(ctx, id)) throw notAllowed();
  const entries = lister(ctx, ctx.viewer.userId);
  const page = paginate(entries, (e) => BigInt(e.seq), {
    max: parseCursor(ctx.params.get('cursor')),
    count: parseCount(ctx.params.get('count'), 50, 100),
  });
  const last = page.items[page.items.length - 1];
  const cursor = last ? String(last.seq) : '';
  return {
    data: page.items.map((e) => shortUser(e.user)),
    pagination: page.more && last ? { next_url: ctx.nextUrl({ cursor }), next_cursor: cursor } : {},
  };
}

const follows: Lister = (ctx, id) => ctx.world.followsOf(id);
const followers: Lister = (ctx, id) => ctx.world.followersOf(id);

function requestedBy(ctx: RouteContext, id: string): RouteResult {
  if (!isSelf(ctx, id)) throw notAllowed();
  return { data: ctx.world.requestersOf(ctx.viewer.userId).map((e) => shortUser(e.user)), pagination: {} };
}

function status(ctx: RouteContext, target: UserRecord): { outgoing_status: string; incoming_status: string } {
  const me = ctx.viewer.userId;
  const w = ctx.world;
  return {
    outgoing_status: w.isFollowing(me, target.id) ? 'follows' : w.hasRequested(me, target.id) ? 'requested' : 'none',
    incoming_status: w.isFollowing(target.id, me)
      ? 'followed_by'
      : w.hasRequested(target.id, me)
        ? 'requested_by'
        : 'none',
  };
}

const listRoutes = (name: string, handler: (ctx: RouteContext, id: string) => RouteResult): RouteDef[] => [
  {
    method: 'GET',
    pattern: `/users/self/${name}`,
    scopes: () => ['follower_list'],
    handle: (ctx) => handler(ctx, 'self'),
  },
  {
    method: 'GET',
    pattern: `/users/{id}/${name}`,
    scopes: () => ['follower_list'],
    handle: (ctx) => handler(ctx, pathParam(ctx, 'id')),
  },
];

export const relationshipRoutes: RouteDef[] = [
  ...listRoutes('follows', (ctx, id) => list(ctx, id, follows)),
  ...listRoutes('followed-by', (ctx, id) => list(ctx, id, followers)),
  ...listRoutes('requested-by', requestedBy),
  {
    method: 'GET',
    pattern: '/users/{id}/relationship',
    scopes: () => ['follower_list'],
    handle: (ctx) => {
      const target = userOf(ctx, pathParam(ctx, 'id'));
      return { data: { ...status(ctx, target), target_user_is_private: target.isPrivate } };
    },
  },
  {
    method: 'POST',
    pattern: '/users/{id}/relationship',
    writeBucket: 'relationships',
    scopes: () => ['relationships'],
    handle: (ctx) => {
      const target = userOf(ctx, pathParam(ctx, 'id'));
      const me = ctx.viewer.userId;
      const action = ctx.params.get('action');
      if (target.id === me) throw invalidParameters('You cannot perform this action on yourself.');
      const w = ctx.world;
      switch (action) {
        case 'follow':
          if (!w.isFollowing(me, target.id)) {
            if (target.isPrivate) w.request(me, target.id);
            else w.follow(me, target.id);
          }
          return {
            data: { outgoing_status: status(ctx, target).outgoing_status, target_user_is_private: target.isPrivate },
          };
        case 'unfollow':
          w.unfollow(me, target.id);
          return { data: { outgoing_status: 'none', target_user_is_private: target.isPrivate } };
        case 'approve':
          if (!w.hasRequested(target.id, me)) throw invalidParameters('There is no pending request from this user.');
          w.follow(target.id, me);
          return { data: status(ctx, target) };
        case 'ignore':
          if (!w.hasRequested(target.id, me)) throw invalidParameters('There is no pending request from this user.');
          w.cancelRequest(target.id, me);
          return { data: status(ctx, target) };
        default:
          throw invalidParameters('Invalid action: must be one of follow, unfollow, approve, ignore.');
      }
    },
  },
];
