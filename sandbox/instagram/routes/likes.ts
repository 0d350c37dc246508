// Like routes (reference §2.5): who liked a media (short users, most recent first), like and unlike; the two
// writes draw on the likes write bucket and answer `data: null`.
import { findMedia, readScopes, viewableMedia } from '../access.js';
import { shortUser } from '../render.js';
import type { RouteContext, RouteDef } from '../route.js';
import type { UserRecord } from '../world.js';

const writeScopes = (ctx: RouteContext) => {
  const m = findMedia(ctx);
  return m && m.ownerId === ctx.viewer.userId ? ['likes'] : ['likes', 'public_content'];
};

export const likeRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/media/{media}/likes',
    scopes: (ctx) => readScopes(ctx, findMedia(ctx)),
    handle: (ctx) => {
      const m = viewableMedia(ctx, findMedia(ctx));
      const likers = [...m.likes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([id]) => ctx.world.user(id))
        .filter((u): u is UserRecord => u !== undefined);
      return { data: likers.map(shortUser) };
    },
  },
  {
    method: 'POST',
    pattern: '/media/{media}/likes',
    writeBucket: 'likes',
    scopes: writeScopes,
    handle: (ctx) => {
      const m = viewableMedia(ctx, findMedia(ctx));
      if (!m.likes.has(ctx.viewer.userId)) m.likes.set(ctx.viewer.userId, ctx.world.nextSequence());
      return { data: null };
    },
  },
  {
    method: 'DELETE',
    pattern: '/media/{media}/likes',
    writeBucket: 'likes',
    scopes: () => ['likes'],
    handle: (ctx) => {
      const m = viewableMedia(ctx, findMedia(ctx));
      m.likes.delete(ctx.viewer.userId);
      return { data: null };
    },
  },
];
