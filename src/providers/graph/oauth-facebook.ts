// Facebook Login for Business (reference §1.3): the dialog URL on www.facebook.com (a dashboard configuration id,
// or scopes), code → short-lived user token and → long-lived user token (`fb_exchange_token`, ~60 days, no
// refresh) on graph.facebook.com, the Pages with their Page tokens and linked `instagram_business_account`, and
// the whole link, which keeps the Page token (no expiry when derived from a long-lived user token). Pages with
// no professional Instagram account linked mean the person has none to link: a typed refusal.
import { z } from 'zod';
import { validate } from '../../util/validate.js';
import { callGraph, versioned, type CallOptions, type GraphContext } from './api-call.js';
import { GraphNotProfessionalError } from './errors.js';
import { graphUserSchema, pageAccountSchema, PROFILE_FIELDS, tokenAnswerSchema } from './schemas.js';
import { grantFrom, type LinkGrant, type TokenGrant } from './tokens.js';

/** What the Facebook Login provider needs when no configuration id is given (reference §1.1). */
export const FACEBOOK_LOGIN_SCOPES = [
  'instagram_basic',
  'instagram_manage_comments',
  'instagram_manage_insights',
  'pages_show_list',
  'pages_read_engagement',
] as const;

export interface DialogInput {
  state: string;
  /** A Facebook Login for Business configuration (token type, assets, permissions chosen in the dashboard). */
  configId?: string | undefined;
  scopes?: readonly string[] | undefined;
}

export function facebookDialogUrl(ctx: GraphContext, input: DialogInput): string {
  const url = new URL(`${ctx.hosts.facebookWww.replace(/\/+$/, '')}/${ctx.version}/dialog/oauth`);
  url.searchParams.set('client_id', ctx.appId);
  url.searchParams.set('redirect_uri', ctx.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', input.state);
  if (input.configId !== undefined) url.searchParams.set('config_id', input.configId);
  else url.searchParams.set('scope', (input.scopes ?? FACEBOOK_LOGIN_SCOPES).join(','));
  return url.toString();
}

function tokenCall(
  ctx: GraphContext,
  params: ReadonlyArray<readonly [string, string]>,
  what: string,
  options?: CallOptions,
): Promise<TokenGrant> {
  return callGraph(
    ctx,
    {
      key: 'app',
      method: 'GET',
      base: ctx.hosts.facebookGraph,
      path: versioned(ctx, '/oauth/access_token'),
      params: [['client_id', ctx.appId], ['client_secret', ctx.appSecret], ...params],
      options,
    },
    (r) => validate(tokenAnswerSchema, r.body, what),
  ).then((r) => grantFrom(r.data, ctx.now()));
}

/** Code → short-lived user token. */
export function facebookExchangeCode(ctx: GraphContext, code: string, options?: CallOptions): Promise<TokenGrant> {
  return tokenCall(
    ctx,
    [
      ['redirect_uri', ctx.redirectUri],
      ['code', code.replace(/#_=_$/, '')],
    ],
    'Facebook code exchange',
    options,
  );
}

/** Short → long-lived user token (~60 days; none from an expired one, and no refresh call exists). */
export function facebookLongLived(ctx: GraphContext, shortToken: string, options?: CallOptions): Promise<TokenGrant> {
  return tokenCall(
    ctx,
    [
      ['grant_type', 'fb_exchange_token'],
      ['fb_exchange_token', shortToken],
    ],
    'Facebook long-lived token',
    options,
  );
}

export interface LinkablePage {
  pageId: string;
  pageName: string | undefined;
  pageToken: string | undefined;
  /** The professional Instagram account linked to the Page; undefined when none is. */
  instagram: { id: string; username?: string | undefined } | undefined;
}

/** `/me/accounts`: the person's Pages with their Page tokens and linked Instagram accounts (first page of 100). */
export async function facebookPages(
  ctx: GraphContext,
  userToken: string,
  options?: CallOptions,
): Promise<LinkablePage[]> {
  const result = await callGraph(
    ctx,
    {
      key: 'app',
      method: 'GET',
      base: ctx.hosts.facebookGraph,
      path: versioned(ctx, '/me/accounts'),
      params: [
        ['fields', 'id,name,access_token,instagram_business_account{id,username}'],
        ['limit', '100'],
        ['access_token', userToken],
      ],
      options,
    },
    (r) => validate(z.object({ data: z.array(pageAccountSchema) }), r.body, 'Facebook Pages'),
  );
  return result.data.data.map((p) => ({
    pageId: p.id,
    pageName: p.name,
    pageToken: p.access_token,
    instagram: p.instagram_business_account,
  }));
}

export interface FacebookLinkInput {
  /** Pick this Instagram account when several Pages carry one; the first otherwise. */
  username?: string | undefined;
}

/** The whole Facebook Login link: code → user token → long-lived → Pages → the Page's Instagram account and Page token. */
export async function facebookCompleteLink(
  ctx: GraphContext,
  code: string,
  input: FacebookLinkInput = {},
  options?: CallOptions,
): Promise<LinkGrant> {
  const short = await facebookExchangeCode(ctx, code, options);
  const long = await facebookLongLived(ctx, short.accessToken, options);
  const pages = (await facebookPages(ctx, long.accessToken, options)).filter(
    (p) => p.instagram !== undefined && p.pageToken !== undefined,
  );
  const wanted = input.username?.toLowerCase();
  const page = wanted === undefined ? pages[0] : pages.find((p) => p.instagram?.username?.toLowerCase() === wanted);
  if (page?.instagram === undefined || page.pageToken === undefined) {
    throw new GraphNotProfessionalError(
      wanted === undefined
        ? 'None of your Facebook Pages has a professional Instagram account linked. Switch the Instagram account to a professional account (free) and link it to a Page you manage, then link again.'
        : `None of your Facebook Pages has @${input.username} linked as a professional Instagram account.`,
      { reason: 'no-instagram-on-pages', username: input.username },
    );
  }
  const profile = await callGraph(
    ctx,
    {
      key: page.instagram.id,
      method: 'GET',
      base: ctx.hosts.facebookGraph,
      path: versioned(ctx, `/${encodeURIComponent(page.instagram.id)}`),
      params: [
        ['fields', PROFILE_FIELDS.facebook],
        ['access_token', page.pageToken],
      ],
      options,
    },
    (r) => validate(graphUserSchema, r.body, 'Instagram profile'),
  );
  const now = ctx.now();
  return {
    accessToken: page.pageToken,
    issuedAt: now,
    // A Page token derived from a long-lived user token does not expire (reference §1.3).
    expiresAt: undefined,
    expiresIn: undefined,
    login: 'facebook',
    tokenKind: 'page',
    userId: page.instagram.id,
    appScopedId: undefined,
    username: profile.data.username,
    accountType: undefined,
    scopes: [],
    pageId: page.pageId,
    userTokenExpiresAt: long.expiresAt,
  };
}
