// A post as igcord knows it, whichever provider served it: what it shows (its media items), who made it, what it
// says, where and when, who is tagged, and how it is received. Feeds store posts in this shape (their pending
// lists), and every renderer above the providers reads only this shape. A provider maps its own wire objects
// into it at its edge (src/providers/v1/to-core.ts for the Platform API v1).
import { z } from 'zod';

/** What kind of post it is; reels and stories come with providers that serve them. */
export const postKindSchema = z.enum(['image', 'video', 'carousel', 'reel', 'story']);
export type PostKind = z.output<typeof postKindSchema>;

/** One picture or video of a post. A video's `url` is the video itself; `cover` is the still shown for it. */
export const mediaItemSchema = z.object({
  kind: z.enum(['image', 'video']),
  url: z.string(),
  cover: z.string().optional(),
  /** A small picture of the item, for list views. */
  thumbnail: z.string().optional(),
});
export type MediaItem = z.output<typeof mediaItemSchema>;

/** Someone on Instagram as a post names them: the author, a tagged person, a commenter. */
export const personSchema = z.object({
  /** Absent when the provider names a person by username only (tagged people in late v1 payloads). */
  id: z.string().optional(),
  username: z.string(),
  /** The display name; empty or absent when the person has none. */
  name: z.string().optional(),
  avatar: z.string().optional(),
});
export type Person = z.output<typeof personSchema>;

/** Where a post was made: a named place, coordinates, or both. */
export const placeSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  lat: z.number().optional(),
  lng: z.number().optional(),
});
export type Place = z.output<typeof placeSchema>;

/**
 * What a comments feed delivers is a comment, carried as a post: the post's `id` is the comment's, its `author`
 * the commenter, its `caption` the comment's text (so filters and templates read it), and its items and permalink
 * those of the post commented on. This says which post that is, and whether the comment is hidden.
 */
export const commentOnSchema = z.object({
  /** The commented post's id. */
  postId: z.string().min(1).max(100),
  /** The commented post's caption (shortened by the renderer). */
  postCaption: z.string(),
  /** The account whose post it is: its owner moderates the comment. */
  ownerId: z.string().min(1).max(100),
  ownerUsername: z.string(),
  hidden: z.boolean().optional(),
  /** The comment it answers, for a reply. */
  parentId: z.string().optional(),
});
export type CommentOn = z.output<typeof commentOnSchema>;

export const postSchema = z.object({
  id: z.string().min(1).max(100),
  kind: postKindSchema,
  /** At least one; a carousel's in order. */
  items: z.array(mediaItemSchema).min(1),
  /** Empty when the post has none. */
  caption: z.string(),
  author: personSchema,
  /** The post's page on Instagram. */
  permalink: z.string(),
  location: placeSchema.optional(),
  /** Hashtags, without `#`. */
  tags: z.array(z.string()),
  /** People tagged in the post. */
  people: z.array(personSchema),
  /** Absent when the provider does not serve them (counts are optional across providers). */
  counts: z.object({
    likes: z.number().int().nonnegative().optional(),
    comments: z.number().int().nonnegative().optional(),
  }),
  /** When it was posted, unix seconds (a provider may serve an odd value beyond any date; renderers cope). */
  time: z.number().nonnegative(),
  /** Whether the person reading has liked it, when the provider says. */
  likedByViewer: z.boolean().optional(),
  /** Metres from the searched point, for posts found by a place search. */
  distance: z.number().optional(),
  /** Present when this is a comment (a comments feed's delivery): the post it is on. */
  commentOn: commentOnSchema.optional(),
});
export type Post = z.output<typeof postSchema>;
