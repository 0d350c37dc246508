// The emulator's data: sandbox users, their media, comments, likes, follows and pending follow requests, plus
// the locations media can be tagged with. The World applies the sandbox visibility rule of reference §7.1 —
// only the sandbox users exist, each as if they had posted only their 20 newest media — and the privacy rule
// (a private user's media is visible to themselves and their followers only).
import { makePk, mediaIdOf, shortcodeFromPk } from './ids.js';
import type { Json } from './json.js';

export type MediaType = 'image' | 'video' | 'carousel';

export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  profilePicture: string;
  bio: string;
  website: string;
  isPrivate: boolean;
  isBusiness: boolean;
}

export interface CommentRecord {
  id: string;
  fromId: string;
  text: string;
  createdMs: number;
}

export interface MediaRecord {
  pk: bigint;
  id: string;
  shortcode: string;
  ownerId: string;
  type: MediaType;
  createdMs: number;
  filter: string;
  /** The caption is a comment by the owner; null when the media has none. */
  caption: CommentRecord | null;
  /** Lower-cased, de-duplicated hashtags of the caption, without '#'. */
  tags: string[];
  /** When the media entered its tags' feeds: the cursor of /tags/{tag}/media/recent. */
  tagId: bigint;
  locationId: string | null;
  usersInPhoto: { username: string; x: number; y: number }[];
  /** Item types of a carousel, in order (empty for image and video). */
  carouselItems: ('image' | 'video')[];
  /** Who liked it, with the like's sequence number (the cursor of /users/self/media/liked). */
  likes: Map<string, number>;
  comments: CommentRecord[];
  /**
   * Top-level fields served as given instead of the world's own (an empty location name, a far-future
   * created_time, images without URLs...): odd but valid media, for clients' robustness tests.
   */
  quirks?: Record<string, Json> | undefined;
}

export interface LocationRecord {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  facebookPlacesId: string;
}

/** How many media of each user exist for a sandbox app (reference §7.1). */
export const SANDBOX_MEDIA_LIMIT = 20;

/** Tags the emulator treats as blocked (APINotAllowedError "This tag cannot be viewed"). */
export const BLOCKED_TAGS = new Set(['blocked', 'forbidden']);

/** Extracts the tags of a caption: lower-cased, de-duplicated, in order of first appearance. */
export function tagsOf(text: string): string[] {
  const found = text.match(/#[\p{L}\p{N}_]+/gu) ?? [];
  return [...new Set(found.map((t) => t.slice(1).toLowerCase()))];
}

/** Everything a World holds, as its own records: what snapshot.ts writes out and reads back. */
export interface WorldContents {
  users: UserRecord[];
  locations: LocationRecord[];
  media: MediaRecord[];
  /** [follower id, followee id, sequence] */
  follows: [string, string, number][];
  /** [requester id, target id, sequence] */
  requests: [string, string, number][];
  sequence: number;
  mediaSequence: number;
  commentCounter: bigint;
}

export class World {
  readonly users: UserRecord[] = [];
  readonly locations: LocationRecord[] = [];
  private readonly usersById = new Map<string, UserRecord>();
  private readonly media = new Map<bigint, MediaRecord>();
  /** follower id → (followee id → sequence of the follow). */
  private readonly follows = new Map<string, Map<string, number>>();
  /** target id → (requester id → sequence of the request). */
  private readonly requests = new Map<string, Map<string, number>>();
  private sequence = 0;
  private mediaSequence = 0;
  private commentCounter: bigint;

  constructor(commentIdBase: bigint) {
    this.commentCounter = commentIdBase;
  }

  /** The whole world, records shared (not copied): the caller serializes it at once. */
  contents(): WorldContents {
    const pairs = (map: Map<string, Map<string, number>>, outer: 'first' | 'second') =>
      [...map].flatMap(([a, inner]) =>
        [...inner].map(([b, seq]): [string, string, number] => (outer === 'first' ? [a, b, seq] : [b, a, seq])),
      );
    return {
      users: this.users,
      locations: this.locations,
      media: [...this.media.values()],
      follows: pairs(this.follows, 'first'),
      requests: pairs(this.requests, 'second'),
      sequence: this.sequence,
      mediaSequence: this.mediaSequence,
      commentCounter: this.commentCounter,
    };
  }

  /** A world holding exactly `contents` (from a snapshot), sequences included so new ids keep rising. */
  static from(contents: WorldContents): World {
    const world = new World(contents.commentCounter);
    for (const user of contents.users) world.addUser(user);
    for (const location of contents.locations) world.addLocation(location);
    for (const media of contents.media) world.media.set(media.pk, media);
    const put = (map: Map<string, Map<string, number>>, key: string, value: string, seq: number) => {
      let inner = map.get(key);
      if (!inner) map.set(key, (inner = new Map()));
      inner.set(value, seq);
    };
    for (const [follower, followee, seq] of contents.follows) put(world.follows, follower, followee, seq);
    for (const [requester, target, seq] of contents.requests) put(world.requests, target, requester, seq);
    world.sequence = contents.sequence;
    world.mediaSequence = contents.mediaSequence;
    return world;
  }

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** A new 17-digit comment id, increasing like the real ones. */
  nextCommentId(): string {
    this.commentCounter += BigInt(1 + (this.sequence % 7));
    this.sequence += 1;
    return String(this.commentCounter);
  }

  addUser(user: UserRecord): void {
    this.users.push(user);
    this.usersById.set(user.id, user);
  }

  addLocation(location: LocationRecord): void {
    this.locations.push(location);
  }

  user(id: string): UserRecord | undefined {
    return this.usersById.get(id);
  }

  userByName(username: string): UserRecord | undefined {
    return this.users.find((u) => u.username === username);
  }

  location(id: string): LocationRecord | undefined {
    return this.locations.find((l) => l.id === id);
  }

  /** Creates a media record with a pk, id and shortcode derived from its creation time. */
  createMedia(
    fields: Omit<MediaRecord, 'pk' | 'id' | 'shortcode' | 'tagId' | 'tags' | 'likes' | 'comments'> & {
      sequence?: number;
    },
  ): MediaRecord {
    this.mediaSequence += 1;
    let pk = makePk(fields.createdMs, fields.sequence ?? this.mediaSequence * 97 + 1024);
    while (this.media.has(pk)) pk += 1n;
    const record: MediaRecord = {
      pk,
      id: mediaIdOf(pk, fields.ownerId),
      shortcode: shortcodeFromPk(pk),
      ownerId: fields.ownerId,
      type: fields.type,
      createdMs: fields.createdMs,
      filter: fields.filter,
      caption: fields.caption,
      tags: fields.caption ? tagsOf(fields.caption.text) : [],
      tagId: BigInt(fields.createdMs) * 1000n + BigInt(this.mediaSequence % 1000),
      locationId: fields.locationId,
      usersInPhoto: fields.usersInPhoto,
      carouselItems: fields.carouselItems,
      likes: new Map(),
      comments: [],
      ...(fields.quirks !== undefined ? { quirks: fields.quirks } : {}),
    };
    this.media.set(pk, record);
    return record;
  }

  deleteMedia(pk: bigint): boolean {
    return this.media.delete(pk);
  }

  /** Every stored media of a user, newest first (including those the sandbox hides). */
  allMediaOf(userId: string): MediaRecord[] {
    return [...this.media.values()].filter((m) => m.ownerId === userId).sort(newestFirst);
  }

  /** The media that exist for a sandbox app: each user's 20 newest, newest first. */
  visibleMediaOf(userId: string): MediaRecord[] {
    return this.allMediaOf(userId).slice(0, SANDBOX_MEDIA_LIMIT);
  }

  /** Every media that exists for a sandbox app, newest first. */
  allVisibleMedia(): MediaRecord[] {
    return this.users.flatMap((u) => this.visibleMediaOf(u.id)).sort(newestFirst);
  }

  /** A media by pk if it exists for the sandbox app (one of its owner's 20 newest). */
  visibleMedia(pk: bigint): MediaRecord | undefined {
    const m = this.media.get(pk);
    if (!m) return undefined;
    return this.visibleMediaOf(m.ownerId).includes(m) ? m : undefined;
  }

  /** Whether the viewer may see the owner's media: own, public, or a follower of a private user. */
  canSeeMediaOf(viewerId: string, ownerId: string): boolean {
    if (viewerId === ownerId) return true;
    const owner = this.user(ownerId);
    if (!owner) return false;
    return !owner.isPrivate || this.isFollowing(viewerId, ownerId);
  }

  isFollowing(followerId: string, followeeId: string): boolean {
    return this.follows.get(followerId)?.has(followeeId) ?? false;
  }

  hasRequested(requesterId: string, targetId: string): boolean {
    return this.requests.get(targetId)?.has(requesterId) ?? false;
  }

  follow(followerId: string, followeeId: string): void {
    this.cancelRequest(followerId, followeeId);
    let map = this.follows.get(followerId);
    if (!map) this.follows.set(followerId, (map = new Map()));
    if (!map.has(followeeId)) map.set(followeeId, this.nextSequence());
  }

  unfollow(followerId: string, followeeId: string): void {
    this.follows.get(followerId)?.delete(followeeId);
    this.cancelRequest(followerId, followeeId);
  }

  request(requesterId: string, targetId: string): void {
    let map = this.requests.get(targetId);
    if (!map) this.requests.set(targetId, (map = new Map()));
    if (!map.has(requesterId)) map.set(requesterId, this.nextSequence());
  }

  cancelRequest(requesterId: string, targetId: string): void {
    this.requests.get(targetId)?.delete(requesterId);
  }

  /** Users the given user follows, most recent follow first, with the follow's sequence (the list cursor). */
  followsOf(userId: string): { user: UserRecord; seq: number }[] {
    return this.withUsers([...(this.follows.get(userId) ?? new Map<string, number>()).entries()]);
  }

  /** Users following the given user, most recent first. */
  followersOf(userId: string): { user: UserRecord; seq: number }[] {
    const entries: [string, number][] = [];
    for (const [follower, map] of this.follows) {
      const seq = map.get(userId);
      if (seq !== undefined) entries.push([follower, seq]);
    }
    return this.withUsers(entries);
  }

  /** Users who asked to follow the given (private) user, most recent first. */
  requestersOf(userId: string): { user: UserRecord; seq: number }[] {
    return this.withUsers([...(this.requests.get(userId) ?? new Map<string, number>()).entries()]);
  }

  private withUsers(entries: [string, number][]): { user: UserRecord; seq: number }[] {
    return entries
      .map(([id, seq]) => ({ user: this.user(id), seq }))
      .filter((e): e is { user: UserRecord; seq: number } => e.user !== undefined)
      .sort((a, b) => b.seq - a.seq);
  }
}

export function newestFirst(a: MediaRecord, b: MediaRecord): number {
  return a.pk === b.pk ? 0 : a.pk > b.pk ? -1 : 1;
}
