// The console's own commands, beside slash commands: their help text, and the table that sends each typed line
// to its handler (a `/…` line is a slash command; anything else is looked up by its first word).
import type { ConsoleSession } from './console-session.js';
import { authorizeCommand } from './authorize-command.js';
import { listChannels, watchChannel } from './channel-commands.js';
import { listUsers, postMedia } from './instagram-user-commands.js';
import { usage } from './parse-slash-command.js';
import { pressButton } from './press-button.js';
import { sendSlashCommand } from './send-slash-command.js';

export const CONSOLE_HELP = [
  'Console commands:',
  '  /<command> [subcommand] [option:value …]   run a slash command (values with spaces: quote them or just type on)',
  '  press N [value …]                          press button N of the last answer (values pick from a menu)',
  '  authorize <username>                       confirm on Discord as you, then sign in on Instagram as that sandbox user (after /instagram link)',
  '  users                                      the seeded sandbox Instagram users',
  '  post <username> [caption]                  that user posts media on the emulator; followed feeds receive it',
  '  channels                                   the sandbox guild\'s channels',
  '  watch #channel | unwatch #channel          print new messages in a channel as they arrive',
  '  help                                       this list and every slash command',
  '  quit                                       stop igcord',
].join('\n');

type ConsoleCommand = (session: ConsoleSession, args: string[]) => void | Promise<void>;

function help(session: ConsoleSession): void {
  session.say(CONSOLE_HELP);
  session.say('Slash commands:');
  for (const definition of session.definitions) for (const line of usage(definition)) session.say(`  ${line}`);
}

function quit(session: ConsoleSession): void {
  session.quitting = true;
}

// A Map, not an object literal: a typed word such as `constructor` must not find a prototype property.
const COMMANDS = new Map<string, ConsoleCommand>([
  ['help', help],
  ['?', help],
  ['press', pressButton],
  ['authorize', authorizeCommand],
  ['users', listUsers],
  ['post', postMedia],
  ['channels', listChannels],
  ['watch', (session, args) => watchChannel(session, args, true)],
  ['unwatch', (session, args) => watchChannel(session, args, false)],
  ['quit', quit],
  ['exit', quit],
]);

/** Runs one typed line; a blank line does nothing. */
export async function handleConsoleLine(session: ConsoleSession, raw: string): Promise<void> {
  const line = raw.trim();
  if (line === '') return;
  if (line.startsWith('/')) return sendSlashCommand(session, line);
  const [word, ...args] = line.split(/\s+/);
  const command = COMMANDS.get(word!.toLowerCase());
  if (!command) return session.say(`Unknown command "${word}". Type help.`);
  return command(session, args);
}
