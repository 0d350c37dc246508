// /users routes (reference §2.1): the token owner, any sandbox user by id, recent media (own with `basic`,
// others with `public_content`), the media the owner liked (ordered by when liked) and user search.
import { invalidParameters, notAllowed } from '../api-error.js';
import { inTimestampWindow, isSelf, userOf } from '../access.js';
import { paginate, parseCount, parseCursor } from '../pagination.js';
import { fullUser, media, shortUser } from '../render.js';
import { pathParam, type RouteContext, type RouteDef, type RouteResult } from '../route.js';

const ownOrPublic = (ctx: RouteContext) =>
  isSelf(ctx, pathParam(ctx, 'id')) ? ['basic'] : ['basic', 'public_content'];

function recentMedia(ctx: RouteContext, id: string): RouteResult {
  const user = userOf(ctx, id);
  if (!ctx.world.canSeeMediaOf(ctx.viewer.userId, user.id)) throw notAllowed();
  const all = ctx.world.visibleMediaOf(user.id).filter((m) => inTimestampWindow(ctx.params, m.createdMs));
  const page = paginate(all, (m) => m.pk, {
    max: parseCursor(ctx.params.get('max_id')),
    min: parseCursor(ctx.params.get('min_id')),
    count: parseCount(ctx.params.get('count'), 20, 33),
  });
  const last = page.items[page.items.length - 1];
  return {
    data: page.items.map((m) => media(ctx.world, m, ctx.viewer.userId)),
    pagination: page.more && last ? { next_url: ctx.nextUrl({ max_id: last.id }), next_max_id: last.id } : {},
  };
}

export const userRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/users/self',
    scopes: () => ['basic'],
    handle: (ctx) => ({ data: fullUser(ctx.world, userOf(ctx, 'self')) }),
  },
  {
    method: 'GET',
    pattern: '/users/{id}',
    scopes: ownOrPublic,
    handle: (ctx) => ({ data: fullUser(ctx.world, userOf(ctx, pathParam(ctx, 'id'))) }),
  },
  {
    method: 'GET',
    pattern: '/users/self/media/recent',
    scopes: () => ['basic'],
    handle: (ctx) => recentMedia(ctx, 'self'),
  },
  {
    method: 'GET',
    pattern: '/users/{id}/media/recent',
    scopes: ownOrPublic,
    handle: (ctx) => recentMedia(ctx, pathParam(ctx, 'id')),
  },
  {
    method: 'GET',
    pattern: '/users/self/media/liked',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const viewer = ctx.viewer.userId;
      const liked = ctx.world
        .allVisibleMedia()
        .filter((m) => m.likes.has(viewer) && ctx.world.canSeeMediaOf(viewer, m.ownerId))
        .map((m) => ({ m, likeId: BigInt(m.likes.get(viewer) ?? 0) }))
        .sort((a, b) => (a.likeId === b.likeId ? 0 : a.likeId > b.likeId ? -1 : 1));
      const page = paginate(liked, (x) => x.likeId, {
        max: parseCursor(ctx.params.get('max_like_id')),
        count: parseCount(ctx.params.get('count'), 20, 33),
      });
      const last = page.items[page.items.length - 1];
      const cursor = last ? String(last.likeId) : '';
      return {
        data: page.items.map((x) => media(ctx.world, x.m, viewer)),
        pagination:
          page.more && last ? { next_url: ctx.nextUrl({ max_like_id: cursor }), next_max_like_id: cursor } : {},
      };
    },
  },
  {
    method: 'GET',
    pattern: '/users/search',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const q = ctx.params.get('q')?.trim().toLowerCase();
      if (!q) throw invalidParameters('Missing required parameter: q');
      const found = ctx.world.users.filter(
        (u) => u.username.toLowerCase().includes(q) || u.fullName.toLowerCase().includes(q),
      );
      // Exact username first, then prefix matches, then the rest, as a person would expect.
      const rank = (name: string) => (name === q ? 0 : name.startsWith(q) ? 1 : 2);
      found.sort((a, b) => rank(a.username.toLowerCase()) - rank(b.username.toLowerCase()));
      return { data: found.slice(0, parseCount(ctx.params.get('count'), 50, 100)).map(shortUser) };
    },
  },
];
