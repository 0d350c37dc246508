// How an error reaches the person as a Discord reply: logged (an incident at error level), then answered
// ephemerally. What each error says is not decided here — the router is plumbing and knows no domain error — but
// by the `DescribeError` the composition root injects (commands/_shared/describe-error.ts). Every reply is
// ephemeral, in plain words, and carries no stack trace and no secret; known outcomes have a stable id from
// reply-ids.ts, logged as `replyId` (tests match on it; the message Discord shows carries no id), anything else a
// short incident id logged with the error, so a user can quote it and an operator can find the cause.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.js';
import type { ActionRow } from './errors.js';
import type { ReplyId } from './reply-ids.js';
import type { Translate } from '../i18n/i18n.js';
import { isInteractionGone, type InteractionResponder } from './responder.js';

export interface ErrorReply {
  /** Stable identifier of the outcome, e.g. `instagram.token-broken`, or `internal` for an incident. */
  id: ReplyId;
  content: string;
  components: ActionRow[];
  /** Set for unexpected errors: the short id shown to the user and logged with the error. */
  incidentId?: string | undefined;
  /** The upstream service's own name for the error (Instagram's `type`), logged with the reply. */
  errorType?: string | undefined;
}

/**
 * Maps any error to what the user is told, in the locale `t` renders (the interaction's); injected into the router
 * by the composition root. Without `t` the words are English (metrics read only the id).
 */
export type DescribeError = (error: unknown, now?: number, t?: Translate) => ErrorReply;

/** Discord's relative timestamp markup: each client renders "in 12 minutes" in its own language. */
export const relativeTime = (epochMs: number) => `<t:${Math.ceil(epochMs / 1000)}:R>`;

/** A short id for an incident: 8 characters, easy to read out and to grep for. */
export function newIncidentId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** Logs the error (an incident at error level, with the id it was given) and answers the interaction ephemerally. */
export async function replyWithError(
  responder: InteractionResponder,
  error: unknown,
  log: Logger,
  describe: DescribeError,
  t: Translate,
  now: number = Date.now(),
): Promise<ErrorReply> {
  const reply = describe(error, now, t);
  if (responder.expired) {
    // Discord refused the first answer with 10062 (too late, or the token expired): any further callback or
    // follow-up would be refused too, so the user cannot be told; the operator can.
    log.warn(
      { err: error, replyId: reply.id, incidentId: reply.incidentId },
      'Discord no longer knows this interaction (10062, answered too late); nothing more was sent',
    );
    return reply;
  }
  if (reply.incidentId !== undefined) {
    log.error(
      { err: error, replyId: reply.id, incidentId: reply.incidentId },
      'interaction failed with an unexpected error',
    );
  } else {
    log.info(
      { replyId: reply.id, errorName: error instanceof Error ? error.name : typeof error, errorType: reply.errorType },
      'interaction answered with an error',
    );
  }
  try {
    await responder.reply({
      content: reply.content,
      components: reply.components,
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
  } catch (sendError) {
    const level = isInteractionGone(sendError) ? 'warn' : 'error';
    log[level](
      { err: sendError, replyId: reply.id, incidentId: reply.incidentId },
      'could not tell the user about the error',
    );
  }
  return reply;
}
