// What igcord's commands ask of Instagram, whichever provider serves it: the operations on users, posts, tags and
// places, typed in core's types only. A provider implements it over its own client (src/providers/v1/port.ts for
// the Platform API v1), the composition root hands that to the bot as `instagram`, and no command depends on which
// Instagram API is configured. What a provider cannot serve is in `capabilities`; a call it cannot serve fails.
import type { CapabilitySet } from './capabilities.js';
import type { Person, Place, Post } from './post.js';
import type { Comment, Profile, TagInfo } from './profile.js';

/** One insight figure: a metric's total (or its latest value) over its period, with its daily values when it has them. */
export interface Insight {
  metric: string;
  period: string | undefined;
  value: number | undefined;
  series: { value: number; endTime: string | undefined }[];
}

/** Whose token a call uses: `userId` (the token owner's Instagram id) is their budget key. */
export interface InstagramAuth {
  userId: string;
  accessToken: string;
}

/** How a call waits for budget, passed through to the provider's limiter as plain data. */
export interface InstagramCallOptions {
  /** Who waits: a person at a command (`interactive`), the feed engine, or background work. */
  priority?: 'interactive' | 'delivery' | 'background' | undefined;
  signal?: AbortSignal | undefined;
  /** Bound on how long the call may wait for budget before failing. */
  deadlineMs?: number | undefined;
}

/** One page of a list; `next` fetches the following page (same auth and options), undefined on the last. */
export interface Page<T> {
  data: T[];
  /** The provider's cursor for the following page, if there is one. */
  nextCursor: string | undefined;
  next: (() => Promise<Page<T>>) | undefined;
}

/** Someone in a list (search results, follows, likes): always with their id. */
export type ListedPerson = Person & { id: string };

/** A place as a location lookup returns it, with its street address when the provider knows one. */
export type PlaceInfo = Place & { address?: string | undefined };

export type RelationshipAction = 'follow' | 'unfollow' | 'approve' | 'ignore';

/** How the token owner and another account stand. */
export interface Relationship {
  outgoing: 'follows' | 'requested' | 'none';
  /** Absent when the provider did not say (some answers to an action carry only `outgoing`). */
  incoming?: 'followed-by' | 'requested-by' | 'blocked-by-you' | 'none' | undefined;
  targetIsPrivate?: boolean | undefined;
}

export interface GeoPoint {
  lat: number;
  lng: number;
  /** Metres around the point. */
  distance?: number | undefined;
}

type Options = InstagramCallOptions | undefined;

export interface InstagramPort {
  /** The API in a person's words, for what it cannot do: "Instagram's current API has no follower lists". */
  readonly name: string;
  /** What this provider serves; commands refuse what it lacks up front. */
  readonly capabilities: CapabilitySet;
  /** The permissions a link can ask for, in the provider's words, in the order it lists them. */
  readonly scopes: readonly string[];
  /** Whose token a pasted one is; charged to the app's budget, not a person's. */
  verifyToken(accessToken: string, options?: Options): Promise<Profile>;
  users: {
    self(auth: InstagramAuth, options?: Options): Promise<Profile>;
    get(auth: InstagramAuth, userId: string, options?: Options): Promise<Profile>;
    search(auth: InstagramAuth, query: string, count?: number, options?: Options): Promise<ListedPerson[]>;
    /** A user's posts, newest first; the token owner's without `userId`. */
    recentPosts(
      auth: InstagramAuth,
      query?: { userId?: string | undefined; count?: number | undefined },
      options?: Options,
    ): Promise<Page<Post>>;
    follows(auth: InstagramAuth, options?: Options): Promise<Page<ListedPerson>>;
    followers(auth: InstagramAuth, options?: Options): Promise<Page<ListedPerson>>;
    /** Who asked to follow the (private) token owner. */
    requests(auth: InstagramAuth, options?: Options): Promise<Page<ListedPerson>>;
    relationship(auth: InstagramAuth, userId: string, options?: Options): Promise<Relationship>;
    act(auth: InstagramAuth, userId: string, action: RelationshipAction, options?: Options): Promise<Relationship>;
  };
  media: {
    get(auth: InstagramAuth, postId: string, options?: Options): Promise<Post>;
    byShortcode(auth: InstagramAuth, shortcode: string, options?: Options): Promise<Post>;
    near(auth: InstagramAuth, point: GeoPoint, options?: Options): Promise<Post[]>;
    /** What the token owner liked, newest first. */
    liked(auth: InstagramAuth, query?: { count?: number | undefined }, options?: Options): Promise<Page<Post>>;
    comments(auth: InstagramAuth, postId: string, options?: Options): Promise<Comment[]>;
    comment(auth: InstagramAuth, postId: string, text: string, options?: Options): Promise<void>;
    deleteComment(auth: InstagramAuth, postId: string, commentId: string, options?: Options): Promise<void>;
    likes(auth: InstagramAuth, postId: string, options?: Options): Promise<ListedPerson[]>;
    like(auth: InstagramAuth, postId: string, options?: Options): Promise<void>;
    unlike(auth: InstagramAuth, postId: string, options?: Options): Promise<void>;
  };
  tags: {
    get(auth: InstagramAuth, name: string, options?: Options): Promise<TagInfo>;
    recentPosts(
      auth: InstagramAuth,
      name: string,
      query?: { count?: number | undefined },
      options?: Options,
    ): Promise<Page<Post>>;
    search(auth: InstagramAuth, query: string, options?: Options): Promise<TagInfo[]>;
  };
  // What only some providers serve, each behind the capability named: a provider without it fails the call with
  // InstagramNotAvailableError before any request, and the commands that need it are not registered there.
  /** `comment-moderation`: the owner's comments, by comment id. */
  moderation: {
    reply(auth: InstagramAuth, commentId: string, text: string, options?: Options): Promise<{ id: string }>;
    hide(auth: InstagramAuth, commentId: string, hidden: boolean, options?: Options): Promise<void>;
    remove(auth: InstagramAuth, commentId: string, options?: Options): Promise<void>;
  };
  /** `mentions`: posts of others in which the owner is tagged, newest first. */
  mentions(auth: InstagramAuth, query?: { count?: number | undefined }, options?: Options): Promise<Page<Post>>;
  /** `insights`: figures about the owner's account over `period` (`day`, `week`, `days_28`), or about one post. */
  insights: {
    account(auth: InstagramAuth, metrics: readonly string[], period?: string, options?: Options): Promise<Insight[]>;
    post(auth: InstagramAuth, postId: string, metrics: readonly string[], options?: Options): Promise<Insight[]>;
  };
  /** `other-accounts`: another professional account, by exact username. */
  accounts: {
    profile(auth: InstagramAuth, username: string, options?: Options): Promise<Profile>;
    recentPosts(
      auth: InstagramAuth,
      username: string,
      query?: { count?: number | undefined },
      options?: Options,
    ): Promise<Page<Post>>;
  };
  /** `hashtag-search`: a hashtag by name (each new one uses a weekly slot) and its recent posts. */
  hashtags: {
    find(auth: InstagramAuth, name: string, options?: Options): Promise<{ id: string; name: string }>;
    recentPosts(
      auth: InstagramAuth,
      hashtagId: string,
      query?: { count?: number | undefined },
      options?: Options,
    ): Promise<Page<Post>>;
  };
  locations: {
    get(auth: InstagramAuth, id: string, options?: Options): Promise<PlaceInfo>;
    recentPosts(
      auth: InstagramAuth,
      id: string,
      query?: { count?: number | undefined },
      options?: Options,
    ): Promise<Page<Post>>;
    /** Places around a point, as the provider ranks them (some may lack an id or a name). */
    search(auth: InstagramAuth, point: GeoPoint, options?: Options): Promise<PlaceInfo[]>;
  };
}
