// A process without a gateway session (an edge, docs/decisions/0020) has an empty guild cache: discord.js fills
// it from the gateway's GUILD_CREATE, and commands read guilds, channels, roles and the bot's own member from it
// (a channel's permissionsFor(client.user)). This fills it by REST for the guild of each interaction before the
// router sees it — the guild (with its roles), its channels and the bot's member — at most once per `ttlMs` per
// guild, so a permission change reaches an edge within that time. A failure leaves the cache as it was: the
// command then answers as it does for a guild it cannot see.
import type { Client } from 'discord.js';
import type { Logger } from '../log.js';
import type { InteractionDispatcher } from './http-interactions.js';

export function createRestGuildCache(client: Client, log: Logger, ttlMs = 60_000): (guildId: unknown) => Promise<void> {
  const fetchedAt = new Map<string, number>();
  // Interactions of one guild that arrive while its read is under way share that read: a burst of commands would
  // otherwise make three REST calls each, out of the bot's shared 50 per second, and answer past Discord's 3 s.
  const reading = new Map<string, Promise<void>>();
  const read = async (guildId: string) => {
    try {
      const guild = await client.guilds.fetch({ guild: guildId, force: true });
      await guild.channels.fetch();
      if (client.user !== null) await guild.members.fetch({ user: client.user.id, force: true });
      fetchedAt.set(guildId, Date.now());
    } catch (error) {
      log.warn({ err: error, guildId }, 'could not read the guild by REST; its commands see no cache');
    } finally {
      reading.delete(guildId);
    }
  };
  return async (guildId) => {
    if (typeof guildId !== 'string') return;
    const at = fetchedAt.get(guildId);
    if (at !== undefined && Date.now() - at < ttlMs) return;
    let pending = reading.get(guildId);
    if (pending === undefined) {
      pending = read(guildId);
      reading.set(guildId, pending);
    }
    await pending;
  };
}

/** A dispatcher that fills the interaction's guild into the client's cache by REST before dispatching it. */
export function withGuildByRest(dispatcher: InteractionDispatcher, client: Client, log: Logger): InteractionDispatcher {
  const warm = createRestGuildCache(client, log);
  return {
    async dispatch(payload, requestLog) {
      await warm(payload.guild_id);
      return dispatcher.dispatch(payload, requestLog);
    },
  };
}
