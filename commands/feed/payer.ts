// Who may spend a feed's budget. A feed reads Instagram with the link of the member who set it up (its payer), so
// the actions that spend that link's budget — resume (polling starts again), test and backfill — are the payer's
// alone; any admin of the server may still pause or remove a feed, which spends nothing. See README "Who pays for a feed".
import { UserFacingError } from '../../src/discord/errors.js';
import type { Feed } from '../../src/storage/index.js';
import type { FeedAdmin } from './feed-admin.js';
import { text } from '../../src/i18n/i18n.js';

export type SpendingAction = 'resume' | 'test' | 'backfill';

/** Refuses `action` on `feed` to anyone but its payer. */
export function requirePayer(feed: Feed, admin: FeedAdmin, action: SpendingAction): void {
  if (feed.ownerDiscordUserId === admin.userId) return;
  // One sentence per action: the verb and its object read differently in each language ("reanudarlo", "retomá-lo").
  throw new UserFacingError(
    'feeds.payer-only',
    text(`feedManage.payer.only.${action}`, { id: feed.id, payer: `<@${feed.ownerDiscordUserId}>` }),
  );
}
