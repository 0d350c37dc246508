// How often one member may start linking: each link prompt and each pasted token is counted against a per-user limit,
// because both spend the `app` budget every member shares. Used by the link prompt and by the paste-a-token modal.
import { ComposedError } from '../../src/discord/composed-error.js';
import { relativeTime } from '../../src/discord/reply-error.js';
import type { ReplyId } from '../../src/discord/reply-ids.js';
import type { AttemptLimit } from '../../src/limiter/index.js';
import type { Text, Translate } from '../../src/i18n/i18n.js';

/** "10 minutes", "hour", "30 seconds": a limit's window in words, in the catalogue of `t`. */
export function windowInWords(ms: number, t: Translate): string {
  if (ms % 3_600_000 === 0) return t('replies.duration.hours', { count: ms / 3_600_000 });
  if (ms >= 60_000) return t('replies.duration.minutes', { count: Math.round(ms / 60_000) });
  return t('replies.duration.seconds', { count: Math.round(ms / 1000) });
}

/**
 * Counts one linking attempt of `userId` against `limit`, or refuses it with when the next one frees. Linking spends
 * the `app` budget every member shares, so one member must not be able to spend it for everyone. The refusal's
 * `{{window}}` is the limit's window in the reader's words.
 */
export function takeLinkAttempt(
  limit: AttemptLimit,
  userId: string,
  id: ReplyId,
  refusal: (max: number, when: string) => Text,
): void {
  const taken = limit.take(userId);
  if (taken.ok) return;
  const said = refusal(limit.max, relativeTime(taken.freesAt));
  throw new ComposedError(id, said, (t) => t(said.key, { ...said.vars, window: windowInWords(limit.windowMs, t) }));
}
