// igcord's Instagram Platform API client: one object, built from the configuration at wiring time, whose every
// call goes through the given CallGate (the per-token limiter; `directGate` when none) and returns typed,
// zod-checked values together with the X-Ratelimit headers of their response.
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import type { ApiContext, CallOptions } from './api-call.js';
import { directGate, type CallGate } from './call-gate.js';
import { createCommentsApi, createLikesApi, createMediaApi } from './media-api.js';
import { buildAuthorizeUrl, exchangeCode, type AuthorizeUrlInput } from './oauth.js';
import { collect, iteratePages, paginate } from './paginate.js';
import { createLocationsApi, createTagsApi } from './places-api.js';
import {
  createSubscription,
  listSubscriptions,
  removeSubscriptions,
  type CreateSubscriptionInput,
  type RemoveSubscriptionInput,
} from './subscriptions.js';
import { createTransport } from './transport.js';
import { createRelationshipsApi, createUsersApi } from './users-api.js';

export type { Auth, CallOptions, Page, Result } from './api-call.js';

export interface InstagramClientOptions {
  /** Host root without `/v1` (config.instagram.apiUrl). */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** The OAuth redirect URI registered for the app (igcord's `/oauth/callback`). */
  redirectUri: string;
  /** Bound on one HTTP attempt, connect to last byte. */
  timeoutMs: number;
  /** The app enforces signed requests: every /v1 call carries `sig` (reference §5.1). */
  signedRequests: boolean;
  gate?: CallGate | undefined;
  log?: Logger | undefined;
}

export function createInstagramClient(options: InstagramClientOptions) {
  const log = options.log ?? silentLogger();
  const ctx: ApiContext = {
    transport: createTransport({
      apiUrl: options.apiUrl,
      timeoutMs: options.timeoutMs,
      signingSecret: options.signedRequests ? options.clientSecret : undefined,
      log,
    }),
    gate: options.gate ?? directGate,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    redirectUri: options.redirectUri,
    log,
  };

  return {
    users: createUsersApi(ctx),
    relationships: createRelationshipsApi(ctx),
    media: createMediaApi(ctx),
    comments: createCommentsApi(ctx),
    likes: createLikesApi(ctx),
    tags: createTagsApi(ctx),
    locations: createLocationsApi(ctx),
    oauth: {
      authorizeUrl: (input: AuthorizeUrlInput = {}): string =>
        buildAuthorizeUrl(options.apiUrl, options.clientId, options.redirectUri, input),
      exchangeCode: (code: string, input?: { redirectUri?: string | undefined }, callOptions?: CallOptions) =>
        exchangeCode(ctx, code, input, callOptions),
    },
    subscriptions: {
      create: (input: CreateSubscriptionInput, callOptions?: CallOptions) =>
        createSubscription(ctx, input, callOptions),
      list: (callOptions?: CallOptions) => listSubscriptions(ctx, callOptions),
      remove: (selector: RemoveSubscriptionInput, callOptions?: CallOptions) =>
        removeSubscriptions(ctx, selector, callOptions),
    },
    /** Every item of a paged list, each once: `for await (const m of client.paginate(() => client.users.recentMedia(auth)))`. */
    paginate,
    /** Every page of a paged list. */
    iteratePages,
    /** `paginate` into an array. */
    collect,
  };
}

export type InstagramClient = ReturnType<typeof createInstagramClient>;
