// What the comments feed reads on Graph (reference §1.4): the account's recent posts with their newest comments
// in one call, by field expansion (`/media?fields=…,comments.limit(n){…}`), so a poll that finds nothing new costs
// one call however many posts it looks at; and one comment by id with the post it is on (what a webhook names
// when that post is older than the polled ones). Each comment comes back as a core Post carrying `commentOn`
// (src/core/post.ts): the comment's id, text and author, the commented post's pictures and link.
import { z } from 'zod';
import type { Post } from '../../core/index.js';
import { getList, getNode, seg, type CallOptions, type GraphAuth, type GraphContext } from './api-call.js';
import { createMediaApi, selfPath } from './media-api.js';
import { graphCommentSchema, graphMediaSchema, MEDIA_FIELDS, type GraphComment } from './schemas.js';
import { hashtagsOf, postFromGraph, unixTime } from './to-core.js';

/** The comment fields read (no replies: a reply arrives by its own webhook and is read by id). */
const FIELDS = 'id,text,timestamp,username,from,like_count,hidden,parent_id';

const mediaWithComments = graphMediaSchema.extend({
  comments: z.object({ data: z.array(graphCommentSchema) }).optional(),
});
const commentWithMedia = graphCommentSchema.extend({ media: z.object({ id: z.string() }).optional() });

/** A comment on `post` (the account `auth`'s own) as the post a comments feed delivers. */
export function commentPost(post: Post, comment: Omit<GraphComment, 'replies'>, auth: GraphAuth): Post {
  const username = comment.username ?? comment.from?.username ?? '';
  const fromId = comment.from?.id;
  return {
    id: comment.id,
    kind: post.kind,
    items: post.items,
    caption: comment.text,
    author: { username, ...(fromId !== undefined ? { id: fromId } : {}) },
    permalink: post.permalink,
    tags: hashtagsOf(comment.text),
    people: [],
    counts: comment.like_count !== undefined ? { likes: comment.like_count } : {},
    time: unixTime(comment.timestamp),
    commentOn: {
      postId: post.id,
      postCaption: post.caption,
      ownerId: auth.userId,
      ownerUsername: post.author.username,
      ...(comment.hidden !== undefined ? { hidden: comment.hidden } : {}),
      ...(comment.parent_id !== undefined ? { parentId: comment.parent_id } : {}),
    },
  };
}

/** Whether the comment is the account's own (its replies): a moderation channel shows what others say. */
export const isOwnComment = (post: Post) =>
  post.author.id === post.commentOn?.ownerId ||
  (post.author.username !== '' && post.author.username === post.commentOn?.ownerUsername);

export interface RecentCommentsQuery extends CallOptions {
  /** How many of the newest posts to look at. */
  posts: number;
  /** How many of each post's newest comments. */
  comments: number;
}

export function createCommentFeedApi(ctx: GraphContext) {
  const media = createMediaApi(ctx);
  return {
    /** The newest comments on the account's newest posts: one call. */
    async recent(auth: GraphAuth, query: RecentCommentsQuery): Promise<Post[]> {
      const page = await getList(
        ctx,
        auth,
        `${selfPath(ctx, auth)}/media`,
        mediaWithComments,
        'Instagram media with comments',
        [
          ['fields', `${MEDIA_FIELDS},comments.limit(${query.comments}){${FIELDS}}`],
          ['limit', query.posts],
        ],
        query,
      );
      return page.data.flatMap((m) => {
        const post = postFromGraph(m);
        return (m.comments?.data ?? []).map((c) => commentPost(post, c, auth));
      });
    },
    /** One comment by id with the post it is on: two calls. */
    async byId(auth: GraphAuth, commentId: string, options?: CallOptions): Promise<Post | undefined> {
      const read = await getNode(
        ctx,
        auth,
        `/${seg(commentId)}`,
        commentWithMedia,
        'Instagram comment',
        [['fields', `${FIELDS},media`]],
        options,
      );
      const mediaId = read.data.media?.id;
      if (mediaId === undefined) return undefined;
      const post = await media.byId(auth, mediaId, options);
      return commentPost(post.data, read.data, auth);
    },
  };
}

export type CommentFeedApi = ReturnType<typeof createCommentFeedApi>;
