// The commands the configured Instagram provider can serve: each command and subcommand declares the capability
// it needs (its definition's `requires`), and what the provider's capability set lacks is left out of what is
// registered with Discord and routed, so nobody is offered a command that could only fail. What was left out is
// kept, with the capability it lacks, for /help to explain.
import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Capability, CapabilitySet } from '../core/index.js';
import type { CommandSet, LoadedCommand } from './loader.js';

/** A command or subcommand the provider cannot serve: `/follows`, `/media likes`. */
export interface UnavailableCommand {
  path: string;
  capability: Capability;
}

export interface ProviderCommands {
  commands: CommandSet;
  unavailable: UnavailableCommand[];
}

/** `commands` narrowed to what a provider with `capabilities` serves. */
export function commandsForProvider(commands: CommandSet, capabilities: CapabilitySet): ProviderCommands {
  const unavailable: UnavailableCommand[] = [];
  const byName = new Map<string, LoadedCommand>();
  for (const loaded of commands.byName.values()) {
    const requires = loaded.module.requires;
    if (requires?.command !== undefined && !capabilities.has(requires.command)) {
      unavailable.push({ path: `/${loaded.name}`, capability: requires.command });
      continue;
    }
    const missing = Object.entries(requires?.subcommands ?? {}).filter(
      ([, capability]) => !capabilities.has(capability),
    );
    if (missing.length === 0) {
      byName.set(loaded.name, loaded);
      continue;
    }
    const dropped = new Set(missing.map(([name]) => name));
    const options = (loaded.definition.options ?? []).filter(
      (o) => !(o.type === ApplicationCommandOptionType.Subcommand && dropped.has(o.name)),
    );
    const subcommandsLeft = options.some(
      (o) =>
        o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!subcommandsLeft) {
      // Nothing of it is left: one line for the whole command, under the capability its first subcommand lacks.
      unavailable.push({ path: `/${loaded.name}`, capability: missing[0]![1] });
      continue;
    }
    for (const [name, capability] of missing) unavailable.push({ path: `/${loaded.name} ${name}`, capability });
    const definition: RESTPostAPIChatInputApplicationCommandsJSONBody = { ...loaded.definition, options };
    byName.set(loaded.name, { ...loaded, definition });
  }
  const components = new Map([...commands.components].filter(([, route]) => byName.has(route.command)));
  return { commands: { byName, components, definitions: [...byName.values()].map((c) => c.definition) }, unavailable };
}
