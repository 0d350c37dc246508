// `npm run deploy-commands`: registers every command in commands/ with Discord — to DISCORD_DEV_GUILD_ID when
// set, else globally — and prints what it did. Its configuration is read as `npm start` reads it (.env, blank as
// unset, one list of problems; src/config-loader.ts), needing only the bot token and application id, so it runs
// before the Instagram and storage settings are filled in.
import { loadConfigOrExit } from '../src/config-loader.js';
import { createLogger } from '../src/log.js';
import { CommandLoadError, loadCommands } from '../src/discord/loader.js';
import { deployCommands } from '../src/discord/deploy.js';

const { config, env } = loadConfigOrExit({
  required: ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'],
  subject: 'npm run deploy-commands cannot run',
});
// Quiet unless asked: the one line below is what a person wants to see.
const log = createLogger({ level: env.LOG_LEVEL === undefined ? 'warn' : config.logLevel });
try {
  const commands = await loadCommands();
  const result = await deployCommands({
    // Both required above: loadConfigOrExit has exited without them.
    token: config.discord.token!,
    applicationId: config.discord.applicationId!,
    guildId: config.discord.devGuildId,
    apiUrl: config.discord.apiUrl,
    definitions: commands.definitions,
    log,
  });
  const where =
    result.scope === 'guild'
      ? `guild ${result.guildId} (visible now)`
      : 'all guilds (global; may take up to an hour to appear)';
  console.log(
    `Registered ${result.names.length} command(s) to ${where}: ${result.names.map((n) => `/${n}`).join(', ')}`,
  );
} catch (error) {
  if (error instanceof CommandLoadError) console.error(error.message);
  else console.error(`Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
