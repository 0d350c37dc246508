// `npm run deploy-commands`: registers every command in commands/ with Discord — to DISCORD_DEV_GUILD_ID when
// set, else globally — and prints what it did. Reads only the Discord variables it needs, checked by zod, so it
// runs without the Instagram and storage settings the bot itself requires.
import { z } from 'zod';
import { createLogger } from '../src/log.js';
import { validate, ValidationError } from '../src/util/validate.js';
import { CommandLoadError, loadCommands } from '../src/discord/loader.js';
import { deployCommands } from '../src/discord/deploy.js';

const snowflake = z.string().regex(/^\d{17,20}$/, { error: 'expected a Discord id (17 to 20 digits)' });
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const environment = z.object({
  DISCORD_TOKEN: z.string({ error: 'missing; the bot token from the Discord developer portal' }).min(1),
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_DEV_GUILD_ID: z.preprocess(blank, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(blank, z.url({ protocol: /^https?$/ }).optional()),
});

const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
try {
  const env = validate(environment, process.env, 'the environment');
  const commands = await loadCommands();
  const result = await deployCommands({
    token: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    guildId: env.DISCORD_DEV_GUILD_ID,
    apiUrl: env.DISCORD_API_URL?.replace(/\/+$/, ''),
    definitions: commands.definitions,
    log,
  });
  const where = result.scope === 'guild' ? `guild ${result.guildId} (visible now)` : 'all guilds (global; may take up to an hour to appear)';
  console.log(`Registered ${result.names.length} command(s) to ${where}: ${result.names.map((n) => `/${n}`).join(', ')}`);
} catch (error) {
  if (error instanceof ValidationError || error instanceof CommandLoadError) console.error(error.message);
  else console.error(`Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
