// Printing what igcord says about an interaction after its answer was shown: a follow-up message (a backfill's
// "done: N posts", sent once the posts are out) and an answer that was still "thinking" when the console stopped
// waiting. Discord shows these whenever they come, so the console does too, for as long as the interaction's
// token lets igcord send them (15 minutes). One timer serves every interaction being followed.
import { MessageFlags, type APIMessage } from 'discord-api-types/v10';
import type { AnswerHandle, ConsoleSession, FollowedInteraction, FollowUpWatch } from './console-session.js';

/** How long Discord lets a bot send follow-ups with an interaction's token. */
const TOKEN_LIFETIME_MS = 15 * 60_000;
const POLL_MS = 250;

export const createFollowUpWatch = (): FollowUpWatch => ({ followed: [], timer: undefined });

export function stopFollowUps(watch: FollowUpWatch): void {
  if (watch.timer) clearInterval(watch.timer);
  watch.timer = undefined;
  watch.followed = [];
}

const isLoading = (m: APIMessage) => ((m.flags ?? 0) & MessageFlags.Loading) !== 0;

/**
 * Prints, with `print`, the interaction's messages that are not among `printed` as they come, until its token
 * expires.
 */
export function followLaterMessages(
  session: ConsoleSession,
  handle: AnswerHandle,
  printed: readonly APIMessage[],
  print: (messages: APIMessage[]) => void,
): void {
  const watch = session.followUps;
  watch.followed.push({
    handle,
    print,
    printed: new Set(printed.map((m) => m.id)),
    until: Date.now() + TOKEN_LIFETIME_MS,
  });
  if (watch.timer) return;
  watch.timer = setInterval(() => {
    const now = Date.now();
    watch.followed = watch.followed.filter((f) => f.until > now);
    for (const followed of watch.followed) printLater(session, followed);
    if (watch.followed.length === 0) stopFollowUps(watch);
  }, POLL_MS);
  watch.timer.unref();
}

function printLater(session: ConsoleSession, followed: FollowedInteraction): void {
  const { original, followUps } = followed.handle.replies();
  const fresh = [original, ...followUps].filter(
    (m): m is APIMessage => m !== undefined && !isLoading(m) && !followed.printed.has(m.id),
  );
  if (fresh.length === 0) return;
  for (const m of fresh) followed.printed.add(m.id);
  // Printed as igcord's latest answer: its buttons become the ones `press N` acts on, as the newest in Discord.
  followed.print(fresh);
  session.redrawPrompt();
}
