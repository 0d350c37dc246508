// The IG User node and its edges (reference §1.4): the profile with field selection (and Business Discovery,
// Facebook Login only, charged to the platform budget), `/media` (feed and reels, newest first, no stories),
// `/stories` (24 h), `/tags`, `/insights`, `/recently_searched_hashtags`, `/subscribed_apps` (Instagram Login's
// per-account webhook subscription), and `POST /mentions` (a reply to a comment that mentioned the account).
import { requirePermission } from '../access.js';
import type { GraphContext, Json, JsonObject } from '../context.js';
import { selectionOf, serializeFields, type FieldSelection } from '../fields.js';
import { GraphError, invalidParameter, unsupportedRequest } from '../graph-error.js';
import { accountInsights } from '../insights.js';
import { pageOf, pagingOf } from '../paging.js';
import { MEDIA, USER, render } from '../render.js';
import { WEBHOOK_FIELDS } from '../webhooks.js';
import type { Account, Media } from '../world.js';

export function getUser(ctx: GraphContext, account: Account, pathId: string): JsonObject {
  requirePermission(ctx, 'basic');
  const selection = selectionOf(ctx.params.get('fields'), ['id']);
  const discovery = selection.find((s) => s.name === 'business_discovery');
  // Business Discovery is under the platform limits, everything else under the account's BUC (reference §1.6).
  if (discovery) ctx.chargePlatform(account);
  else ctx.chargeBuc(account);
  const discoveryNext =
    discovery && ctx.state.options.discoveryNextLink
      ? (after: string) => {
          const query = new URLSearchParams(ctx.params);
          query.set('fields', serializeFields(withDiscoveryAfter(selection, after)));
          return ctx.link(`/${pathId}`, query);
        }
      : undefined;
  return render(USER, account, selection, { ctx, indirect: false, ...(discoveryNext ? { discoveryNext } : {}) });
}

/** The selection with `business_discovery{…media.after(<after>)…}` set, for the discovery `next` link. */
function withDiscoveryAfter(selection: FieldSelection[], after: string): FieldSelection[] {
  return selection.map((s) =>
    s.name !== 'business_discovery'
      ? s
      : {
          ...s,
          ...(s.children
            ? {
                children: s.children.map((c) => {
                  if (c.name !== 'media') return c;
                  const modifiers = new Map(c.modifiers);
                  modifiers.delete('before');
                  modifiers.set('after', after);
                  return { ...c, modifiers };
                }),
              }
            : {}),
        },
  );
}

/** A top-level media list (`/media`, `/stories`, `/tags`) with cursors and `next`/`previous` links. */
export function mediaList(ctx: GraphContext, items: Media[], path: string, indirect: boolean): JsonObject {
  const selection = selectionOf(ctx.params.get('fields'), ['id']);
  const page = pageOf(items, (m) => m.id, {
    limit: ctx.params.get('limit'),
    after: ctx.params.get('after'),
    before: ctx.params.get('before'),
  });
  const link = (cursor: { after?: string; before?: string }) => {
    const query = new URLSearchParams(ctx.params);
    query.delete('after');
    query.delete('before');
    for (const [k, v] of Object.entries(cursor)) query.set(k, v);
    return ctx.link(path, query);
  };
  return { data: page.items.map((m) => render(MEDIA, m, selection, { ctx, indirect })), ...pagingOf(page, link) };
}

export function userEdge(ctx: GraphContext, account: Account, pathId: string, edge: string): Json {
  const { world } = ctx.state;
  const path = `/${pathId}/${edge}`;
  if (edge === 'subscribed_apps') return subscribedApps(ctx, account);
  if (ctx.method === 'POST' && edge === 'mentions') return replyToMention(ctx, account);
  if (ctx.method !== 'GET') throw unsupportedRequest(ctx.method, pathId);
  switch (edge) {
    case 'media':
      requirePermission(ctx, 'basic');
      ctx.chargeBuc(account);
      return mediaList(ctx, world.feedOf(account.id, ctx.now), path, false);
    case 'stories':
      requirePermission(ctx, 'basic');
      ctx.chargeBuc(account);
      return mediaList(ctx, world.storiesOf(account.id, ctx.now), path, false);
    case 'tags':
      requirePermission(ctx, 'basic');
      ctx.chargeBuc(account);
      // Media of other accounts: read through "another user's path" (reference §1.4).
      return mediaList(ctx, world.taggedIn(account.id, ctx.now), path, true);
    case 'insights':
      requirePermission(ctx, 'insights');
      ctx.chargeBuc(account);
      return accountInsights(account, ctx.params, ctx.now);
    case 'recently_searched_hashtags': {
      if (ctx.host !== 'facebook-graph') throw unsupportedRequest(ctx.method, pathId);
      ctx.chargePlatform(account);
      const wantName = (ctx.params.get('fields') ?? '').split(',').includes('name');
      return {
        data: ctx.state.hashtags
          .recent(account.id, ctx.now)
          .map((h) => ({ id: h.id, ...(wantName ? { name: h.name } : {}) })),
      };
    }
    default:
      throw new GraphError(100, `(#100) Tried accessing nonexisting field (${edge}) on node type (User)`);
  }
}

/** Instagram Login's per-account subscription: `POST /me/subscribed_apps?subscribed_fields=comments,…`. */
function subscribedApps(ctx: GraphContext, account: Account): Json {
  const { viewer, state } = ctx;
  if (viewer.kind !== 'instagram') throw unsupportedRequest(ctx.method, 'subscribed_apps');
  ctx.chargeBuc(account);
  const appId = state.app.instagramAppId;
  if (ctx.method === 'GET') {
    const fields = state.webhooks.accountFields(appId, account.id);
    return { data: fields ? [{ id: appId, name: 'igcord (emulator)', subscribed_fields: fields }] : [] };
  }
  if (ctx.method === 'DELETE') {
    state.webhooks.unsubscribeAccount(appId, account.id);
    return { success: true };
  }
  const fields = (ctx.params.get('subscribed_fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw invalidParameter('The parameter subscribed_fields is required');
  const known = [
    ...WEBHOOK_FIELDS,
    'messages',
    'message_reactions',
    'messaging_postbacks',
    'messaging_referral',
    'messaging_seen',
  ];
  const unknown = fields.find((f) => !known.includes(f));
  if (unknown)
    throw invalidParameter(`Param subscribed_fields must be one of {${known.join(', ')}} - got "${unknown}"`);
  state.webhooks.subscribeAccount(appId, account.id, fields);
  return { success: true };
}

/** `POST /{ig-user-id}/mentions?media_id&comment_id&message`: reply to a comment in which the account was @mentioned. */
function replyToMention(ctx: GraphContext, account: Account): Json {
  requirePermission(ctx, 'comments');
  ctx.chargeBuc(account);
  const { world } = ctx.state;
  const comment = world.comments.get(ctx.params.get('comment_id') ?? '');
  const message = ctx.params.get('message');
  if (!message) throw invalidParameter('The parameter message is required');
  if (
    !comment ||
    comment.mediaId !== ctx.params.get('media_id') ||
    !comment.text.toLowerCase().includes(`@${account.username.toLowerCase()}`)
  ) {
    throw invalidParameter('The comment does not mention this account');
  }
  const reply = world.addComment({
    mediaId: comment.mediaId,
    parentId: comment.parentId ?? comment.id,
    fromId: account.id,
    username: account.username,
    text: message,
    timestampMs: ctx.now,
  });
  return { id: reply.id };
}
