// Linking on the Graph provider behind core's AccountLinker: Instagram Login (authorize page on www.instagram.com,
// code → short → long-lived token, 60 days, renewable with ig_refresh_token) or Facebook Login (the dialog, code →
// long-lived user token → the Page token of the Page carrying the professional account, which does not expire:
// nothing to renew). Graph's errors become core's, so the callback and the refresher decide on one set:
// a personal account → LinkRefusedError, a dead token (190) → LinkTokenDeadError, a refused code → OAuth error.
// A new link also subscribes the account to igcord's webhook fields (webhook-subscription.ts).
import {
  InstagramError,
  InstagramOAuthError,
  InstagramRateLimitError,
  LinkRefusedError,
  LinkTokenDeadError,
  type AccountLinker,
} from '../../core/index.js';
import { silentLogger, type Logger } from '../../log.js';
import type { GraphClient } from './client.js';
import { GraphApiError, GraphNotProfessionalError, GraphRateLimitError, GraphTokenError } from './errors.js';

/** Graph's exchange failures as core's errors (the callback's pages are written against those). */
function exchangeError(error: unknown): unknown {
  if (error instanceof GraphNotProfessionalError) {
    const reason = error.reason === 'personal-account' ? 'personal-account' : 'no-professional-account';
    return new LinkRefusedError(error.message, reason, error.username);
  }
  if (!(error instanceof GraphApiError)) return error;
  const fields = { type: error.type, status: error.status, code: error.code, cause: error };
  if (error instanceof GraphRateLimitError)
    return new InstagramRateLimitError(error.message, { ...fields, retryable: true });
  // A refused, used or expired code is a 100 or a 190 on the exchange (reference §1.2, §1.3).
  if (error instanceof GraphTokenError || error.code === 100 || error.code === 190)
    return new InstagramOAuthError(error.message, fields);
  return new InstagramError(error.message, fields);
}

export function createGraphLinker(graph: GraphClient, log: Logger = silentLogger()): AccountLinker {
  const refresh: AccountLinker['refresh'] =
    graph.login === 'instagram'
      ? async (accessToken, { issuedAt, instagramUserId }) => {
          try {
            // Background priority: a renewal waits behind commands and feeds on the account's budget.
            const grant = await graph.oauth.instagram.refresh(
              accessToken,
              { issuedAt, key: instagramUserId },
              { priority: 'background' },
            );
            return { accessToken: grant.accessToken, issuedAt: grant.issuedAt, expiresAt: grant.expiresAt };
          } catch (error) {
            if (error instanceof GraphTokenError || (error instanceof GraphApiError && error.code === 190)) {
              throw new LinkTokenDeadError(error.message, { cause: error });
            }
            throw error;
          }
        }
      : undefined;
  return {
    provider: 'instagram-graph',
    login: graph.login,
    // The scopes of the v1 prompt mean nothing to Graph: each login asks for its own set.
    authorizeUrl: ({ state }) => graph.oauth.authorizeUrl({ state }),
    async exchange(code) {
      try {
        const grant = await graph.oauth.completeLink(code);
        // Meta sends an account's comments and mentions only once it has subscribed the app (reference §1.7). A
        // refusal does not undo the link: the feeds still poll, and the next link asks again.
        try {
          await graph.subscribeWebhooks(grant);
        } catch (error) {
          log.warn({ err: error, instagramUserId: grant.userId }, 'webhook subscription of a linked account failed');
        }
        return {
          account: { instagramUserId: grant.userId, username: grant.username, scopes: grant.scopes },
          token: { accessToken: grant.accessToken, issuedAt: grant.issuedAt, expiresAt: grant.expiresAt },
        };
      } catch (error) {
        throw exchangeError(error);
      }
    },
    refresh,
  };
}
