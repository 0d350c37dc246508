// Media and comments posted "as another user", and the webhooks they fire: a comment fires `comments` for the
// media's owner, an @mention in a caption or comment fires `mentions` (and, on Instagram Login, `comments`) for
// the account mentioned. The media itself fires nothing: no webhook announces media (reference §1.7).
import { AdminError } from '../shared/admin-error.js';
import { graphTime } from './ids.js';
import type { GraphState } from './state.js';
import type { Account, Media, MediaKind, World } from './world.js';

export interface PostMediaInput {
  type?: MediaKind;
  caption?: string;
  children?: ('image' | 'video')[];
  /** Usernames tagged in the photo (`/tags`). */
  tagged?: string[];
  likeCount?: number;
  likesHidden?: boolean;
  copyrightedAudio?: boolean;
  /** ms epoch; default: the emulator's now. */
  timestamp?: number;
}

export interface PostedMedia {
  id: string;
  media_type: string;
  media_product_type: string;
  timestamp: string;
  children: string[];
}

export interface PostCommentInput {
  mediaId: string;
  /** Username of the commenter: an account of the world, or anyone. */
  from: string;
  text: string;
  /** Reply to this top-level comment. */
  parentId?: string;
}

const MENTION = /@([A-Za-z0-9._]{1,30})/g;

/** Mentions of accounts in a caption or comment (not of the author, nor of the media's owner). */
const mentioned = (world: World, text: string, except: string[]): Account[] =>
  [...text.matchAll(MENTION)]
    .flatMap((m) => world.account(m[1] ?? '') ?? [])
    .filter((a, i, all) => !except.includes(a.id) && all.indexOf(a) === i);

/**
 * Posts media as `accountRef`. `find` is the admin's lookup by id or username (a 404 when there is none), passed
 * in so the owner, the carousel's size and the tagged accounts are checked in that order.
 */
export function postMedia(
  state: GraphState,
  find: (idOrName: string) => Account,
  accountRef: string,
  input: PostMediaInput,
): PostedMedia {
  const { world } = state;
  const owner = find(accountRef);
  const kind = input.type ?? 'image';
  if (input.children && (input.children.length < 2 || input.children.length > 10))
    throw new AdminError(400, 'a carousel has 2 to 10 children');
  const tagged = (input.tagged ?? []).map((name) => find(name).id);
  const media = world.addMedia({
    ownerId: owner.id,
    kind,
    caption: input.caption ?? '',
    timestampMs: input.timestamp ?? state.clock.now(),
    ...(input.children ? { children: input.children } : {}),
    ...(input.likeCount !== undefined ? { likeCount: input.likeCount } : {}),
    ...(input.likesHidden !== undefined ? { likesHidden: input.likesHidden } : {}),
    ...(input.copyrightedAudio !== undefined ? { copyrightedAudio: input.copyrightedAudio } : {}),
    tagged,
  });
  // No event announces the media itself (reference §1.7); an @mention in its caption fires `mentions`
  // (Facebook Login; Instagram Login has no caption-mention event).
  for (const account of mentioned(world, media.caption, [owner.id])) {
    state.webhooks.emit({
      accountId: account.id,
      field: 'mentions',
      value: { facebook: { media_id: media.id } },
      time: state.clock.now(),
    });
  }
  return {
    id: media.id,
    media_type: media.mediaType,
    media_product_type: media.productType,
    timestamp: graphTime(media.timestampMs),
    children: media.childIds,
  };
}

export function postComment(state: GraphState, input: PostCommentInput): { id: string } {
  const { world } = state;
  const media: Media | undefined = world.media.get(input.mediaId);
  if (!media || media.parentId) throw new AdminError(404, 'no such media');
  if (!input.text) throw new AdminError(400, 'text is required');
  const parent = input.parentId ? world.comments.get(input.parentId) : undefined;
  if (input.parentId && (!parent || parent.mediaId !== media.id || parent.parentId))
    throw new AdminError(400, 'parentId must be a top-level comment of this media');
  const author = world.account(input.from);
  const now = state.clock.now();
  const comment = world.addComment({
    mediaId: media.id,
    ...(parent ? { parentId: parent.id } : {}),
    fromId: author?.id ?? world.outsiderId(input.from),
    username: author?.username ?? input.from,
    text: input.text,
    timestampMs: now,
  });
  const from = { id: comment.fromId, username: comment.username };
  const mediaRef = { id: media.id, media_product_type: media.productType };
  // Instagram Login's payload (reference §1.7) and Facebook Login's, which names the comment `comment_id`.
  const instagramValue = {
    id: comment.id,
    from,
    text: comment.text,
    media: mediaRef,
    ...(parent ? { parent_id: parent.id } : {}),
  };
  const facebookValue = {
    from,
    comment_id: comment.id,
    ...(parent ? { parent_id: parent.id } : {}),
    text: comment.text,
    media: mediaRef,
  };
  if (comment.fromId !== media.ownerId) {
    state.webhooks.emit({
      accountId: media.ownerId,
      field: 'comments',
      value: { instagram: instagramValue, facebook: facebookValue },
      time: now,
    });
  }
  // Someone @mentioned in a comment: `mentions` on Facebook Login, inside `comments` on Instagram Login.
  for (const account of mentioned(world, comment.text, [media.ownerId, comment.fromId])) {
    state.webhooks.emit({
      accountId: account.id,
      field: 'mentions',
      value: { facebook: { comment_id: comment.id, media_id: media.id } },
      time: now,
    });
    state.webhooks.emit({
      accountId: account.id,
      field: 'comments',
      value: { instagram: instagramValue },
      time: now,
    });
  }
  return { id: comment.id };
}
