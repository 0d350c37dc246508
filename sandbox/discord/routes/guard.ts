// The bot-permission checks REST routes apply before acting, as Discord does: a channel the bot cannot see is
// 403 50001 Missing Access; a visible channel where a required permission is missing is 403 50013 Missing
// Permissions. Both are computed from roles and overwrites (permissions.ts), never configured per test.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { missingAccess, missingPermissions } from '../errors.js';
import type { FakeState } from '../state.js';

export function requireBotPermissions(state: FakeState, channelId: string, required: bigint): void {
  const granted = state.permissionsIn(channelId, state.botUser.id);
  if ((granted & PermissionFlagsBits.ViewChannel) === 0n) throw missingAccess();
  if ((granted & required) !== required) throw missingPermissions();
}
