// The Graph emulator's control surface for tests and people: accounts (professional or personal, by login
// kind), media of every kind, caption edits and deletions (which fire nothing: no webhook announces media),
// comments and mentions "as another user" (which fire the `comments` and `mentions` webhooks), tokens minted
// without a browser, revocation and expiry, the movable clock, usage and blocks, faults, the request log,
// webhook deliveries, and every token issued (for scans of logs for secrets). admin-http.ts serves the same
// operations under /_emulator/. Posting as users lives in post-content.ts, minting tokens in mint-token.ts.
import { AdminError } from '../shared/admin-error.js';
import type { FaultSpec } from './faults.js';
import { hostUrls, type GraphHostUrls } from './hosts.js';
import { mintToken, type MintedToken, type MintTokenInput } from './mint-token.js';
import {
  postComment,
  postMedia,
  type PostCommentInput,
  type PostedMedia,
  type PostMediaInput,
} from './post-content.js';
import type { RequestLogEntry } from './request-log.js';
import type { GraphApp, GraphState } from './state.js';
import type { DeliveryLogEntry } from './webhooks.js';
import { usesFacebookLogin, type Account, type AccountType, type LoginKind } from './world.js';

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

export interface GraphEmulatorAdmin {
  app(): GraphApp;
  hosts(): GraphHostUrls;
  accounts(): AccountView[];
  createAccount(input: CreateAccountInput): AccountView;
  postMedia(account: string, input?: PostMediaInput): PostedMedia;
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
  /** Every account's BUC capacity (calls per 24 h) from now on, so a test reaches 50/80/95 % in a few calls. */
  setBucCapacity(capacity: number | undefined): void;
  setImpressions(account: string, impressions: number): void;
  injectFault(spec: FaultSpec): { id: string };
  removeFault(id: string): { removed: boolean };
  clearFaults(): void;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  deliveries(): DeliveryLogEntry[];
  /** Sends gathered webhook batches now instead of after the batch delay. */
  flushWebhooks(): void;
  /** Sends delivery `id` (of `deliveries()`) again, same bytes, as Meta's redelivery; resolves with the answer. */
  redeliverWebhook(id: number): Promise<number | string>;
  issuedTokens(): string[];
}

const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

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

    postMedia: (accountRef, input = {}) => postMedia(state, find, accountRef, input),

    editCaption(mediaId, caption) {
      const media = world.media.get(mediaId);
      if (!media || media.parentId) throw new AdminError(404, 'no such media');
      media.caption = caption;
      return { id: media.id, caption };
    },

    deleteMedia: (mediaId) => ({ deleted: world.deleteMedia(mediaId) }),

    postComment: (input) => postComment(state, input),

    mintToken: (input) => mintToken(state, find(input.account), input),

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
    setBucCapacity: (capacity) => state.usage.setBucCapacity(capacity),
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
    async redeliverWebhook(id) {
      const outcome = await state.webhooks.redeliver(id);
      if (outcome === undefined) throw new AdminError(404, `no webhook delivery ${id}`);
      return outcome;
    },
    issuedTokens: () => state.tokens.issued(),
  };
}
