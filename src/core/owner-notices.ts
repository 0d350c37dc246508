// The port through which igcord tells a link's owner, privately, that their link needs them (it broke, or its
// token is about to expire). Implemented over Discord DMs in src/discord/owner-dm.ts; the token refresher
// (src/accounts/token-refresher.ts) knows only this.
export interface OwnerNotice {
  content: string;
  /** Carry a Re-link button that opens a new link prompt. */
  relink: boolean;
}

export interface OwnerNotices {
  /** Sends the notice; throws when it could not be delivered (the caller logs it and does not record it as sent). */
  send(discordUserId: string, notice: OwnerNotice): Promise<void>;
}
