// The JSON shapes the API answers with (reference §2.9), in their late (2016–2017) form: short and full users,
// comments and captions, locations (numeric id inside media, string id elsewhere), and media with counts only,
// `users_in_photo` reduced to usernames, image/video renditions and carousel items.
import { unixString } from './ids.js';
import type { Json } from './json.js';
import type { CommentRecord, LocationRecord, MediaRecord, UserRecord, World } from './world.js';

export function shortUser(user: UserRecord): { [key: string]: Json } {
  return { id: user.id, username: user.username, full_name: user.fullName, profile_picture: user.profilePicture };
}

export function fullUser(world: World, user: UserRecord): { [key: string]: Json } {
  return {
    ...shortUser(user),
    bio: user.bio,
    website: user.website,
    is_business: user.isBusiness,
    counts: {
      media: world.visibleMediaOf(user.id).length,
      follows: world.followsOf(user.id).length,
      followed_by: world.followersOf(user.id).length,
    },
  };
}

/** A deleted or unknown author still renders, so a comment never loses its shape. */
function authorOf(world: World, id: string): { [key: string]: Json } {
  const user = world.user(id);
  return user ? shortUser(user) : { id, username: `user${id}`, full_name: '', profile_picture: '' };
}

export function comment(world: World, record: CommentRecord): { [key: string]: Json } {
  return {
    id: record.id,
    created_time: unixString(record.createdMs),
    text: record.text,
    from: authorOf(world, record.fromId),
  };
}

export function location(record: LocationRecord): { [key: string]: Json } {
  return { id: record.id, name: record.name, latitude: record.latitude, longitude: record.longitude };
}

const CDN = 'https://scontent.cdninstagram.com';

function images(key: string): { [key: string]: Json } {
  return {
    thumbnail: { url: `${CDN}/t51.2885-15/s150x150/e35/${key}_n.jpg`, width: 150, height: 150 },
    low_resolution: { url: `${CDN}/t51.2885-15/s320x320/e35/${key}_n.jpg`, width: 320, height: 320 },
    standard_resolution: { url: `${CDN}/t51.2885-15/s640x640/sh0.08/e35/${key}_n.jpg`, width: 640, height: 640 },
  };
}

function videos(key: string): { [key: string]: Json } {
  return {
    standard_resolution: { url: `${CDN}/t50.2886-16/${key}_n.mp4`, width: 640, height: 640 },
    low_bandwidth: { url: `${CDN}/t50.2886-16/${key}_lb_n.mp4`, width: 480, height: 480 },
    low_resolution: { url: `${CDN}/t50.2886-16/${key}_lr_n.mp4`, width: 480, height: 480 },
  };
}

/** A media as `viewerId` sees it (`user_has_liked` depends on the viewer); `distance` only for /media/search. */
export function media(
  world: World,
  record: MediaRecord,
  viewerId: string | null,
  extra: { distance?: number } = {},
): { [key: string]: Json } {
  const owner = world.user(record.ownerId);
  const place = record.locationId ? world.location(record.locationId) : undefined;
  const key = String(record.pk);
  const out: { [key: string]: Json } = {
    attribution: null,
    tags: record.tags,
    type: record.type,
    location: place ? { ...location(place), id: Number(place.id) } : null,
    comments: { count: record.comments.length },
    filter: record.filter,
    created_time: unixString(record.createdMs),
    link: `https://www.instagram.com/p/${record.shortcode}/`,
    likes: { count: record.likes.size },
    images: images(record.type === 'carousel' ? `${key}_0` : key),
    users_in_photo: record.usersInPhoto.map((t) => ({ user: { username: t.username }, position: { x: t.x, y: t.y } })),
    caption: record.caption ? comment(world, record.caption) : null,
    user_has_liked: viewerId !== null && record.likes.has(viewerId),
    id: record.id,
    user: owner ? shortUser(owner) : authorOf(world, record.ownerId),
  };
  if (record.type === 'video') out.videos = videos(key);
  if (record.type === 'carousel') {
    out.carousel_media = record.carouselItems.map((itemType, i): Json =>
      itemType === 'video'
        ? { type: 'video', videos: videos(`${key}_${i}`), users_in_photo: [] }
        : { type: 'image', images: images(`${key}_${i}`), users_in_photo: [] },
    );
  }
  if (extra.distance !== undefined) out.distance = extra.distance;
  if (record.quirks !== undefined) Object.assign(out, record.quirks);
  return out;
}
