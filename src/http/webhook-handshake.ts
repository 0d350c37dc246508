// What both webhook routes (v1's and Graph's) share: the `GET …?hub.mode=subscribe&hub.challenge=…&
// hub.verify_token=…` handshake, the same on both APIs (reference §1.7), which echoes the challenge only when the
// verify token matches (compared in constant time) and never logs the token; and the JSON content-type check.
import { verifyTokenMatches } from '../providers/v1/subscriptions.js';
import { HttpError, text, type HttpResponse } from './http-response.js';
import type { RequestContext } from './router.js';

const MAX_CHALLENGE_LENGTH = 1024;

/** The handshake route's handler for one verify token. */
export function hubChallenge(verifyToken: string): (ctx: RequestContext) => HttpResponse {
  if (verifyToken === '') throw new TypeError('the webhook receiver needs a webhook verify token');
  return ({ url, log }) => {
    const mode = url.searchParams.get('hub.mode');
    const challenge = url.searchParams.get('hub.challenge');
    const token = url.searchParams.get('hub.verify_token');
    if (mode === null || challenge === null || token === null || challenge === '') {
      throw new HttpError(400, 'bad_request', 'hub.mode, hub.challenge and hub.verify_token are required');
    }
    if (challenge.length > MAX_CHALLENGE_LENGTH) throw new HttpError(400, 'bad_request', 'hub.challenge is too long');
    if (mode !== 'subscribe' || !verifyTokenMatches(token, verifyToken)) {
      log.warn({ mode }, 'webhook handshake refused: wrong hub.mode or verify token');
      throw new HttpError(403, 'forbidden', 'the handshake does not match this subscription');
    }
    log.info('webhook handshake answered');
    return text(200, challenge);
  };
}

/** `application/json`, with or without parameters such as `; charset=utf-8`, in any letter case. */
export function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
