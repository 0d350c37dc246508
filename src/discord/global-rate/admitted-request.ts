// The hook that puts igcord's Discord REST requests through the shared request window (redis-request-window.ts):
// a wrapper around discord.js REST's `makeRequest`, the function every attempt of every request ends in (retries
// included, each one is admitted again). Interaction endpoints — the callback and the webhook routes an
// interaction token opens — are not bound to the bot's global limit (Discord: topics/rate-limits#global-rate-limit,
// interactions/receiving-and-responding#endpoints), and neither is any request without the bot's token: they go
// straight through, so a bot whose feeds saturate the limit still answers its users at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { RequestWindow } from './redis-request-window.js';

type MakeRequest = RESTOptions['makeRequest'];

// `/interactions/{id}/{token}/callback`, and `/webhooks/{application id}/{interaction token}…`; a channel
// webhook's own routes carry no bot token either, so they are left alone by the Authorization test below.
const INTERACTION_PATH = /\/interactions\/\d+\/[^/]+\/callback$/;

function authorization(headers: Parameters<MakeRequest>[1]['headers']): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get('authorization') ?? undefined;
  if (Array.isArray(headers)) return headers.find(([name]) => name?.toLowerCase() === 'authorization')?.[1];
  const record = headers as Record<string, string | undefined>;
  return record.Authorization ?? record.authorization;
}

/** Whether Discord counts this request against the bot's global limit. */
export function countsTowardsGlobalLimit(url: string, init: Parameters<MakeRequest>[1]): boolean {
  if (!authorization(init.headers)?.startsWith('Bot ')) return false;
  return !INTERACTION_PATH.test(new URL(url).pathname);
}

/**
 * `inner` (discord.js's own by default) behind the window: a request that counts waits for a slot, and frees it one
 * window after its answer.
 */
export function admittedMakeRequest(
  window: RequestWindow,
  inner: MakeRequest = DefaultRestOptions.makeRequest,
): MakeRequest {
  return async (url, init) => {
    if (!countsTowardsGlobalLimit(url, init)) return inner(url, init);
    for (;;) {
      init.signal?.throwIfAborted();
      const admission = await window.admit();
      if (admission.admitted) {
        try {
          return await inner(url, init);
        } finally {
          await window.answered(admission.id).catch(() => undefined);
        }
      }
      // A little spread so that processes woken by the same freed slot do not all ask at the same instant.
      await sleep(admission.waitMs + Math.floor(Math.random() * 5), undefined, { signal: init.signal ?? undefined });
    }
  };
}
