// Feeds paused because their owner's Instagram link stopped working (revoked or expired token, unreadable stored
// token, unlinked). These pauses are the engine's own: it sets them with one of the reasons below and lifts them
// by itself once the owner's account is linked and active again. A pause an admin chose has another reason and
// is never lifted here.

export const OWNER_PAUSE_REASONS = {
  token: 'Paused: the owner\'s Instagram link stopped working (token revoked or expired). The owner runs /instagram link again and the feed resumes by itself.',
  unreadable: 'Paused: the owner\'s stored Instagram token cannot be read. The owner runs /instagram link again and the feed resumes by itself.',
  unlinked: 'Paused: the owner unlinked Instagram. The feed resumes by itself when the owner links Instagram again.',
} as const;

export type OwnerPauseKind = keyof typeof OWNER_PAUSE_REASONS;

const AUTOMATIC = new Set<string>(Object.values(OWNER_PAUSE_REASONS));

/** True for a feed the engine paused because of its owner's link (and will resume by itself). */
export function isOwnerPause(feed: { state: string; stateReason?: string | undefined }): boolean {
  return feed.state === 'paused' && feed.stateReason !== undefined && AUTOMATIC.has(feed.stateReason);
}
