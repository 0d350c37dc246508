// The bot is built before the delivery engine (the engine posts through the bot's REST client), yet the commands
// the bot runs need the engine. This forwarding DeliveryEngine is handed to the bot first and bound to the real
// engine as soon as it exists; a command arriving in between gets a clear "still starting" error.
import { UserFacingError } from '../discord/errors.js';
import type { DeliveryEngine } from './delivery-engine.js';

export interface DeferredEngine {
  engine: DeliveryEngine;
  bind(real: DeliveryEngine): void;
}

export function deferredEngine(): DeferredEngine {
  let real: DeliveryEngine | undefined;
  const target = (): DeliveryEngine => {
    if (real === undefined) throw new UserFacingError('feeds.starting', 'Feed delivery is still starting; try again in a few seconds.');
    return real;
  };
  return {
    engine: {
      poke: (key) => target().poke(key),
      initSource: async (feed) => target().initSource(feed),
      sendTest: async (feed) => target().sendTest(feed),
      backfill: async (feed, n) => target().backfill(feed, n),
      status: (feed) => (real === undefined ? {} : real.status(feed)),
      close: async () => real?.close(),
    },
    bind(engine) {
      real = engine;
    },
  };
}
