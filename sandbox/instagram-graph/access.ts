// Who may touch what: a token acts for the Instagram accounts it manages (Instagram Login: its own account;
// Facebook Login: the accounts linked to the Pages its user manages, or to its Page), and needs the permission
// of the login it came from (reference §1.1). Anything else is Graph's "Unsupported get request" (100/33), the
// answer Graph gives for objects a token may not see.
import type { GraphContext } from './context.js';
import { GraphError, unsupportedRequest } from './graph-error.js';
import type { Account } from './world.js';

export type Permission = 'basic' | 'comments' | 'insights' | 'pages';

const SCOPES: Record<Permission, { instagram: string; facebook: string }> = {
  basic: { instagram: 'instagram_business_basic', facebook: 'instagram_basic' },
  comments: { instagram: 'instagram_business_manage_comments', facebook: 'instagram_manage_comments' },
  insights: { instagram: 'instagram_business_manage_insights', facebook: 'instagram_manage_insights' },
  pages: { instagram: 'pages_show_list', facebook: 'pages_show_list' },
};

export function manages(ctx: GraphContext, accountId: string): boolean {
  const { viewer, state } = ctx;
  switch (viewer.kind) {
    case 'instagram':
      return viewer.account.id === accountId;
    case 'facebook-user':
      return viewer.user.pageIds.some((p) => state.world.pages.get(p)?.igAccountId === accountId);
    case 'page':
      return viewer.page.igAccountId === accountId;
    case 'app':
      return false;
  }
}

/** The account, when the viewer manages it; otherwise the 100/33 refusal for `id`. */
export function managedAccount(ctx: GraphContext, account: Account | undefined, id: string): Account {
  if (!account || !manages(ctx, account.id)) throw unsupportedRequest(ctx.method, id);
  return account;
}

export function requirePermission(ctx: GraphContext, permission: Permission): void {
  const { viewer } = ctx;
  if (viewer.kind === 'app') throw new GraphError(10, '(#10) Application does not have permission for this action');
  const scope = SCOPES[permission][viewer.kind === 'instagram' ? 'instagram' : 'facebook'];
  if (!viewer.record.scopes.has(scope))
    throw new GraphError(10, `(#10) This endpoint requires the '${scope}' permission`);
}
