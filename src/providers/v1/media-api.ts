// Media, comments and likes (reference §2.3–§2.5). Comment text goes to the API as given: igcord's commands
// check it with `checkCommentRules` first so they can explain a refusal, and the API's own answer (a typed
// InstagramCommentRuleError) stays the authority.
import { z } from 'zod';
import { getOne, write, type ApiContext, type Auth, type CallOptions, type Result } from './api-call.js';
import { InstagramInvalidParametersError } from './errors.js';
import { parseMediaUrl } from './media-url.js';
import { ackSchema, commentSchema, mediaSchema, shortUserSchema } from './schemas.js';
import type { Comment, Media, ShortUser } from './schemas.js';

export interface GeoQuery {
  lat: number;
  lng: number;
  /** Metres (media search: default 1000, max 5000). */
  distance?: number | undefined;
}

const media = (id: string) => `/media/${encodeURIComponent(id)}`;

export function createMediaApi(ctx: ApiContext) {
  const byShortcode = (auth: Auth, shortcode: string, options?: CallOptions): Promise<Result<Media>> =>
    getOne(ctx, auth, `/media/shortcode/${encodeURIComponent(shortcode)}`, mediaSchema, 'media', [], options);

  return {
    get: (auth: Auth, mediaId: string, options?: CallOptions): Promise<Result<Media>> =>
      getOne(ctx, auth, media(mediaId), mediaSchema, 'media', [], options),

    byShortcode,

    /** A pasted `https://www.instagram.com/p/<shortcode>/` link; a link that is not one fails before any call. */
    byUrl: (auth: Auth, url: string, options?: CallOptions): Promise<Result<Media>> => {
      const shortcode = parseMediaUrl(url);
      if (shortcode === undefined) {
        return Promise.reject(
          new InstagramInvalidParametersError(
            'That is not a link to an Instagram post (https://www.instagram.com/p/…/).',
            {
              type: 'InvalidMediaUrl',
              status: 0,
            },
          ),
        );
      }
      return byShortcode(auth, shortcode, options);
    },

    search: (auth: Auth, query: GeoQuery, options?: CallOptions): Promise<Result<Media[]>> =>
      getOne(
        ctx,
        auth,
        '/media/search',
        z.array(mediaSchema),
        'media search',
        [
          ['lat', query.lat],
          ['lng', query.lng],
          ['distance', query.distance],
        ],
        options,
      ),
  };
}

export function createCommentsApi(ctx: ApiContext) {
  return {
    list: (auth: Auth, mediaId: string, options?: CallOptions): Promise<Result<Comment[]>> =>
      getOne(ctx, auth, `${media(mediaId)}/comments`, z.array(commentSchema), 'comments', [], options),

    /** The late API acknowledges with `null`; older answers carried the created comment. */
    create: (auth: Auth, mediaId: string, text: string, options?: CallOptions): Promise<Result<Comment | null>> =>
      write(
        ctx,
        auth,
        'POST',
        `${media(mediaId)}/comments`,
        commentSchema.nullish().transform((c) => c ?? null),
        'comment',
        [['text', text]],
        'comments',
        options,
      ),

    remove: (auth: Auth, mediaId: string, commentId: string, options?: CallOptions): Promise<Result<null>> =>
      write(
        ctx,
        auth,
        'DELETE',
        `${media(mediaId)}/comments/${encodeURIComponent(commentId)}`,
        ackSchema,
        'comment delete',
        [],
        'comments',
        options,
      ),
  };
}

export function createLikesApi(ctx: ApiContext) {
  return {
    list: (auth: Auth, mediaId: string, options?: CallOptions): Promise<Result<ShortUser[]>> =>
      getOne(ctx, auth, `${media(mediaId)}/likes`, z.array(shortUserSchema), 'likes', [], options),

    like: (auth: Auth, mediaId: string, options?: CallOptions): Promise<Result<null>> =>
      write(ctx, auth, 'POST', `${media(mediaId)}/likes`, ackSchema, 'like', [], 'likes', options),

    unlike: (auth: Auth, mediaId: string, options?: CallOptions): Promise<Result<null>> =>
      write(ctx, auth, 'DELETE', `${media(mediaId)}/likes`, ackSchema, 'unlike', [], 'likes', options),
  };
}
