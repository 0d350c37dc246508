// Lookups every route shares, with the API's error for each way they fail: the user a path names (`self` or a
// numeric id), the media a path names (only media that exist for a sandbox app, and only if the viewer may see
// its owner's media), and distances for the geographic searches.
import { notAllowed, notFound } from './api-error.js';
import { pkFromMediaId } from './ids.js';
import { pathParam, type RouteContext } from './route.js';
import type { MediaRecord, UserRecord } from './world.js';

export function isSelf(ctx: RouteContext, id: string): boolean {
  return id === 'self' || id === ctx.viewer.userId;
}

export function userOf(ctx: RouteContext, id: string): UserRecord {
  const user = ctx.world.user(id === 'self' ? ctx.viewer.userId : id);
  if (!user) throw notFound('this user does not exist');
  return user;
}

/** The media of a path's `{media}` (a `<pk>_<owner>` id or a bare pk), when it exists; no visibility check. */
export function findMedia(ctx: RouteContext, param = 'media'): MediaRecord | undefined {
  const raw = pathParam(ctx, param);
  const pk = pkFromMediaId(raw);
  if (pk === undefined) return undefined;
  const media = ctx.world.visibleMedia(pk);
  if (!media) return undefined;
  // A media id whose owner part names someone else is not this media.
  const owner = raw.split('_')[1];
  if (owner !== undefined && owner !== media.ownerId) return undefined;
  return media;
}

/** The media the viewer asked for, or the API's error: unknown media, or a private owner they do not follow. */
export function viewableMedia(ctx: RouteContext, media: MediaRecord | undefined): MediaRecord {
  if (!media) throw notFound('invalid media id');
  if (!ctx.world.canSeeMediaOf(ctx.viewer.userId, media.ownerId)) throw notAllowed();
  return media;
}

/** `basic` for the viewer's own media, `public_content` for anyone else's (and for unknown ids). */
export function readScopes(ctx: RouteContext, media: MediaRecord | undefined): string[] {
  return media && media.ownerId === ctx.viewer.userId ? ['basic'] : ['basic', 'public_content'];
}

/** Great-circle distance in metres. */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A decimal parameter, or undefined when absent; NaN when present but not a number. */
export function decimalParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value.trim() === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
}

/** Filters by the legacy `min_timestamp` / `max_timestamp` parameters (unix seconds, inclusive). */
export function inTimestampWindow(params: URLSearchParams, createdMs: number): boolean {
  const min = Number(params.get('min_timestamp') ?? NaN);
  const max = Number(params.get('max_timestamp') ?? NaN);
  const s = Math.floor(createdMs / 1000);
  return (Number.isNaN(min) || s >= min) && (Number.isNaN(max) || s <= max);
}
