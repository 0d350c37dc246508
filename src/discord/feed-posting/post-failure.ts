// How Discord's answers to a feed's requests are classified, once, for the delivery engine: retry later
// (429/5xx/network, after discord.js's own retries), disable the feed (lost access, a deleted channel or webhook),
// or skip this post (Discord refused the body itself; repeating it cannot succeed). The failure is plain data
// (core's PostFailure), with only safe facts about the error: discord.js errors carry the request URL, and a
// webhook execution's URL contains the webhook token.
import { DiscordAPIError, HTTPError } from 'discord.js';
import type { DisableCause, PostFailure, PostFailureDetail } from '../../core/index.js';
import { ARCHIVED_THREAD, LockedThreadError } from './thread-post.js';

/** Discord JSON error codes that mean this feed cannot post until an admin acts, as the feed's state keeps them. */
const DISABLING_CAUSES: Record<number, DisableCause> = {
  50001: 'missing-access',
  50013: 'missing-permissions',
  10003: 'channel-deleted',
  10015: 'webhook-deleted',
  50027: 'webhook-invalid',
  40067: 'forum-tag-required',
  160005: 'thread-locked',
};

/** The same in English words, for logs and for replies that quote Discord's error. */
const DISABLING_CODES: Record<number, string> = {
  50001: 'igcord lost access to the channel (Missing Access): give the bot View Channel there, then resume the feed',
  50013:
    'igcord lacks permission to post in the channel (needs Send Messages and Embed Links): fix it, then resume the feed',
  10003: 'the channel was deleted: remove this feed or move it to another channel',
  10015: "the feed's webhook was deleted: set the feed up again",
  50027: "the feed's webhook token is no longer valid: set the feed up again",
  40067:
    "the forum requires a tag on each post and this post's hashtags name none of its tags: add a forum tag named after a hashtag the source uses, or turn off Require Tags, then resume the feed",
  160005:
    'the thread is locked and igcord may not post in it (needs Manage Threads): unlock the thread, or give igcord Manage Threads there, then resume the feed',
};

/** Why a feed whose thread is archived and locked cannot post (thread-post.ts). */
const LOCKED_THREAD =
  'the thread is archived and locked, and igcord may not reopen it (needs Manage Threads): unlock or reopen the thread, or give igcord Manage Threads there, then resume the feed';

/** What a log line may say about the error behind a failure. */
function detailOf(error: unknown): PostFailureDetail | undefined {
  if (error instanceof LockedThreadError) return detailOf(error.cause);
  if (error instanceof DiscordAPIError) return { type: 'DiscordAPIError', status: error.status, code: error.code };
  if (error instanceof HTTPError) return { type: 'HTTPError', status: error.status };
  return error instanceof Error ? { type: error.name } : undefined;
}

export function classifyPostFailure(error: unknown): PostFailure {
  const detail = detailOf(error);
  const failure = (kind: PostFailure['kind'], reason: string, by?: DisableCause): PostFailure => ({
    kind,
    reason,
    ...(detail ? { detail } : {}),
    ...(by !== undefined ? { stop: { by } } : {}),
  });
  if (error instanceof LockedThreadError)
    return failure('disable', `Discord error ${ARCHIVED_THREAD}: ${LOCKED_THREAD}`, 'thread-archived-locked');
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const disabling = DISABLING_CODES[code];
    if (disabling !== undefined)
      return failure('disable', `Discord error ${code}: ${disabling}`, DISABLING_CAUSES[code]);
    if (error.status === 429 || error.status >= 500 || error.status === 401)
      return failure('retry', `Discord answered ${error.status}`);
    return failure('skip', `Discord refused the message (${error.status}, code ${code}): ${error.message}`);
  }
  if (error instanceof HTTPError) return failure('retry', `Discord answered ${error.status}`);
  // Network failures, timeouts (AbortError), a REST client being torn down: try again later.
  return failure('retry', error instanceof Error ? `${error.name}: ${error.message}` : 'Discord request failed');
}

/** Discord refusing to list a channel's messages because a permission is missing (Read Message History). */
export const isMissingAccess = (error: unknown): boolean =>
  error instanceof DiscordAPIError && (error.code === 50001 || error.code === 50013);
