// How often one member may start linking: each link prompt and each pasted token is counted against a per-user limit,
// because both spend the `app` budget every member shares. Used by the link prompt and by the paste-a-token modal.
import { UserFacingError } from '../../src/discord/errors.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import type { ReplyId } from '../../src/discord/reply-ids.js';
import type { AttemptLimit } from '../../src/limiter/index.js';
import type { Text } from '../../src/i18n/i18n.js';

/** "10 minutes", "1 hour", "30 seconds": a limit's window in words. */
export function windowInWords(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} minutes`;
  return `${Math.round(ms / 1000)} seconds`;
}

/**
 * Counts one linking attempt of `userId` against `limit`, or refuses it with when the next one frees. Linking spends
 * the `app` budget every member shares, so one member must not be able to spend it for everyone.
 */
export function takeLinkAttempt(
  limit: AttemptLimit,
  userId: string,
  id: ReplyId,
  refusal: (max: number, window: string, when: string) => string | Text,
): void {
  const taken = limit.take(userId);
  if (taken.ok) return;
  throw new UserFacingError(id, refusal(limit.max, windowInWords(limit.windowMs), relativeTime(taken.freesAt)));
}
