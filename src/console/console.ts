// The sandbox console: a person types slash commands as in Discord and sees igcord's answers. Each `/…` line is
// parsed against the commands igcord registered and sent to the Discord fake as the sandbox person in #general;
// the answer is printed readably, its buttons numbered for `press N`; a modal asks its fields one by one; the
// OAuth Link button is followed with `authorize <user>`, which completes the emulator's authorize form over HTTP.
// `watch #channel` prints messages as they arrive (feed posts); `post <user> [caption]` publishes media on the
// emulator, which notifies igcord as Instagram would. Input is read line by line, from a terminal or a pipe.
//
// This file owns the input loop, its errors and shutdown; console-commands.ts sends each line to its handler,
// and follow-answer.ts waits for igcord's answers and prints them.
import { createInterface } from 'node:readline';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Sandbox } from '../sandbox.js';
import type { Logger } from '../log.js';
import { handleConsoleLine } from './console-commands.js';
import type { ConsoleSession } from './console-session.js';
import { createFollowUpWatch, stopFollowUps } from './follow-ups.js';
import { ensureGuestMember } from './guest-member.js';
import { guildNames } from './guild-names.js';
import { SlashParseError } from './parse-slash-command.js';

export interface ConsoleOptions {
  sandbox: Pick<Sandbox, 'discord' | 'people' | 'guild' | 'personId'>;
  /** The command definitions igcord registered (`app.bot.commands.definitions`). */
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  log: Logger;
  /** Called on `quit` and Ctrl-C: the caller shuts igcord down. */
  onQuit(): void;
  /** How long to wait for an answer to a command or a button; default 20 s. */
  answerTimeoutMs?: number | undefined;
}

export interface SandboxConsole {
  /** Resolves when input ends or `quit` is typed. */
  done: Promise<void>;
  close(): void;
}

export function startConsole(options: ConsoleOptions): SandboxConsole {
  const { sandbox, definitions, output, log } = options;
  const { discord, guild, personId } = sandbox;
  ensureGuestMember(sandbox);
  const general = guild.channels.general;
  if (!general) throw new Error('the sandbox guild has no #general channel');

  const isTty = (output as { isTTY?: boolean }).isTTY === true && (options.input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input: options.input, output: isTty ? output : undefined, terminal: isTty });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string): void => {
    output.write(`${text}\n`);
  };

  const session: ConsoleSession = {
    discord,
    people: sandbox.people,
    guild,
    personId,
    actorId: personId,
    channelId: general,
    definitions,
    ...guildNames(sandbox),
    answerTimeoutMs: options.answerTimeoutMs ?? 20_000,
    say,
    readLine: async (prompt) => {
      output.write(prompt);
      const next = await lines.next();
      if (next.done) return undefined;
      if (!isTty) output.write('\n');
      return next.value;
    },
    redrawPrompt: () => {
      if (isTty) rl.prompt(true);
    },
    buttons: [],
    oauthUrl: undefined,
    linkingHandle: undefined,
    watches: new Map(),
    followUps: createFollowUpWatch(),
    quitting: false,
  };

  const close = () => {
    for (const timer of session.watches.values()) clearInterval(timer);
    session.watches.clear();
    stopFollowUps(session.followUps);
    rl.close();
  };

  rl.on('SIGINT', () => {
    session.quitting = true;
    close();
    options.onQuit();
  });

  const done = (async () => {
    if (isTty) rl.setPrompt('igcord> ');
    for (;;) {
      if (isTty) rl.prompt();
      const next = await lines.next();
      if (next.done) break;
      try {
        await handleConsoleLine(session, next.value);
      } catch (error) {
        if (isPersonsMistake(error)) {
          say(`✗ ${error.message}`);
        } else {
          log.error({ err: error }, 'console command failed');
          say(`✗ ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (session.quitting) {
        close();
        options.onQuit();
        return;
      }
    }
    if (!session.quitting) say('Console input ended; igcord keeps running. Stop it with Ctrl-C or SIGTERM.');
  })();

  return { done, close };
}

/**
 * A line the person can fix (a typo, a name that does not exist, what Discord would not let them do): answered in
 * the console and not logged, since it is nobody's incident. The emulator's admin refusals carry a 4xx status.
 */
function isPersonsMistake(error: unknown): error is Error {
  if (error instanceof SlashParseError) return true;
  if (!(error instanceof Error)) return false;
  if (['FakeUsageError', 'AuthorizeError', 'AdminError'].includes(error.name)) return true;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
