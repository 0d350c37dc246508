// The one place that decides how a feed's state changes: an admin pausing or resuming it, its owner unlinking or
// their link breaking, the owner linking again, its payer leaving the server or stopping paying for it, and the
// channel refusing posts (permission lost, channel or webhook deleted). Each function takes the state as it is and returns the next one, or undefined when the event
// changes nothing, so the callers (commands, the delivery engine, linking) only persist what comes back. Pauses
// are told apart by their structured cause, never by their wording, and carry no words: the Discord side renders
// them in each reader's language (src/discord/notice-text.ts).
import { ACTIVE, type FeedState, type FeedStop, type PausedState } from './feed-state.js';

/** The feed fields the lifecycle reads. */
export interface LifecycleFeed {
  state: FeedState;
  ownerInstagramUserId: string;
}

/** Why an owner's link stopped serving their feeds. */
export type OwnerLinkLoss = 'unlinked' | 'token' | 'unreadable';

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
  return {
    kind: 'paused',
    by: loss === 'unlinked' ? 'owner-unlinked' : 'owner-link-broken',
    since: now,
    ...(loss === 'unlinked' ? {} : { loss }),
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
 * The owner's link now points to another Instagram account than the feed's (`username`: the one no longer linked).
 * An active feed pauses, waiting for the feed's own account (ownerLinked) or for its owner to move it (movedTo):
 * the new account's token must not start reading and paying for it unasked.
 */
export function ownerLinkedElsewhere(feed: LifecycleFeed, username: string, now: number): FeedState | undefined {
  if (feed.state.kind !== 'active') return undefined;
  return {
    kind: 'paused',
    by: 'owner-unlinked',
    since: now,
    account: username.slice(0, 100),
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

/** Why a payer may no longer pay: they left the server, or lost the right to manage it; `name` as the server knows them. */
export interface PayerLoss {
  standing: 'left' | 'no-manage-guild';
  name: string;
}

/**
 * The member whose link pays for the feed may no longer spend it there. Only an active feed pauses; an admin's
 * pause or a disabled feed keeps its reason.
 */
export function payerLost(feed: LifecycleFeed, loss: PayerLoss, now: number): FeedState | undefined {
  if (feed.state.kind !== 'active') return undefined;
  return { kind: 'paused', by: 'permission', since: now, standing: loss.standing, member: loss.name.slice(0, 100) };
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
 * deleted, webhook token unreadable), or Instagram refuses the source. The feed keeps its pending posts. A refusal
 * whose cause is not known as data (none is expected) keeps the engine's own words, shown as they are.
 */
export function disabled(stop: FeedStop | { words: string }, now: number): FeedState {
  if ('words' in stop) return { kind: 'disabled', reason: stop.words.slice(0, 500), since: now };
  return {
    kind: 'disabled',
    by: stop.by,
    ...(stop.detail !== undefined ? { detail: stop.detail.slice(0, 500) } : {}),
    since: now,
  };
}
