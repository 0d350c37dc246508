// The lifecycle of a feed whose payer may no longer pay (left the server, lost Manage Server) or stopped paying:
// which states pause, which stay, and that neither pause lifts when the owner links again.
import { describe, expect, it } from 'vitest';
import {
  disabled,
  isOwnerPause,
  ownerLinked,
  payerLost,
  payerStopped,
  type FeedState,
} from '../../../src/core/index.js';

const feed = (state: FeedState) => ({ state, ownerInstagramUserId: '3001' });
const NOW = 1_750_000_000_000;
const LEFT = { standing: 'left', name: '@mila' } as const;
/** A working link to `instagramUserId` with every scope. */
const link = (instagramUserId: string) => ({ instagramUserId, scopes: ['basic', 'public_content'] });

describe('payer lifecycle', () => {
  it('pauses an active feed whose payer lost their standing, with the reason, and leaves other states alone', () => {
    expect(payerLost(feed({ kind: 'active' }), LEFT, NOW)).toEqual({
      kind: 'paused',
      by: 'permission',
      since: NOW,
      standing: 'left',
      member: '@mila',
    });
    expect(payerLost(feed({ kind: 'paused', by: 'person', since: 1, detail: '7' }), LEFT, NOW)).toBeUndefined();
    expect(payerLost(feed(disabled({ by: 'channel-deleted' }, 1)), LEFT, NOW)).toBeUndefined();
  });

  it('pauses any feed whose payer stops paying, once', () => {
    const stopped = payerStopped(feed({ kind: 'active' }), NOW)!;
    expect(stopped).toEqual({ kind: 'paused', by: 'no-payer', since: NOW });
    expect(payerStopped(feed(stopped), NOW + 1)).toBeUndefined();
    expect(payerStopped(feed(disabled({ by: 'channel-deleted' }, 1)), NOW)).toMatchObject({ by: 'no-payer' });
  });

  it('does not lift either pause when the owner links again: a person decides', () => {
    const lost = payerLost(feed({ kind: 'active' }), { standing: 'no-manage-guild', name: '@mila' }, NOW)!;
    const stopped = payerStopped(feed({ kind: 'active' }), NOW)!;
    for (const state of [lost, stopped]) {
      expect(isOwnerPause(state)).toBe(false);
      expect(ownerLinked(feed(state), link('3001'))).toBeUndefined();
    }
  });
});
