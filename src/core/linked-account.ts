// The Instagram account a Discord user linked, as the rest of igcord reasons about it: which provider serves it,
// whose it is, what it may do, until when, and whether the link still works.
export type ProviderId = 'instagram-v1' | 'instagram-graph';

export type LinkHealth = 'active' | 'broken';

export interface LinkedAccount {
  provider: ProviderId;
  discordUserId: string;
  instagramUserId: string;
  username: string;
  scopes: readonly string[];
  /** Epoch ms; undefined when the provider's tokens do not expire (Platform API v1 tokens have no expiry). */
  tokenExpiresAt?: number | undefined;
  health: LinkHealth;
}
