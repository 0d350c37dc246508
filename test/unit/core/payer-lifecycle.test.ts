// The lifecycle of a feed whose payer may no longer pay (left the server, lost Manage Server) or stopped paying:
// which states pause, which stay, that neither pause lifts when the owner links again, and what `/feed list` says.
import { describe, expect, it } from 'vitest';
import {
  disabled,
  isOwnerPause,
  ownerLinked,
  payerLost,
  payerStopped,
  stateReason,
  type FeedState,
} from '../../../src/core/index.js';

const feed = (state: FeedState) => ({ state, ownerInstagramUserId: '3001' });
const NOW = 1_750_000_000_000;
/** A working link to `instagramUserId` with every scope. */
const link = (instagramUserId: string) => ({ instagramUserId, scopes: ['basic', 'public_content'] });

describe('payer lifecycle', () => {
  it('pauses an active feed whose payer lost their standing, with the reason, and leaves other states alone', () => {
    expect(payerLost(feed({ kind: 'active' }), '@mila left the server', NOW)).toEqual({
      kind: 'paused',
      by: 'permission',
      since: NOW,
      detail: '@mila left the server',
    });
    expect(
      payerLost(feed({ kind: 'paused', by: 'person', since: 1, detail: '7' }), '@mila left the server', NOW),
    ).toBeUndefined();
    expect(payerLost(feed(disabled('gone', 1)), '@mila left the server', NOW)).toBeUndefined();
  });

  it('pauses any feed whose payer stops paying, once', () => {
    const stopped = payerStopped(feed({ kind: 'active' }), NOW)!;
    expect(stopped).toEqual({ kind: 'paused', by: 'no-payer', since: NOW });
    expect(payerStopped(feed(stopped), NOW + 1)).toBeUndefined();
    expect(payerStopped(feed(disabled('gone', 1)), NOW)).toMatchObject({ by: 'no-payer' });
  });

  it('does not lift either pause when the owner links again: a person decides', () => {
    const lost = payerLost(feed({ kind: 'active' }), '@mila no longer has Manage Server', NOW)!;
    const stopped = payerStopped(feed({ kind: 'active' }), NOW)!;
    for (const state of [lost, stopped]) {
      expect(isOwnerPause(state)).toBe(false);
      expect(ownerLinked(feed(state), link('3001'))).toBeUndefined();
    }
  });

  it('says why in /feed list', () => {
    expect(stateReason(payerLost(feed({ kind: 'active' }), '@mila left the server', NOW)!)).toMatch(
      /^Paused: @mila left the server, and their Instagram link pays for it\./,
    );
    expect(stateReason(payerStopped(feed({ kind: 'active' }), NOW)!)).toContain('stopped paying');
  });
});
