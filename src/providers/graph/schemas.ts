// Graph's wire objects as zod schemas (reference §1.4), and the field lists igcord asks for. Graph sends only
// the fields asked for and leaves out some of those (media_url for reels with licensed audio read through
// another user's path, like_count when hidden, username on hashtag media), so nearly everything is optional;
// to-core.ts settles the gaps once.
import { z } from 'zod';

const childSchema = z.object({
  id: z.string(),
  media_type: z.string().optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
});

export const graphMediaSchema = z.object({
  id: z.string(),
  caption: z.string().optional(),
  media_type: z.string().optional(),
  media_product_type: z.string().optional(),
  media_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  permalink: z.string().optional(),
  shortcode: z.string().optional(),
  /** ISO 8601 with a `+0000` offset. */
  timestamp: z.string().optional(),
  username: z.string().optional(),
  like_count: z.number().int().nonnegative().optional(),
  comments_count: z.number().int().nonnegative().optional(),
  owner: z.object({ id: z.string() }).optional(),
  children: z.object({ data: z.array(childSchema) }).optional(),
});
export type GraphMedia = z.output<typeof graphMediaSchema>;

export const graphUserSchema = z.object({
  id: z.string(),
  /** Instagram Login: the professional account id (`id` is app-scoped there). */
  user_id: z.string().optional(),
  username: z.string(),
  name: z.string().optional(),
  account_type: z.string().optional(),
  biography: z.string().optional(),
  website: z.string().optional(),
  profile_picture_url: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  follows_count: z.number().int().nonnegative().optional(),
  media_count: z.number().int().nonnegative().optional(),
});
export type GraphUser = z.output<typeof graphUserSchema>;

const commentBase = z.object({
  id: z.string(),
  text: z.string().default(''),
  timestamp: z.string().optional(),
  username: z.string().optional(),
  from: z.object({ id: z.string().optional(), username: z.string().optional() }).optional(),
  like_count: z.number().int().nonnegative().optional(),
  hidden: z.boolean().optional(),
  parent_id: z.string().optional(),
});
export const graphCommentSchema = commentBase.extend({ replies: z.object({ data: z.array(commentBase) }).optional() });
export type GraphComment = z.output<typeof graphCommentSchema>;

export const insightSchema = z.object({
  name: z.string(),
  period: z.string().optional(),
  title: z.string().optional(),
  values: z.array(z.object({ value: z.unknown(), end_time: z.string().optional() })).optional(),
  total_value: z.object({ value: z.unknown() }).optional(),
});
export type GraphInsight = z.output<typeof insightSchema>;

export const idSchema = z.object({ id: z.string() });
export const successSchema = z.object({ success: z.boolean() });

/** `{access_token, token_type, expires_in}` of the exchanges and the refresh (reference §1.2, §1.3). */
export const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().nonnegative().optional(),
});

/** api.instagram.com's code exchange: `{data:[{…}]}` as documented, or flat as fixtures read it (reference §6 q1). */
const codeGrantSchema = z.object({
  access_token: z.string().min(1),
  user_id: z.union([z.string(), z.number()]).transform(String),
  permissions: z.union([z.string(), z.array(z.string())]).optional(),
});
export const codeExchangeSchema = z.union([
  z.object({ data: z.array(codeGrantSchema).min(1) }).transform((b) => b.data[0]!),
  codeGrantSchema,
]);

export const pageAccountSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  access_token: z.string().optional(),
  instagram_business_account: z.object({ id: z.string(), username: z.string().optional() }).optional(),
});

/** The media fields of reference §4.3 (`POST_FIELDS`) with carousel children in the same call. */
export const CHILDREN_FIELDS = 'children{id,media_type,media_url,thumbnail_url}';
export const POST_FIELDS =
  'id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,username,like_count,comments_count';
export const MEDIA_FIELDS = `${POST_FIELDS},${CHILDREN_FIELDS}`;
/** Hashtag media refuse `username` (reference §1.4). */
export const HASHTAG_MEDIA_FIELDS = MEDIA_FIELDS.replace(',username', '');

/** Profile fields per login (reference §1.2 step 5, §1.4). */
export const PROFILE_FIELDS = {
  instagram:
    'user_id,username,name,account_type,profile_picture_url,followers_count,follows_count,media_count,biography,website',
  facebook: 'id,username,name,profile_picture_url,followers_count,follows_count,media_count,biography,website',
} as const;

export const COMMENT_FIELDS =
  'id,text,timestamp,username,from,like_count,hidden,parent_id,replies{id,text,timestamp,username,from,parent_id}';
