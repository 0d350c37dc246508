// How the console names things of the sandbox guild: ids become `you`, a member's username, `#channel` and
// `@role` when a message is printed, and what a person types for user, channel and role options (`@you`, `@sam`,
// `#instagram`, `@admin`, or a raw id) becomes the id Discord would send. Members and roles are read from the
// Discord fake when asked, so a member added later is named too; a deleted channel keeps its name for printing
// but can no longer be typed.
import type { Sandbox } from '../sandbox.js';
import type { MentionResolver } from './parse-slash-command.js';
import type { RenderNames } from './render-message.js';

export interface GuildNames {
  names: RenderNames;
  mentions: MentionResolver;
  /** Channel id → name, deleted channels included (messages may still mention them). */
  channelNames: Map<string, string>;
  /** Channel name → id of the channels that exist; `delete-channel` removes one. */
  channels: Map<string, string>;
}

export function guildNames(sandbox: Pick<Sandbox, 'discord' | 'guild' | 'personId'>): GuildNames {
  const { discord, guild, personId } = sandbox;
  const channels = new Map(Object.entries(guild.channels));
  const channelNames = new Map([...channels].map(([name, id]) => [id, name]));
  const roleNames = () => new Map(discord.roles(guild.guildId).map((r) => [r.id, r.name.replace(/^@/, '')]));
  const members = () => discord.members(guild.guildId);
  const names: RenderNames = {
    user: (id) => (id === personId ? 'you' : members().find((m) => m.user.id === id)?.user.username),
    channel: (id) => channelNames.get(id),
    role: (id) => roleNames().get(id),
  };
  const mentions: MentionResolver = {
    user(text) {
      const t = text
        .replace(/^<@!?|>$/g, '')
        .replace(/^@/, '')
        .toLowerCase();
      if (['you', 'me', 'myself'].includes(t)) return personId;
      const member = members().find((m) => m.user.username.toLowerCase() === t);
      if (member) return member.user.id;
      return /^\d{17,20}$/.test(t) ? t : undefined;
    },
    channel(text) {
      const t = text.replace(/^<#|>$/g, '').replace(/^#/, '');
      return channels.get(t) ?? ([...channels.values()].includes(t) ? t : undefined);
    },
    role(text) {
      const t = text.replace(/^<@&|>$/g, '').replace(/^@/, '');
      for (const [id, name] of roleNames()) if (name === t || id === t) return id;
      return undefined;
    },
  };
  return { names, mentions, channelNames, channels };
}
