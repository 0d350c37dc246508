// Access tokens the emulator has issued (through the OAuth flows or the admin API), with the user, client and
// scopes each carries. Revoking a token makes every later call with it fail with OAuthAccessTokenException.
// Tokens are kept by their SHA-256, as a service keeps credentials: a snapshot of the emulator's world (which a
// sandbox writes to disk) then holds no token that works.
import { createHash } from 'node:crypto';
import { makeAccessToken } from './ids.js';

export const ALL_SCOPES = ['basic', 'public_content', 'follower_list', 'comments', 'relationships', 'likes'] as const;

export interface TokenRecord {
  userId: string;
  clientId: string;
  scopes: ReadonlySet<string>;
}

/** A token as a snapshot holds it: its SHA-256 (hex) and what it grants. */
export interface StoredToken {
  sha256: string;
  userId: string;
  clientId: string;
  scopes: string[];
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  /** Every token minted by this process, revoked ones included: what a test checks the client's logs against. */
  private readonly minted: string[] = [];

  /** Issues a token; `basic` is always granted (reference §4.5). */
  mint(userId: string, clientId: string, scopes: Iterable<string>): string {
    const token = makeAccessToken(userId, clientId);
    this.tokens.set(digest(token), { userId, clientId, scopes: new Set(['basic', ...scopes]) });
    this.minted.push(token);
    return token;
  }

  issued(): string[] {
    return [...this.minted];
  }

  get(token: string): TokenRecord | undefined {
    return this.tokens.get(digest(token));
  }

  revoke(token: string): boolean {
    return this.tokens.delete(digest(token));
  }

  /** The live tokens, by hash, for a snapshot. */
  stored(): StoredToken[] {
    return [...this.tokens].map(([sha256, r]) => ({
      sha256,
      userId: r.userId,
      clientId: r.clientId,
      scopes: [...r.scopes],
    }));
  }

  /** Takes back tokens a snapshot held: they work again, as they did before the emulator stopped. */
  restore(tokens: StoredToken[]): void {
    for (const t of tokens)
      this.tokens.set(t.sha256, { userId: t.userId, clientId: t.clientId, scopes: new Set(t.scopes) });
  }
}
