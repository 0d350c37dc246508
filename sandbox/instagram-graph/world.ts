// The emulated world: Instagram accounts (professional or personal, reachable through Instagram Login, Facebook
// Login or both), the Facebook users and Pages of Facebook Login, media of every kind (image, video, carousel
// with children, reel, story), comments with replies, photo tags. Pure data with small queries; the rules of
// what a token may see live in the routes.
import { SeededRandom, hash32, type IdSequences } from './ids.js';

export type AccountType = 'BUSINESS' | 'MEDIA_CREATOR' | 'PERSONAL';
export type LoginKind = 'instagram' | 'facebook' | 'both';
export type MediaKind = 'image' | 'video' | 'carousel' | 'reel' | 'story';
export type MediaType = 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
export type ProductType = 'FEED' | 'REELS' | 'STORY';

export interface Account {
  /** The professional account id (`user_id` on /me, `entry.id` in webhooks, the id Facebook Login uses). */
  id: string;
  /** The Instagram-Login app-scoped id (`id` on graph.instagram.com /me). */
  appScopedId: string;
  username: string;
  name: string;
  accountType: AccountType;
  login: LoginKind;
  biography: string;
  website: string;
  profilePictureUrl: string;
  followersCount: number;
  followsCount: number;
  /** Sets the BUC capacity: 4800 × impressions per 24 h (reference §1.6). */
  impressions: number;
  /** The Facebook Page the account is linked to (Facebook Login). */
  pageId?: string;
}

export interface FacebookUser {
  id: string;
  name: string;
  pageIds: string[];
}

export interface Page {
  id: string;
  name: string;
  category: string;
  /** Only a professional account appears as the Page's `instagram_business_account`. */
  igAccountId?: string;
}

export interface Media {
  id: string;
  ownerId: string;
  mediaType: MediaType;
  productType: ProductType;
  caption: string;
  timestampMs: number;
  /** Tie-breaker for media with the same timestamp: later creation sorts first. */
  seq: number;
  mediaUrl: string;
  thumbnailUrl?: string;
  shortcode: string;
  likeCount: number;
  likesHidden: boolean;
  copyrightedAudio: boolean;
  commentEnabled: boolean;
  childIds: string[];
  /** Set on carousel children. */
  parentId?: string;
  /** Account ids tagged in the photo (`/tags`). */
  tagged: string[];
}

export interface Comment {
  id: string;
  mediaId: string;
  /** The top-level comment a reply answers. */
  parentId?: string;
  fromId: string;
  username: string;
  text: string;
  timestampMs: number;
  likeCount: number;
  hidden: boolean;
}

export const STORY_LIFETIME_MS = 24 * 3_600_000;

export function productTypeOf(kind: MediaKind): { mediaType: MediaType; productType: ProductType } {
  switch (kind) {
    case 'image':
      return { mediaType: 'IMAGE', productType: 'FEED' };
    case 'video':
      return { mediaType: 'VIDEO', productType: 'FEED' };
    case 'carousel':
      return { mediaType: 'CAROUSEL_ALBUM', productType: 'FEED' };
    case 'reel':
      return { mediaType: 'VIDEO', productType: 'REELS' };
    case 'story':
      return { mediaType: 'IMAGE', productType: 'STORY' };
  }
}

export const isProfessional = (a: Account) => a.accountType !== 'PERSONAL';
export const usesInstagramLogin = (a: Account) => a.login !== 'facebook';
export const usesFacebookLogin = (a: Account) => a.login !== 'instagram';

export interface NewMedia {
  ownerId: string;
  kind: MediaKind;
  caption?: string;
  timestampMs: number;
  /** Kinds of the carousel's children (2–10); default image, video, image. */
  children?: ('image' | 'video')[];
  likeCount?: number;
  likesHidden?: boolean;
  copyrightedAudio?: boolean;
  tagged?: string[];
}

export class World {
  readonly accounts = new Map<string, Account>();
  readonly facebookUsers = new Map<string, FacebookUser>();
  readonly pages = new Map<string, Page>();
  readonly media = new Map<string, Media>();
  readonly comments = new Map<string, Comment>();
  private seq = 0;

  constructor(
    readonly ids: IdSequences,
    private readonly random: SeededRandom,
    private readonly cdn: string,
  ) {}

  account(idOrName: string): Account | undefined {
    const direct = this.accounts.get(idOrName);
    if (direct) return direct;
    const lower = idOrName.toLowerCase();
    for (const a of this.accounts.values())
      if (a.username.toLowerCase() === lower || a.appScopedId === idOrName) return a;
    return undefined;
  }

  addAccount(input: Omit<Account, 'id' | 'appScopedId' | 'profilePictureUrl'>): Account {
    const id = this.ids.igUser.next();
    const account: Account = {
      ...input,
      id,
      appScopedId: this.ids.appScoped.next(),
      profilePictureUrl: `${this.cdn}/profile/${id}.jpg`,
    };
    this.accounts.set(id, account);
    return account;
  }

  addFacebookUser(name: string): FacebookUser {
    const user = { id: this.ids.facebookUser.next(), name, pageIds: [] };
    this.facebookUsers.set(user.id, user);
    return user;
  }

  /** A Page managed by `owner`, linked to `account` (shown only when the account is professional). */
  addPage(owner: FacebookUser, name: string, account: Account): Page {
    const page: Page = {
      id: this.ids.page.next(),
      name,
      category: 'Brand',
      ...(isProfessional(account) ? { igAccountId: account.id } : {}),
    };
    this.pages.set(page.id, page);
    owner.pageIds.push(page.id);
    account.pageId = page.id;
    return page;
  }

  addMedia(input: NewMedia): Media {
    const { mediaType, productType } = productTypeOf(input.kind);
    const parent = this.makeMedia(input.ownerId, mediaType, productType, input.timestampMs, {
      caption: input.caption ?? '',
      likeCount: input.likeCount ?? this.random.int(0, 400),
      likesHidden: input.likesHidden ?? false,
      copyrightedAudio: input.copyrightedAudio ?? false,
      tagged: input.tagged ?? [],
    });
    if (input.kind === 'carousel') {
      for (const childKind of input.children ?? ['image', 'video', 'image']) {
        const child = this.makeMedia(
          input.ownerId,
          childKind === 'video' ? 'VIDEO' : 'IMAGE',
          'FEED',
          input.timestampMs,
          {
            parentId: parent.id,
          },
        );
        parent.childIds.push(child.id);
      }
    }
    return parent;
  }

  private makeMedia(
    ownerId: string,
    mediaType: MediaType,
    productType: ProductType,
    timestampMs: number,
    extra: Partial<Media>,
  ): Media {
    this.seq += 1;
    const id = this.ids.media.next();
    const video = mediaType === 'VIDEO';
    const media: Media = {
      id,
      ownerId,
      mediaType,
      productType,
      caption: '',
      timestampMs,
      seq: this.seq,
      mediaUrl: `${this.cdn}/media/${id}.${video ? 'mp4' : 'jpg'}`,
      ...(video ? { thumbnailUrl: `${this.cdn}/media/${id}_thumb.jpg` } : {}),
      shortcode: this.random.text(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
      likeCount: 0,
      likesHidden: false,
      copyrightedAudio: false,
      commentEnabled: true,
      childIds: [],
      tagged: [],
      ...extra,
    };
    this.media.set(id, media);
    return media;
  }

  deleteMedia(id: string): boolean {
    const media = this.media.get(id);
    if (!media || media.parentId) return false;
    for (const childId of media.childIds) this.media.delete(childId);
    for (const c of [...this.comments.values()]) if (c.mediaId === id) this.comments.delete(c.id);
    return this.media.delete(id);
  }

  addComment(input: Omit<Comment, 'id' | 'likeCount' | 'hidden'> & { likeCount?: number }): Comment {
    const comment: Comment = { likeCount: 0, hidden: false, ...input, id: this.ids.comment.next() };
    this.comments.set(comment.id, comment);
    return comment;
  }

  deleteComment(id: string): boolean {
    for (const c of [...this.comments.values()]) if (c.parentId === id) this.comments.delete(c.id);
    return this.comments.delete(id);
  }

  isExpiredStory(media: Media, now: number): boolean {
    return media.productType === 'STORY' && now - media.timestampMs >= STORY_LIFETIME_MS;
  }

  /** Media that exist at `now`: stories vanish 24 h after they were posted; nothing dated in the future. */
  isLive(media: Media, now: number): boolean {
    return media.timestampMs <= now && !this.isExpiredStory(media, now);
  }

  /** The account's feed media and reels, newest first (no stories, no carousel children). */
  feedOf(accountId: string, now: number): Media[] {
    return this.sorted(
      [...this.media.values()].filter(
        (m) => m.ownerId === accountId && !m.parentId && m.productType !== 'STORY' && this.isLive(m, now),
      ),
    );
  }

  storiesOf(accountId: string, now: number): Media[] {
    return this.sorted(
      [...this.media.values()].filter(
        (m) => m.ownerId === accountId && m.productType === 'STORY' && this.isLive(m, now),
      ),
    );
  }

  taggedIn(accountId: string, now: number): Media[] {
    return this.sorted(
      [...this.media.values()].filter((m) => m.tagged.includes(accountId) && !m.parentId && this.isLive(m, now)),
    );
  }

  /** Top-level comments of a media, newest first. */
  commentsOn(mediaId: string): Comment[] {
    return [...this.comments.values()]
      .filter((c) => c.mediaId === mediaId && !c.parentId)
      .sort((a, b) => b.timestampMs - a.timestampMs || Number(BigInt(b.id) - BigInt(a.id)));
  }

  /** Replies to a comment, oldest first (a conversation reads down). */
  repliesTo(commentId: string): Comment[] {
    return [...this.comments.values()]
      .filter((c) => c.parentId === commentId)
      .sort((a, b) => a.timestampMs - b.timestampMs || Number(BigInt(a.id) - BigInt(b.id)));
  }

  commentCount(mediaId: string): number {
    let n = 0;
    for (const c of this.comments.values()) if (c.mediaId === mediaId) n += 1;
    return n;
  }

  /** Public media whose caption carries `#name` (any case), newest first. */
  withHashtag(name: string, now: number): Media[] {
    const tag = new RegExp(`(^|[^\\w])#${name.replace(/[^\w]/g, '')}(?![\\w])`, 'i');
    return this.sorted(
      [...this.media.values()].filter(
        (m) => !m.parentId && m.productType !== 'STORY' && this.isLive(m, now) && tag.test(m.caption),
      ),
    );
  }

  /** A stable id for a commenter that is not an account of this world (an Instagram-scoped id). */
  outsiderId(username: string): string {
    return String(17_841_499_000_000_000n + BigInt(hash32(`outsider:${username}`)));
  }

  private sorted(list: Media[]): Media[] {
    return list.sort((a, b) => b.timestampMs - a.timestampMs || b.seq - a.seq);
  }
}
