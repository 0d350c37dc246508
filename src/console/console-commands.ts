// The console's own commands, beside slash commands: their help text, and the table that sends each typed line
// to its handler (a `/…` line is a slash command; anything else is looked up by its first word).
import type { ConsoleSession } from './console-session.js';
import { authorizeCommand } from './authorize-command.js';
import { listChannels, watchChannel } from './channel-commands.js';
import { deleteChannel, listMembers, listRoles, setBotPermission } from './guild-commands.js';
import { listUsers, postMedia } from './instagram-user-commands.js';
import { usage } from './parse-slash-command.js';
import { pressButton } from './press-button.js';
import { sendSlashCommand } from './send-slash-command.js';

export const CONSOLE_HELP = [
  'Console commands:',
  '  /<command> [subcommand] [option:value …] — run a slash command (values with spaces: quote them or just type on)',
  '  /<command> … option:text? — an option value that ends with ? asks igcord for suggestions (option:? lists fixed choices)',
  '  press N [value …] — press button N of the last answer (values pick from a menu)',
  '  authorize <username> — confirm on Discord as you, then sign in on Instagram as that sandbox user (after /instagram link)',
  '  users — the seeded sandbox Instagram users',
  '  post <username> [caption] — that user posts media on the emulator; followed feeds receive it',
  "  channels — the sandbox guild's channels",
  "  roles — the guild's roles and whether each can be mentioned",
  "  members — the guild's members and who has Manage Server",
  '  as <member> /command … — run a command (or press) as another member, e.g. as sam /feed list',
  '  watch #channel | unwatch #channel — print new messages in a channel as they arrive',
  '  delete-channel #channel — delete a channel, as an admin would (its feeds are disabled with a reason)',
  '  deny #channel <permission> | allow #channel <permission> — take a permission from igcord in one channel, or give it back',
  '  help — this list and every slash command',
  '  quit — stop igcord',
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

/** `as <member> <line>`: runs one line as that member, then goes back to acting as the person. */
async function actAs(session: ConsoleSession, args: string[]): Promise<void> {
  const [name, ...rest] = args;
  const userId = name ? session.mentions.user(name) : undefined;
  if (!userId || !session.discord.members(session.guild.guildId).some((m) => m.user.id === userId)) {
    return session.say(`as <member> /command …; members lists them${name ? ` (there is no member "${name}")` : ''}.`);
  }
  if (rest.length === 0 || rest[0]!.toLowerCase() === 'as')
    return session.say(`Give the line to run as ${name}, e.g. as ${name} /feed list`);
  const previous = session.actorId;
  session.actorId = userId;
  try {
    await handleConsoleLine(session, rest.join(' '));
  } finally {
    session.actorId = previous;
  }
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
  ['roles', listRoles],
  ['members', listMembers],
  ['as', actAs],
  ['delete-channel', deleteChannel],
  ['deny', (session, args) => setBotPermission(session, args, false)],
  ['allow', (session, args) => setBotPermission(session, args, true)],
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
  // `as` keeps the rest of the line as typed (quotes and spacing matter to a slash command).
  const asLine = /^as\s+(\S+)\s+([\s\S]+)$/i.exec(line);
  if (asLine) return actAs(session, [asLine[1]!, asLine[2]!]);
  const [word, ...args] = line.split(/\s+/);
  const command = COMMANDS.get(word!.toLowerCase());
  if (!command) return session.say(`Unknown command "${word}". Type help.`);
  return command(session, args);
}
