// `channels`, `watch #channel` and `unwatch #channel`: the sandbox guild's channels, and printing a channel's new
// messages as they arrive (feed posts) by looking at the Discord fake a few times a second.
import type { ConsoleSession } from './console-session.js';
import { renderMessage } from './render-message.js';

export function listChannels(session: ConsoleSession): void {
  for (const [name, id] of session.channels) {
    session.say(`  #${name} (id ${id})${session.watches.has(id) ? ', watching' : ''}`);
  }
}

export function watchChannel(session: ConsoleSession, args: string[], on: boolean): void {
  const { discord, watches, say } = session;
  const id = args[0] ? session.mentions.channel(args[0]) : undefined;
  if (!id)
    return say(
      `${on ? 'watch' : 'unwatch'} #channel — channels: ${[...session.channels.keys()].map((c) => `#${c}`).join(' ')}`,
    );
  const name = session.channelNames.get(id) ?? id;
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
      say(
        renderMessage(message, session.names, { heading: `#${name} — new message from ${author}` }).text.replace(
          /\n?$/,
          '',
        ),
      );
      // A post arriving while the person types: redraw the prompt and what they had typed so far.
      session.redrawPrompt();
    }
  }, 250);
  timer.unref();
  watches.set(id, timer);
  say(`Watching #${name}: new messages will be printed as they arrive.`);
}
