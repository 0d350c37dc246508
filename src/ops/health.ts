// GET /healthz: is igcord able to do its job right now? Three checks, run together, each bounded: the Discord
// gateway session is ready, storage answers, and the Instagram API host answers HTTP at all. The Instagram
// probe asks the API root without a token, so it is charged to no one's budget; any HTTP status counts as
// reachable, since only a refused or hanging connection means igcord cannot reach Instagram.
import { Status, type Client } from 'discord.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/index.js';

export type CheckState = 'ok' | 'down';

export interface HealthReport {
  ok: boolean;
  discord: { status: CheckState; gateway: string };
  storage: { status: CheckState };
  instagram: { status: CheckState; httpStatus?: number | undefined; error?: string | undefined };
}

export interface HealthSources {
  discord: () => Pick<Client, 'ws'> | undefined;
  storage: Pick<Storage, 'health'>;
  /** The API host without /v1 (the emulator's URL in the sandbox). */
  instagramApiUrl: string;
  /** Bound of the Instagram probe; default 2 s. */
  timeoutMs?: number | undefined;
  log: Logger;
}

export async function checkHealth(sources: HealthSources): Promise<HealthReport> {
  const [discord, storage, instagram] = await Promise.all([
    discordCheck(sources),
    storageCheck(sources),
    instagramCheck(sources),
  ]);
  return {
    ok: discord.status === 'ok' && storage.status === 'ok' && instagram.status === 'ok',
    discord,
    storage,
    instagram,
  };
}

function discordCheck(sources: HealthSources): HealthReport['discord'] {
  const client = sources.discord();
  if (!client) return { status: 'down', gateway: 'not started' };
  const status = client.ws.status;
  return { status: status === Status.Ready ? 'ok' : 'down', gateway: Status[status] ?? String(status) };
}

async function storageCheck(sources: HealthSources): Promise<HealthReport['storage']> {
  try {
    return { status: (await sources.storage.health()) ? 'ok' : 'down' };
  } catch (error) {
    sources.log.warn({ err: error }, 'health: storage check threw');
    return { status: 'down' };
  }
}

async function instagramCheck(sources: HealthSources): Promise<HealthReport['instagram']> {
  try {
    const response = await fetch(`${sources.instagramApiUrl}/`, {
      method: 'GET',
      signal: AbortSignal.timeout(sources.timeoutMs ?? 2000),
      redirect: 'manual',
    });
    // The body is not needed; reading it releases the connection.
    await response.arrayBuffer().catch(() => undefined);
    return { status: 'ok', httpStatus: response.status };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
    return { status: 'down', error: reason };
  }
}
