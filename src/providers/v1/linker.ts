// Linking on the Platform API v1: its authorize page and code exchange behind core's AccountLinker. v1 tokens do not
// expire, so there is nothing to renew and no expiry to store.
import type { AccountLinker } from '../../core/index.js';
import type { InstagramClient } from './client.js';

export function createV1Linker(instagram: InstagramClient, now: () => number = Date.now): AccountLinker {
  return {
    provider: 'instagram-v1',
    login: undefined,
    authorizeUrl: ({ state, scopes }) =>
      instagram.oauth.authorizeUrl({ responseType: 'code', scopes: [...scopes], state }),
    async exchange(code) {
      const exchanged = await instagram.oauth.exchangeCode(code);
      return {
        account: { instagramUserId: exchanged.user.id, username: exchanged.user.username, scopes: [] },
        token: { accessToken: exchanged.access_token, issuedAt: now(), expiresAt: undefined },
      };
    },
    refresh: undefined,
  };
}
