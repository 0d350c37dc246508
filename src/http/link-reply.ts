// Edits the ephemeral reply that carried a link's button, so the person sees in Discord how the link ended. Best
// effort: the browser's page already says everything, so this never throws and waits on Discord for a bounded
// time. The interaction token it uses is a secret for 15 minutes and is never logged.
import { Routes, type Client } from 'discord.js';
import type { Logger } from '../log.js';
import type { OAuthState } from '../storage/index.js';

/** How long an edit waits on Discord before the browser is answered anyway. */
export const DISCORD_BOUND_MS = 5000;

export type LinkReplyEditor = (state: OAuthState, content: string) => Promise<void>;

export function createLinkReplyEditor(discord: Pick<Client, 'rest'>, log: Logger): LinkReplyEditor {
  return async (state, content) => {
    if (state.applicationId === undefined || state.interactionToken === undefined) return;
    try {
      await discord.rest.patch(Routes.webhookMessage(state.applicationId, state.interactionToken, '@original'), {
        body: { content, components: [], embeds: [], allowed_mentions: { parse: [] } },
        auth: false,
        signal: AbortSignal.timeout(DISCORD_BOUND_MS),
      });
    } catch (error) {
      // Expired after 15 minutes, or Discord down. The error's URL holds the interaction token, so only its
      // name and codes are logged.
      const fields = error as { name?: string; status?: number; code?: number | string };
      log.warn(
        { errorName: fields.name, status: fields.status, discordCode: fields.code },
        'could not edit the link reply in Discord',
      );
    }
  };
}
