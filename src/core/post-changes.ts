// A post that changed on Instagram after igcord delivered it: its caption was edited, or it was deleted. What a
// feed does about it is its `on-change` setting: `edit` the Discord message to match (a deleted post's message is
// replaced by a note), `mark` the message with a note and keep it, or `leave` it. The default is `edit`: a server
// admin expects the channel to show what Instagram shows (a typo fixed, a post taken down). Only posts delivered
// within the last CHANGE_WINDOW_MS are watched, which bounds the work of every poll and matches what Graph lets a
// poll see cheaply (its newest page, reference §1.4).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Post } from './post.js';

export const onChangeSchema = z.enum(['edit', 'mark', 'leave']);
export type OnChange = z.output<typeof onChangeSchema>;
/** A feed without the setting edits its messages in place. */
export const DEFAULT_ON_CHANGE: OnChange = 'edit';

/** How long after its delivery a post is watched for changes. */
export const CHANGE_WINDOW_MS = 24 * 3_600_000;

/** What happened to a delivered post: its caption is now `post.caption`, or it is gone. */
export type PostChange = { kind: 'edited'; post: Post } | { kind: 'deleted' };

/** A short digest of a caption, stored with the delivery instead of the caption itself. */
export function captionHash(caption: string): string {
  return createHash('sha256').update(caption, 'utf8').digest('base64url').slice(0, 22);
}
