// The port through which igcord tells a link's owner, privately, that their link needs them (it broke, or its
// token is about to expire). Implemented over Discord DMs in src/discord/owner-dm.ts, which words each notice in
// the owner's language and adds a Re-link button; the token refresher (src/accounts/token-refresher.ts) knows only
// this, and says what happened as data.
export type OwnerNotice = (
  | {
      kind: 'link-broken';
      /** The Instagram account whose link broke. */
      username: string;
      /** Its token expired, or Instagram no longer accepts it. */
      why: 'expired' | 'refused';
      /** How many of the owner's feeds paused with it. */
      pausedFeeds: number;
    }
  | {
      kind: 'token-expiring';
      username: string;
      /** Whole days left (1 to 14). */
      daysLeft: number;
      /** Epoch ms. */
      expiresAt: number;
    }
) & {
  /** A server of the owner's (one of their feeds'): its language serves when the owner's own is not known. */
  guildId?: string | undefined;
};

export interface OwnerNotices {
  /** Sends the notice; throws when it could not be delivered (the caller logs it and does not record it as sent). */
  send(discordUserId: string, notice: OwnerNotice): Promise<void>;
}
