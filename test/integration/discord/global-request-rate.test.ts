// Discord's global limit (requests per second per bot) held across processes: three REST clients, each with its own
// Redis connection as three igcord processes would have, send bursts to the Discord fake; the fake's own request
// log (its receive times) must show no one-second window above the configured limit. Interaction endpoints are
// not bound to that limit (Discord: topics/rate-limits#global-rate-limit), so they are never held back by it.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { REST, Routes } from 'discord.js';
import { startDiscordFake, type DiscordFake } from '../../../sandbox/discord/index.js';
import {
  admittedMakeRequest,
  openRedisRequestWindow,
  type RedisRequestWindow,
} from '../../../src/discord/global-rate/index.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const LIMIT = 20;

/** The largest number of requests the fake received within any one second. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= 1_000) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('Discord global request rate across processes', () => {
  let fake: DiscordFake | undefined;
  const windows: RedisRequestWindow[] = [];

  afterEach(async () => {
    await Promise.all(windows.splice(0).map((w) => w.close()));
    await fake?.close();
    fake = undefined;
  });

  async function client(prefix: string): Promise<REST> {
    const window = await openRedisRequestWindow({ url: REDIS_URL, prefix, limit: LIMIT });
    windows.push(window);
    return new REST({
      api: fake!.apiUrl,
      // discord.js's own per-process pacing is lifted, so only the shared window holds the rate.
      globalRequestsPerSecond: 1e6,
      timeout: 60_000,
      makeRequest: admittedMakeRequest(window),
    }).setToken(fake!.botToken);
  }

  it('keeps three clients bursting together at or under the limit in every second of the fake log', async () => {
    fake = await startDiscordFake({ logger: { warn: () => {} } });
    const prefix = `igcord:test:discord-rate:${randomUUID()}`;
    const clients = await Promise.all([client(prefix), client(prefix), client(prefix)]);
    const perClient = 25;
    await Promise.all(
      clients.flatMap((rest) => Array.from({ length: perClient }, () => rest.get(Routes.gatewayBot()))),
    );
    const received = fake.restLog().filter((e) => e.path === '/gateway/bot' && e.status === 200);
    expect(received).toHaveLength(3 * perClient);
    expect(busiestSecond(received.map((e) => e.time))).toBeLessThanOrEqual(LIMIT);
  });

  it('lets interaction callbacks through while the window is full, and holds the bot’s other requests', async () => {
    fake = await startDiscordFake({ logger: { warn: () => {} } });
    const prefix = `igcord:test:discord-rate:${randomUUID()}`;
    // Another process has taken every slot and its requests are still in flight.
    const other = await openRedisRequestWindow({ url: REDIS_URL, prefix, limit: LIMIT, attemptBoundMs: 600_000 });
    windows.push(other);
    for (let i = 0; i < LIMIT; i += 1) expect((await other.admit()).admitted).toBe(true);

    const rest = await client(prefix);
    const held = rest.get(Routes.gatewayBot());
    // An interaction's callback (here for an interaction the fake never issued: it answers 10062 at once).
    const callback = rest.post(Routes.interactionCallback('1', 'not-a-token'), {
      body: { type: 4, data: {} },
      auth: false,
    });
    await expect(callback).rejects.toMatchObject({ code: 10062 });
    expect(fake.restLog().filter((e) => e.path.startsWith('/interactions/'))).toHaveLength(1);
    expect(fake.restLog().filter((e) => e.path === '/gateway/bot')).toHaveLength(0);
    held.catch(() => undefined);
  });
});
