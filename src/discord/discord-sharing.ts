// What igcord's processes of one bot share on the Discord side when DISCORD_STATE_STORE=redis
// (docs/decisions/0022): the global request window every REST request that counts is admitted through, and the
// state that outlives one request (page sessions, autocomplete answers). One process (memory): none of it, and
// discord.js's own pacing holds the limit.
import type { Logger } from '../log.js';
import { openGlobalRequestWindow, type GlobalRateSettings, type RedisRequestWindow } from './global-rate/index.js';
import { openRedisSharedState } from './shared-state/redis-shared-state.js';
import type { SharedState } from './shared-state/shared-state.js';

export interface DiscordSharing {
  window: RedisRequestWindow;
  state: SharedState;
  close(): Promise<void>;
}

export async function openDiscordSharing(
  settings: GlobalRateSettings,
  applicationId: string,
  log: Logger,
): Promise<DiscordSharing | undefined> {
  const window = await openGlobalRequestWindow(settings, applicationId, log);
  if (!window) return undefined;
  try {
    const state = await openRedisSharedState({
      url: settings.redisUrl!,
      prefix: `igcord:discord:${applicationId}:state`,
      log,
    });
    return {
      window,
      state,
      async close() {
        await Promise.allSettled([window.close(), state.close()]);
      },
    };
  } catch (error) {
    await window.close();
    throw error;
  }
}
