// Storing an Instagram link, shared by both ways of linking — the OAuth callback (src/http/oauth-callback.ts) and
// the paste-a-token modal of /instagram — so both store and resume the same way: the feeds paused for their owner's
// link (unlinked, or the link broke) resume when that same Instagram account is linked again, as the feed
// lifecycle (src/core/feed-lifecycle.ts) decides.
import { ownerLinked } from '../core/index.js';
import type { Logger } from '../log.js';
import type { Account, LinkInput, Storage } from '../storage/index.js';
import { plain } from '../discord/embeds/text.js';

/**
 * Stores a link and resumes the feeds paused for this user's link to the same Instagram account (feeds of another
 * account, or paused by an admin or for another reason, stay as they are).
 */
export async function saveLink(storage: Storage, input: LinkInput, log: Logger): Promise<{ account: Account; resumedFeeds: number }> {
  const account = await storage.accounts.link(input);
  let resumedFeeds = 0;
  for (const feed of await storage.feeds.listByOwner(account.discordUserId)) {
    const next = ownerLinked(feed, account);
    if (next !== undefined) {
      await storage.feeds.setState(feed.id, next);
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
