// Tokens and authorization codes with their lifetimes on the emulator clock (reference §1.2, §1.3, §5):
// Instagram Login codes (1 h, single use) → short-lived tokens (1 h) → long-lived tokens (60 days), refreshable
// once ≥ 24 h old and not expired, each refresh giving 60 days from then; Facebook Login codes → short-lived user
// tokens (1 h) → long-lived user tokens (60 days, no refresh) → Page tokens (no expiry when derived from a
// long-lived user token); app tokens `<app-id>|<app-secret>`. Revoked and expired tokens answer 190.
import { authorizationCode, facebookToken, instagramToken } from './ids.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const CODE_TTL_MS = HOUR_MS;
export const SHORT_TTL_MS = HOUR_MS;
export const LONG_TTL_MS = 60 * DAY_MS;
export const REFRESH_MIN_AGE_MS = DAY_MS;

export type TokenKind = 'ig-short' | 'ig-long' | 'fb-user-short' | 'fb-user-long' | 'fb-page';

export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_manage_comments',
  'instagram_business_manage_messages',
  'instagram_business_content_publish',
  'instagram_business_manage_insights',
] as const;

export const FACEBOOK_SCOPES = [
  'instagram_basic',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'instagram_manage_messages',
  'instagram_content_publish',
  'pages_show_list',
  'pages_read_engagement',
] as const;

export interface TokenRecord {
  kind: TokenKind;
  /** Instagram account (ig-*, fb-page: the Page's linked account, if any). */
  accountId?: string;
  facebookUserId?: string;
  pageId?: string;
  scopes: ReadonlySet<string>;
  /** When this token's current validity began (minting, or its last refresh). */
  issuedAt: number;
  /** null: never expires (Page tokens from a long-lived user token). */
  expiresAt: number | null;
  revoked?: 'password' | 'invalid';
}

export interface PendingCode {
  login: 'instagram' | 'facebook';
  redirectUri: string;
  accountId?: string;
  facebookUserId?: string;
  scopes: string[];
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly codes = new Map<string, PendingCode>();
  /** Every token ever minted, revoked and expired ones included: what a test scans logs for. */
  private readonly minted: string[] = [];
  /** Page tokens already handed out per (user token, page), so /me/accounts answers the same token twice. */
  private readonly pageTokens = new Map<string, string>();

  mint(record: TokenRecord): string {
    const token = record.kind.startsWith('ig-') ? instagramToken() : facebookToken();
    this.tokens.set(token, record);
    this.minted.push(token);
    return token;
  }

  pageToken(userToken: string, user: TokenRecord, pageId: string, accountId: string | undefined): string {
    const key = `${userToken}|${pageId}`;
    const existing = this.pageTokens.get(key);
    if (existing) return existing;
    const token = this.mint({
      kind: 'fb-page',
      facebookUserId: user.facebookUserId,
      pageId,
      ...(accountId !== undefined ? { accountId } : {}),
      scopes: user.scopes,
      issuedAt: user.issuedAt,
      // A Page token from a long-lived user token does not expire; from a short-lived one it ends with it.
      expiresAt: user.kind === 'fb-user-long' ? null : user.expiresAt,
    });
    this.pageTokens.set(key, token);
    return token;
  }

  get(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  /** Gives a token a new validity (refresh that keeps the string). */
  extend(token: string, issuedAt: number, expiresAt: number): void {
    const record = this.tokens.get(token);
    if (record) {
      record.issuedAt = issuedAt;
      record.expiresAt = expiresAt;
    }
  }

  revoke(token: string, reason: 'password' | 'invalid' = 'password'): boolean {
    const record = this.tokens.get(token);
    if (!record) return false;
    record.revoked = reason;
    // Revoking a user's token also ends the Page tokens derived from it (the admin changed their password).
    for (const [key, pageToken] of this.pageTokens) {
      if (key.startsWith(`${token}|`)) {
        const page = this.tokens.get(pageToken);
        if (page) page.revoked = reason;
      }
    }
    return true;
  }

  /** Ends a token's validity now (for "Session has expired" without moving the clock). */
  expire(token: string, now: number): boolean {
    const record = this.tokens.get(token);
    if (!record) return false;
    record.expiresAt = now;
    return true;
  }

  issued(): string[] {
    return [...this.minted];
  }

  issueCode(pending: PendingCode): string {
    const code = authorizationCode();
    this.codes.set(code, pending);
    return code;
  }

  /** Takes a code: single use, whatever happens next. `expired` when it was issued more than 1 h ago. */
  takeCode(code: string, now: number): PendingCode | 'expired' | undefined {
    const pending = this.codes.get(code);
    if (!pending) return undefined;
    this.codes.delete(code);
    return pending.expiresAt > now ? pending : 'expired';
  }
}
