// `/command …`: what the person typed is read against igcord's registered definitions and sent to the Discord
// fake as the acting member's slash command in #general; igcord's answer is then followed and printed. A value
// ending with `?` in an autocomplete option (`/user profile user:mat?`) sends an autocomplete interaction instead,
// as typing into that option in Discord does, and prints igcord's suggestions; `option:?` on an option with
// fixed choices prints the choices.
import { InteractionResponseType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { ConsoleSession } from './console-session.js';
import { followAnswer } from './follow-answer.js';
import { parseSlashCommand, type ParsedSlashCommand } from './parse-slash-command.js';

export async function sendSlashCommand(session: ConsoleSession, line: string): Promise<void> {
  const parsed = parseSlashCommand(line, session.definitions, session.mentions);
  const refusal = notOffered(session, parsed.name);
  if (refusal) return session.say(refusal);
  if (parsed.choicesOf) {
    const { name, choices } = parsed.choicesOf;
    session.say(`Choices for ${name}:`);
    for (const c of choices) session.say(`  ${c.name}${String(c.value) === c.name ? '' : ` (${String(c.value)})`}`);
    return;
  }
  const input = {
    guildId: session.guild.guildId,
    channelId: session.channelId,
    userId: session.actorId,
    name: parsed.name,
    ...(parsed.subcommandGroup ? { subcommandGroup: parsed.subcommandGroup } : {}),
    ...(parsed.subcommand ? { subcommand: parsed.subcommand } : {}),
    options: parsed.options,
  };
  if (parsed.focused)
    return showSuggestions(
      session,
      parsed,
      session.discord.sendAutocomplete({ ...input, focused: parsed.focused.name, value: parsed.focused.value }),
    );
  await followAnswer(session, session.discord.sendCommand(input));
}

async function showSuggestions(
  session: ConsoleSession,
  parsed: ParsedSlashCommand,
  handle: ReturnType<ConsoleSession['discord']['sendAutocomplete']>,
): Promise<void> {
  const option = parsed.focused!.name;
  let response;
  try {
    response = await handle.firstResponse();
  } catch {
    return session.say(`igcord did not suggest anything for ${option} within Discord's 3 seconds (the logs say why).`);
  }
  const choices =
    response.type === InteractionResponseType.ApplicationCommandAutocompleteResult
      ? ((response.data as { choices?: { name: string; value: string | number }[] }).choices ?? [])
      : [];
  if (choices.length === 0) {
    return session.say(
      `No suggestions for ${option}${parsed.focused!.value === '' ? ' (type a few letters before the ?)' : ''}.`,
    );
  }
  session.say(`Suggestions for ${option} (type one as ${option}:<value>):`);
  for (const c of choices) session.say(`  ${String(c.value)}${c.name === String(c.value) ? '' : ` — ${c.name}`}`);
}

/** Discord's names for the permissions a command may require by default. */
const PERMISSION_NAMES: Partial<Record<keyof typeof PermissionFlagsBits, string>> = {
  ManageGuild: 'Manage Server',
  ManageWebhooks: 'Manage Webhooks',
  Administrator: 'Administrator',
};

/**
 * Discord does not offer a command to a member who lacks its default_member_permissions (igcord sets Manage
 * Server on /feed): the Discord fake refuses to send it, and the console says so in words.
 */
function notOffered(session: ConsoleSession, name: string): string | undefined {
  const definition = session.definitions.find((d) => d.name === name);
  const required = definition?.default_member_permissions;
  if (!required) return undefined;
  const needed = BigInt(required);
  const has = session.discord.permissionsFor(session.channelId, session.actorId);
  if ((has & needed) === needed) return undefined;
  const missing = (Object.entries(PermissionFlagsBits) as [keyof typeof PermissionFlagsBits, bigint][])
    .filter(([, bit]) => (needed & bit) === bit && (has & bit) !== bit)
    .map(([flag]) => PERMISSION_NAMES[flag] ?? flag);
  const who = session.actorId === session.personId ? 'you' : (session.names.user(session.actorId) ?? session.actorId);
  return `Discord does not offer /${name} to ${who}: it needs ${missing.join(' and ')}, which igcord asks for by default (a server admin can change that in Server Settings, Integrations).`;
}
