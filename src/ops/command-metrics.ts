// Counts slash commands and their component handlers by outcome, without touching the interaction router: the
// handlers of this bot's loaded command set are wrapped in place. The loader builds a fresh module object and
// fresh component routes per load (zod copies what it validates), so the wrap belongs to this igcord instance
// only, and the router looks each handler up at dispatch time, so it calls the wrapped one. The outcome of a
// failure is the stable reply id the error maps to (`instagram.not-linked`, `internal`, …): the same words an
// operator sees in the logs and the user in Discord.
import type { CommandSet } from '../discord/loader.js';
import type { DescribeError } from '../discord/reply-error.js';
import type { IgcordMetrics } from './igcord-metrics.js';

export function instrumentCommands(commands: CommandSet, metrics: IgcordMetrics, describeError: DescribeError): void {
  const observe = async (command: string, kind: 'command' | 'component', run: () => Promise<void>): Promise<void> => {
    const started = performance.now();
    try {
      await run();
      metrics.commands.inc({ command, kind, outcome: 'ok' });
    } catch (error) {
      metrics.commands.inc({ command, kind, outcome: describeError(error).id });
      throw error;
    } finally {
      metrics.commandSeconds.observe({ command, kind }, (performance.now() - started) / 1000);
    }
  };

  for (const loaded of commands.byName.values()) {
    const execute = loaded.module.execute.bind(loaded.module);
    loaded.module.execute = (interaction, ctx) => observe(loaded.name, 'command', () => execute(interaction, ctx));
  }
  for (const route of commands.components.values()) {
    const handle = route.handle.bind(route);
    route.handle = (interaction, ctx) => observe(route.command, 'component', () => handle(interaction, ctx));
  }
}
