// What each error tells the person: the one mapping from igcord's errors (its own user-facing ones, the feed
// domain's, the limiter's, Instagram's, Discord's) to a stable reply id and plain words that say what to do next.
// The router gets it injected (src/bot.ts) and logs and sends what it returns (src/discord/reply-error.ts); the
// metrics count commands by the same ids.
import { DiscordAPIError } from 'discord.js';
import {
  InstagramCommentRuleError,
  InstagramError,
  InstagramInvalidParametersError,
  InstagramNetworkError,
  InstagramNotAllowedError,
  InstagramNotAvailableError,
  InstagramNotFoundError,
  InstagramRateLimitError,
  InstagramResponseError,
  InstagramScopeError,
  InstagramServerError,
  InstagramTimeoutError,
  InstagramTokenError,
} from '../../src/core/instagram-errors.js';
import { BudgetExhaustedError, LimiterClosedError, QueueTimeoutError } from '../../src/limiter/errors.js';
import { FeedError, PostRefusedError } from '../../src/core/errors.js';
import { NotLinkedError, UserFacingError, linkButtonRow } from '../../src/discord/errors.js';
import { newIncidentId, relativeTime, type ErrorReply } from '../../src/discord/reply-error.js';

/** The delivery engine's domain errors (src/core/errors.ts), each with its stable reply id. */
function describeFeedError(error: FeedError): ErrorReply {
  if (error instanceof PostRefusedError)
    return { id: `feeds.post-${error.postKind}`, content: error.message, components: [] };
  if (error.kind === 'owner-not-linked') {
    const linked = new NotLinkedError(error.message);
    return { id: linked.id, content: linked.message, components: linked.components };
  }
  if (error.kind === 'owner-link-broken')
    return { id: 'feeds.owner-link-broken', content: error.message, components: [] };
  return { id: 'feeds.backfill-count', content: error.message, components: [] };
}

/** Maps any error to what the user is told. Pure apart from the incident id it draws for unknown errors. */
export function describeError(error: unknown, now: number = Date.now()): ErrorReply {
  const reply = describeKnown(error, now);
  return error instanceof InstagramError ? { ...reply, errorType: error.type } : reply;
}

function describeKnown(error: unknown, now: number): ErrorReply {
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
      content:
        'Your Instagram link no longer works (access was revoked or has expired). Link your account again to continue.',
      components: [linkButtonRow('Relink Instagram')],
    };
  }
  if (error instanceof InstagramNotAvailableError) {
    // Its message names the API and what it lacks: "Instagram's current API has no user search."
    return { id: 'instagram.not-available', content: error.message, components: [] };
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
    return {
      id: 'instagram.comment-rejected',
      content: `Instagram rejected the comment: ${error.message.slice(0, 300)}`,
      components: [],
    };
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
      content:
        'I am missing a permission for that in this channel. Ask a server admin to check my role and the channel settings.',
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
