// Location routes (reference §2.7): a location (string id), its recent media (newest first, `next_max_id`) and
// location search by lat/lng (distance default 500 m, at most 750 m) or by facebook_places_id.
import { invalidParameters, notFound } from '../api-error.js';
import { decimalParam, distanceMetres, inTimestampWindow } from '../access.js';
import { paginate, parseCount, parseCursor } from '../pagination.js';
import { location, media } from '../render.js';
import { pathParam, type RouteContext, type RouteDef } from '../route.js';
import type { LocationRecord } from '../world.js';

function place(ctx: RouteContext): LocationRecord {
  const found = ctx.world.location(pathParam(ctx, 'location'));
  if (!found) throw notFound('invalid location id');
  return found;
}

export const locationRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/locations/{location}',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => ({ data: location(place(ctx)) }),
  },
  {
    method: 'GET',
    pattern: '/locations/{location}/media/recent',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const where = place(ctx);
      const all = ctx.world
        .allVisibleMedia()
        .filter((m) => m.locationId === where.id && ctx.world.canSeeMediaOf(ctx.viewer.userId, m.ownerId))
        .filter((m) => inTimestampWindow(ctx.params, m.createdMs));
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
    },
  },
  {
    method: 'GET',
    pattern: '/locations/search',
    scopes: () => ['basic', 'public_content'],
    handle: (ctx) => {
      const fb = ctx.params.get('facebook_places_id');
      if (fb !== null && fb.trim() !== '') {
        return { data: ctx.world.locations.filter((l) => l.facebookPlacesId === fb.trim()).map(location) };
      }
      const lat = decimalParam(ctx.params, 'lat');
      const lng = decimalParam(ctx.params, 'lng');
      if (lat === undefined || lng === undefined) {
        throw invalidParameters('Missing required parameters: lat and lng, or facebook_places_id');
      }
      if (Number.isNaN(lat) || Number.isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        throw invalidParameters('Invalid latitude or longitude');
      }
      const distance = decimalParam(ctx.params, 'distance');
      if (distance !== undefined && (Number.isNaN(distance) || distance < 0))
        throw invalidParameters('Invalid distance');
      const radius = Math.min(distance ?? 500, 750);
      const found = ctx.world.locations
        .map((l) => ({ l, d: distanceMetres(lat, lng, l.latitude, l.longitude) }))
        .filter((x) => x.d <= radius)
        .sort((a, b) => a.d - b.d)
        .slice(0, parseCount(ctx.params.get('count'), 20, 100));
      return { data: found.map((x) => location(x.l)) };
    },
  },
];
