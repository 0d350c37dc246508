// Words for what igcord says on its own, in the reader's language: the reason of a paused or disabled feed (in
// /feed list, /instagram feeds and the notices), the notice a feed's people get when it stops, and the DMs an owner
// gets about their link. Rendered from core's structured states and notices (src/core/feed-state.ts,
// feed-notice.ts, owner-notices.ts); never from stored English. States stored before their causes were data kept
// English words (`detail`, `reason`): those are shown as they were stored, inside the reader's sentence.
import type { DisabledState, FeedNotice, FeedState, FeedStop, OwnerNotice, PausedState } from '../core/index.js';
import type { Translate } from '../i18n/i18n.js';
import { plain } from './embeds/text.js';
import { relativeTime } from './reply-error.js';

/** Discord's JSON error code behind each Discord cause (opcodes-and-status-codes#json), shown with the reason. */
const DISCORD_CODES: Partial<Record<NonNullable<DisabledState['by']>, number>> = {
  'missing-access': 50001,
  'missing-permissions': 50013,
  'channel-deleted': 10003,
  'webhook-deleted': 10015,
  'webhook-invalid': 50027,
  'forum-tag-required': 40067,
  'thread-locked': 160005,
  // An archived thread Discord refuses to reopen (thread-post.ts).
  'thread-archived-locked': 50083,
};

function pausedReason(state: PausedState, t: Translate, payer: string | undefined): string {
  switch (state.by) {
    case 'person':
      return state.detail !== undefined
        ? t('notices.paused.byPerson', { who: `<@${state.detail}>`, when: relativeTime(state.since) })
        : t('notices.paused.byAdmin', { when: relativeTime(state.since) });
    case 'owner-unlinked':
      if (state.account !== undefined)
        return t('notices.paused.linkedElsewhere', { account: plain(`@${state.account}`) });
      return state.detail !== undefined
        ? t('notices.paused.linkedElsewhereWords', { detail: state.detail })
        : t('notices.paused.ownerUnlinked');
    case 'owner-link-broken':
      if (state.loss === 'token') return t('notices.paused.linkBrokenToken');
      if (state.loss === 'unreadable') return t('notices.paused.linkBrokenUnreadable');
      return state.detail !== undefined
        ? t('notices.paused.linkBrokenWords', { detail: state.detail })
        : t('notices.paused.linkBroken');
    case 'budget':
      return state.detail !== undefined
        ? t('notices.paused.budgetWords', { detail: state.detail })
        : t('notices.paused.budget');
    case 'permission':
      if (state.member !== undefined)
        return state.standing === 'left'
          ? t('notices.paused.payerLeft', { member: plain(state.member) })
          : t('notices.paused.payerNotManager', { member: plain(state.member) });
      return state.detail !== undefined
        ? t('notices.paused.payerWords', { detail: state.detail })
        : t('notices.paused.payerUnknown');
    case 'scope':
      return t('notices.paused.scope', { scope: state.detail ?? 'public_content' });
    case 'no-payer':
      return t('notices.paused.noPayer', { member: payer === undefined ? '—' : `<@${payer}>` });
    case 'hashtag-slots': {
      // When a slot frees, full and relative, as Discord renders it in each reader's language and time zone.
      const at = Math.ceil((state.until ?? state.since) / 1000);
      return t('feed.list.hashtagSlots', { date: `<t:${at}:f> (<t:${at}:R>)` });
    }
  }
}

function disabledWhy(state: DisabledState, t: Translate): string {
  switch (state.by) {
    case undefined:
      return state.reason ?? t('notices.disabled.unknown');
    case 'missing-access':
      return t('notices.disabled.missingAccess');
    case 'missing-permissions':
      return t('notices.disabled.missingPermissions');
    case 'channel-deleted':
      return t('notices.disabled.channelDeleted');
    case 'webhook-deleted':
      return t('notices.disabled.webhookDeleted');
    case 'webhook-invalid':
      return t('notices.disabled.webhookInvalid');
    case 'forum-tag-required':
      return t('notices.disabled.forumTagRequired');
    case 'thread-locked':
      return t('notices.disabled.threadLocked');
    case 'thread-archived-locked':
      return t('notices.disabled.threadArchivedLocked');
    case 'webhook-token-unreadable':
      if (state.detail === 'unknown-key') return t('notices.disabled.webhookKeyGone');
      return state.detail === 'missing' ? t('notices.disabled.webhookMissing') : t('notices.disabled.webhookDamaged');
    case 'forum-digest':
      return t('notices.disabled.forumDigest');
    case 'instagram-refused':
      // Instagram's own error (type: message), as Instagram worded it.
      return t('notices.disabled.instagramRefused', { detail: state.detail ?? '' });
    case 'not-on-provider':
      return t('notices.disabled.notOnProvider', { what: missingCapability(state.detail ?? '', t) });
    // igcord's own refusals of a source, inside the same "Instagram refuses this source (…)" sentence.
    case 'username-moved':
      return t('notices.disabled.instagramRefused', {
        detail: t('linkStatus.usernameMoved', { account: plain(`@${state.detail ?? ''}`) }),
      });
    case 'username-unknown':
      return t('notices.disabled.instagramRefused', { detail: t('linkStatus.usernameUnknown') });
  }
}

/**
 * What the configured Instagram API lacks (a capability, src/core/capabilities.ts), in `t`'s language; undefined
 * for a capability the catalogue does not know (i18next answers a missing key with the key itself).
 */
function capabilityText(capability: string, t: Translate): string | undefined {
  const key = `notices.capability.${capability}`;
  const text = t(key);
  return text === key ? undefined : text;
}

const missingCapability = (capability: string, t: Translate): string => capabilityText(capability, t) ?? capability;

/** "The Instagram API igcord uses here has no …": an operation the configured provider does not serve at all. */
export function notAvailableText(capability: string, t: Translate): string | undefined {
  const what = capabilityText(capability, t);
  return what === undefined ? undefined : t('notices.notAvailable', { what });
}

function disabledReason(state: DisabledState, t: Translate): string {
  const why = disabledWhy(state, t);
  const code = state.by === undefined ? undefined : DISCORD_CODES[state.by];
  return code !== undefined ? t('notices.disabled.discordError', { code, why }) : why;
}

/**
 * Why a feed is not active, in `t`'s language; undefined for an active feed. `payer`: the member whose link pays
 * for it (a no-payer pause names them).
 */
export function describeFeedState(state: FeedState, t: Translate, payer?: string): string | undefined {
  switch (state.kind) {
    case 'active':
      return undefined;
    case 'paused':
      return pausedReason(state, t, payer);
    case 'disabled':
      return disabledReason(state, t);
  }
}

/** Why a post was refused for good (a feed would be disabled for it), in `t`'s language. */
export const describeStop = (stop: FeedStop, t: Translate): string =>
  disabledReason(
    { kind: 'disabled', by: stop.by, ...(stop.detail !== undefined ? { detail: stop.detail } : {}), since: 0 },
    t,
  );

/** The notice that a feed stopped: which feed, where, and why. */
export function feedNoticeText(notice: FeedNotice, t: Translate): string {
  const vars = {
    id: notice.feedId,
    channel: notice.channelId,
    reason: describeFeedState(notice.state, t, notice.ownerDiscordUserId) ?? '',
  };
  return notice.state.kind === 'paused' ? t('notices.feed.paused', vars) : t('notices.feed.disabled', vars);
}

/** A DM to a link's owner; `button` is the label of the Re-link button it comes with. */
export function ownerNoticeText(notice: OwnerNotice, t: Translate, button: string): string {
  const account = plain(`@${notice.username}`);
  if (notice.kind === 'token-expiring')
    return t('notices.owner.expiring', {
      account,
      count: notice.daysLeft,
      // Discord writes the date in each reader's own language and time zone.
      date: `<t:${Math.floor(notice.expiresAt / 1000)}:D>`,
      button,
    });
  return t('notices.owner.broken', {
    account,
    why: notice.why === 'expired' ? t('notices.owner.expired') : t('notices.owner.refused'),
    feeds:
      notice.pausedFeeds === 0
        ? t('notices.owner.noFeedPaused')
        : t('notices.owner.feedsPaused', { count: notice.pausedFeeds }),
    button,
  });
}
