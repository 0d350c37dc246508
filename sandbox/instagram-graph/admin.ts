// The Graph emulator's control surface for tests and people: accounts (professional or personal, by login
// kind), media of every kind, caption edits and deletions (which fire nothing: no webhook announces media),
// comments and mentions "as another user" (which fire the `comments` and `mentions` webhooks), tokens minted
// without a browser, revocation and expiry, the movable clock, usage and blocks, faults, the request log,
// webhook deliveries, and every token issued (for scans of logs for secrets). admin-http.ts serves the same
// operations under /_emulator/.
import { AdminError } from '../shared/admin-error.js';
import type { FaultSpec } from './faults.js';
import { graphTime } from './ids.js';
import { hostUrls, type GraphHostUrls } from './hosts.js';
import type { RequestLogEntry } from './request-log.js';
import type { GraphApp, GraphState } from './state.js';
import { FACEBOOK_SCOPES, INSTAGRAM_SCOPES, LONG_TTL_MS, SHORT_TTL_MS } from './tokens.js';
import type { DeliveryLogEntry } from './webhooks.js';
import {
  isProfessional,
  usesFacebookLogin,
  usesInstagramLogin,
  type Account,
  type AccountType,
  type LoginKind,
  type Media,
  type MediaKind,
} from './world.js';

// The admin's refusals, shared with the other emulator (../shared/admin-error.ts); callers import it from here.
export { AdminError };

export interface AccountView {
  id: string;
  app_scoped_id: string;
  username: string;
  name: string;
  account_type: AccountType;
  login: LoginKind;
  impressions: number;
  page_id?: string;
  facebook_user_id?: string;
}

export interface CreateAccountInput {
  username: string;
  name?: string;
  accountType?: AccountType;
  login?: LoginKind;
  impressions?: number;
  followers?: number;
  /** Image media to create, one hour apart before now (they already existed: nothing fires). */
  media?: number;
}

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

export interface PostCommentInput {
  mediaId: string;
  /** Username of the commenter: an account of the world, or anyone. */
  from: string;
  text: string;
  /** Reply to this top-level comment. */
  parentId?: string;
}

export interface MintTokenInput {
  /** Id or username. */
  account: string;
  /** Instagram Login (default when the account allows it) or Facebook Login. */
  login?: 'instagram' | 'facebook';
  /** Instagram Login: 'long' (default) or 'short'. Facebook Login: 'long' user token (default), 'short', or 'page'. */
  kind?: 'short' | 'long' | 'page';
  scopes?: string[];
}

export interface MintedToken {
  access_token: string;
  kind: string;
  /** ms epoch, null when it never expires. */
  expires_at: number | null;
  account_id: string;
  facebook_user_id?: string;
}

export interface GraphEmulatorAdmin {
  app(): GraphApp;
  hosts(): GraphHostUrls;
  accounts(): AccountView[];
  createAccount(input: CreateAccountInput): AccountView;
  postMedia(
    account: string,
    input?: PostMediaInput,
  ): { id: string; media_type: string; media_product_type: string; timestamp: string; children: string[] };
  editCaption(mediaId: string, caption: string): { id: string; caption: string };
  deleteMedia(mediaId: string): { deleted: boolean };
  postComment(input: PostCommentInput): { id: string };
  mintToken(input: MintTokenInput): MintedToken;
  appToken(login?: 'instagram' | 'facebook'): string;
  revokeToken(token: string, reason?: 'password' | 'invalid'): { revoked: boolean };
  expireToken(token: string): { expired: boolean };
  now(): number;
  setNow(ms: number): number;
  advance(ms: number): number;
  setUsage(
    account: string,
    usage: { call_count?: number; total_cputime?: number; total_time?: number; regainMinutes?: number },
  ): void;
  resetUsage(account?: string): void;
  setImpressions(account: string, impressions: number): void;
  injectFault(spec: FaultSpec): { id: string };
  removeFault(id: string): { removed: boolean };
  clearFaults(): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  deliveries(): DeliveryLogEntry[];
  /** Sends gathered webhook batches now instead of after the batch delay. */
  flushWebhooks(): void;
  issuedTokens(): string[];
}

const USERNAME = /^[A-Za-z0-9._]{1,30}$/;
const MENTION = /@([A-Za-z0-9._]{1,30})/g;

export function createAdmin(state: GraphState): GraphEmulatorAdmin {
  const { world } = state;
  const find = (idOrName: string): Account => {
    const account = world.account(idOrName);
    if (!account) throw new AdminError(404, `no account ${JSON.stringify(idOrName)}`);
    return account;
  };
  const view = (a: Account): AccountView => {
    const page = a.pageId ? world.pages.get(a.pageId) : undefined;
    const owner = page ? [...world.facebookUsers.values()].find((u) => u.pageIds.includes(page.id)) : undefined;
    return {
      id: a.id,
      app_scoped_id: a.appScopedId,
      username: a.username,
      name: a.name,
      account_type: a.accountType,
      login: a.login,
      impressions: a.impressions,
      ...(page ? { page_id: page.id } : {}),
      ...(owner ? { facebook_user_id: owner.id } : {}),
    };
  };

  /** Mentions of accounts in a caption or comment (not of the author, nor of the media's owner). */
  const mentioned = (text: string, except: string[]): Account[] =>
    [...text.matchAll(MENTION)]
      .flatMap((m) => world.account(m[1] ?? '') ?? [])
      .filter((a, i, all) => !except.includes(a.id) && all.indexOf(a) === i);

  return {
    app: () => ({ ...state.app, redirectUris: [...state.app.redirectUris] }),
    hosts: () => hostUrls(state.baseUrl),
    accounts: () => [...world.accounts.values()].map(view),

    createAccount(input) {
      if (!USERNAME.test(input.username))
        throw new AdminError(400, 'username: 1–30 letters, digits, periods and underscores');
      if (world.account(input.username))
        throw new AdminError(409, `username ${JSON.stringify(input.username)} is taken`);
      const name = input.name ?? input.username;
      const account = world.addAccount({
        username: input.username,
        name,
        accountType: input.accountType ?? 'BUSINESS',
        login: input.login ?? 'both',
        biography: '',
        website: '',
        followersCount: input.followers ?? 0,
        followsCount: 0,
        impressions: input.impressions ?? 100,
      });
      if (usesFacebookLogin(account)) world.addPage(world.addFacebookUser(`${name} (Facebook)`), name, account);
      const now = state.clock.now();
      for (let i = 0; i < (input.media ?? 0); i++)
        world.addMedia({
          ownerId: account.id,
          kind: 'image',
          caption: `Post ${i + 1}`,
          timestampMs: now - (i + 1) * 3_600_000,
        });
      return view(account);
    },

    postMedia(accountRef, input = {}) {
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
      for (const account of mentioned(media.caption, [owner.id])) {
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
    },

    editCaption(mediaId, caption) {
      const media = world.media.get(mediaId);
      if (!media || media.parentId) throw new AdminError(404, 'no such media');
      media.caption = caption;
      return { id: media.id, caption };
    },

    deleteMedia: (mediaId) => ({ deleted: world.deleteMedia(mediaId) }),

    postComment(input) {
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
      for (const account of mentioned(comment.text, [media.ownerId, comment.fromId])) {
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
    },

    mintToken(input) {
      const account = find(input.account);
      const login = input.login ?? (usesInstagramLogin(account) ? 'instagram' : 'facebook');
      const now = state.clock.now();
      if (login === 'instagram') {
        if (!usesInstagramLogin(account)) throw new AdminError(400, `${account.username} does not use Instagram Login`);
        if (!isProfessional(account))
          throw new AdminError(409, `${account.username} is a personal account: only professional accounts can link`);
        const long = input.kind !== 'short';
        const expiresAt = now + (long ? LONG_TTL_MS : SHORT_TTL_MS);
        const token = state.tokens.mint({
          kind: long ? 'ig-long' : 'ig-short',
          accountId: account.id,
          scopes: new Set(input.scopes ?? INSTAGRAM_SCOPES),
          issuedAt: now,
          expiresAt,
        });
        return {
          access_token: token,
          kind: long ? 'ig-long' : 'ig-short',
          expires_at: expiresAt,
          account_id: account.id,
        };
      }
      const page = account.pageId ? world.pages.get(account.pageId) : undefined;
      const user = page ? [...world.facebookUsers.values()].find((u) => u.pageIds.includes(page.id)) : undefined;
      if (!page || !user) throw new AdminError(400, `${account.username} has no Facebook Page`);
      const short = input.kind === 'short';
      const userRecord = {
        kind: short ? ('fb-user-short' as const) : ('fb-user-long' as const),
        facebookUserId: user.id,
        scopes: new Set(input.scopes ?? FACEBOOK_SCOPES),
        issuedAt: now,
        expiresAt: now + (short ? SHORT_TTL_MS : LONG_TTL_MS),
      };
      const userToken = state.tokens.mint(userRecord);
      if (input.kind === 'page') {
        const pageToken = state.tokens.pageToken(userToken, userRecord, page.id, page.igAccountId);
        return {
          access_token: pageToken,
          kind: 'fb-page',
          expires_at: null,
          account_id: account.id,
          facebook_user_id: user.id,
        };
      }
      return {
        access_token: userToken,
        kind: userRecord.kind,
        expires_at: userRecord.expiresAt,
        account_id: account.id,
        facebook_user_id: user.id,
      };
    },

    appToken: (login = 'facebook') =>
      login === 'facebook'
        ? `${state.app.metaAppId}|${state.app.metaAppSecret}`
        : `${state.app.instagramAppId}|${state.app.instagramAppSecret}`,
    revokeToken: (token, reason = 'password') => ({ revoked: state.tokens.revoke(token, reason) }),
    expireToken: (token) => ({ expired: state.tokens.expire(token, state.clock.now()) }),

    now: () => state.clock.now(),
    setNow: (ms) => state.clock.set(ms),
    advance: (ms) => state.clock.advance(ms),

    setUsage: (accountRef, usage) => state.usage.setBuc(find(accountRef).id, usage, state.clock.now()),
    resetUsage: (accountRef) => state.usage.reset(accountRef === undefined ? undefined : find(accountRef).id),
    setImpressions(accountRef, impressions) {
      find(accountRef).impressions = impressions;
    },

    injectFault: (spec) => state.faults.inject(spec),
    removeFault: (id) => ({ removed: state.faults.remove(id) }),
    clearFaults: () => state.faults.clear(),
    requests: () => state.requests.list(),
    clearRequests: () => state.requests.clear(),
    deliveries: () => state.webhooks.log.map((d) => ({ ...d, attempts: [...d.attempts] })),
    flushWebhooks: () => state.webhooks.flushAll(),
    issuedTokens: () => state.tokens.issued(),
  };
}
