// Where a feed's payer stands in the feed's server, as the delivery engine asks before it spends the payer's
// budget (src/feeds/payer-check.ts). A port: the Discord side answers it (src/discord/feed-posting/payer-standing.ts).
/** Where a payer stands in a feed's server. */
export type PayerStanding =
  | { kind: 'ok' }
  /** Not a member any more (left, kicked, banned, or the account was deleted). */
  | { kind: 'left'; name: string }
  /** A member whose roles no longer grant Manage Server or Administrator. */
  | { kind: 'no-manage-guild'; name: string }
  /** Discord did not say (down, the bot lost access to the guild): nothing is decided. */
  | { kind: 'unknown'; reason: string };

/** The port the delivery engine asks; tests and other transports may answer it their own way. */
export interface PayerCheck {
  standing(guildId: string, discordUserId: string): Promise<PayerStanding>;
}
