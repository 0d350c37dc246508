// Access tokens the emulator has issued (through the OAuth flows or the admin API), with the user, client and
// scopes each carries. Revoking a token makes every later call with it fail with OAuthAccessTokenException.
import { makeAccessToken } from './ids.js';

export const ALL_SCOPES = ['basic', 'public_content', 'follower_list', 'comments', 'relationships', 'likes'] as const;

export interface TokenRecord {
  userId: string;
  clientId: string;
  scopes: ReadonlySet<string>;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  /** Every token ever minted, revoked ones included: what a test checks the client's logs against. */
  private readonly minted: string[] = [];

  /** Issues a token; `basic` is always granted (reference §4.5). */
  mint(userId: string, clientId: string, scopes: Iterable<string>): string {
    const token = makeAccessToken(userId, clientId);
    this.tokens.set(token, { userId, clientId, scopes: new Set(['basic', ...scopes]) });
    this.minted.push(token);
    return token;
  }

  issued(): string[] {
    return [...this.minted];
  }

  get(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  revoke(token: string): boolean {
    return this.tokens.delete(token);
  }
}
