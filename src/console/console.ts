// The sandbox console: a person types slash commands as in Discord and sees igcord's answers. Each `/…` line is
// parsed against the commands igcord registered and sent to the Discord fake as the sandbox person in #general;
// the answer is printed readably, its buttons numbered for `press N`; a modal asks its fields one by one; the
// OAuth Link button is followed with `authorize <user>`, which completes the emulator's authorize form over HTTP.
// `watch #channel` prints messages as they arrive (feed posts); `post <user> [caption]` publishes media on the
// emulator, which notifies igcord as Instagram would. Input is read line by line, from a terminal or a pipe.
import { createInterface } from 'node:readline';
import { InteractionResponseType, MessageFlags, type APIMessage, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Sandbox } from '../sandbox.js';
import type { Logger } from '../log.js';
import { authorizeAs } from './authorize.js';
import { parseSlashCommand, SlashParseError, usage, type MentionResolver } from './parse-slash-command.js';
import { renderMessage, type ConsoleButton, type RenderNames } from './render-message.js';

export interface ConsoleOptions {
  sandbox: Pick<Sandbox, 'discord' | 'instagram' | 'guild' | 'personId'>;
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

interface ButtonRef extends ConsoleButton {
  messageId: string;
}

const CONSOLE_HELP = [
  'Console commands:',
  '  /<command> [subcommand] [option:value …]   run a slash command (values with spaces: quote them or just type on)',
  '  press N [value …]                          press button N of the last answer (values pick from a menu)',
  '  authorize <username>                       sign in on the Instagram emulator as that sandbox user (after /instagram link)',
  '  users                                      the seeded sandbox Instagram users',
  '  post <username> [caption]                  that user posts media on the emulator; followed feeds receive it',
  '  channels                                   the sandbox guild\'s channels',
  '  watch #channel | unwatch #channel          print new messages in a channel as they arrive',
  '  help                                       this list and every slash command',
  '  quit                                       stop igcord',
].join('\n');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isLoading = (m: APIMessage | undefined) => m !== undefined && ((m.flags ?? 0) & MessageFlags.Loading) !== 0;

export function startConsole(options: ConsoleOptions): SandboxConsole {
  const { sandbox, definitions, output, log } = options;
  const { discord, guild, personId } = sandbox;
  const admin = sandbox.instagram.admin;
  const answerTimeoutMs = options.answerTimeoutMs ?? 20_000;
  const general = guild.channels.general;
  if (!general) throw new Error('the sandbox guild has no #general channel');
  const channelId: string = general;

  const isTty = (output as { isTTY?: boolean }).isTTY === true && (options.input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input: options.input, output: isTty ? output : undefined, terminal: isTty });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string): void => {
    output.write(`${text}\n`);
  };

  const channelNames = new Map(Object.entries(guild.channels).map(([name, id]) => [id, name]));
  const roleNames = new Map(Object.entries(guild.roles).map(([name, id]) => [id, name]));
  const names: RenderNames = {
    user: (id) => (id === personId ? 'you' : id === discord.botUserId ? discord.botUser.username : undefined),
    channel: (id) => channelNames.get(id),
    role: (id) => roleNames.get(id),
  };
  const mentions: MentionResolver = {
    user(text) {
      const t = text.replace(/^<@!?|>$/g, '').replace(/^@/, '');
      if (['you', 'me', 'myself'].includes(t.toLowerCase())) return personId;
      if (t.toLowerCase() === discord.botUser.username.toLowerCase()) return discord.botUserId;
      return /^\d{17,20}$/.test(t) ? t : undefined;
    },
    channel(text) {
      const t = text.replace(/^<#|>$/g, '').replace(/^#/, '');
      return guild.channels[t] ?? (channelNames.has(t) ? t : undefined);
    },
    role(text) {
      const t = text.replace(/^<@&|>$/g, '').replace(/^@/, '');
      return guild.roles[t] ?? (roleNames.has(t) ? t : undefined);
    },
  };

  let buttons: ButtonRef[] = [];
  let oauthUrl: string | undefined;
  /** The interaction whose answer carried the Link button: its reply is edited once the callback has linked. */
  let linkingHandle: { handle: ReturnType<typeof discord.sendCommand>; shown: string } | undefined;
  const watches = new Map<string, NodeJS.Timeout>();
  let quitting = false;

  const readLine = async (prompt: string): Promise<string | undefined> => {
    output.write(prompt);
    const next = await lines.next();
    if (next.done) return undefined;
    if (!isTty) output.write('\n');
    return next.value;
  };

  function show(messages: APIMessage[]): void {
    buttons = [];
    for (const message of messages) {
      const rendered = renderMessage(message, names, { heading: 'igcord', startNumber: buttons.length + 1 });
      say(rendered.text);
      for (const b of rendered.buttons) {
        buttons.push({ ...b, messageId: message.id });
        if (b.url && /\/oauth\/authorize/.test(b.url)) oauthUrl = b.url;
      }
    }
    if (buttons.some((b) => b.url && /\/oauth\/authorize/.test(b.url))) {
      say('  (that button opens Instagram\'s sign-in page; type  authorize <username>  to sign in as a sandbox user — users lists them)');
    }
  }

  /** Waits for igcord's answer to an interaction and prints it; handles a modal by asking its fields. */
  async function follow(handle: ReturnType<typeof discord.sendCommand>, before?: { messageId: string; edited: string | null }): Promise<void> {
    let first;
    try {
      first = await handle.firstResponse();
    } catch {
      say('igcord did not acknowledge within Discord\'s 3 seconds (the logs say why).');
      return;
    }
    if (first.type === InteractionResponseType.Modal) return modal(first.data as ModalData);
    const deadline = Date.now() + answerTimeoutMs;
    for (;;) {
      const { original, followUps } = handle.replies();
      const answered =
        first.type === InteractionResponseType.DeferredMessageUpdate
          ? followUps.length > 0 || (original !== undefined && original.edited_timestamp !== before?.edited)
          : followUps.length > 0 || (original !== undefined && !isLoading(original));
      if (answered || Date.now() > deadline) {
        const shown = [original, ...followUps].filter((m): m is APIMessage => m !== undefined && !isLoading(m));
        if (shown.length === 0) say(answered ? 'igcord acknowledged without a message.' : 'igcord is still working on it (no answer yet).');
        show(shown);
        if (shown.some((m) => JSON.stringify(m.components ?? []).includes('/oauth/authorize'))) {
          linkingHandle = { handle, shown: JSON.stringify(original ?? null) };
        }
        return;
      }
      await sleep(50);
    }
  }

  interface ModalData {
    custom_id: string;
    title: string;
    components: { components: { custom_id: string; label: string; required?: boolean; placeholder?: string; value?: string }[] }[];
  }

  async function modal(data: ModalData): Promise<void> {
    say(`igcord opened a form: ${data.title}`);
    const fields: Record<string, string> = {};
    for (const row of data.components) {
      for (const input of row.components) {
        const prefilled = input.value ? ` [${input.value}; Enter keeps it]` : '';
        const answer = await readLine(`  ${input.label}${input.required === false ? ' (optional)' : ''}${prefilled}: `);
        if (answer === undefined) return;
        // As in Discord, a prefilled field left alone is submitted with its prefilled value.
        if (answer === '' && input.value) continue;
        fields[input.custom_id] = answer;
      }
    }
    await follow(discord.submitModal({ customId: data.custom_id, fields, userId: personId }));
  }

  async function slash(line: string): Promise<void> {
    const parsed = parseSlashCommand(line, definitions, mentions);
    const handle = discord.sendCommand({
      guildId: guild.guildId,
      channelId,
      userId: personId,
      name: parsed.name,
      ...(parsed.subcommandGroup ? { subcommandGroup: parsed.subcommandGroup } : {}),
      ...(parsed.subcommand ? { subcommand: parsed.subcommand } : {}),
      options: parsed.options,
    });
    await follow(handle);
  }

  async function press(args: string[]): Promise<void> {
    const number = Number(args[0]);
    const button = buttons.find((b) => b.number === number);
    const customId = button?.customId;
    if (!button) return say(buttons.length === 0 ? 'The last answer had no buttons.' : `Choose a number from 1 to ${buttons.length}.`);
    if (button.url) {
      if (/\/oauth\/authorize/.test(button.url)) return say('That is the Instagram sign-in link: type  authorize <username>  to use it.');
      return say(`That button is a link: ${button.url}`);
    }
    if (button.disabled || customId === undefined) return say('That button is disabled.');
    const message = discord.messages(channelId).find((m) => m.id === button.messageId);
    const before = { messageId: button.messageId, edited: message?.edited_timestamp ?? null };
    if (button.select) {
      const values = args.slice(1);
      if (values.length === 0) return say(`Give the value(s) to pick: ${button.select.options.map((o) => o.value).join(', ')}`);
      return follow(discord.selectMenu({ messageId: button.messageId, customId, values, userId: personId }), before);
    }
    await follow(discord.pressButton({ messageId: button.messageId, customId, userId: personId }), before);
  }

  async function authorize(args: string[]): Promise<void> {
    const username = args[0];
    const url = args[1] ?? oauthUrl;
    if (!username) return say('authorize <username> — users lists the sandbox users.');
    if (!url) return say('Run /instagram link first: its button carries the sign-in address.');
    const result = await authorizeAs(url, username);
    say(`Instagram emulator: signed in as ${username}; igcord's callback page (HTTP ${result.status}) says:`);
    say(result.page.split('\n').map((l) => `  ${l}`).join('\n'));
    // The ephemeral link reply is edited by the callback; show the new version when it comes.
    const linking = linkingHandle;
    if (linking) {
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const { original, followUps } = linking.handle.replies();
        if (JSON.stringify(original ?? null) !== linking.shown || followUps.length > 0) {
          show([original, ...followUps].filter((m): m is APIMessage => m !== undefined));
          linkingHandle = undefined;
          break;
        }
        await sleep(50);
      }
    }
  }

  function users(): void {
    say('Sandbox Instagram users (post as them with  post <username> [caption]):');
    for (const u of admin.users()) {
      say(`  ${String(u.username).padEnd(20)} ${String(u.full_name ?? '').padEnd(22)} id ${String(u.id)}${u.is_private ? '  (private)' : ''}`);
    }
  }

  function post(args: string[]): void {
    const [username, ...caption] = args;
    if (!username) return say('post <username> [caption]');
    const media = admin.postMedia(username, caption.length > 0 ? { caption: caption.join(' ') } : {});
    say(`${username} posted media ${String(media.id)} on the emulator; it notified igcord's webhook. Watch a feed channel to see it arrive.`);
  }

  function watch(args: string[], on: boolean): void {
    const id = args[0] ? mentions.channel(args[0]) : undefined;
    if (!id) return say(`${on ? 'watch' : 'unwatch'} #channel — channels: ${Object.keys(guild.channels).map((c) => `#${c}`).join(' ')}`);
    const name = channelNames.get(id) ?? id;
    const existing = watches.get(id);
    if (!on) {
      if (existing) clearInterval(existing);
      watches.delete(id);
      return say(`No longer watching #${name}.`);
    }
    if (existing) return say(`Already watching #${name}.`);
    const seen = new Set(discord.messages(id).map((m) => m.id));
    const timer = setInterval(() => {
      for (const message of discord.messages(id)) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        // Answers to the console's own commands are printed as answers already.
        if (message.interaction_metadata) continue;
        const author = message.author?.username ?? 'unknown';
        say(renderMessage(message, names, { heading: `#${name} — new message from ${author}` }).text.replace(/\n?$/, ''));
        // A post arriving while the person types: redraw the prompt and what they had typed so far.
        if (isTty) rl.prompt(true);
      }
    }, 250);
    timer.unref();
    watches.set(id, timer);
    say(`Watching #${name}: new messages will be printed as they arrive.`);
  }

  function channels(): void {
    for (const [name, id] of Object.entries(guild.channels)) say(`  #${name.padEnd(20)} ${id}${watches.has(id) ? '  (watching)' : ''}`);
  }

  function help(): void {
    say(CONSOLE_HELP);
    say('Slash commands:');
    for (const definition of definitions) for (const line of usage(definition)) say(`  ${line}`);
  }

  async function handleLine(raw: string): Promise<void> {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('/')) return slash(line);
    const [word, ...args] = line.split(/\s+/);
    switch (word!.toLowerCase()) {
      case 'help':
      case '?':
        return help();
      case 'press':
        return press(args);
      case 'authorize':
        return authorize(args);
      case 'users':
        return users();
      case 'post':
        return post(args);
      case 'channels':
        return channels();
      case 'watch':
        return watch(args, true);
      case 'unwatch':
        return watch(args, false);
      case 'quit':
      case 'exit':
        quitting = true;
        return;
      default:
        say(`Unknown command "${word}". Type help.`);
    }
  }

  const close = () => {
    for (const timer of watches.values()) clearInterval(timer);
    watches.clear();
    rl.close();
  };

  rl.on('SIGINT', () => {
    quitting = true;
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
        await handleLine(next.value);
      } catch (error) {
        if (error instanceof SlashParseError || (error instanceof Error && ['FakeUsageError', 'AuthorizeError', 'AdminError'].includes(error.name))) {
          say(`✗ ${error.message}`);
        } else {
          log.error({ err: error }, 'console command failed');
          say(`✗ ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (quitting) {
        close();
        options.onQuit();
        return;
      }
    }
    if (!quitting) say('Console input ended; igcord keeps running. Stop it with Ctrl-C or SIGTERM.');
  })();

  return { done, close };
}
