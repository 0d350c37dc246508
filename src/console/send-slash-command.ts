// `/command …`: what the person typed is read against igcord's registered definitions and sent to the Discord
// fake as the sandbox person's slash command in #general; igcord's answer is then followed and printed.
import type { ConsoleSession } from './console-session.js';
import { followAnswer } from './follow-answer.js';
import { parseSlashCommand } from './parse-slash-command.js';

export async function sendSlashCommand(session: ConsoleSession, line: string): Promise<void> {
  const parsed = parseSlashCommand(line, session.definitions, session.mentions);
  const handle = session.discord.sendCommand({
    guildId: session.guild.guildId,
    channelId: session.channelId,
    userId: session.personId,
    name: parsed.name,
    ...(parsed.subcommandGroup ? { subcommandGroup: parsed.subcommandGroup } : {}),
    ...(parsed.subcommand ? { subcommand: parsed.subcommand } : {}),
    options: parsed.options,
  });
  await followAnswer(session, handle);
}
