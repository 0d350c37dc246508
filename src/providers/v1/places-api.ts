// Tags and locations (reference §2.6, §2.7). Tag names go URL-encoded in the path (non-ASCII tags exist) and
// without their `#`; tag media pages by tag id (`max_tag_id` goes older, `min_tag_id` polls for newer).
import { z } from 'zod';
import { getOne, getPage, type ApiContext, type Auth, type CallOptions, type Page, type Result } from './api-call.js';
import type { GeoQuery } from './media-api.js';
import { locationSchema, mediaSchema, tagSchema } from './schemas.js';
import type { Location, Media, Tag } from './schemas.js';
import { bareTag } from '../../util/tag-name-pattern.js';

// The API takes the bare name; the one rule for it is util's.
export { bareTag };

const tag = (name: string) => `/tags/${encodeURIComponent(bareTag(name))}`;
const location = (id: string) => `/locations/${encodeURIComponent(id)}`;

export interface TagMediaQuery {
  count?: number | undefined;
  /** Older than this tag id (the previous page's `nextCursor`). */
  maxTagId?: string | undefined;
  /** Newer than this tag id (`pagination.min_tag_id` of the latest answer). */
  minTagId?: string | undefined;
}

export function createTagsApi(ctx: ApiContext) {
  return {
    get: (auth: Auth, name: string, options?: CallOptions): Promise<Result<Tag>> =>
      getOne(ctx, auth, tag(name), tagSchema, 'tag', [], options),

    recentMedia: (auth: Auth, name: string, query: TagMediaQuery = {}, options?: CallOptions): Promise<Page<Media>> =>
      getPage(
        ctx,
        auth,
        `${tag(name)}/media/recent`,
        mediaSchema,
        'tag media',
        'max_tag_id',
        [
          ['count', query.count],
          ['max_tag_id', query.maxTagId],
          ['min_tag_id', query.minTagId],
        ],
        options,
      ),

    search: (auth: Auth, q: string, options?: CallOptions): Promise<Result<Tag[]>> =>
      getOne(ctx, auth, '/tags/search', z.array(tagSchema), 'tag search', [['q', bareTag(q)]], options),
  };
}

export type LocationSearch = GeoQuery | { facebookPlacesId: string };

export interface LocationMediaQuery {
  /** Page size; not documented for this endpoint in the late API, honoured where the server does. */
  count?: number | undefined;
  maxId?: string | undefined;
  minId?: string | undefined;
}

export function createLocationsApi(ctx: ApiContext) {
  return {
    get: (auth: Auth, locationId: string, options?: CallOptions): Promise<Result<Location>> =>
      getOne(ctx, auth, location(locationId), locationSchema, 'location', [], options),

    recentMedia: (
      auth: Auth,
      locationId: string,
      query: LocationMediaQuery = {},
      options?: CallOptions,
    ): Promise<Page<Media>> =>
      getPage(
        ctx,
        auth,
        `${location(locationId)}/media/recent`,
        mediaSchema,
        'location media',
        'max_id',
        [
          ['count', query.count],
          ['max_id', query.maxId],
          ['min_id', query.minId],
        ],
        options,
      ),

    search: (auth: Auth, query: LocationSearch, options?: CallOptions): Promise<Result<Location[]>> =>
      getOne(
        ctx,
        auth,
        '/locations/search',
        z.array(locationSchema),
        'location search',
        'facebookPlacesId' in query
          ? [['facebook_places_id', query.facebookPlacesId]]
          : [
              ['lat', query.lat],
              ['lng', query.lng],
              ['distance', query.distance],
            ],
        options,
      ),
  };
}
