// /media routes (reference §2.3): a media by id and by shortcode (identical bodies), and the geographic search
// (lat/lng required, distance default 1000 m and at most 5000 m; results carry their `distance`).
import { invalidParameters } from '../api-error.js';
import { decimalParam, distanceMetres, findMedia, inTimestampWindow, readScopes, viewableMedia } from '../access.js';
import { pkFromShortcode } from '../ids.js';
import { parseCount } from '../pagination.js';
import { media } from '../render.js';
import { pathParam, type RouteContext, type RouteDef } from '../route.js';
import type { MediaRecord } from '../world.js';

function byShortcode(ctx: RouteContext): MediaRecord | undefined {
  const pk = pkFromShortcode(pathParam(ctx, 'shortcode'));
  return pk === undefined ? undefined : ctx.world.visibleMedia(pk);
}

export const mediaRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/media/{media}',
    scopes: (ctx) => readScopes(ctx, findMedia(ctx)),
    handle: (ctx) => ({ data: media(ctx.world, viewableMedia(ctx, findMedia(ctx)), ctx.viewer.userId) }),
  },
  {
    method: 'GET',
    pattern: '/media/shortcode/{shortcode}',
    scopes: (ctx) => readScopes(ctx, byShortcode(ctx)),
    handle: (ctx) => ({ data: media(ctx.world, viewableMedia(ctx, byShortcode(ctx)), ctx.viewer.userId) }),
  },
  {
    method: 'GET',
    pattern: '/media/search',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const lat = decimalParam(ctx.params, 'lat');
      const lng = decimalParam(ctx.params, 'lng');
      if (lat === undefined || lng === undefined) throw invalidParameters('Missing required parameters: lat and lng');
      if (Number.isNaN(lat) || Number.isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        throw invalidParameters('Invalid latitude or longitude');
      }
      const distance = decimalParam(ctx.params, 'distance');
      if (distance !== undefined && (Number.isNaN(distance) || distance < 0))
        throw invalidParameters('Invalid distance');
      const radius = Math.min(distance ?? 1000, 5000);
      // The legacy default window of five days is not applied: the seeded world lies in 2016 (see README).
      const found = ctx.world
        .allVisibleMedia()
        .filter((m) => m.locationId !== null && ctx.world.canSeeMediaOf(ctx.viewer.userId, m.ownerId))
        .filter((m) => inTimestampWindow(ctx.params, m.createdMs))
        .map((m) => {
          const place = ctx.world.location(m.locationId ?? '');
          return { m, d: place ? distanceMetres(lat, lng, place.latitude, place.longitude) : Infinity };
        })
        .filter((x) => x.d <= radius)
        .slice(0, parseCount(ctx.params.get('count'), 20, 100));
      return {
        data: found.map((x) => media(ctx.world, x.m, ctx.viewer.userId, { distance: Math.round(x.d * 100) / 100 })),
      };
    },
  },
];
