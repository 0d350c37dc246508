// The answers the steps of linking share: igcord's page for a refused state, a malformed address or a browser
// that did not start the link, a redirect that carries no secret in its body, a cookie added to an answer, and the
// query reader that refuses a repeated parameter rather than silently picking one of its values.
import type { z } from 'zod';
import { ValidationError, validate } from '../../util/validate.js';
import type { HttpResponse } from '../http-response.js';
import { OAUTH_PAGE_HEADERS, renderOAuthPage, type OAuthPageTone } from './oauth-page.js';

export function page(
  status: number,
  tone: OAuthPageTone,
  outcome: string,
  title: string,
  paragraphs: string[],
): HttpResponse {
  return renderOAuthPage({ status, tone, outcome, title, paragraphs });
}

export function invalidRequestPage(): HttpResponse {
  return page(400, 'error', 'state-invalid', 'This link is not valid', [
    'The address is incomplete or malformed. Nothing was linked. Run /instagram link in Discord to get a new link.',
  ]);
}

/** The page for a state storage refused: expired, or unknown (never made, already used, or of another step). */
export function refusedStatePage(reason: 'unknown' | 'expired' | 'other-user'): HttpResponse {
  return reason === 'expired'
    ? page(400, 'error', 'state-expired', 'This link has expired', [
        'Links from /instagram link work for 10 minutes and only once. Run /instagram link in Discord again to get a new one.',
      ])
    : page(400, 'error', 'state-invalid', 'This link is not valid', [
        // Backends drop a state once its TTL passes, so an expired link usually arrives here as unknown.
        'It has expired (links work for 10 minutes), it was already used, or it did not come from igcord. Nothing was linked.',
        'Run /instagram link in Discord to get a new link.',
      ]);
}

/** The browser is not the one that opened the link on igcord's link page (no cookie, or another one). */
export function browserMismatchPage(): HttpResponse {
  return page(400, 'error', 'browser-mismatch', 'This sign-in did not start in this browser', [
    'igcord only finishes a link in the browser that opened it from your /instagram link message, and this browser did not. If someone sent you this address, do not use it.',
    'Nothing was linked, and this link no longer works. Run /instagram link in Discord yourself and use its button in this browser.',
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
