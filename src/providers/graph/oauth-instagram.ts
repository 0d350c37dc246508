// Instagram Login (reference §1.2): the authorize URL on www.instagram.com, code → short-lived token on
// api.instagram.com (both documented answer shapes), short → long-lived (`ig_exchange_token`, 60 days), the
// refresh (`ig_refresh_token`, GET only, refused before the token is 24 h old: a typed error), and the whole
// link: code → long-lived token → `/me`, refusing a personal account. Token endpoints are charged to the budget
// key `app` unless the caller names the account.
import { validate } from '../../util/validate.js';
import { callGraph, versioned, type CallOptions, type GraphContext } from './api-call.js';
import { GraphApiError, GraphNotProfessionalError, GraphRefreshTooEarlyError } from './errors.js';
import { codeExchangeSchema, graphUserSchema, PROFILE_FIELDS, tokenAnswerSchema } from './schemas.js';
import { accountTypeOf, grantFrom, type LinkGrant, type RefreshGrant, type TokenGrant } from './tokens.js';

/** What igcord asks for: profile and media, comments, insights (reference §1.1; the old business_* are gone). */
export const INSTAGRAM_LOGIN_SCOPES = [
  'instagram_business_basic',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
] as const;

/** The documented lifetime of a short-lived token (reference §5); the code exchange does not say it. */
const SHORT_LIVED_MS = 3_600_000;
const REFRESH_MIN_AGE_MS = 24 * 3_600_000;

export interface AuthorizeInput {
  state: string;
  scopes?: readonly string[] | undefined;
  forceAuthentication?: boolean | undefined;
}

export function instagramAuthorizeUrl(ctx: GraphContext, input: AuthorizeInput): string {
  const url = new URL(`${ctx.hosts.instagramWww.replace(/\/+$/, '')}/oauth/authorize`);
  url.searchParams.set('client_id', ctx.appId);
  url.searchParams.set('redirect_uri', ctx.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', (input.scopes ?? INSTAGRAM_LOGIN_SCOPES).join(','));
  url.searchParams.set('state', input.state);
  if (input.forceAuthentication) url.searchParams.set('force_authentication', '1');
  return url.toString();
}

/** The docs append `#_` to the redirect; a code copied with it would be refused. */
export const cleanCode = (code: string) => code.replace(/#_=?_?$/, '');

export interface ShortLivedGrant extends TokenGrant {
  appScopedId: string;
  scopes: string[];
}

/** `POST api.instagram.com/oauth/access_token`: the code (1 h, single use) → a short-lived token. */
export async function instagramExchangeCode(
  ctx: GraphContext,
  code: string,
  options?: CallOptions,
): Promise<ShortLivedGrant> {
  const result = await callGraph(
    ctx,
    {
      key: 'app',
      method: 'POST',
      base: ctx.hosts.instagramApi,
      path: '/oauth/access_token',
      params: [
        ['client_id', ctx.appId],
        ['client_secret', ctx.appSecret],
        ['grant_type', 'authorization_code'],
        ['redirect_uri', ctx.redirectUri],
        ['code', cleanCode(code)],
      ],
      options,
    },
    (r) => validate(codeExchangeSchema, r.body, 'Instagram code exchange'),
  );
  const now = ctx.now();
  const grant = result.data;
  const permissions =
    grant.permissions === undefined
      ? []
      : Array.isArray(grant.permissions)
        ? grant.permissions
        : grant.permissions.split(',');
  return {
    accessToken: grant.access_token,
    issuedAt: now,
    expiresAt: now + SHORT_LIVED_MS,
    expiresIn: undefined,
    appScopedId: grant.user_id,
    scopes: permissions.filter(Boolean),
  };
}

/** `GET graph.instagram.com/access_token?grant_type=ig_exchange_token`: short → long-lived (≈ 60 days). Server-side only: it carries the secret. */
export async function instagramLongLived(
  ctx: GraphContext,
  shortToken: string,
  options?: CallOptions,
): Promise<TokenGrant> {
  const result = await callGraph(
    ctx,
    {
      key: 'app',
      method: 'GET',
      base: ctx.hosts.instagramGraph,
      path: '/access_token',
      params: [
        ['grant_type', 'ig_exchange_token'],
        ['client_secret', ctx.appSecret],
        ['access_token', shortToken],
      ],
      options,
    },
    (r) => validate(tokenAnswerSchema, r.body, 'Instagram long-lived token'),
  );
  return grantFrom(result.data, ctx.now());
}

export interface RefreshInput {
  /** When the token was issued or last refreshed (epoch ms), so a too-early refusal can say when to retry. */
  issuedAt?: number | undefined;
  /** The budget key (the account's professional id); `app` when not given. */
  key?: string | undefined;
}

/**
 * `GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token` (GET only: POST is refused). Graph
 * refuses a token younger than 24 h; its wording is not documented, so a refusal that is not a dead token (190)
 * and either speaks of the 24 hours or comes while the caller's own `issuedAt` says the token is that young is
 * the typed GraphRefreshTooEarlyError.
 */
export async function instagramRefresh(
  ctx: GraphContext,
  token: string,
  input: RefreshInput = {},
  options?: CallOptions,
): Promise<RefreshGrant> {
  try {
    const result = await callGraph(
      ctx,
      {
        key: input.key ?? 'app',
        method: 'GET',
        base: ctx.hosts.instagramGraph,
        path: '/refresh_access_token',
        params: [
          ['grant_type', 'ig_refresh_token'],
          ['access_token', token],
        ],
        options,
      },
      (r) => validate(tokenAnswerSchema, r.body, 'Instagram token refresh'),
    );
    return { ...grantFrom(result.data, ctx.now()), sameToken: result.data.access_token === token };
  } catch (error) {
    const young = input.issuedAt !== undefined && ctx.now() - input.issuedAt < REFRESH_MIN_AGE_MS;
    if (
      error instanceof GraphApiError &&
      error.code === 100 &&
      (young || /24 ?h|hours? old|too (?:new|early|soon)/i.test(error.message))
    ) {
      throw new GraphRefreshTooEarlyError(error.message, {
        type: error.type,
        status: error.status,
        code: error.code,
        subcode: error.subcode,
        fbtraceId: error.fbtraceId,
        usage: error.usage,
        cause: error,
        refreshableAt: input.issuedAt === undefined ? undefined : input.issuedAt + REFRESH_MIN_AGE_MS,
      });
    }
    throw error;
  }
}

/** The whole Instagram Login link: code → short → long-lived → `/me`; a personal account is refused. */
export async function instagramCompleteLink(
  ctx: GraphContext,
  code: string,
  options?: CallOptions,
): Promise<LinkGrant> {
  const short = await instagramExchangeCode(ctx, code, options);
  const long = await instagramLongLived(ctx, short.accessToken, options);
  const me = await callGraph(
    ctx,
    {
      key: 'app',
      method: 'GET',
      base: ctx.hosts.instagramGraph,
      path: versioned(ctx, '/me'),
      params: [
        ['fields', PROFILE_FIELDS.instagram],
        ['access_token', long.accessToken],
      ],
      options,
    },
    (r) => validate(graphUserSchema, r.body, 'Instagram profile'),
  );
  const accountType = accountTypeOf(me.data.account_type);
  if (accountType === 'PERSONAL') {
    throw new GraphNotProfessionalError(
      `@${me.data.username} is a personal Instagram account; only professional (Business or Creator) accounts can be linked. Switch it to a professional account in Instagram's settings (free), then link again.`,
      { reason: 'personal-account', username: me.data.username, usage: me.usage },
    );
  }
  return {
    ...long,
    login: 'instagram',
    tokenKind: 'instagram-user',
    userId: me.data.user_id ?? me.data.id,
    appScopedId: me.data.user_id !== undefined ? me.data.id : short.appScopedId,
    username: me.data.username,
    accountType,
    scopes: short.scopes,
  };
}
