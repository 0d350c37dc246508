// Graph's routing: a path is `/{node-id}` or `/{node-id}/{edge}` (plus `/ig_hashtag_search`), so the node id
// is resolved first — `me`, an IG user (by professional or, on graph.instagram.com, app-scoped id), a media, a
// comment, a Page, a Facebook user, a hashtag, an app — and the handler is chosen by the node's kind. Objects
// the token may not see answer 100/33 "Unsupported get request", as Graph does.
import { managedAccount, requirePermission } from './access.js';
import type { GraphContext, Json } from './context.js';
import { selectionOf } from './fields.js';
import { unknownPath, unsupportedRequest } from './graph-error.js';
import { pageOf, pagingOf } from './paging.js';
import { PAGE, render } from './render.js';
import { hashtagNode, hashtagSearch } from './routes/hashtags.js';
import { commentNode, mediaNode } from './routes/media.js';
import { appSubscriptions, pageSubscribedApps } from './routes/subscriptions.js';
import { getUser, userEdge } from './routes/users.js';
import type { Account, Comment, FacebookUser, Media, Page } from './world.js';

type Node =
  | { kind: 'user'; account: Account }
  | { kind: 'media'; media: Media }
  | { kind: 'comment'; comment: Comment }
  | { kind: 'page'; page: Page }
  | { kind: 'facebook-user'; user: FacebookUser }
  | { kind: 'hashtag'; id: string; name: string }
  | { kind: 'app'; appId: string };

function resolve(ctx: GraphContext, id: string): Node {
  const { viewer, state } = ctx;
  const { world } = state;
  if (id === 'me') {
    switch (viewer.kind) {
      case 'instagram':
        return { kind: 'user', account: viewer.account };
      case 'facebook-user':
        return { kind: 'facebook-user', user: viewer.user };
      case 'page':
        return { kind: 'page', page: viewer.page };
      case 'app':
        return { kind: 'app', appId: viewer.appId };
    }
  }
  const account =
    world.accounts.get(id) ??
    (ctx.host === 'instagram-graph' ? [...world.accounts.values()].find((a) => a.appScopedId === id) : undefined);
  if (account) return { kind: 'user', account };
  const media = world.media.get(id);
  if (media && world.isLive(media, ctx.now)) return { kind: 'media', media };
  const comment = world.comments.get(id);
  if (comment) return { kind: 'comment', comment };
  if (ctx.host === 'facebook-graph') {
    const page = world.pages.get(id);
    if (page) return { kind: 'page', page };
    const user = world.facebookUsers.get(id);
    if (user) return { kind: 'facebook-user', user };
    const hashtag = state.hashtags.names.get(id);
    if (hashtag) return { kind: 'hashtag', id, name: hashtag };
  }
  if (id === state.app.metaAppId || id === state.app.instagramAppId) return { kind: 'app', appId: id };
  throw unsupportedRequest(ctx.method, id);
}

export async function routeGraph(ctx: GraphContext, segments: string[]): Promise<{ route: string; body: Json }> {
  const [id, edge, ...rest] = segments;
  if (!id || rest.length > 0) throw unknownPath(segments.join('/'));
  if (id === 'ig_hashtag_search') {
    if (ctx.host !== 'facebook-graph' || edge !== undefined || ctx.method !== 'GET')
      throw unsupportedRequest(ctx.method, id);
    ctx.setRoute('GET /ig_hashtag_search');
    return { route: 'GET /ig_hashtag_search', body: hashtagSearch(ctx) };
  }
  const node = resolve(ctx, id);
  const route = `${ctx.method} /{${node.kind}}${edge ? `/${edge}` : ''}`;
  ctx.setRoute(route);
  const { world } = ctx.state;
  const ownerOf = (accountId: string) => managedAccount(ctx, world.accounts.get(accountId), id);
  switch (node.kind) {
    case 'user': {
      const account = managedAccount(ctx, node.account, id);
      if (edge !== undefined) return { route, body: userEdge(ctx, account, id, edge) };
      if (ctx.method !== 'GET') throw unsupportedRequest(ctx.method, id);
      return { route, body: getUser(ctx, account, id) };
    }
    case 'media':
      return { route, body: mediaNode(ctx, node.media, ownerOf(node.media.ownerId), edge) };
    case 'comment': {
      const media = world.media.get(node.comment.mediaId);
      if (!media) throw unsupportedRequest(ctx.method, id);
      return { route, body: commentNode(ctx, node.comment, ownerOf(media.ownerId), edge) };
    }
    case 'page':
      if (edge === 'subscribed_apps') return { route, body: pageSubscribedApps(ctx, node.page) };
      if (edge !== undefined || ctx.method !== 'GET') throw unsupportedRequest(ctx.method, id);
      return { route, body: pageNode(ctx, node.page) };
    case 'facebook-user':
      return { route, body: facebookUser(ctx, node.user, edge) };
    case 'hashtag':
      if (ctx.method !== 'GET') throw unsupportedRequest(ctx.method, id);
      return { route, body: hashtagNode(ctx, node.id, node.name, edge) };
    case 'app':
      if (edge !== 'subscriptions') throw unsupportedRequest(ctx.method, id);
      return { route, body: await appSubscriptions(ctx, node.appId) };
  }
}

function pageNode(ctx: GraphContext, page: Page): Json {
  const { viewer } = ctx;
  const allowed =
    (viewer.kind === 'page' && viewer.page.id === page.id) ||
    (viewer.kind === 'facebook-user' && viewer.user.pageIds.includes(page.id));
  if (!allowed) throw unsupportedRequest(ctx.method, page.id);
  ctx.chargePlatform();
  return render(PAGE, page, selectionOf(ctx.params.get('fields'), ['name', 'id']), { ctx, indirect: false });
}

/** `/me` and `/me/accounts` of a Facebook user: the Pages with their Page tokens and linked Instagram accounts. */
function facebookUser(ctx: GraphContext, user: FacebookUser, edge: string | undefined): Json {
  const { viewer, state } = ctx;
  if (viewer.kind !== 'facebook-user' || viewer.user.id !== user.id || ctx.method !== 'GET')
    throw unsupportedRequest(ctx.method, user.id);
  ctx.chargePlatform();
  if (edge === undefined) {
    const out: { [key: string]: Json } = {};
    for (const sel of selectionOf(ctx.params.get('fields'), ['name', 'id'])) {
      if (sel.name === 'name') out.name = user.name;
      else if (sel.name !== 'id') throw unsupportedRequest(ctx.method, `${user.id}/${sel.name}`);
    }
    out.id = user.id;
    return out;
  }
  if (edge !== 'accounts') throw unsupportedRequest(ctx.method, `${user.id}/${edge}`);
  requirePermission(ctx, 'pages');
  const pages = user.pageIds.flatMap((p) => state.world.pages.get(p) ?? []);
  const selection = selectionOf(ctx.params.get('fields'), ['access_token', 'category', 'name', 'id', 'tasks']);
  const page = pageOf(pages, (p) => p.id, {
    limit: ctx.params.get('limit'),
    after: ctx.params.get('after'),
    before: ctx.params.get('before'),
  });
  return { data: page.items.map((p) => render(PAGE, p, selection, { ctx, indirect: false })), ...pagingOf(page) };
}
