// The provider-neutral linking port: where to send a person to sign in, what the code they come back with is
// worth (the account, its token, until when), and, for providers whose tokens expire, how to renew one. The link
// page, the OAuth callback and the token refresher speak only this; the composition root picks the provider's
// implementation (src/providers/v1/linker.ts, src/providers/graph/linker.ts).
import type { ProviderId } from './linked-account.js';

/** Which sign-in a Graph link went through; undefined for v1. */
export type LinkLogin = 'instagram' | 'facebook';

export interface LinkedToken {
  accessToken: string;
  /** Epoch ms the token was issued (or last renewed). */
  issuedAt: number;
  /** Epoch ms the token stops working; undefined when it does not expire (v1, Facebook Login Page tokens). */
  expiresAt: number | undefined;
}

export interface LinkExchange {
  account: { instagramUserId: string; username: string; scopes: string[] };
  token: LinkedToken;
}

export interface AccountLinker {
  provider: ProviderId;
  login: LinkLogin | undefined;
  /** The provider's authorize page (Instagram's, or Facebook's dialog) for this single-use state. */
  authorizeUrl(input: { state: string; scopes: readonly string[] }): string;
  /** The code from the redirect → the account and its (long-lived) token. Throws LinkRefusedError for an account that cannot link. */
  exchange(code: string): Promise<LinkExchange>;
  /** Renews a token before it expires; undefined when this provider's tokens never need it. */
  refresh?:
    ((accessToken: string, input: { issuedAt: number; instagramUserId: string }) => Promise<LinkedToken>) | undefined;
}

/**
 * Why an account cannot be linked at all (e.g. a personal Instagram account): `reason` and the account's `username`
 * when known, which the callback words in the person's language; the message is for logs.
 */
export class LinkRefusedError extends Error {
  override readonly name = 'LinkRefusedError';
  constructor(
    message: string,
    readonly reason: 'personal-account' | 'no-professional-account',
    readonly username?: string | undefined,
  ) {
    super(message);
  }
}

/** A renewal refused because the token is dead (Graph code 190): only a new link helps. */
export class LinkTokenDeadError extends Error {
  override readonly name = 'LinkTokenDeadError';
}
