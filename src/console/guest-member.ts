// The sandbox guild's second member, `sam`, who has no role and so no Manage Server: acting as them (`as sam /…`)
// shows what igcord and Discord refuse to a member who is not an admin. Added to the Discord fake when the console
// starts, as a person joining the server would be, unless the guild already has a member of that name.
import type { Sandbox } from '../sandbox.js';

export const GUEST_USERNAME = 'sam';

export function ensureGuestMember(sandbox: Pick<Sandbox, 'discord' | 'guild'>): string {
  const { discord, guild } = sandbox;
  const existing = discord.members(guild.guildId).find((m) => m.user.username === GUEST_USERNAME);
  if (existing) return existing.user.id;
  const user = discord.createUser({ username: GUEST_USERNAME, globalName: 'Sam' });
  discord.addMember(guild.guildId, user.id);
  return user.id;
}
