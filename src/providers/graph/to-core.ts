// The Graph APIs' edge: IG Media, IG User and IG Comment mapped into igcord's provider-neutral core types.
// Nothing above the providers reads a Graph field name. What Graph serves unevenly is settled here once: a reel
// is VIDEO + REELS, a story is media_product_type STORY, a carousel's items come from `children`, a missing
// `media_url` (licensed audio read through another user's path) falls back to the still, then to the permalink
// (reference §1.4), hidden likes stay absent, hashtag media carry no username.
import type { Comment, MediaItem, Person, Post, PostKind, Profile } from '../../core/index.js';
import type { Page } from './api-call.js';
import type { GraphComment, GraphMedia, GraphUser } from './schemas.js';

/** Graph's `2026-11-28T16:40:52+0000` as unix seconds (0 when absent or unreadable). */
export function unixTime(timestamp: string | undefined): number {
  if (timestamp === undefined) return 0;
  const ms = Date.parse(timestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

export function postKindOf(media: Pick<GraphMedia, 'media_type' | 'media_product_type'>): PostKind {
  if (media.media_product_type === 'STORY') return 'story';
  if (media.media_type === 'CAROUSEL_ALBUM') return 'carousel';
  if (media.media_type === 'VIDEO') return media.media_product_type === 'REELS' ? 'reel' : 'video';
  return 'image';
}

type Visual = Pick<GraphMedia, 'media_type' | 'media_url' | 'thumbnail_url'>;

/** One picture or video; undefined when Graph served neither a URL nor a still for it. */
function item(media: Visual, fallback: string): MediaItem | undefined {
  if (media.media_type === 'VIDEO') {
    if (media.media_url !== undefined) {
      return {
        kind: 'video',
        url: media.media_url,
        ...(media.thumbnail_url !== undefined ? { cover: media.thumbnail_url, thumbnail: media.thumbnail_url } : {}),
      };
    }
    // No video URL (licensed audio): the still stands in, and the post's permalink plays it.
    const still = media.thumbnail_url ?? fallback;
    return still === '' ? undefined : { kind: 'image', url: still, thumbnail: still };
  }
  const url = media.media_url ?? media.thumbnail_url ?? fallback;
  return url === '' ? undefined : { kind: 'image', url, thumbnail: url };
}

function permalinkOf(media: GraphMedia): string {
  if (media.permalink !== undefined) return media.permalink;
  if (media.shortcode !== undefined)
    return `https://www.instagram.com/${media.media_product_type === 'REELS' ? 'reel' : 'p'}/${media.shortcode}/`;
  return '';
}

/** Hashtags of a caption, without `#`, lower-case, once each. */
export function hashtagsOf(caption: string): string[] {
  return [...new Set([...caption.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!.toLowerCase()))];
}

/** `author` is who the caller knows the media belongs to (own media, a discovered account), used when Graph leaves `username` out. */
export function postFromGraph(media: GraphMedia, author?: Person): Post {
  const permalink = permalinkOf(media);
  const kind = postKindOf(media);
  const children = media.children?.data ?? [];
  const items =
    kind === 'carousel' && children.length > 0
      ? children.flatMap((c) => item(c, '') ?? [])
      : [item(media, permalink)].flatMap((i) => i ?? []);
  // A post always shows something: at worst its own page.
  if (items.length === 0) items.push({ kind: 'image', url: media.thumbnail_url ?? permalink });
  const caption = media.caption ?? '';
  const username = media.username ?? author?.username ?? '';
  const authorId = media.owner?.id ?? author?.id;
  return {
    id: media.id,
    kind,
    items,
    caption,
    author: { ...author, username, ...(authorId !== undefined ? { id: authorId } : {}) },
    permalink,
    tags: hashtagsOf(caption),
    people: [],
    counts: {
      ...(media.like_count !== undefined ? { likes: media.like_count } : {}),
      ...(media.comments_count !== undefined ? { comments: media.comments_count } : {}),
    },
    time: unixTime(media.timestamp),
  };
}

export function profileFromGraph(user: GraphUser): Profile {
  return {
    // The professional id: Instagram Login's `user_id`, Facebook Login's `id` (reference §1.2 step 5).
    id: user.user_id ?? user.id,
    username: user.username,
    ...(user.name ? { name: user.name } : {}),
    ...(user.profile_picture_url ? { avatar: user.profile_picture_url } : {}),
    bio: user.biography ?? '',
    website: user.website ?? '',
    ...(user.account_type !== undefined ? { business: user.account_type === 'BUSINESS' } : {}),
    counts: { posts: user.media_count ?? 0, followers: user.followers_count ?? 0, following: user.follows_count ?? 0 },
  };
}

export function commentFromGraph(comment: Omit<GraphComment, 'replies'>): Comment {
  const username = comment.username ?? comment.from?.username ?? '';
  const id = comment.from?.id;
  return {
    id: comment.id,
    time: unixTime(comment.timestamp),
    text: comment.text,
    author: { username, ...(id !== undefined ? { id } : {}) },
  };
}

/** A page with its items mapped (and every further page mapped the same way when fetched). */
export function mapPage<A, B>(page: Page<A>, map: (item: A) => B): Page<B> {
  const next = page.next;
  return {
    ...page,
    data: page.data.map(map),
    next: next === undefined ? undefined : async () => mapPage(await next(), map),
  };
}
