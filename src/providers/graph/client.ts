// igcord's Instagram Graph client: one object for both logins (Instagram Login on graph.instagram.com, Facebook
// Login for Business on graph.facebook.com), built at wiring time from its options — every host a base URL,
// the API version pinned — whose every call goes through the given CallGate (the per-account limiter;
// `directGate` when none) and returns core types with the usage the server reported. Calls a login cannot make
// fail with GraphUnsupportedError before any request.
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import { directGate, type CallGate } from '../v1/call-gate.js';
import type { CallOptions, GraphContext, GraphLogin } from './api-call.js';
import { graphCapabilities, graphExtraCapabilities } from './capabilities.js';
import { createCommentFeedApi } from './comment-feed-api.js';
import { createCommentsApi } from './comments-api.js';
import { createDiscoveryApi } from './discovery-api.js';
import { createHashtagsApi } from './hashtags-api.js';
import { REAL_GRAPH_HOSTS, type GraphHosts } from './hosts.js';
import { createMediaApi } from './media-api.js';
import {
  facebookCompleteLink,
  facebookDialogUrl,
  facebookExchangeCode,
  facebookLongLived,
  facebookPages,
  type DialogInput,
  type FacebookLinkInput,
} from './oauth-facebook.js';
import {
  instagramAuthorizeUrl,
  instagramCompleteLink,
  instagramExchangeCode,
  instagramLongLived,
  instagramRefresh,
  type AuthorizeInput,
  type RefreshInput,
} from './oauth-instagram.js';
import { collect, iteratePages, paginate } from './paginate.js';
import { createGraphTransport } from './transport.js';
import type { LinkGrant } from './tokens.js';
import { subscribeWebhooks } from './webhook-subscription.js';

export type { CallOptions, GraphAuth, GraphLogin, Page, Result } from './api-call.js';

export interface GraphClientOptions {
  login: GraphLogin;
  /** Each real host's base URL (configuration; the emulator's in tests). Missing ones are the real hosts. */
  hosts?: Partial<GraphHosts> | undefined;
  /** Pinned Graph version, e.g. `v25.0`. */
  version: string;
  /** Instagram app id/secret (Instagram Login) or Meta app id/secret (Facebook Login). */
  appId: string;
  appSecret: string;
  /** igcord's registered OAuth redirect URI. */
  redirectUri: string;
  timeoutMs: number;
  gate?: CallGate | undefined;
  log?: Logger | undefined;
  /** Epoch ms; token issue and expiry times and regain times are computed from it. */
  now?: (() => number) | undefined;
}

export function createGraphClient(options: GraphClientOptions) {
  const log = options.log ?? silentLogger();
  const now = options.now ?? Date.now;
  if (!/^v\d+\.\d+$/.test(options.version))
    throw new Error(`Graph API version must look like v25.0, not "${options.version}"`);
  const ctx: GraphContext = {
    login: options.login,
    hosts: { ...REAL_GRAPH_HOSTS, ...options.hosts },
    version: options.version,
    appId: options.appId,
    appSecret: options.appSecret,
    redirectUri: options.redirectUri,
    transport: createGraphTransport({ timeoutMs: options.timeoutMs, now, log }),
    gate: options.gate ?? directGate,
    log,
    now,
  };
  const media = createMediaApi(ctx);

  return {
    login: options.login,
    capabilities: (scopes?: readonly string[]) => graphCapabilities(options.login, scopes),
    extraCapabilities: (scopes?: readonly string[]) => graphExtraCapabilities(options.login, scopes),
    profile: media.profile,
    media: { recent: media.recent, byId: media.byId, stories: media.stories, tagged: media.tagged },
    insights: { media: media.mediaInsights, account: media.accountInsights },
    comments: createCommentsApi(ctx),
    commentFeed: createCommentFeedApi(ctx),
    discovery: createDiscoveryApi(ctx),
    hashtags: createHashtagsApi(ctx),
    oauth: {
      /** Where to send the person: Instagram's authorize page or Facebook's dialog, per login. */
      authorizeUrl: (input: AuthorizeInput & DialogInput): string =>
        options.login === 'instagram' ? instagramAuthorizeUrl(ctx, input) : facebookDialogUrl(ctx, input),
      /** The whole link from the redirect's code: tokens, then the account (a personal one is refused). */
      completeLink: (code: string, input: FacebookLinkInput = {}, callOptions?: CallOptions) =>
        options.login === 'instagram'
          ? instagramCompleteLink(ctx, code, callOptions)
          : facebookCompleteLink(ctx, code, input, callOptions),
      instagram: {
        exchangeCode: (code: string, callOptions?: CallOptions) => instagramExchangeCode(ctx, code, callOptions),
        longLived: (shortToken: string, callOptions?: CallOptions) => instagramLongLived(ctx, shortToken, callOptions),
        refresh: (token: string, input?: RefreshInput, callOptions?: CallOptions) =>
          instagramRefresh(ctx, token, input, callOptions),
      },
      facebook: {
        exchangeCode: (code: string, callOptions?: CallOptions) => facebookExchangeCode(ctx, code, callOptions),
        longLived: (shortToken: string, callOptions?: CallOptions) => facebookLongLived(ctx, shortToken, callOptions),
        pages: (userToken: string, callOptions?: CallOptions) => facebookPages(ctx, userToken, callOptions),
      },
    },
    /** Subscribes the linked account to igcord's webhook fields (comments, mentions). */
    subscribeWebhooks: (grant: Pick<LinkGrant, 'userId' | 'accessToken' | 'pageId'>, callOptions?: CallOptions) =>
      subscribeWebhooks(ctx, grant, callOptions),
    paginate,
    iteratePages,
    collect,
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;
