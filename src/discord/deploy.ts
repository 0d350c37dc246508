// Registers igcord's slash commands with Discord: to one guild when a development guild is given (changes show
// at once there), else globally (Discord may take up to an hour to show them everywhere). One bulk overwrite, so
// commands removed from commands/ disappear from Discord too.
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from '../log.js';

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** Register to this guild only; global when undefined. */
  guildId?: string | undefined;
  /** REST base without the version (the fake's, in tests). */
  apiUrl?: string | undefined;
  definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  log: Logger;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId: string | undefined;
  /** Names as Discord now has them. */
  names: string[];
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const { applicationId, guildId, definitions, log } = options;
  const rest = new REST({ ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }), timeout: 15_000 }).setToken(
    options.token,
  );
  const route =
    guildId === undefined
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, guildId);
  const registered = (await rest.put(route, { body: definitions })) as { name: string }[];
  const result: DeployResult = {
    scope: guildId === undefined ? 'global' : 'guild',
    guildId,
    names: registered.map((c) => c.name).sort(),
  };
  log.info(result, 'slash commands registered');
  return result;
}
