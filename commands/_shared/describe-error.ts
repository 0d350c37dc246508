// What each error tells the person: the one mapping from igcord's errors (its own user-facing ones, the feed
// domain's, the limiter's, Instagram's, Discord's) to a stable reply id and plain words that say what to do next,
// in the reader's locale (the `t` the router binds to the interaction's locale; English without one).
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
import { englishOnly, type Translate } from '../../src/i18n/i18n.js';
import { describeStop, notAvailableText } from '../../src/discord/notice-text.js';

/** The delivery engine's domain errors (src/core/errors.ts), each with its stable reply id. */
function describeFeedError(error: FeedError, t: Translate): ErrorReply {
  if (error instanceof PostRefusedError) {
    // A refusal for good says why in the reader's language; any other quotes Discord's own wording of its error.
    return {
      id: `feeds.post-${error.postKind}`,
      content: t('errors.postRefused', {
        reason: error.stop !== undefined ? describeStop(error.stop, t) : error.reason,
      }),
      components: [],
    };
  }
  if (error.kind === 'owner-not-linked') {
    const linked = new NotLinkedError({ key: 'errors.feedOwnerNotLinked' });
    return { id: linked.id, content: linked.messageIn(t), components: linked.componentsIn(t) };
  }
  if (error.kind === 'owner-link-broken')
    return { id: 'feeds.owner-link-broken', content: t('errors.feedOwnerLinkBroken'), components: [] };
  return { id: 'feeds.backfill-count', content: t('errors.backfillCount'), components: [] };
}

/**
 * Maps any error to what the user is told, in the locale of `t` (English when none is given: the metrics only
 * read the id). Pure apart from the incident id it draws for unknown errors.
 */
export function describeError(error: unknown, now: number = Date.now(), t?: Translate): ErrorReply {
  const reply = describeKnown(error, now, t ?? englishOnly());
  return error instanceof InstagramError ? { ...reply, errorType: error.type } : reply;
}

function describeKnown(error: unknown, now: number, t: Translate): ErrorReply {
  if (error instanceof UserFacingError)
    return { id: error.id, content: error.messageIn(t), components: error.componentsIn(t) };
  if (error instanceof FeedError) return describeFeedError(error, t);

  if (error instanceof BudgetExhaustedError) {
    return {
      id: 'instagram.budget-exhausted',
      content: t('errors.budgetExhausted', { when: relativeTime(Math.max(error.freesAt, now)) }),
      components: [],
    };
  }
  if (error instanceof LimiterClosedError) {
    return { id: 'igcord.shutting-down', content: t('errors.shuttingDown'), components: [] };
  }
  if (error instanceof InstagramRateLimitError) {
    return {
      id: 'instagram.rate-limited',
      content:
        error.resetsAt === undefined
          ? t('errors.rateLimited')
          : t('errors.rateLimitedUntil', { when: relativeTime(error.resetsAt) }),
      components: [],
    };
  }
  if (error instanceof InstagramScopeError) {
    return {
      id: 'instagram.scope-missing',
      content:
        error.scope === undefined ? t('errors.scopeMissing') : t('errors.scopeMissingNamed', { scope: error.scope }),
      components: [linkButtonRow(t('buttons.relinkInstagram'), error.scope)],
    };
  }
  if (error instanceof InstagramTokenError) {
    return {
      id: 'instagram.token-broken',
      content: t('errors.tokenBroken'),
      components: [linkButtonRow(t('buttons.relinkInstagram'))],
    };
  }
  if (error instanceof InstagramNotAvailableError) {
    // What the configured API lacks, in the reader's language; a provider's own wording when it names no capability.
    return {
      id: 'instagram.not-available',
      content: notAvailableText(error.capability, t) ?? error.message,
      components: [],
    };
  }
  if (error instanceof InstagramNotFoundError) {
    return {
      id: 'instagram.not-found',
      content: t('errors.notFound'),
      components: [],
    };
  }
  if (error instanceof InstagramNotAllowedError) {
    return {
      id: 'instagram.not-allowed',
      content: t('errors.notAllowed'),
      components: [],
    };
  }
  if (error instanceof InstagramCommentRuleError) {
    // Instagram's own wording names the rule broken (too long, too many tags, all capitals).
    return {
      id: 'instagram.comment-rejected',
      content: t('errors.commentRejected', { reason: error.message.slice(0, 300) }),
      components: [],
    };
  }
  if (error instanceof InstagramInvalidParametersError) {
    return {
      id: 'instagram.invalid-input',
      content: t('errors.invalidInput'),
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
      content: t('errors.unavailable'),
      components: [],
    };
  }
  if (error instanceof DiscordAPIError && (error.code === 50013 || error.code === 50001)) {
    return {
      id: 'discord.missing-permissions',
      content: t('errors.missingPermissions'),
      components: [],
    };
  }
  const incidentId = newIncidentId();
  return {
    id: 'internal',
    content: t('errors.internal', { incidentId }),
    components: [],
    incidentId,
  };
}
