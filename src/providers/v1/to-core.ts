// The Platform API v1's edge: its wire objects (schemas.ts) mapped into igcord's provider-neutral core types.
// Nothing above the providers reads a v1 field name; whatever v1 serves oddly (a null caption, a
// coordinate-only location, a tagged user known only by username) is settled here, once.
import type { Page } from './api-call.js';
import type { Comment, MediaItem, Person, Place, Post, Profile, TagInfo } from '../../core/index.js';
import type { CarouselItem, Comment as V1Comment, FullUser, Location, Media, ShortUser, Tag } from './schemas.js';

/** A media's author, a liker, a follower, a commenter. */
export function personFromV1(
  user: Pick<ShortUser, 'id' | 'username'> & Partial<Pick<ShortUser, 'full_name' | 'profile_picture'>>,
): Person {
  return {
    id: user.id,
    username: user.username,
    ...(user.full_name ? { name: user.full_name } : {}),
    ...(user.profile_picture ? { avatar: user.profile_picture } : {}),
  };
}

export function profileFromV1(user: FullUser): Profile {
  return {
    ...personFromV1(user),
    id: user.id,
    bio: user.bio,
    website: user.website,
    ...(user.is_business !== undefined ? { business: user.is_business } : {}),
    counts: { posts: user.counts.media, followers: user.counts.followed_by, following: user.counts.follows },
  };
}

/** A place; undefined for v1's `{id: null, name: null}` without coordinates, which names nowhere. */
export function placeFromV1(location: Location | null | undefined): Place | undefined {
  if (location === null || location === undefined) return undefined;
  const place: Place = {
    ...(location.id !== null ? { id: location.id } : {}),
    ...(location.name !== null ? { name: location.name } : {}),
    ...(location.latitude != null ? { lat: location.latitude } : {}),
    ...(location.longitude != null ? { lng: location.longitude } : {}),
  };
  return Object.keys(place).length === 0 ? undefined : place;
}

export function commentFromV1(comment: V1Comment): Comment {
  return { id: comment.id, time: Number(comment.created_time), text: comment.text, author: personFromV1(comment.from) };
}

export function tagFromV1(tag: Tag): TagInfo {
  return { name: tag.name, postCount: tag.media_count };
}

/**
 * `cover` is the media's top-level still, which mirrors the first item (reference §2): a video item without
 * `images` of its own (as v1 serves them) borrows it only when it is that first item; any other would show the
 * first item's picture as its own, twice in one gallery.
 */
function carouselItem(item: CarouselItem, index: number, cover: string): MediaItem {
  if (item.type === 'image')
    return { kind: 'image', url: item.images.standard_resolution.url, thumbnail: item.images.thumbnail.url };
  const still = item.images?.standard_resolution.url ?? (index === 0 ? cover : undefined);
  return {
    kind: 'video',
    url: item.videos.standard_resolution.url,
    ...(still !== undefined ? { cover: still } : {}),
    ...(item.images ? { thumbnail: item.images.thumbnail.url } : {}),
  };
}

function items(media: Media): MediaItem[] {
  const cover = media.images.standard_resolution.url;
  const thumbnail = media.images.thumbnail.url;
  switch (media.type) {
    case 'image':
      return [{ kind: 'image', url: cover, thumbnail }];
    case 'video':
      return [{ kind: 'video', url: media.videos.standard_resolution.url, cover, thumbnail }];
    case 'carousel': {
      // The media's own thumbnail stands for the whole carousel in list views.
      const [first, ...rest] = media.carousel_media.map((item, i) => carouselItem(item, i, cover));
      return [{ ...first!, thumbnail }, ...rest];
    }
  }
}

/** A v1 media as a core post; its people are those v1 tags on the media itself (`users_in_photo`). */
export function postFromV1(media: Media): Post {
  const location = placeFromV1(media.location);
  return {
    id: media.id,
    kind: media.type,
    items: items(media),
    caption: media.caption?.text ?? '',
    author: personFromV1(media.user),
    permalink: media.link,
    ...(location !== undefined ? { location } : {}),
    tags: media.tags,
    people: media.users_in_photo.map((t) => ({
      username: t.user.username,
      ...(t.user.id !== undefined ? { id: t.user.id } : {}),
    })),
    counts: { likes: media.likes.count, comments: media.comments.count },
    time: Number(media.created_time),
    ...(media.user_has_liked !== undefined ? { likedByViewer: media.user_has_liked } : {}),
    ...(media.distance !== undefined ? { distance: media.distance } : {}),
  };
}

/** A page of a v1 list with its items mapped (and every further page mapped the same way when fetched). */
export function mapPage<A, B>(page: Page<A>, map: (item: A) => B): Page<B> {
  const next = page.next;
  return {
    ...page,
    data: page.data.map(map),
    next: next === undefined ? undefined : async () => mapPage(await next(), map),
  };
}

/** A page of v1 media as core posts. */
export const postPage = (page: Page<Media>): Page<Post> => mapPage(page, postFromV1);
