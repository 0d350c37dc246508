// Comments on the account's own media (reference §1.4, [IG-CM]): list a media's comments and a comment's replies
// (cursor paging), comment on a media, reply to a top-level comment, hide or unhide, delete. Comments read
// come back as core comments; writes give the new comment's id.
import type { Comment } from '../../core/index.js';
import {
  getList,
  seg,
  writeNode,
  type CallOptions,
  type GraphAuth,
  type GraphContext,
  type Page,
  type Result,
} from './api-call.js';
import type { ListOptions } from './media-api.js';
import { COMMENT_FIELDS, graphCommentSchema, idSchema, successSchema } from './schemas.js';
import { commentFromGraph, mapPage } from './to-core.js';

const FIELDS = COMMENT_FIELDS.replace(/,replies\{.*\}$/, '');

export function createCommentsApi(ctx: GraphContext) {
  return {
    async list(auth: GraphAuth, mediaId: string, options: ListOptions = {}): Promise<Page<Comment>> {
      const page = await getList(
        ctx,
        auth,
        `/${seg(mediaId)}/comments`,
        graphCommentSchema,
        'Instagram comments',
        [
          ['fields', FIELDS],
          ['limit', options.limit],
        ],
        options,
      );
      return mapPage(page, commentFromGraph);
    },
    async replies(auth: GraphAuth, commentId: string, options: ListOptions = {}): Promise<Page<Comment>> {
      const page = await getList(
        ctx,
        auth,
        `/${seg(commentId)}/replies`,
        graphCommentSchema,
        'Instagram replies',
        [
          ['fields', FIELDS],
          ['limit', options.limit],
        ],
        options,
      );
      return mapPage(page, commentFromGraph);
    },
    async create(
      auth: GraphAuth,
      mediaId: string,
      message: string,
      options?: CallOptions,
    ): Promise<Result<{ id: string }>> {
      return writeNode(
        ctx,
        auth,
        'POST',
        `/${seg(mediaId)}/comments`,
        idSchema,
        'Instagram new comment',
        [['message', message]],
        options,
      );
    },
    /** A reply goes on a top-level comment that is not hidden (reference §1.4). */
    async reply(
      auth: GraphAuth,
      commentId: string,
      message: string,
      options?: CallOptions,
    ): Promise<Result<{ id: string }>> {
      return writeNode(
        ctx,
        auth,
        'POST',
        `/${seg(commentId)}/replies`,
        idSchema,
        'Instagram reply',
        [['message', message]],
        options,
      );
    },
    async hide(
      auth: GraphAuth,
      commentId: string,
      hidden: boolean,
      options?: CallOptions,
    ): Promise<Result<{ success: boolean }>> {
      return writeNode(
        ctx,
        auth,
        'POST',
        `/${seg(commentId)}`,
        successSchema,
        'Instagram comment hide',
        [['hide', hidden]],
        options,
      );
    },
    async remove(auth: GraphAuth, commentId: string, options?: CallOptions): Promise<Result<{ success: boolean }>> {
      return writeNode(
        ctx,
        auth,
        'DELETE',
        `/${seg(commentId)}`,
        successSchema,
        'Instagram comment delete',
        [],
        options,
      );
    },
  };
}
