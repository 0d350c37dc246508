// Comment routes (reference §2.4): list, create (text rules enforced since 2014: at most 300 characters, 4
// hashtags and 1 URL, not all capital letters) and delete (by the comment's author or the media's owner).
// Create and delete draw on the comments write bucket.
import { ApiError, invalidParameters, notAllowed, notFound } from '../api-error.js';
import { findMedia, readScopes, viewableMedia } from '../access.js';
import { comment } from '../render.js';
import { pathParam, type RouteContext, type RouteDef } from '../route.js';

/** The first guideline a comment breaks, as the API's error; undefined when it is acceptable. */
export function commentRuleError(text: string): ApiError | undefined {
  if ([...text].length > 300) {
    return new ApiError(400, 'APICommentTooLongError', 'The comment cannot exceed 300 characters.');
  }
  if ((text.match(/#[\p{L}\p{N}_]+/gu) ?? []).length > 4) {
    return new ApiError(400, 'APICommentTooManyTagsError', 'The comment cannot contain more than 4 hashtags.');
  }
  if ((text.match(/\b(?:https?:\/\/|www\.)\S+/gi) ?? []).length > 1) {
    return invalidParameters('The comment cannot contain more than 1 URL.');
  }
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return new ApiError(400, 'APICommentAllCapsError', 'The comment cannot consist of all capital letters.');
  }
  return undefined;
}

const writeScopes = (ctx: RouteContext) => {
  const m = findMedia(ctx);
  return m && m.ownerId === ctx.viewer.userId ? ['comments'] : ['comments', 'public_content'];
};

export const commentRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/media/{media}/comments',
    scopes: (ctx) => readScopes(ctx, findMedia(ctx)),
    handle: (ctx) => {
      const m = viewableMedia(ctx, findMedia(ctx));
      return { data: m.comments.map((c) => comment(ctx.world, c)) };
    },
  },
  {
    method: 'POST',
    pattern: '/media/{media}/comments',
    writeBucket: 'comments',
    scopes: writeScopes,
    handle: (ctx) => {
      const m = viewableMedia(ctx, findMedia(ctx));
      const text = ctx.params.get('text');
      if (text === null || text.trim() === '') throw invalidParameters('Missing required parameter: text');
      const broken = commentRuleError(text);
      if (broken) throw broken;
      m.comments.push({ id: ctx.world.nextCommentId(), fromId: ctx.viewer.userId, text, createdMs: ctx.now() });
      return { data: null };
    },
  },
  {
    method: 'DELETE',
    pattern: '/media/{media}/comments/{comment}',
    writeBucket: 'comments',
    scopes: () => ['comments'],
    handle: (ctx) => {
      const m = viewableMedia(ctx, findMedia(ctx));
      const id = pathParam(ctx, 'comment');
      const index = m.comments.findIndex((c) => c.id === id);
      const found = m.comments[index];
      if (!found) throw notFound('invalid comment id');
      if (found.fromId !== ctx.viewer.userId && m.ownerId !== ctx.viewer.userId) {
        throw notAllowed('you cannot delete this comment');
      }
      m.comments.splice(index, 1);
      return { data: null };
    },
  },
];
