// Shared helpers for the Graph emulator's tests: real HTTP with fetch against a started emulator, addressed per
// real host (the base URLs the emulator hands out), plus the v1 tests' callback receiver and `eventually`.
import { expect } from 'vitest';
import type { GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { call, type ApiAnswer } from '../instagram-emulator/helpers.js';

export { call, eventually, startReceiver, type ApiAnswer, type Received } from '../instagram-emulator/helpers.js';

export const V = 'v25.0';

const query = (params: Record<string, string>) => {
  const q = new URLSearchParams(params).toString();
  return q ? `?${q}` : '';
};

/** GET on graph.instagram.com (`ig`) or graph.facebook.com (`fb`), versioned. */
export function graphGet(
  emu: GraphEmulator,
  host: 'ig' | 'fb',
  path: string,
  params: Record<string, string> = {},
): Promise<ApiAnswer> {
  const base = host === 'ig' ? emu.hosts.instagramGraph : emu.hosts.facebookGraph;
  return call(`${base}/${V}${path}${query(params)}`);
}

export function graphPost(
  emu: GraphEmulator,
  host: 'ig' | 'fb',
  path: string,
  form: Record<string, string>,
): Promise<ApiAnswer> {
  const base = host === 'ig' ? emu.hosts.instagramGraph : emu.hosts.facebookGraph;
  return call(`${base}/${V}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export function graphDelete(
  emu: GraphEmulator,
  host: 'ig' | 'fb',
  path: string,
  params: Record<string, string>,
): Promise<ApiAnswer> {
  const base = host === 'ig' ? emu.hosts.instagramGraph : emu.hosts.facebookGraph;
  return call(`${base}/${V}${path}${query(params)}`, { method: 'DELETE' });
}

export function form(url: string, fields: Record<string, string>): Promise<ApiAnswer> {
  return call(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

const TRANSIENT = new Set([1, 2, 4, 17, 32, 613, 80002]);

/** The Graph error envelope expected for a code and message (fbtrace_id varies; `extra` adds error_subcode, type…). */
export function envelope(code: number, message: string, extra: Record<string, unknown> = {}) {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      is_transient: TRANSIENT.has(code),
      fbtrace_id: expect.stringMatching(/^[A-Za-z0-9]{23}$/),
      ...extra,
    },
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
