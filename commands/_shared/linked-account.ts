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
import { text, type Text } from '../../src/i18n/i18n.js';

export interface LinkedAccount {
  account: Account;
  auth: Auth;
}

/**
 * "Your link no longer works (why)": the cause worded in the reader's language, with Instagram's own words as it
 * wrote them; a link broken before the cause was data shows the English words it kept, as stored.
 */
function brokenText(account: Account): Text {
  const name = plain(`@${account.username}`);
  if (account.brokenCause === 'expired') return text('linkStatus.brokenExpired', { account: name });
  if (account.brokenCause === 'refused')
    return account.brokenDetail
      ? text('linkStatus.brokenRefusedSaying', { account: name, detail: plain(account.brokenDetail) })
      : text('linkStatus.brokenRefused', { account: name });
  return account.brokenReason
    ? text('lookups.linkBrokenBecause', { account: name, reason: account.brokenReason })
    : text('lookups.linkBroken', { account: name });
}

/** The invoker's active link with its token, or NotLinkedError (with the Link / Relink button). */
export async function requireLinkedAccount(storage: Storage, discordUserId: string): Promise<LinkedAccount> {
  const found = await storage.accounts.getWithToken(discordUserId);
  if (!found) throw new NotLinkedError();
  if (found.account.status === 'broken') {
    throw new NotLinkedError(brokenText(found.account));
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
      await deps.storage.accounts.markBroken(discordUserId, { cause: 'refused', detail: error.message });
      deps.log.warn({ instagramUserId: linked.account.instagramUserId }, 'Instagram token refused; link marked broken');
    }
    throw error;
  }
}
