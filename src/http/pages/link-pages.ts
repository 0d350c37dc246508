// The answers the steps of linking share: igcord's page for a refused state, a malformed address or a browser
// that did not start the link, a redirect that carries no secret in its body, a cookie added to an answer, and the
// query reader that refuses a repeated parameter rather than silently picking one of its values.
import type { z } from 'zod';
import { ValidationError, validate } from '../../util/validate.js';
import type { HttpResponse } from '../http-response.js';
import { OAUTH_PAGE_HEADERS, renderOAuthPage, type OAuthPageTone } from './oauth-page.js';
import type { PageLocale } from './page-locale.js';

/** One of the flow's pages, in the language of `l` (page-locale.ts); title and paragraphs already in it. */
export function page(
  l: PageLocale,
  status: number,
  tone: OAuthPageTone,
  outcome: string,
  title: string,
  paragraphs: string[],
): HttpResponse {
  return renderOAuthPage({ status, tone, outcome, title, paragraphs }, { lang: l.lang, close: l.t('link.page.close') });
}

export function invalidRequestPage(l: PageLocale): HttpResponse {
  return page(l, 400, 'error', 'state-invalid', l.t('link.page.invalidTitle'), [l.t('link.page.malformed')]);
}

/** The page for a state storage refused: expired, or unknown (never made, already used, or of another step). */
export function refusedStatePage(l: PageLocale, reason: 'unknown' | 'expired' | 'other-user'): HttpResponse {
  const { t } = l;
  return reason === 'expired'
    ? page(l, 400, 'error', 'state-expired', t('link.page.expiredTitle'), [t('link.page.expired')])
    : page(l, 400, 'error', 'state-invalid', t('link.page.invalidTitle'), [
        // Backends drop a state once its TTL passes, so an expired link usually arrives here as unknown.
        t('link.page.unknown'),
        t('link.page.getNewLink'),
      ]);
}

/** The browser is not the one that opened the link on igcord's link page (no cookie, or another one). */
export function browserMismatchPage(l: PageLocale): HttpResponse {
  const { t } = l;
  return page(l, 400, 'error', 'browser-mismatch', t('link.page.mismatchTitle'), [
    t('link.page.mismatch'),
    t('link.page.mismatchNext'),
  ]);
}

export function withCookie(response: HttpResponse, cookie: string | undefined): HttpResponse {
  return cookie === undefined ? response : { ...response, headers: { ...response.headers, 'set-cookie': cookie } };
}

/** A 302 to `location`; no body worth reading, not cached, no referrer (the URL that led here held a state). */
export function redirectTo(location: string, cookie?: string): HttpResponse {
  return withCookie({ status: 302, headers: { ...OAUTH_PAGE_HEADERS, location }, body: '' }, cookie);
}

/** Reads `names` from the query, one value each, through `schema`; undefined when malformed or repeated. */
export function readQuery<S extends z.ZodType>(
  url: URL,
  names: readonly string[],
  schema: S,
  what: string,
): z.output<S> | undefined {
  const raw: Record<string, string> = {};
  for (const name of names) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1) return undefined;
    if (values[0] !== undefined) raw[name] = values[0];
  }
  try {
    return validate(schema, raw, what);
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
}
