// Nodes as Graph renders them, field by field (reference §1.4): each node type maps a field name to a resolver;
// an unknown field (including media `location`, "not supported") is error 100 "Tried accessing nonexisting
// field"; `id` is always added. Edges asked for as fields (`children{…}`, `comments{…}`, `replies{…}`,
// `media.limit(n).after(c){…}`, `business_discovery.username(x){…}`) render as `{data, paging}`.
// Media read through another user's path (business discovery, hashtags, tags) leave out `like_count` when the
// owner hid likes and `media_url` for reels with copyrighted audio (reference §1.4); hashtag media refuse
// `username`.
import type { GraphContext, Json, JsonObject } from './context.js';
import type { FieldSelection } from './fields.js';
import { GraphError, invalidParameter, nonexistingField } from './graph-error.js';
import { graphTime } from './ids.js';
import { pageOf, pagingOf } from './paging.js';
import { isProfessional, type Account, type Comment, type Media, type Page } from './world.js';

export interface RenderContext {
  ctx: GraphContext;
  /** Read through another user's path: discovery, hashtag or tags. */
  indirect: boolean;
  /** Hashtag media: no `username`. */
  hashtag?: boolean;
  /** Business discovery: the `next` link for a given `after` cursor, when the knob asks for one. */
  discoveryNext?: (after: string) => string;
}

type Resolver<T> = (node: T, sel: FieldSelection, rc: RenderContext) => Json | undefined;

export interface NodeType<T> {
  name: string;
  fields: Record<string, Resolver<T>>;
}

const ID: FieldSelection[] = [{ name: 'id', modifiers: new Map() }];

export function render<T>(
  type: NodeType<T>,
  node: T,
  selection: readonly FieldSelection[],
  rc: RenderContext,
): JsonObject {
  const out: JsonObject = {};
  for (const sel of selection) {
    const resolver = type.fields[sel.name];
    if (!resolver) throw nonexistingField(sel.name, type.name);
    const value = resolver(node, sel, rc);
    if (value !== undefined) out[sel.name] = value;
  }
  const id = type.fields.id;
  if (!('id' in out) && id) {
    const value = id(node, ID[0] as FieldSelection, rc);
    if (value !== undefined) out.id = value;
  }
  return out;
}

const pageSpec = (sel: FieldSelection) => ({
  limit: sel.modifiers.get('limit'),
  after: sel.modifiers.get('after'),
  before: sel.modifiers.get('before'),
});

export function permalinkOf(media: Media, owner: Account | undefined): string | undefined {
  if (media.parentId) return undefined;
  if (media.productType === 'STORY')
    return `https://www.instagram.com/stories/${owner?.username ?? 'unknown'}/${media.id}/`;
  return `https://www.instagram.com/${media.productType === 'REELS' ? 'reel' : 'p'}/${media.shortcode}/`;
}

export const MEDIA: NodeType<Media> = {
  name: 'IGMedia',
  fields: {
    id: (m) => m.id,
    caption: (m) => (m.parentId ? undefined : m.caption),
    media_type: (m) => m.mediaType,
    media_product_type: (m) => m.productType,
    media_url: (m, _s, rc) => (rc.indirect && m.copyrightedAudio ? undefined : m.mediaUrl),
    thumbnail_url: (m) => m.thumbnailUrl,
    // "permalink is not available on children" (reference §1.4).
    permalink: (m, _s, rc) => permalinkOf(m, rc.ctx.state.world.accounts.get(m.ownerId)),
    shortcode: (m) => m.shortcode,
    timestamp: (m) => graphTime(m.timestampMs),
    username: (m, _s, rc) => {
      if (rc.hashtag) throw nonexistingField('username', 'ShadowIGHashtagMedia');
      return rc.ctx.state.world.accounts.get(m.ownerId)?.username;
    },
    like_count: (m, _s, rc) => (rc.indirect && m.likesHidden ? undefined : m.likeCount),
    comments_count: (m, _s, rc) => rc.ctx.state.world.commentCount(m.id),
    is_comment_enabled: (m) => m.commentEnabled,
    is_shared_to_feed: (m) => (m.productType === 'REELS' ? true : undefined),
    owner: (m) => ({ id: m.ownerId }),
    children: (m, sel, rc) => {
      if (m.mediaType !== 'CAROUSEL_ALBUM') return undefined;
      const world = rc.ctx.state.world;
      return {
        data: m.childIds
          .flatMap((id) => world.media.get(id) ?? [])
          .map((c) => render(MEDIA, c, sel.children ?? ID, rc)),
      };
    },
    comments: (m, sel, rc) => {
      if (rc.indirect) throw new GraphError(10, '(#10) Comments can be read only on your own media');
      const page = pageOf(rc.ctx.state.world.commentsOn(m.id), (c) => c.id, pageSpec(sel));
      return { data: page.items.map((c) => render(COMMENT, c, sel.children ?? ID, rc)), ...pagingOf(page) };
    },
  },
};

export const COMMENT: NodeType<Comment> = {
  name: 'IGComment',
  fields: {
    id: (c) => c.id,
    text: (c) => c.text,
    timestamp: (c) => graphTime(c.timestampMs),
    username: (c) => c.username,
    like_count: (c) => c.likeCount,
    hidden: (c) => c.hidden,
    from: (c) => ({ id: c.fromId, username: c.username }),
    media: (c, _s, rc) => {
      const media = rc.ctx.state.world.media.get(c.mediaId);
      const out: JsonObject = { id: c.mediaId };
      if (media) out.media_product_type = media.productType;
      return out;
    },
    parent_id: (c) => c.parentId,
    replies: (c, sel, rc) => {
      const page = pageOf(rc.ctx.state.world.repliesTo(c.id), (r) => r.id, pageSpec(sel));
      // A comment without replies has no `replies` member at all.
      if (page.items.length === 0) return undefined;
      return { data: page.items.map((r) => render(COMMENT, r, sel.children ?? ID, rc)), ...pagingOf(page) };
    },
  },
};

const refusedOnDiscovery = (field: string) =>
  new GraphError(
    36104,
    `(#36104) Cannot access ${field === 'live_media' ? 'live media' : field} from business discovery`,
  );

export const USER: NodeType<Account> = {
  name: 'User',
  fields: {
    // On graph.instagram.com `id` is the app-scoped id and `user_id` the professional id (reference §1.2 step 5).
    id: (a, _s, rc) => (rc.ctx.host === 'instagram-graph' && !rc.indirect ? a.appScopedId : a.id),
    user_id: (a) => a.id,
    ig_id: (a) => Number(a.id.slice(-10)),
    username: (a) => a.username,
    name: (a) => a.name,
    account_type: (a, _s, rc) => (rc.indirect ? undefined : a.accountType),
    biography: (a) => a.biography,
    website: (a) => a.website,
    profile_picture_url: (a) => a.profilePictureUrl,
    followers_count: (a) => a.followersCount,
    follows_count: (a) => a.followsCount,
    media_count: (a, _s, rc) => rc.ctx.state.world.feedOf(a.id, rc.ctx.now).length,
    media: (a, sel, rc) => {
      const page = pageOf(rc.ctx.state.world.feedOf(a.id, rc.ctx.now), (m) => m.id, pageSpec(sel));
      const next = rc.discoveryNext;
      return {
        data: page.items.map((m) => render(MEDIA, m, sel.children ?? ID, rc)),
        ...pagingOf(page, next ? (c) => next(c.after ?? '') : undefined),
      };
    },
    stories: (a, sel, rc) => {
      if (rc.indirect) throw refusedOnDiscovery('stories');
      return {
        data: rc.ctx.state.world.storiesOf(a.id, rc.ctx.now).map((m) => render(MEDIA, m, sel.children ?? ID, rc)),
      };
    },
    live_media: (_a, _s, rc) => {
      if (rc.indirect) throw refusedOnDiscovery('live_media');
      return { data: [] };
    },
    business_discovery: (_a, sel, rc) => {
      const { ctx } = rc;
      if (ctx.host === 'instagram-graph' && !ctx.state.options.businessDiscoveryOnInstagramLogin)
        throw nonexistingField('business_discovery', 'User');
      const username = sel.modifiers.get('username');
      if (!username) throw invalidParameter('business_discovery requires username(<name>)');
      const target = [...ctx.state.world.accounts.values()].find(
        (a) => a.username.toLowerCase() === username.toLowerCase(),
      );
      // Only professional accounts can be discovered (reference §1.4).
      if (!target || !isProfessional(target)) {
        throw new GraphError(110, 'Invalid user id', {
          subcode: 2207013,
          userTitle: 'Cannot find User',
          userMsg: `The user with username: ${username} cannot be found.`,
        });
      }
      return render(USER, target, sel.children ?? ID, { ...rc, indirect: true });
    },
  },
};

export const PAGE: NodeType<Page> = {
  name: 'Page',
  fields: {
    id: (p) => p.id,
    name: (p) => p.name,
    category: (p) => p.category,
    tasks: () => ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
    access_token: (p, _s, rc) => {
      const viewer = rc.ctx.viewer;
      if (viewer.kind !== 'facebook-user') return undefined;
      return rc.ctx.state.tokens.pageToken(viewer.token, viewer.record, p.id, p.igAccountId);
    },
    instagram_business_account: (p, sel, rc) => {
      const account = p.igAccountId ? rc.ctx.state.world.accounts.get(p.igAccountId) : undefined;
      return account ? render(USER, account, sel.children ?? ID, rc) : undefined;
    },
  },
};
