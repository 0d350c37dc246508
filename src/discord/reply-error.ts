// The one place an error becomes a Discord reply. Every reply is ephemeral (only the person who ran the command
// sees it), in plain words, says what to do next, and carries no stack trace and no secret. Known outcomes get a
// stable id from reply-ids.ts, logged as `replyId` on the interaction's line (tests match on it; the message
// Discord shows carries no id); anything else gets a short incident id that is logged with the error,
// so a user can quote it and an operator can find the cause.
import { randomBytes } from 'node:crypto';
import { DiscordAPIError } from 'discord.js';
import type { Logger } from '../log.js';
import {
  InstagramCommentRuleError,
  InstagramError,
  InstagramInvalidParametersError,
  InstagramNetworkError,
  InstagramNotAllowedError,
  InstagramNotFoundError,
  InstagramRateLimitError,
  InstagramResponseError,
  InstagramScopeError,
  InstagramServerError,
  InstagramTimeoutError,
  InstagramTokenError,
} from '../providers/v1/errors.js';
import { BudgetExhaustedError, LimiterClosedError, QueueTimeoutError } from '../limiter/errors.js';
import { FeedError, PostRefusedError } from '../core/errors.js';
import { NotLinkedError, UserFacingError, linkButtonRow, type ActionRow } from './errors.js';
import type { ReplyId } from './reply-ids.js';
import { isInteractionGone, type InteractionResponder } from './responder.js';

export interface ErrorReply {
  /** Stable identifier of the outcome, e.g. `instagram.token-broken`, or `internal` for an incident. */
  id: ReplyId;
  content: string;
  components: ActionRow[];
  /** Set for unexpected errors: the short id shown to the user and logged with the error. */
  incidentId?: string | undefined;
}

/** Discord's relative timestamp markup: each client renders "in 12 minutes" in its own language. */
export const relativeTime = (epochMs: number) => `<t:${Math.ceil(epochMs / 1000)}:R>`;

/** A short id for an incident: 8 characters, easy to read out and to grep for. */
export function newIncidentId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** The delivery engine's domain errors (src/core/errors.ts), each with its stable reply id. */
function describeFeedError(error: FeedError): ErrorReply {
  if (error instanceof PostRefusedError) return { id: `feeds.post-${error.postKind}`, content: error.message, components: [] };
  if (error.kind === 'owner-not-linked') {
    const linked = new NotLinkedError(error.message);
    return { id: linked.id, content: linked.message, components: linked.components };
  }
  if (error.kind === 'owner-link-broken') return { id: 'feeds.owner-link-broken', content: error.message, components: [] };
  return { id: 'feeds.backfill-count', content: error.message, components: [] };
}

/** Maps any error to what the user is told. Pure apart from the incident id it draws for unknown errors. */
export function describeError(error: unknown, now: number = Date.now()): ErrorReply {
  if (error instanceof UserFacingError) return { id: error.id, content: error.message, components: error.components };
  if (error instanceof FeedError) return describeFeedError(error);

  if (error instanceof BudgetExhaustedError) {
    return {
      id: 'instagram.budget-exhausted',
      content: `Your Instagram request budget is used up for now. It frees ${relativeTime(Math.max(error.freesAt, now))}; try again then.`,
      components: [],
    };
  }
  if (error instanceof LimiterClosedError) {
    return { id: 'igcord.shutting-down', content: 'The bot is restarting. Try again in a minute.', components: [] };
  }
  if (error instanceof InstagramRateLimitError) {
    return {
      id: 'instagram.rate-limited',
      content:
        error.resetsAt === undefined
          ? 'Instagram is limiting requests for your account right now. Try again in a few minutes.'
          : `Instagram is limiting requests for your account right now. It frees ${relativeTime(error.resetsAt)}; try again then.`,
      components: [],
    };
  }
  if (error instanceof InstagramScopeError) {
    const needs = error.scope === undefined ? 'a permission it was not given' : `the "${error.scope}" permission`;
    return {
      id: 'instagram.scope-missing',
      content: `Your Instagram link does not allow this: it needs ${needs}. Link again and grant it.`,
      components: [linkButtonRow('Relink Instagram', error.scope)],
    };
  }
  if (error instanceof InstagramTokenError) {
    return {
      id: 'instagram.token-broken',
      content: 'Your Instagram link no longer works (access was revoked or has expired). Link your account again to continue.',
      components: [linkButtonRow('Relink Instagram')],
    };
  }
  if (error instanceof InstagramNotFoundError) {
    return {
      id: 'instagram.not-found',
      content: 'Instagram could not find that. It may have been deleted, or it is not visible to this app.',
      components: [],
    };
  }
  if (error instanceof InstagramNotAllowedError) {
    return {
      id: 'instagram.not-allowed',
      content: 'Instagram does not allow that: the account may be private, or the tag may be blocked.',
      components: [],
    };
  }
  if (error instanceof InstagramCommentRuleError) {
    // Instagram's own wording names the rule broken (too long, too many tags, all capitals).
    return { id: 'instagram.comment-rejected', content: `Instagram rejected the comment: ${error.message.slice(0, 300)}`, components: [] };
  }
  if (error instanceof InstagramInvalidParametersError) {
    return {
      id: 'instagram.invalid-input',
      content: 'Instagram rejected that request as invalid. Check the options you gave and try again.',
      components: [],
    };
  }
  if (
    error instanceof InstagramServerError ||
    error instanceof InstagramResponseError ||
    error instanceof InstagramNetworkError ||
    error instanceof InstagramTimeoutError ||
    error instanceof QueueTimeoutError
  ) {
    return {
      id: 'instagram.unavailable',
      content: 'Instagram is not answering properly right now. Try again in a few minutes.',
      components: [],
    };
  }
  if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) {
    return {
      id: 'discord.missing-permissions',
      content: 'I am missing a permission for that in this channel. Ask a server admin to check my role and the channel settings.',
      components: [],
    };
  }
  const incidentId = newIncidentId();
  return {
    id: 'internal',
    content: `Something went wrong on our side. If it keeps happening, give the bot's admin this incident id: \`${incidentId}\`.`,
    components: [],
    incidentId,
  };
}

/** Logs the error (an incident at error level, with the id it was given) and answers the interaction ephemerally. */
export async function replyWithError(responder: InteractionResponder, error: unknown, log: Logger, now: number = Date.now()): Promise<ErrorReply> {
  const reply = describeError(error, now);
  if (responder.expired) {
    // Discord refused the first answer with 10062 (too late, or the token expired): any further callback or
    // follow-up would be refused too, so the user cannot be told; the operator can.
    log.warn({ err: error, replyId: reply.id, incidentId: reply.incidentId }, 'Discord no longer knows this interaction (10062, answered too late); nothing more was sent');
    return reply;
  }
  if (reply.incidentId !== undefined) {
    log.error({ err: error, replyId: reply.id, incidentId: reply.incidentId }, 'interaction failed with an unexpected error');
  } else {
    log.info({ replyId: reply.id, errorName: error instanceof Error ? error.name : typeof error, instagramType: error instanceof InstagramError ? error.type : undefined }, 'interaction answered with an error');
  }
  try {
    await responder.reply({ content: reply.content, components: reply.components, ephemeral: true, allowedMentions: { parse: [] } });
  } catch (sendError) {
    const level = isInteractionGone(sendError) ? 'warn' : 'error';
    log[level]({ err: sendError, replyId: reply.id, incidentId: reply.incidentId }, 'could not tell the user about the error');
  }
  return reply;
}
