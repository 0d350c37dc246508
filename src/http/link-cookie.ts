// The cookie that ties the steps of one link to one browser. igcord's link page gives the browser a random nonce
// in an HttpOnly, SameSite=Lax cookie (Secure when PUBLIC_URL is https) and keeps only its SHA-256 in the states
// of the next steps; Discord's and Instagram's redirects back (top-level GETs, which Lax cookies follow) must bring
// the same nonce. A link forwarded to someone else arrives in a browser without it. The cookie is named after the
// flow, so two links started in one browser do not overwrite each other, and it is cleared when the flow ends.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { OAUTH_STATE_TTL_MS } from '../storage/index.js';

const COOKIE_PREFIX = 'igcord_link_';

export interface BrowserBinding {
  /** Names the cookie; stored with the states. */
  flowId: string;
  /** Goes into the cookie only. */
  nonce: string;
  /** Stored with the states. */
  hash: string;
}

export const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('base64url');

export function newBrowserBinding(): BrowserBinding {
  const nonce = randomBytes(32).toString('base64url');
  return { flowId: randomBytes(9).toString('base64url'), nonce, hash: hashNonce(nonce) };
}

export function setLinkCookie(binding: BrowserBinding, secure: boolean): string {
  return `${COOKIE_PREFIX}${binding.flowId}=${binding.nonce}; Path=/; Max-Age=${OAUTH_STATE_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearLinkCookie(flowId: string, secure: boolean): string {
  return `${COOKIE_PREFIX}${flowId}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** True when the request carries the cookie of `flowId` and its nonce hashes to `hash` (constant-time compare). */
export function browserMatches(req: IncomingMessage, flowId: string | undefined, hash: string | undefined): boolean {
  if (flowId === undefined || hash === undefined) return false;
  const nonce = readCookie(req.headers.cookie, `${COOKIE_PREFIX}${flowId}`);
  if (nonce === undefined) return false;
  const given = Buffer.from(hashNonce(nonce));
  const expected = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
