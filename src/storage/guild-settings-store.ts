// Per-server settings of feeds: the time zone and style a server's feed posts write times in (`{time}` in a feed
// template, docs/decisions/0026). One small value per guild, read by the delivery engine for each templated post
// and written by `/feed settings`; a server that never chose has none (UTC, medium style).
import { timeSettingsSchema, type TimeSettings } from '../core/feed-template.js';
import { z } from 'zod';
import type { RecordType } from './record-reader.js';
import { storedId, type StoreContext } from './store-context.js';

const settingsRecord = z.object({ version: z.literal(1), time: timeSettingsSchema });
const settingsType: RecordType<typeof settingsRecord> = {
  name: 'guild settings',
  currentVersion: 1,
  schema: settingsRecord,
};

export interface GuildSettingsStore {
  /** The guild's time settings, undefined when it never chose. */
  time(guildId: string): Promise<TimeSettings | undefined>;
  setTime(guildId: string, time: TimeSettings): Promise<void>;
}

const key = (guildId: string) => `guild-settings:${storedId.parse(guildId)}`;

export function createGuildSettingsStore(ctx: StoreContext): GuildSettingsStore {
  const { backend, reader } = ctx;
  return {
    async time(guildId) {
      return reader.read(settingsType, key(guildId), await backend.get(key(guildId)))?.time;
    },
    async setTime(guildId, time) {
      await backend.set(key(guildId), { version: 1, time: timeSettingsSchema.parse(time) });
    },
  };
}
