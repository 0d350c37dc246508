// Storing an Instagram link, shared by both ways of linking — the OAuth callback (src/http/oauth-callback.ts) and
// the paste-a-token modal of /instagram — and by unlinking, so both store and resume the same way: the feeds a
// user's unlink paused carry UNLINKED_PAUSE_REASON, and linking that same Instagram account again resumes exactly
// those feeds.
import type { Logger } from '../log.js';
import type { Account, LinkInput, Storage } from '../storage/index.js';
import { plain } from '../discord/embeds/text.js';

/** The reason a feed carries while its owner has no link; `saveLink` resumes exactly these feeds. */
export const UNLINKED_PAUSE_REASON = 'Paused because its owner unlinked their Instagram account; it resumes when they link that account again.';

/**
 * Stores a link and resumes the feeds that were paused when this user unlinked the same Instagram account (feeds
 * of another account, or paused by an admin or for another reason, stay as they are).
 */
export async function saveLink(storage: Storage, input: LinkInput, log: Logger): Promise<{ account: Account; resumedFeeds: number }> {
  const account = await storage.accounts.link(input);
  let resumedFeeds = 0;
  for (const feed of await storage.feeds.listByOwner(account.discordUserId)) {
    if (feed.state === 'paused' && feed.stateReason === UNLINKED_PAUSE_REASON && feed.ownerInstagramUserId === account.instagramUserId) {
      await storage.feeds.setState(feed.id, 'active');
      resumedFeeds += 1;
    }
  }
  log.info({ instagramUserId: account.instagramUserId, resumedFeeds }, 'Instagram account linked');
  return { account, resumedFeeds };
}

/** What the ephemeral link reply says once the account is linked. */
export function linkedReplyContent(username: string, resumedFeeds: number): string {
  const resumed = resumedFeeds === 0 ? '' : ` ${resumedFeeds === 1 ? 'One paused feed' : `${resumedFeeds} paused feeds`} of this account resumed.`;
  return `Linked Instagram account **${plain(`@${username}`)}** to your Discord account.${resumed} Try \`/instagram me\`.`;
}
