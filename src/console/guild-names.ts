// How the console names things of the sandbox guild: ids become `you`, the bot's name, `#channel` and `@role`
// when a message is printed, and what a person types for user, channel and role options (`@you`, `#instagram`,
// `@admin`, or a raw id) becomes the id Discord would send.
import type { Sandbox } from '../sandbox.js';
import type { MentionResolver } from './parse-slash-command.js';
import type { RenderNames } from './render-message.js';

export interface GuildNames {
  names: RenderNames;
  mentions: MentionResolver;
  /** Channel id → name. */
  channelNames: Map<string, string>;
}

export function guildNames(sandbox: Pick<Sandbox, 'discord' | 'guild' | 'personId'>): GuildNames {
  const { discord, guild, personId } = sandbox;
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
  return { names, mentions, channelNames };
}
