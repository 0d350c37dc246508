// How every Instagram command acts on the invoking Discord user's own link, and only theirs: the account is looked
// up by the interaction's user id (never by an option), a missing or broken link becomes the "Link Instagram"
// answer, and a token Instagram refuses marks the link broken before the error reaches the user — so the next
// command says "relink" without spending a call, and that user's feeds can be paused with a reason.
import type { InstagramAuth as Auth } from '../../src/core/index.js';
import { InstagramTokenError } from '../../src/core/instagram-errors.js';
import type { Logger } from '../../src/log.js';
import type { Account, Storage } from '../../src/storage/index.js';
import { plain } from '../../src/discord/embeds/text.js';
import { NotLinkedError } from '../../src/discord/errors.js';
import { text } from '../../src/i18n/i18n.js';

export interface LinkedAccount {
  account: Account;
  auth: Auth;
}

/** The invoker's active link with its token, or NotLinkedError (with the Link / Relink button). */
export async function requireLinkedAccount(storage: Storage, discordUserId: string): Promise<LinkedAccount> {
  const found = await storage.accounts.getWithToken(discordUserId);
  if (!found) throw new NotLinkedError();
  if (found.account.status === 'broken') {
    const account = plain(`@${found.account.username}`);
    // The reason is stored as igcord wrote it when the link broke (English).
    throw new NotLinkedError(
      found.account.brokenReason
        ? text('lookups.linkBrokenBecause', { account, reason: found.account.brokenReason })
        : text('lookups.linkBroken', { account }),
    );
  }
  return { account: found.account, auth: { userId: found.account.instagramUserId, accessToken: found.accessToken } };
}

/**
 * Runs `call` with the invoker's Instagram credentials. When Instagram says the token is no longer valid, the
 * link is marked broken (the reason is shown to the user and on their feeds) and the error is rethrown for the
 * one place that turns errors into replies.
 */
export async function withInstagram<T>(
  deps: { storage: Storage; log: Logger },
  discordUserId: string,
  call: (linked: LinkedAccount) => Promise<T>,
): Promise<T> {
  const linked = await requireLinkedAccount(deps.storage, discordUserId);
  try {
    return await call(linked);
  } catch (error) {
    if (error instanceof InstagramTokenError) {
      await deps.storage.accounts.markBroken(discordUserId, 'Instagram no longer accepts the access token');
      deps.log.warn({ instagramUserId: linked.account.instagramUserId }, 'Instagram token refused; link marked broken');
    }
    throw error;
  }
}
