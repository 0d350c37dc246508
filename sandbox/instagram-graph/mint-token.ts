// Tokens minted without a browser: what a test needs to call the Graph API as an account without walking the
// OAuth dialogs. The same token kinds and lifetimes as the real logins (tokens.ts), and the same refusals an
// account would meet there (a personal account cannot link, Facebook Login needs a Page).
import { AdminError } from '../shared/admin-error.js';
import type { GraphState } from './state.js';
import { FACEBOOK_SCOPES, INSTAGRAM_SCOPES, LONG_TTL_MS, SHORT_TTL_MS } from './tokens.js';
import { isProfessional, usesInstagramLogin, type Account } from './world.js';

export interface MintTokenInput {
  /** Id or username. */
  account: string;
  /** Instagram Login (default when the account allows it) or Facebook Login. */
  login?: 'instagram' | 'facebook';
  /** Instagram Login: 'long' (default) or 'short'. Facebook Login: 'long' user token (default), 'short', or 'page'. */
  kind?: 'short' | 'long' | 'page';
  scopes?: string[];
}

export interface MintedToken {
  access_token: string;
  kind: string;
  /** ms epoch, null when it never expires. */
  expires_at: number | null;
  account_id: string;
  facebook_user_id?: string;
}

/** Mints a token for `account` (already looked up from `input.account` by the admin). */
export function mintToken(state: GraphState, account: Account, input: MintTokenInput): MintedToken {
  const { world } = state;
  const login = input.login ?? (usesInstagramLogin(account) ? 'instagram' : 'facebook');
  const now = state.clock.now();
  if (login === 'instagram') {
    if (!usesInstagramLogin(account)) throw new AdminError(400, `${account.username} does not use Instagram Login`);
    if (!isProfessional(account))
      throw new AdminError(409, `${account.username} is a personal account: only professional accounts can link`);
    const long = input.kind !== 'short';
    const expiresAt = now + (long ? LONG_TTL_MS : SHORT_TTL_MS);
    const token = state.tokens.mint({
      kind: long ? 'ig-long' : 'ig-short',
      accountId: account.id,
      scopes: new Set(input.scopes ?? INSTAGRAM_SCOPES),
      issuedAt: now,
      expiresAt,
    });
    return {
      access_token: token,
      kind: long ? 'ig-long' : 'ig-short',
      expires_at: expiresAt,
      account_id: account.id,
    };
  }
  const page = account.pageId ? world.pages.get(account.pageId) : undefined;
  const user = page ? [...world.facebookUsers.values()].find((u) => u.pageIds.includes(page.id)) : undefined;
  if (!page || !user) throw new AdminError(400, `${account.username} has no Facebook Page`);
  const short = input.kind === 'short';
  const userRecord = {
    kind: short ? ('fb-user-short' as const) : ('fb-user-long' as const),
    facebookUserId: user.id,
    scopes: new Set(input.scopes ?? FACEBOOK_SCOPES),
    issuedAt: now,
    expiresAt: now + (short ? SHORT_TTL_MS : LONG_TTL_MS),
  };
  const userToken = state.tokens.mint(userRecord);
  if (input.kind === 'page') {
    const pageToken = state.tokens.pageToken(userToken, userRecord, page.id, page.igAccountId);
    return {
      access_token: pageToken,
      kind: 'fb-page',
      expires_at: null,
      account_id: account.id,
      facebook_user_id: user.id,
    };
  }
  return {
    access_token: userToken,
    kind: userRecord.kind,
    expires_at: userRecord.expiresAt,
    account_id: account.id,
    facebook_user_id: user.id,
  };
}
