// igcord's source cursor, whichever provider reads the source: the cursor that says "read up to and including this
// post" (its id and time, never earlier in time than before), and the cursor of a source that has no post yet.
// The reading itself is the provider's (core's FeedReader: a provider's feed-reader.ts).
import { mediaPk, type Post } from '../core/index.js';
import type { CursorInput, SourceCursor } from '../storage/index.js';

// The id order the notification de-duplication uses (news-marks.ts), re-exported where it always was.
export { mediaPk };

/** The last second of year 9999: a post time past it is no time at all (and would not fit the stored cursor). */
const LAST_DATE_SECONDS = 253_402_300_799;

/** The cursor that says "read up to and including `media`"; never earlier in time than `previous`. */
export function cursorAfter(post: Post, previous: SourceCursor | undefined, minTagId: string | undefined): CursorInput {
  const time = post.time;
  // An odd post time (beyond any date) must not stop the source: the cursor keeps the previous time then.
  const usable = Number.isSafeInteger(time) && time <= LAST_DATE_SECONDS ? time : 0;
  const createdTime = Math.max(usable, previous?.createdTime ?? 0);
  return { mediaId: post.id, createdTime, ...(minTagId !== undefined ? { minTagId } : {}) };
}

/** The cursor of a source that has no media yet: every media it ever gets is newer. */
export const EMPTY_SOURCE_CURSOR: CursorInput = { mediaId: '0', createdTime: 0, minTagId: '0' };
