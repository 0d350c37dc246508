// Loads the slash-command modules — one folder per command, commands/<name>/index.ts beside that command's private
// helpers (or the given directory) — checks each against the module contract and Discord's naming rules, and
// refuses to start with one error that names each broken module and what is wrong with it: a folder without an
// index, a module that does not load, a missing execute, an invalid definition, a name or prefix used twice.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ValidationError, validate } from '../util/validate.js';
import {
  commandDefinitionSchema,
  commandModuleSchema,
  type CommandModule,
  type ComponentInteraction,
  type CommandContext,
} from './command.js';

export interface LoadedCommand {
  name: string;
  /** Where the module came from, for messages and logs. */
  file: string;
  module: CommandModule;
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
}

export interface ComponentRoute {
  prefix: string;
  /** The command that owns the prefix, for logs. */
  command: string;
  handle(interaction: ComponentInteraction, ctx: CommandContext): Promise<void>;
}

export interface CommandSet {
  byName: ReadonlyMap<string, LoadedCommand>;
  components: ReadonlyMap<string, ComponentRoute>;
  /** The JSON definitions, as registered with Discord. */
  definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[];
}

export class CommandLoadError extends Error {
  override readonly name = 'CommandLoadError';
  constructor(readonly problems: string[]) {
    super(`igcord cannot start; fix these command modules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The repository's commands/ directory, next to src/ (also when running from a build). */
export const DEFAULT_COMMANDS_DIRECTORY = fileURLToPath(new URL('../../commands/', import.meta.url));

/** The entry of a command folder: index.ts from source, index.js once built. */
const INDEX_FILES = ['index.ts', 'index.js', 'index.mjs'];
const isModuleFile = (file: string) =>
  /\.(ts|js|mjs)$/.test(file) && !/\.d\.ts$|\.test\.(ts|js|mjs)$|\.map$/.test(file);

/** `path` relative to the working directory when it is below it (shorter in messages), else as given. */
function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === '' || fromHere.startsWith('..') ? path : fromHere;
}

/**
 * Imports and checks every command of `directory`: each folder's index module. Folders and files whose name starts
 * with `_` or `.` are not commands; a module file directly in `directory` is refused (a command is a folder, so
 * its helpers have a home). Throws CommandLoadError listing every problem.
 */
export async function loadCommands(directory: string = DEFAULT_COMMANDS_DIRECTORY): Promise<CommandSet> {
  const children = (await readdir(directory, { withFileTypes: true }))
    .filter((d) => !/^[_.]/.test(d.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const entries: { file: string; module: unknown }[] = [];
  const problems: string[] = [];
  for (const child of children) {
    if (!child.isDirectory()) {
      if (isModuleFile(child.name)) {
        problems.push(
          `${shown(join(directory, child.name))}: a command is a folder; move it to ${shown(join(directory, child.name.replace(/\.(ts|js|mjs)$/, ''), 'index.ts'))}`,
        );
      }
      continue;
    }
    const names = await readdir(join(directory, child.name));
    const index = INDEX_FILES.find((n) => names.includes(n));
    if (index === undefined) {
      problems.push(`${shown(join(directory, child.name))}: the command folder has no index.ts`);
      continue;
    }
    const path = join(directory, child.name, index);
    const file = shown(path);
    try {
      entries.push({ file, module: await import(pathToFileURL(path).href) });
    } catch (error) {
      problems.push(`${file}: the module does not load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return buildCommandSet(entries, problems);
}

/**
 * Checks already imported modules (each `{ default: defineCommand(...) }`) and indexes them by command name and
 * component prefix. `earlier` problems are reported together with the ones found here.
 */
export function buildCommandSet(entries: { file: string; module: unknown }[], earlier: string[] = []): CommandSet {
  const problems = [...earlier];
  const byName = new Map<string, LoadedCommand>();
  const components = new Map<string, ComponentRoute>();
  for (const { file, module } of entries) {
    const exported = typeof module === 'object' && module !== null && 'default' in module ? module.default : undefined;
    if (exported === undefined) {
      problems.push(`${file}: has no default export; export default defineCommand({ data, execute })`);
      continue;
    }
    let command: CommandModule;
    let definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
    try {
      command = validate(commandModuleSchema, exported, 'the module') as CommandModule;
      const data = command.data;
      const json = 'toJSON' in data && typeof data.toJSON === 'function' ? data.toJSON() : data;
      definition = validate(
        commandDefinitionSchema,
        json,
        'the definition (data)',
      ) as RESTPostAPIChatInputApplicationCommandsJSONBody;
    } catch (error) {
      const text =
        error instanceof ValidationError
          ? error.message
          : `the definition (data) is invalid: ${error instanceof Error ? error.message : String(error)}`;
      problems.push(`${file}: ${text.replace(/\n/g, '\n      ')}`);
      continue;
    }
    const clash = byName.get(definition.name);
    if (clash) {
      problems.push(`${file}: the command name "${definition.name}" is already used by ${clash.file}`);
      continue;
    }
    byName.set(definition.name, { name: definition.name, file, module: command, definition });
    for (const [prefix, handle] of Object.entries(command.components ?? {})) {
      const owner = components.get(prefix);
      if (owner) {
        problems.push(`${file}: the component prefix "${prefix}" is already handled by the command "${owner.command}"`);
        continue;
      }
      components.set(prefix, { prefix, command: definition.name, handle });
    }
  }
  if (problems.length > 0) throw new CommandLoadError(problems);
  return { byName, components, definitions: [...byName.values()].map((c) => c.definition) };
}
