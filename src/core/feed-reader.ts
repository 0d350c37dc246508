// What feed delivery asks of Instagram, whichever provider serves it: the posts of a source newer than igcord's own
// cursor (oldest first, ready to post), or its newest n. The cursor is igcord's (the newest post handed to the
// feeds: its id and time, and what a provider needs besides), never a provider's paging cursor, which Graph says
// not to store (reference §1.5). A provider implements this over its own client (src/providers/v1/feed-reader.ts,
// src/providers/graph/feed-reader.ts); the delivery engine reads through it and knows no provider.
import type { InstagramAuth } from './instagram-port.js';
import type { Post } from './post.js';
import type { FeedSource } from './source.js';

/** Where a source was read up to, as igcord stores it (storage's source cursor has this shape). */
export interface ReadCursor {
  /** The newest post handed over ('0' for a source that had none). */
  mediaId: string;
  /** Its time, unix seconds. */
  createdTime: number;
  /** v1 tag feeds page by tag id: where to read on from. */
  minTagId?: string | undefined;
  /** A walk too long for one run stopped here; the next goes on below it (v1). */
  resumeBelow?: string | undefined;
}

export interface ReadOptions {
  priority: 'interactive' | 'delivery' | 'background';
  signal?: AbortSignal | undefined;
}

export interface ReadNewOptions extends ReadOptions {
  /** How many new posts may be handed over at most (room left in the feeds' pending lists). */
  maxItems: number;
}

export interface NewPosts {
  /** Oldest first: the oldest new posts, at most `maxItems` of them. */
  media: Post[];
  /** For v1 tags: the `min_tag_id` to poll from once every item here is delivered. */
  minTagId: string | undefined;
  /** Instagram calls made. */
  calls: number;
  /** The walk stopped before reaching the cursor: nothing is handed over yet, the next run resumes below this. */
  resumeBelow: string | undefined;
  /** Newer posts than those returned remain to be read (a run should follow at once). */
  more: boolean;
}

export interface NewestPosts {
  /** Newest first. */
  media: Post[];
  minTagId: string | undefined;
}

export interface FeedReader {
  /** What kinds of source this provider can read (the others fail). */
  readonly kinds: ReadonlySet<FeedSource['kind']>;
  /** The posts of `source` newer than `cursor`, oldest first. */
  readNew(auth: InstagramAuth, source: FeedSource, cursor: ReadCursor, options: ReadNewOptions): Promise<NewPosts>;
  /** The newest `count` posts of `source` (one call). */
  readNewest(auth: InstagramAuth, source: FeedSource, count: number, options: ReadOptions): Promise<NewestPosts>;
  /**
   * Called once `posts` of `source` are in every feed's durable pending list (before the cursor moves): a reader
   * that remembers what it handed over (a seen-set) notes them here, never earlier, so a crash loses nothing.
   */
  handedOver?(source: FeedSource, posts: readonly Post[]): Promise<void>;
}
