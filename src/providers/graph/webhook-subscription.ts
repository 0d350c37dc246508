// An account's own subscription to igcord's webhooks (reference §1.7): Meta sends an account's events only once it
// has subscribed the app — Instagram Login: `POST /me/subscribed_apps?subscribed_fields=…` with the account's
// token; Facebook Login: `POST /{page-id}/subscribed_apps` with the Page's token. igcord asks for the two fields it
// records (`comments`, `mentions`; docs/decisions/0024) when an account links.
import { seg, writeNode, type CallOptions, type GraphAuth, type GraphContext, type Result } from './api-call.js';
import type { LinkGrant } from './tokens.js';
import { successSchema } from './schemas.js';

export const SUBSCRIBED_FIELDS = ['comments', 'mentions'] as const;

export function subscribeWebhooks(
  ctx: GraphContext,
  grant: Pick<LinkGrant, 'userId' | 'accessToken' | 'pageId'>,
  options?: CallOptions,
): Promise<Result<{ success: boolean }>> {
  const auth: GraphAuth = { userId: grant.userId, accessToken: grant.accessToken };
  const node = ctx.login === 'facebook' ? grant.pageId : 'me';
  if (node === undefined) throw new TypeError('a Facebook Login link names the Page that carries the account');
  return writeNode(
    ctx,
    auth,
    'POST',
    `/${seg(node)}/subscribed_apps`,
    successSchema,
    'Instagram webhook subscription',
    [['subscribed_fields', SUBSCRIBED_FIELDS.join(',')]],
    options,
  );
}
