// The one place that decides how a feed's state changes: an admin pausing or resuming it, its owner unlinking or
// their link breaking, the owner linking again, its payer leaving the server or stopping paying for it, and the
// channel refusing posts (permission lost, channel or webhook deleted). Each function takes the state as it is and returns the next one, or undefined when the event
// changes nothing, so the callers (commands, the delivery engine, linking) only persist what comes back. Pauses
// are told apart by their structured cause, never by their wording.
import { ACTIVE, type FeedState, type PausedState } from './feed-state.js';

/** The feed fields the lifecycle reads. */
export interface LifecycleFeed {
  state: FeedState;
  ownerInstagramUserId: string;
}

/** Why an owner's link stopped serving their feeds. */
export type OwnerLinkLoss = 'unlinked' | 'token' | 'unreadable';

const LOSS_DETAIL: Record<OwnerLinkLoss, string | undefined> = {
  unlinked: undefined,
  token: 'token revoked or expired',
  unreadable: 'the stored token cannot be read',
};

/** True for a pause igcord set because of the owner's link, lifted when that link works again. */
export function isOwnerPause(
  state: FeedState,
): state is PausedState & { by: 'owner-unlinked' | 'owner-link-broken' | 'scope' } {
  return (
    state.kind === 'paused' &&
    (state.by === 'owner-unlinked' || state.by === 'owner-link-broken' || state.by === 'scope')
  );
}

/** The owner's working link as the lifecycle sees it: which account, granted which Instagram permissions. */
export interface OwnerLink {
  instagramUserId: string;
  scopes: readonly string[];
}

/**
 * The owner's link stopped serving the feed. Only an active feed pauses: a feed an admin paused, or one disabled,
 * keeps its own state (and its own reason).
 */
export function ownerLinkLost(feed: LifecycleFeed, loss: OwnerLinkLoss, now: number): FeedState | undefined {
  if (feed.state.kind !== 'active') return undefined;
  const detail = LOSS_DETAIL[loss];
  return {
    kind: 'paused',
    by: loss === 'unlinked' ? 'owner-unlinked' : 'owner-link-broken',
    since: now,
    ...(detail !== undefined ? { detail } : {}),
    instagramUserId: feed.ownerInstagramUserId,
  };
}

/**
 * The owner has a working link. A feed paused because of the owner's link resumes only when this is the account
 * the pause waits for (the account the feed was set up with): another account's token must not start paying for
 * it. A feed paused for a missing permission also waits for the link to grant that permission.
 */
export function ownerLinked(feed: LifecycleFeed, link: OwnerLink): FeedState | undefined {
  if (!isOwnerPause(feed.state)) return undefined;
  const awaited = feed.state.instagramUserId ?? feed.ownerInstagramUserId;
  if (awaited !== link.instagramUserId) return undefined;
  if (feed.state.by === 'scope' && feed.state.detail !== undefined && !link.scopes.includes(feed.state.detail))
    return undefined;
  return ACTIVE;
}

/**
 * Instagram refused the source because the owner's token lacks `scope` (e.g. `public_content` for a tag). Only an
 * active feed pauses; it resumes when the owner links the same account with that scope (ownerLinked).
 */
export function scopeMissing(feed: LifecycleFeed, scope: string, now: number): FeedState | undefined {
  if (feed.state.kind !== 'active') return undefined;
  return {
    kind: 'paused',
    by: 'scope',
    since: now,
    detail: scope.slice(0, 100),
    instagramUserId: feed.ownerInstagramUserId,
  };
}

/**
 * The owner's link now points to another Instagram account than the feed's (`detail`: "@old is no longer linked").
 * An active feed pauses, waiting for the feed's own account (ownerLinked) or for its owner to move it (movedTo):
 * the new account's token must not start reading and paying for it unasked.
 */
export function ownerLinkedElsewhere(feed: LifecycleFeed, detail: string, now: number): FeedState | undefined {
  if (feed.state.kind !== 'active') return undefined;
  return {
    kind: 'paused',
    by: 'owner-unlinked',
    since: now,
    detail: detail.slice(0, 200),
    instagramUserId: feed.ownerInstagramUserId,
  };
}

/**
 * The owner moves the feed to the account they now link: a pause that waited for the old account lifts; an admin's
 * pause, another pause or a disabled feed keeps its state (only the paying account changes).
 */
export function movedToNewAccount(feed: LifecycleFeed): FeedState {
  return isOwnerPause(feed.state) ? ACTIVE : feed.state;
}

/** An admin pauses the feed; undefined when an admin's pause already holds (it is not renewed). */
export function pausedByPerson(feed: LifecycleFeed, discordUserId: string, now: number): FeedState | undefined {
  if (feed.state.kind === 'paused' && feed.state.by === 'person') return undefined;
  return { kind: 'paused', by: 'person', since: now, detail: discordUserId };
}

/**
 * The member whose link pays for the feed may no longer spend it there (`detail` says why: they left, or lost the
 * right to manage the server). Only an active feed pauses; an admin's pause or a disabled feed keeps its reason.
 */
export function payerLost(feed: LifecycleFeed, detail: string, now: number): FeedState | undefined {
  if (feed.state.kind !== 'active') return undefined;
  return { kind: 'paused', by: 'permission', since: now, detail: detail.slice(0, 500) };
}

/** The payer stops paying for the feed (whatever its state): it waits for someone to pay for it again. */
export function payerStopped(feed: LifecycleFeed, now: number): FeedState | undefined {
  if (feed.state.kind === 'paused' && feed.state.by === 'no-payer') return undefined;
  return { kind: 'paused', by: 'no-payer', since: now };
}

/**
 * Graph refused the feed's tag as its payer's 31st unique hashtag of the week (reference §1.4): nobody can pay for
 * it until one of the payer's slots frees at `freesAt`. Only an active feed pauses; it lifts by itself then.
 */
export function hashtagSlotsFull(feed: LifecycleFeed, freesAt: number, now: number): FeedState | undefined {
  if (feed.state.kind !== 'active') return undefined;
  return {
    kind: 'paused',
    by: 'hashtag-slots',
    since: now,
    until: freesAt,
    instagramUserId: feed.ownerInstagramUserId,
  };
}

/** When a feed paused for its payer's hashtag slots may run again (epoch ms); undefined for any other state. */
export function hashtagSlotFreesAt(state: FeedState): number | undefined {
  return state.kind === 'paused' && state.by === 'hashtag-slots' ? (state.until ?? 0) : undefined;
}

/** A feed paused for its payer's hashtag slots resumes once the date a slot frees has come. */
export function hashtagSlotFreed(feed: LifecycleFeed, now: number): FeedState | undefined {
  const freesAt = hashtagSlotFreesAt(feed.state);
  return freesAt !== undefined && freesAt <= now ? ACTIVE : undefined;
}

/** An admin resumes the feed (the caller has checked the owner's link and the channel); undefined when active. */
export function resumedByPerson(feed: LifecycleFeed): FeedState | undefined {
  return feed.state.kind === 'active' ? undefined : ACTIVE;
}

/**
 * Posting can no longer work until someone acts: Discord refused for good (permission lost, channel or webhook
 * deleted, webhook token unreadable), or Instagram refuses the source. The feed keeps its pending posts.
 */
export function disabled(reason: string, now: number): FeedState {
  return { kind: 'disabled', reason: reason.slice(0, 500), since: now };
}

const OWNER_PAUSE_TEXT = {
  'owner-unlinked':
    'Paused because its owner unlinked their Instagram account; it resumes when they link that account again.',
  'owner-link-broken': "Paused: the owner's Instagram link stopped working",
} as const;

/** The words `/feed list` and notices show for a state (its label aside); undefined for an active feed. */
export function stateReason(state: FeedState): string | undefined {
  switch (state.kind) {
    case 'active':
      return undefined;
    case 'disabled':
      return state.reason;
    case 'paused':
      switch (state.by) {
        case 'person':
          return `paused by ${state.detail !== undefined ? `<@${state.detail}>` : 'an admin'} <t:${Math.ceil(state.since / 1000)}:R>`;
        case 'owner-unlinked':
          return state.detail
            ? `Paused: ${state.detail}. It resumes when its owner links that account again, or when they move it to the account they link now (the button on their link reply).`
            : OWNER_PAUSE_TEXT['owner-unlinked'];
        case 'owner-link-broken':
          return `${OWNER_PAUSE_TEXT['owner-link-broken']}${state.detail ? ` (${state.detail})` : ''}. The owner runs /instagram link again with the same account and the feed resumes by itself.`;
        case 'budget':
          return `Paused: the owner's Instagram budget is spent${state.detail ? ` (${state.detail})` : ''}; it resumes by itself.`;
        case 'permission':
          return `Paused: ${state.detail ?? 'the member who pays for it may no longer'}, and their Instagram link pays for it. They can resume it once they manage the server again; or an admin removes it and adds it with their own link.`;
        case 'scope':
          return `Paused: the feed needs the \`${state.detail ?? 'public_content'}\` permission: the owner runs /instagram link scopes:${state.detail ?? 'public_content'} with the same account and the feed resumes by itself.`;
        case 'no-payer':
          return 'Paused: the member whose Instagram link paid for it stopped paying. They can resume it; or an admin removes it and adds it with their own link.';
        case 'hashtag-slots':
          return `Paused: the payer's Instagram account has used its 30 hashtags for this week; a slot frees <t:${Math.ceil((state.until ?? state.since) / 1000)}:R> and the feed resumes by itself.`;
      }
  }
}
