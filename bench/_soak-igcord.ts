// The igcord process of the soak bench (bench/soak.ts), alone in its own process so that its heap is igcord's only:
// the Discord fake and the Instagram emulator, which keep every interaction they saw, run in the parent. It starts
// igcord from the environment the parent gives it (live mode pointed at the parent's fakes) and answers the
// parent's requests over IPC: link accounts, sample the heap, report heap and cache sizes (after a full GC, which
// needs node's --expose-gc), stop. Not a benchmark itself: index.ts skips files starting with `_`.
import { startIgcord } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';

export type SoakRequest =
  | {
      id: number;
      type: 'link';
      accounts: { discordUserId: string; instagramUserId: string; username: string; accessToken: string }[];
    }
  | { id: number; type: 'stats'; gc: boolean }
  | { id: number; type: 'stop' };

export interface SoakStats {
  heapUsed: number;
  /** Highest heapUsed seen by the sampler since start (every 100 ms, without forcing a GC). */
  peakHeapUsed: number;
  rss: number;
  openPageSessions: number;
  cachedUsers: number;
  cachedMembers: number;
  /** discord.js REST queues: one per interaction token that edited or followed up, until swept when idle. */
  restHandlers: number;
}

export type SoakReply = { id: number; ok: true; stats?: SoakStats } | { id: number; ok: false; error: string };

const send = (message: unknown) => process.send?.(message);
const gc = (globalThis as { gc?: () => void }).gc;

const log = createLogger({ level: 'error', destination: process.stderr });
const app = await startIgcord(loadConfig(process.env), log, {
  // The fake answers at loopback speed; discord.js would otherwise pace itself to Discord's 50 requests/s.
  discordClientOptions: { rest: { globalRequestsPerSecond: 1e6 } },
});

let peak = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}, 100);

function stats(collect: boolean): SoakStats {
  if (collect && gc) {
    // Twice: the first pass may only queue finalizers whose objects the second frees.
    gc();
    gc();
  }
  const memory = process.memoryUsage();
  peak = Math.max(peak, memory.heapUsed);
  const client = app.bot.discord.client;
  return {
    heapUsed: memory.heapUsed,
    peakHeapUsed: peak,
    rss: memory.rss,
    openPageSessions: app.bot.paginator.openSessions,
    cachedUsers: client.users.cache.size,
    cachedMembers: client.guilds.cache.reduce((sum, guild) => sum + guild.members.cache.size, 0),
    restHandlers: client.rest.handlers.size,
  };
}

process.on('message', (raw) => {
  const request = raw as SoakRequest;
  void (async (): Promise<SoakReply> => {
    switch (request.type) {
      case 'link':
        for (const account of request.accounts) {
          await app.storage.accounts.link({ ...account, scopes: app.config.instagram.scopes });
        }
        return { id: request.id, ok: true };
      case 'stats':
        return { id: request.id, ok: true, stats: stats(request.gc) };
      case 'stop':
        clearInterval(sampler);
        await app.close();
        return { id: request.id, ok: true };
    }
  })()
    .catch((error: unknown): SoakReply => ({
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }))
    .then((reply) => {
      send(reply);
      if (request.type === 'stop') process.disconnect();
    });
});

send({ id: 0, ok: true, stats: stats(true) } satisfies SoakReply);
