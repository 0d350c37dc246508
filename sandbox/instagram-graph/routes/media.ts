// IG Media and IG Comment nodes (reference §1.4): media by id with field expansion, `/children`, `/comments`
// (read and create), `/insights`, `POST /{media-id}?comment_enabled=`; comments by id, `/replies` (read, and
// create on top-level comments that are not hidden), `POST /{comment-id}?hide=`, `DELETE /{comment-id}`.
// Comments made through the API by the account itself fire no webhook; those posted through the admin API
// "as another user" do (admin.ts).
import { requirePermission } from '../access.js';
import type { GraphContext, Json } from '../context.js';
import { selectionOf } from '../fields.js';
import { GraphError, invalidParameter, unsupportedRequest } from '../graph-error.js';
import { mediaInsights } from '../insights.js';
import { pageOf, pagingOf } from '../paging.js';
import { COMMENT, MEDIA, render } from '../render.js';
import type { Account, Comment, Media } from '../world.js';

const flag = (value: string | null, name: string): boolean => {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidParameter(`${name} must be true or false`);
};

export function mediaNode(ctx: GraphContext, media: Media, owner: Account, edge: string | undefined): Json {
  const { world } = ctx.state;
  ctx.chargeBuc(owner);
  if (edge === undefined) {
    if (ctx.method === 'POST') {
      requirePermission(ctx, 'comments');
      media.commentEnabled = flag(ctx.params.get('comment_enabled'), 'comment_enabled');
      return { success: true };
    }
    if (ctx.method !== 'GET') throw unsupportedRequest(ctx.method, media.id);
    requirePermission(ctx, 'basic');
    return render(MEDIA, media, selectionOf(ctx.params.get('fields'), ['id']), { ctx, indirect: false });
  }
  switch (`${ctx.method} ${edge}`) {
    case 'GET children': {
      requirePermission(ctx, 'basic');
      const selection = selectionOf(ctx.params.get('fields'), ['id']);
      return {
        data: media.childIds
          .flatMap((id) => world.media.get(id) ?? [])
          .map((c) => render(MEDIA, c, selection, { ctx, indirect: false })),
      };
    }
    case 'GET comments':
      requirePermission(ctx, 'comments');
      return commentList(ctx, world.commentsOn(media.id), `/${media.id}/comments`);
    case 'POST comments': {
      requirePermission(ctx, 'comments');
      const message = ctx.params.get('message');
      if (!message) throw invalidParameter('The parameter message is required');
      if (media.productType === 'STORY' || media.parentId)
        throw invalidParameter('Comments cannot be made on this media');
      if (!media.commentEnabled) throw new GraphError(100, '(#100) Comments are turned off for this media');
      const comment = world.addComment({
        mediaId: media.id,
        fromId: owner.id,
        username: owner.username,
        text: message,
        timestampMs: ctx.now,
      });
      return { id: comment.id };
    }
    case 'GET insights':
      requirePermission(ctx, 'insights');
      return mediaInsights(world, media, ctx.params.get('metric'));
    default:
      throw new GraphError(100, `(#100) Tried accessing nonexisting field (${edge}) on node type (IGMedia)`);
  }
}

function commentList(ctx: GraphContext, comments: Comment[], path: string): Json {
  const selection = selectionOf(ctx.params.get('fields'), ['timestamp', 'text', 'id']);
  const page = pageOf(comments, (c) => c.id, {
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
  return {
    data: page.items.map((c) => render(COMMENT, c, selection, { ctx, indirect: false })),
    ...pagingOf(page, link),
  };
}

export function commentNode(ctx: GraphContext, comment: Comment, owner: Account, edge: string | undefined): Json {
  const { world } = ctx.state;
  ctx.chargeBuc(owner);
  requirePermission(ctx, 'comments');
  if (edge === undefined) {
    switch (ctx.method) {
      case 'GET':
        return render(COMMENT, comment, selectionOf(ctx.params.get('fields'), ['timestamp', 'text', 'id']), {
          ctx,
          indirect: false,
        });
      case 'POST':
        comment.hidden = flag(ctx.params.get('hide'), 'hide');
        return { success: true };
      case 'DELETE':
        world.deleteComment(comment.id);
        return { success: true };
      default:
        throw unsupportedRequest(ctx.method, comment.id);
    }
  }
  if (edge !== 'replies')
    throw new GraphError(100, `(#100) Tried accessing nonexisting field (${edge}) on node type (IGComment)`);
  if (ctx.method === 'GET') return commentList(ctx, world.repliesTo(comment.id), `/${comment.id}/replies`);
  if (ctx.method !== 'POST') throw unsupportedRequest(ctx.method, comment.id);
  const message = ctx.params.get('message');
  if (!message) throw invalidParameter('The parameter message is required');
  // Replies go on top-level comments only, and not on hidden ones (reference §1.4); the wording is the emulator's.
  if (comment.parentId) throw invalidParameter('Replies can be made only to top-level comments');
  if (comment.hidden) throw invalidParameter('Replies cannot be made to hidden comments');
  const reply = world.addComment({
    mediaId: comment.mediaId,
    parentId: comment.id,
    fromId: owner.id,
    username: owner.username,
    text: message,
    timestampMs: ctx.now,
  });
  return { id: reply.id };
}
