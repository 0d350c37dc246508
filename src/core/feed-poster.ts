// The poster port: what the delivery engine asks of the chat platform a feed posts to, in core types. The engine
// (src/feeds) decides what to post, when and how often, and acts on each failure; an implementation
// (src/discord/feed-posting) renders the post and talks to the platform, and reports a failure as data: retry
// later, disable the feed (it cannot post until an admin acts), or skip this post (its body was refused).
// Implementations never throw for a refused or failed request: only a bug rejects.
import { z } from 'zod';
import type { FeedNotice } from './feed-notice.js';
import type { FeedStop } from './feed-state.js';
import type { FeedTemplate, TimeSettings } from './feed-template.js';
import type { Post } from './post.js';
import type { OnChange, PostChange } from './post-changes.js';

/**
 * What kind of place a feed posts in: a text or announcement channel (a message per post), a forum (a thread per
 * post, its tags from the post's hashtags) or one existing thread (a message per post, reopened when archived).
 */
export const feedPlaceSchema = z.enum(['channel', 'forum', 'thread']);
export type FeedPlace = z.output<typeof feedPlaceSchema>;

/** Where a feed posts and as whom, with the secret an execution needs already read by the engine. */
export interface PostTarget {
  feedId: string;
  channelId: string;
  /** Absent: a text or announcement channel. */
  place?: FeedPlace | undefined;
  /** The guild, where a forum's threads are listed (a look for an earlier forum post). */
  guildId?: string | undefined;
  /** The one role a delivery may ping. */
  mentionRoleId?: string | undefined;
  /** As the bot, or through the feed's channel webhook (its token in clear, never logged). */
  delivery: { mode: 'message' } | { mode: 'webhook'; webhookId: string; token: string };
  /** The feed's message template; absent: the built-in rendering. */
  template?: FeedTemplate | undefined;
  /** How the feed's server writes times (`{time}` in a template). */
  time?: TimeSettings | undefined;
}

export type PostFailureKind = 'retry' | 'disable' | 'skip';

/** Safe facts about what failed, for logs: never a URL (a webhook execution's URL holds its token). */
export interface PostFailureDetail {
  type: string;
  status?: number | undefined;
  code?: number | string | undefined;
}

/**
 * Why a request failed and what the engine does about it. `reason` is for logs and for replies quoting Discord's
 * error (no secrets in it); a `disable` carries its cause as data in `stop`, which the feed's state keeps.
 */
export interface PostFailure {
  kind: PostFailureKind;
  reason: string;
  stop?: FeedStop | undefined;
  detail?: PostFailureDetail | undefined;
}

export interface PostOptions {
  /**
   * A delivery carries the engine's nonce for (feed, post), so the platform returns the first message when a
   * delivery is repeated; a test post has none and is marked as a test (never taken for an earlier delivery).
   */
  intent: { nonce: string } | { test: true };
  /** The plain-link form instead of the rendered embeds (after the platform refused the rendered body). */
  plain?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

/** One message of a feed's digest (docs/decisions/0031): the posts it lists, its place among the digest's messages. */
export interface DigestPart {
  posts: Post[];
  /** 0-based; `parts` messages make the whole digest. */
  part: number;
  parts: number;
  /** How many posts the whole digest lists. */
  total: number;
  /** When the digest's period ended (unix ms). */
  dueAt: number;
}

/** What a look for an earlier, unrecorded webhook post found: its message, nothing, or no way to look. */
export type EarlierPostLook = { found: string } | { found: undefined } | { unreadable: true };

export interface FeedPoster {
  /** Posts `post` to the target; the message id, or why not. */
  post(target: PostTarget, post: Post, options: PostOptions): Promise<{ messageId: string } | PostFailure>;
  /**
   * Looks in the channel's newest messages for the post of `post` made by the webhook. Unreadable: the channel's
   * history may not be read (a permission), so it cannot be checked.
   */
  findEarlierPost(
    channelId: string,
    webhookId: string,
    post: Post,
    signal?: AbortSignal,
  ): Promise<EarlierPostLook | PostFailure>;
  /**
   * Looks among the forum's threads that the bot created since `since` (unix ms) for the thread of `post` (a forum
   * feed's post that an earlier run may have made without recording it).
   */
  findEarlierThread(
    target: PostTarget,
    post: Post,
    since: number,
    signal?: AbortSignal,
  ): Promise<EarlierPostLook | PostFailure>;
  /**
   * Changes a delivered post's message in place after the post changed on Instagram (src/core/post-changes.ts):
   * `edit` renders it again with the new caption (a deleted post's message becomes a note), `mark` adds a note.
   */
  update(
    target: PostTarget,
    messageId: string,
    change: PostChange,
    how: Exclude<OnChange, 'leave'>,
    signal?: AbortSignal,
  ): Promise<{ messageId: string } | PostFailure>;
  /**
   * Splits a digest's posts, in order, into the messages it takes within the platform's limits, never one post's
   * entry over two messages. Pure: the same posts always split the same way (each part's nonce depends on it).
   */
  digestParts(posts: readonly Post[]): Post[][];
  /** Posts one message of a digest to the target; the message id, or why not. */
  postDigest(
    target: PostTarget,
    digest: DigestPart,
    options: PostOptions,
  ): Promise<{ messageId: string } | PostFailure>;
  /** The notice that a feed stopped, from the bot in a channel, worded in the server's language, pinging nobody. */
  notice(channelId: string, notice: FeedNotice, signal?: AbortSignal): Promise<{ messageId: string } | PostFailure>;
  /**
   * The same notice as a direct message to a person (the last place a notice can go), worded in their language
   * (else the feed's server's), pinging nobody.
   */
  direct(userId: string, notice: FeedNotice, signal?: AbortSignal): Promise<{ messageId: string } | PostFailure>;
  /** The guild's system channel, when the platform knows one. */
  systemChannelOf(guildId: string): string | undefined;
}

/** Whether a poster's answer is a failure (pure). */
export const isPostFailure = (answer: object): answer is PostFailure => 'kind' in answer;
