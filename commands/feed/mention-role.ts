// Which role a feed may mention. A role that is not mentionable can be pinged only by someone with Mention
// Everyone (Discord's rule for members: support.discord.com "Role Management 101"); a feed that mentions it with
// each post would let an admin without that permission ping the whole role through the bot, which may have it.
// So such a role is refused as a feed's mention unless the member asking has Mention Everyone themselves.
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import { UserFacingError } from '../../src/discord/errors.js';
import type { RoleValue } from '../../src/discord/typed-options.js';
import { text } from '../../src/i18n/i18n.js';

/** Refuses `role` as a feed mention when it is not mentionable and the member lacks Mention Everyone. */
export function requireMentionableRole(interaction: BaseInteraction, role: RoleValue): void {
  const mentionable = 'mentionable' in role ? role.mentionable : false;
  if (mentionable) return;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.MentionEveryone)) return;
  throw new UserFacingError(
    'feeds.mention-not-allowed',
    text('feedManage.mentionRole.notMentionable', { role: `<@&${role.id}>` }),
  );
}
