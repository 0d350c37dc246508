// Shared helpers for the Graph client's contract tests: the real client against a started Graph emulator over
// HTTP, configured with the emulator's base URL per host and its clock; a pass-through gate that records what
// each call told it (the limiter's view); and a person's browser on the sign-in page: fetch the page the client's
// authorize URL names, fill in its form as the HTML says, and follow nothing.
import { expect } from 'vitest';
import type { GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import type { CallDescription, CallGate } from '../../../src/providers/v1/call-gate.js';
import { createGraphClient, type GraphClient, type GraphLogin } from '../../../src/providers/graph/client.js';

export const VERSION = 'v25.0';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface RecordingGate extends CallGate {
  calls: CallDescription[];
}

/** A gate that runs each attempt at once and remembers its description. */
export function recordingGate(): RecordingGate {
  const calls: CallDescription[] = [];
  return {
    calls,
    run: (call, attempt) => {
      calls.push(call);
      return attempt();
    },
  };
}

export function clientFor(
  emu: GraphEmulator,
  login: GraphLogin,
  gate: CallGate = recordingGate(),
  timeoutMs = 5_000,
  now: () => number = () => emu.admin.now(),
): GraphClient {
  const app = emu.admin.app();
  return createGraphClient({
    login,
    hosts: emu.hosts,
    version: VERSION,
    appId: login === 'instagram' ? app.instagramAppId : app.metaAppId,
    appSecret: login === 'instagram' ? app.instagramAppSecret : app.metaAppSecret,
    redirectUri: app.redirectUris[0] ?? '',
    timeoutMs,
    gate,
    now,
  });
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Opens `url` (the authorize page or dialog), submits its `#authorize` form choosing `choice` in its select, and
 * returns the answer to the submission (a redirect to igcord's callback, or a refusal page).
 */
export async function signIn(
  url: string,
  choice: string,
): Promise<{ status: number; location: string | undefined; text: string }> {
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  expect(page.status, html).toBe(200);
  const form = /<form id="authorize"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  expect(form, 'the page has a sign-in form').not.toBeNull();
  const action = attr(/<form id="authorize"[^>]*>/.exec(html)?.[0] ?? '', 'action') ?? '';
  const fields = new URLSearchParams();
  for (const input of form?.[1]?.match(/<input [^>]*>/g) ?? [])
    fields.append(attr(input, 'name') ?? '', unescape(attr(input, 'value') ?? ''));
  const select = attr(/<select [^>]*>/.exec(form?.[1] ?? '')?.[0] ?? '', 'name') ?? '';
  fields.append(select, choice);
  fields.append('decision', 'allow');
  const answer = await fetch(new URL(unescape(action), url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  return { status: answer.status, location: answer.headers.get('location') ?? undefined, text: await answer.text() };
}

/** The `code` and `state` of a redirect to the callback, the raw `code` kept as sent (with any `#_`). */
export function callback(location: string | undefined): { code: string; state: string | null } {
  const url = new URL(location ?? 'http://nowhere.invalid');
  return { code: `${url.searchParams.get('code') ?? ''}${url.hash}`, state: url.searchParams.get('state') };
}
