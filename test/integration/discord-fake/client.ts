// Starts the real discord.js client against a Discord fake with the test-friendly options measured in
// /work/shared/reference/discord-fake-notes.md, and resolves once it reached clientReady.
import { once } from 'node:events';
import { Client, GatewayIntentBits } from 'discord.js';
import type { DiscordFake } from '../../../sandbox/discord/index.js';

export async function readyClient(
  fake: DiscordFake,
  intents: GatewayIntentBits[] = [GatewayIntentBits.Guilds],
): Promise<Client> {
  const client = new Client({
    intents,
    // A REST timeout only stops a hang: a retried interaction callback would be a second acknowledgement.
    rest: { api: fake.apiUrl, timeout: 30_000, retries: 1, globalRequestsPerSecond: 1e6 },
    waitGuildTimeout: 500,
  });
  const ready = once(client, 'clientReady');
  await client.login(fake.botToken);
  await ready;
  return client;
}

/** Resolves with the next interaction the client receives. */
export function nextInteraction<T>(client: Client, guard: (i: unknown) => i is T): Promise<T> {
  return new Promise((resolve) => {
    const listener = (interaction: unknown) => {
      if (!guard(interaction)) return;
      client.off('interactionCreate', listener);
      resolve(interaction);
    };
    client.on('interactionCreate', listener);
  });
}
