// zod schemas of every Instagram Platform API object igcord reads (reference §2.9, §4.3, §6), tolerant exactly
// where real responses varied over the years and normalised so the rest of igcord sees one shape: ids are
// always strings, timestamps are strings of unix seconds, a caption or location may be null, `users_in_photo`
// is always an array, and old first_name/last_name users get a `full_name`.
import { z } from 'zod';

/** Ids: strings in late responses, JSON numbers in old fixtures and for locations inside media (§2.9). */
export const idSchema = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((v) => (typeof v === 'number' ? BigInt(v).toString() : v));

/** `created_time`: unix seconds, a string in real responses; numbers normalised to the same string. */
export const unixTimeSchema = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform((v) => String(v));

const countSchema = z.number().int().nonnegative();

/** Media `user`, comment `from`, likes/follows/search lists. Very old payloads: first_name/last_name. */
export const shortUserSchema = z
  .looseObject({
    id: idSchema,
    username: z.string(),
    full_name: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    profile_picture: z.string().nullish(),
  })
  .transform((u) => ({
    id: u.id,
    username: u.username,
    full_name: u.full_name ?? [u.first_name, u.last_name].filter(Boolean).join(' '),
    profile_picture: u.profile_picture ?? undefined,
  }));
export type ShortUser = z.output<typeof shortUserSchema>;

/** `/users/{id}` and `/users/self`. */
export const fullUserSchema = z
  .looseObject({
    id: idSchema,
    username: z.string(),
    full_name: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    profile_picture: z.string().nullish(),
    bio: z.string().nullish(),
    website: z.string().nullish(),
    is_business: z.boolean().optional(),
    counts: z.object({ media: countSchema, follows: countSchema, followed_by: countSchema }),
  })
  .transform((u) => ({
    id: u.id,
    username: u.username,
    full_name: u.full_name ?? [u.first_name, u.last_name].filter(Boolean).join(' '),
    profile_picture: u.profile_picture ?? undefined,
    bio: u.bio ?? '',
    website: u.website ?? '',
    is_business: u.is_business,
    counts: u.counts,
  }));
export type FullUser = z.output<typeof fullUserSchema>;

export const commentSchema = z.object({
  id: idSchema,
  created_time: unixTimeSchema,
  text: z.string(),
  from: shortUserSchema,
});
export type Comment = z.output<typeof commentSchema>;

/** A caption is a Comment, or null when the media has none. */
export const captionSchema = commentSchema.nullable();

export const tagSchema = z.object({ name: z.string(), media_count: countSchema });
export type Tag = z.output<typeof tagSchema>;

/**
 * Locations: `id` is a string in location endpoints and a JSON number inside media; old media carried
 * `{id: null, name: null}` with coordinates only.
 */
export const locationSchema = z.object({
  id: idSchema.nullable(),
  name: z.string().nullable(),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  street_address: z.string().nullish(),
});
export type Location = z.output<typeof locationSchema>;

const renditionSchema = z.object({ url: z.string(), width: z.number().int(), height: z.number().int() });
export type Rendition = z.output<typeof renditionSchema>;

export const imagesSchema = z.object({
  thumbnail: renditionSchema,
  low_resolution: renditionSchema,
  standard_resolution: renditionSchema,
});

export const videosSchema = z.object({
  low_resolution: renditionSchema,
  standard_resolution: renditionSchema,
  low_bandwidth: renditionSchema.optional(),
});

/** Late payloads reduced the tagged user to `{username}`; older ones had a short user. Null on some videos. */
const usersInPhotoSchema = z
  .array(
    z.object({
      user: z.looseObject({ username: z.string(), id: idSchema.optional() }).transform((u) => ({
        username: u.username,
        id: u.id,
      })),
      position: z.object({ x: z.number(), y: z.number() }),
    }),
  )
  .nullish()
  .transform((v) => v ?? []);

const carouselItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('image'), images: imagesSchema, users_in_photo: usersInPhotoSchema }),
  z.object({
    type: z.literal('video'),
    images: imagesSchema.optional(),
    videos: videosSchema,
    users_in_photo: usersInPhotoSchema,
  }),
]);
export type CarouselItem = z.output<typeof carouselItemSchema>;

const mediaBase = {
  id: idSchema,
  created_time: unixTimeSchema,
  link: z.string(),
  filter: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  user: shortUserSchema,
  user_has_liked: z.boolean().optional(),
  attribution: z.looseObject({ name: z.string() }).nullish(),
  location: locationSchema.nullish().transform((v) => v ?? null),
  caption: captionSchema.optional().transform((v) => v ?? null),
  likes: z.object({ count: countSchema }),
  comments: z.object({ count: countSchema }),
  images: imagesSchema,
  users_in_photo: usersInPhotoSchema,
  /** Only in `/media/search` results: metres from the searched point. */
  distance: z.number().optional(),
};

export const mediaSchema = z.discriminatedUnion('type', [
  z.object({ ...mediaBase, type: z.literal('image') }),
  z.object({ ...mediaBase, type: z.literal('video'), videos: videosSchema }),
  z.object({
    ...mediaBase,
    type: z.literal('carousel'),
    videos: videosSchema.optional(),
    carousel_media: z.array(carouselItemSchema).min(1),
  }),
]);
export type Media = z.output<typeof mediaSchema>;

const outgoingStatus = z.enum(['follows', 'requested', 'none']);
const incomingStatus = z.enum(['followed_by', 'requested_by', 'blocked_by_you', 'none']);

/** GET relationship answers all three fields; POST answers `outgoing_status` and sometimes `incoming_status`. */
export const relationshipSchema = z.object({
  outgoing_status: outgoingStatus,
  incoming_status: incomingStatus.optional(),
  target_user_is_private: z.boolean().optional(),
});
export type Relationship = z.output<typeof relationshipSchema>;

export const subscriptionSchema = z.object({
  id: idSchema,
  object: z.string(),
  object_id: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v == null ? null : String(v))),
  aspect: z.string(),
  callback_url: z.string(),
  type: z.string().optional(),
});
export type Subscription = z.output<typeof subscriptionSchema>;

const cursorSchema = idSchema.optional();

/** The union of every endpoint's pagination keys (§1.3); `{}` when there is no next page. */
export const paginationSchema = z
  .looseObject({
    next_url: z.string().nullish(),
    next_max_id: cursorSchema,
    next_min_id: cursorSchema,
    next_max_like_id: cursorSchema,
    next_cursor: cursorSchema,
    next_max_tag_id: cursorSchema,
    min_tag_id: cursorSchema,
    deprecation_warning: z.string().optional(),
  })
  .optional()
  .transform((p) => ({
    next_url: p?.next_url ?? undefined,
    next_max_id: p?.next_max_id,
    next_min_id: p?.next_min_id,
    next_max_like_id: p?.next_max_like_id,
    next_cursor: p?.next_cursor,
    next_max_tag_id: p?.next_max_tag_id,
    min_tag_id: p?.min_tag_id,
  }));
export type Pagination = z.output<typeof paginationSchema>;

/** `/oauth/access_token` success (no envelope, no expiry, no refresh token; §4.3). */
export const oauthTokenSchema = z.object({
  access_token: z.string().min(1),
  user: z
    .looseObject({
      id: idSchema,
      username: z.string(),
      full_name: z.string().nullish(),
      profile_picture: z.string().nullish(),
      bio: z.string().nullish(),
      website: z.string().nullish(),
    })
    .transform((u) => ({
      id: u.id,
      username: u.username,
      full_name: u.full_name ?? '',
      profile_picture: u.profile_picture ?? undefined,
      bio: u.bio ?? '',
      website: u.website ?? '',
    })),
});
export type OAuthToken = z.output<typeof oauthTokenSchema>;

/** `data` of write acknowledgements (like/unlike, comment delete, subscription delete): null. */
export const ackSchema = z
  .null()
  .optional()
  .transform(() => null);

/** The `meta` of every /v1 envelope. */
export const metaSchema = z.looseObject({
  code: z.number().int(),
  error_type: z.string().optional(),
  error_message: z.string().optional(),
});
