// The feed lifecycle decides every change of a feed's state from the state as it is: who may pause over whom,
// which link brings a paused feed back, and what each state keeps as data (its words: test/unit/discord/notice-text).
import { describe, expect, it } from 'vitest';
import {
  disabled,
  hashtagSlotFreed,
  hashtagSlotsFull,
  movedToNewAccount,
  ownerLinked,
  ownerLinkedElsewhere,
  ownerLinkLost,
  pausedByPerson,
  resumedByPerson,
  scopeMissing,
  type FeedState,
} from '../../../src/core/index.js';

const feed = (state: FeedState) => ({ state, ownerInstagramUserId: '3001' });
const NOW = 1_750_000_000_000;
/** A working link to `instagramUserId` with every scope. */
const link = (instagramUserId: string) => ({ instagramUserId, scopes: ['basic', 'public_content'] });

describe('feed lifecycle', () => {
  it("pauses an active feed for its owner's broken link, waiting for the account the feed was set up with", () => {
    expect(ownerLinkLost(feed({ kind: 'active' }), 'token', NOW)).toEqual({
      kind: 'paused',
      by: 'owner-link-broken',
      since: NOW,
      loss: 'token',
      instagramUserId: '3001',
    });
    expect(ownerLinkLost(feed({ kind: 'active' }), 'unlinked', NOW)).toMatchObject({
      by: 'owner-unlinked',
      instagramUserId: '3001',
    });
  });

  it("leaves a feed an admin paused, or a disabled one, as it is when the owner's link breaks", () => {
    expect(ownerLinkLost(feed({ kind: 'paused', by: 'person', since: 1, detail: '7' }), 'token', NOW)).toBeUndefined();
    expect(ownerLinkLost(feed(disabled({ by: 'channel-deleted' }, 1)), 'unlinked', NOW)).toBeUndefined();
  });

  it('resumes an owner pause only for the Instagram account it waits for', () => {
    const paused = ownerLinkLost(feed({ kind: 'active' }), 'token', NOW)!;
    expect(ownerLinked(feed(paused), link('9999'))).toBeUndefined();
    expect(ownerLinked(feed(paused), link('3001'))).toEqual({ kind: 'active' });
  });

  it("never resumes an admin's pause, a disabled feed or a budget pause on a link", () => {
    expect(ownerLinked(feed({ kind: 'paused', by: 'person', since: 1 }), link('3001'))).toBeUndefined();
    expect(ownerLinked(feed({ kind: 'paused', by: 'budget', since: 1 }), link('3001'))).toBeUndefined();
    expect(ownerLinked(feed(disabled({ by: 'channel-deleted' }, 1)), link('3001'))).toBeUndefined();
  });

  it('lets an admin pause over an owner pause but not renew their own, and resume anything not active', () => {
    const ownerPause = ownerLinkLost(feed({ kind: 'active' }), 'unlinked', NOW)!;
    const byAdmin = pausedByPerson(feed(ownerPause), '42', NOW + 1);
    expect(byAdmin).toEqual({ kind: 'paused', by: 'person', since: NOW + 1, detail: '42' });
    expect(pausedByPerson(feed(byAdmin!), '43', NOW + 2)).toBeUndefined();
    expect(resumedByPerson(feed(byAdmin!))).toEqual({ kind: 'active' });
    expect(resumedByPerson(feed({ kind: 'active' }))).toBeUndefined();
  });

  it('keeps why a feed was disabled as data, and bounds what it keeps', () => {
    expect(disabled({ by: 'instagram-refused', detail: 'x'.repeat(600) }, NOW)).toEqual({
      kind: 'disabled',
      by: 'instagram-refused',
      detail: 'x'.repeat(500),
      since: NOW,
    });
    expect(disabled({ by: 'missing-access' }, NOW)).toEqual({ kind: 'disabled', by: 'missing-access', since: NOW });
  });
});

describe('a pause for a missing Instagram permission', () => {
  it('names the permission and the command that grants it, and lifts only on a link to the same account with it', () => {
    const paused = scopeMissing(feed({ kind: 'active' }), 'public_content', NOW)!;
    expect(paused).toMatchObject({ kind: 'paused', by: 'scope', detail: 'public_content', instagramUserId: '3001' });
    expect(ownerLinked(feed(paused), { instagramUserId: '3001', scopes: ['basic'] })).toBeUndefined();
    expect(ownerLinked(feed(paused), { instagramUserId: '9999', scopes: ['basic', 'public_content'] })).toBeUndefined();
    expect(ownerLinked(feed(paused), link('3001'))).toEqual({ kind: 'active' });
    expect(scopeMissing(feed({ kind: 'paused', by: 'person', since: 1 }), 'public_content', NOW)).toBeUndefined();
  });
});

describe('a feed whose owner linked another Instagram account', () => {
  it('pauses an active feed for the old account, resumes it when that account returns, and a move lifts only that pause', () => {
    const paused = ownerLinkedElsewhere(feed({ kind: 'active' }), 'old', NOW)!;
    expect(paused).toEqual({
      kind: 'paused',
      by: 'owner-unlinked',
      since: NOW,
      account: 'old',
      instagramUserId: '3001',
    });
    expect(ownerLinked(feed(paused), link('9999'))).toBeUndefined();
    expect(ownerLinked(feed(paused), link('3001'))).toEqual({ kind: 'active' });
    expect(movedToNewAccount(feed(paused))).toEqual({ kind: 'active' });
    const byAdmin: FeedState = { kind: 'paused', by: 'person', since: 1, detail: '7' };
    expect(ownerLinkedElsewhere(feed(byAdmin), 'old', NOW)).toBeUndefined();
    expect(movedToNewAccount(feed(byAdmin))).toEqual(byAdmin);
  });

  it("pauses an active hashtag feed until its payer's slot frees, and lifts only that pause once the date has come", () => {
    const freesAt = NOW + 3 * 86_400_000;
    const paused = hashtagSlotsFull(feed({ kind: 'active' }), freesAt, NOW);
    expect(paused).toEqual({
      kind: 'paused',
      by: 'hashtag-slots',
      since: NOW,
      until: freesAt,
      instagramUserId: '3001',
    });
    expect(hashtagSlotFreed(feed(paused!), freesAt - 1)).toBeUndefined();
    expect(hashtagSlotFreed(feed(paused!), freesAt)).toEqual({ kind: 'active' });
    // An admin's pause or a disabled feed keeps its own state; another pause is not lifted by the date.
    const byAdmin: FeedState = { kind: 'paused', by: 'person', since: 1, detail: '7' };
    expect(hashtagSlotsFull(feed(byAdmin), freesAt, NOW)).toBeUndefined();
    expect(hashtagSlotsFull(feed(disabled({ by: 'channel-deleted' }, 1)), freesAt, NOW)).toBeUndefined();
    expect(hashtagSlotFreed(feed(byAdmin), freesAt)).toBeUndefined();
  });
});
