// What the OAuth flows hand back: a token with its issue and expiry times (epoch ms from the client's clock),
// and a completed link naming the professional account it serves. Token strings never leave this shape except
// to be stored encrypted; nothing here logs them.
import type { GraphLogin } from './api-call.js';

/** A token as an exchange or a refresh answered it. */
export interface TokenGrant {
  accessToken: string;
  /** When igcord received it. */
  issuedAt: number;
  /** undefined when the token does not expire (a Page token from a long-lived user token, reference §1.3). */
  expiresAt: number | undefined;
  /** Seconds as Graph said (`expires_in`), when it said. */
  expiresIn: number | undefined;
}

/** An Instagram Login refresh: `sameToken` when Graph handed back the same string with a new expiry (reference §1.2). */
export interface RefreshGrant extends TokenGrant {
  sameToken: boolean;
}

export type AccountType = 'BUSINESS' | 'MEDIA_CREATOR' | 'PERSONAL' | undefined;

/** A completed link: the token to store and the account it serves, keyed by its professional id. */
export interface LinkGrant extends TokenGrant {
  login: GraphLogin;
  /** `instagram-user` (Instagram Login, refreshable) or `page` (Facebook Login, no expiry). */
  tokenKind: 'instagram-user' | 'page';
  /** The professional account id: the budget key, and what webhooks carry (reference §1.2 step 5). */
  userId: string;
  /** Instagram Login's app-scoped id (`id`, and the code exchange's `user_id`). */
  appScopedId: string | undefined;
  username: string;
  accountType: AccountType;
  scopes: string[];
  /** Facebook Login: the Page whose token this is, and when the long-lived user token behind it expires. */
  pageId?: string | undefined;
  userTokenExpiresAt?: number | undefined;
}

export function grantFrom(answer: { access_token: string; expires_in?: number | undefined }, now: number): TokenGrant {
  return {
    accessToken: answer.access_token,
    issuedAt: now,
    expiresAt: answer.expires_in === undefined ? undefined : now + answer.expires_in * 1000,
    expiresIn: answer.expires_in,
  };
}

export function accountTypeOf(value: string | undefined): AccountType {
  return value === 'BUSINESS' || value === 'MEDIA_CREATOR' || value === 'PERSONAL' ? value : undefined;
}
