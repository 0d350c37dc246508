// `GET /oauth/callback`, where Instagram sends the browser back after /instagram link. The state is taken (single
// use) before anything else, so a forged, expired or replayed state never exchanges a code; then a cancel is
// recorded as such, or the code is exchanged, the token stored encrypted, and the browser shown which Instagram
// account was linked to which Discord user. The ephemeral reply that carried the link is edited to say the same
// (best effort: the page does not depend on Discord). Also home of `saveLink`, which the paste-a-token modal uses
// too, so both ways of linking store and resume the same way.
import { Routes, type Client } from 'discord.js';
import { z } from 'zod';
import { plain } from '../discord/embeds/text.js';
import type { InstagramClient } from '../instagram/client.js';
import { InstagramError, InstagramOAuthError, InstagramRateLimitError } from '../instagram/errors.js';
import type { Logger } from '../log.js';
import type { Account, LinkInput, OAuthState, Storage } from '../storage/index.js';
import { ValidationError, validate } from '../util/validate.js';
import type { HttpResponse } from './http-response.js';
import { renderOAuthPage } from './pages/oauth-page.js';
import { route, type Route } from './router.js';

/** The reason a feed carries while its owner has no link; `saveLink` resumes exactly these feeds. */
export const UNLINKED_PAUSE_REASON = 'Paused because its owner unlinked their Instagram account; it resumes when they link that account again.';

/** How long the callback waits on Discord (editing the reply, the user's name) before answering the browser anyway. */
const DISCORD_BOUND_MS = 5000;

export interface OAuthCallbackOptions {
  storage: Storage;
  instagram: InstagramClient;
  /** The bot's client: its REST edits the ephemeral reply through the interaction webhook, its user cache names the user. */
  discord: Pick<Client, 'rest' | 'users'>;
  log: Logger;
}

/**
 * Stores a link and resumes the feeds that were paused when this user unlinked the same Instagram account (feeds
 * of another account, or paused by an admin or for another reason, stay as they are).
 */
export async function saveLink(storage: Storage, input: LinkInput, log: Logger): Promise<{ account: Account; resumedFeeds: number }> {
  const account = await storage.accounts.link(input);
  let resumedFeeds = 0;
  for (const feed of await storage.feeds.listByOwner(account.discordUserId)) {
    if (feed.state === 'paused' && feed.stateReason === UNLINKED_PAUSE_REASON && feed.ownerInstagramUserId === account.instagramUserId) {
      await storage.feeds.setState(feed.id, 'active');
      resumedFeeds += 1;
    }
  }
  log.info({ instagramUserId: account.instagramUserId, resumedFeeds }, 'Instagram account linked');
  return { account, resumedFeeds };
}

/** What the ephemeral link reply says once the account is linked. */
export function linkedReplyContent(username: string, resumedFeeds: number): string {
  const resumed = resumedFeeds === 0 ? '' : ` ${resumedFeeds === 1 ? 'One paused feed' : `${resumedFeeds} paused feeds`} of this account resumed.`;
  return `Linked Instagram account **${plain(`@${username}`)}** to your Discord account.${resumed} Try \`/instagram me\`.`;
}

// One value per parameter: a repeated parameter is refused rather than one of its values picked silently.
const callbackQuerySchema = z.object({
  state: z.string().min(1).max(200),
  code: z.string().min(1).max(512).optional(),
  error: z.string().min(1).max(100).optional(),
});

export function createOAuthCallback(options: OAuthCallbackOptions): { routes: Route[] } {
  const { storage, instagram, discord } = options;
  const log = options.log.child({ component: 'oauth-callback' });

  /** Edits the reply that carried the link button; never throws, never logs the interaction token. */
  async function editLinkReply(state: OAuthState, content: string): Promise<void> {
    if (state.applicationId === undefined || state.interactionToken === undefined) return;
    try {
      await discord.rest.patch(Routes.webhookMessage(state.applicationId, state.interactionToken, '@original'), {
        body: { content, components: [], embeds: [], allowed_mentions: { parse: [] } },
        auth: false,
        signal: AbortSignal.timeout(DISCORD_BOUND_MS),
      });
    } catch (error) {
      // Expired after 15 minutes, or Discord down: the browser page already says everything. The error's URL
      // holds the interaction token, so only its name and codes are logged.
      const fields = error as { name?: string; status?: number; code?: number | string };
      log.warn({ errorName: fields.name, status: fields.status, discordCode: fields.code }, 'could not edit the link reply in Discord');
    }
  }

  async function discordName(discordUserId: string): Promise<string | undefined> {
    try {
      const user = await Promise.race([
        discord.users.fetch(discordUserId),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), DISCORD_BOUND_MS).unref()),
      ]);
      return user.globalName ?? user.username;
    } catch {
      return undefined;
    }
  }

  async function handle(url: URL): Promise<HttpResponse> {
    const raw: Record<string, string> = {};
    for (const name of ['state', 'code', 'error'] as const) {
      const values = url.searchParams.getAll(name);
      if (values.length > 1) return invalidRequest();
      if (values[0] !== undefined) raw[name] = values[0];
    }
    let query: z.output<typeof callbackQuerySchema>;
    try {
      query = validate(callbackQuerySchema, raw, 'OAuth callback query');
    } catch (error) {
      if (error instanceof ValidationError) return invalidRequest();
      throw error;
    }

    // The state first: whatever else the request carries is not looked at unless igcord made this state.
    const taken = await storage.oauthStates.take(query.state);
    if (!taken.ok) {
      log.info({ reason: taken.reason }, 'OAuth callback refused: bad state');
      return taken.reason === 'expired'
        ? page(400, 'error', 'state-expired', 'This link has expired', [
            'Links from /instagram link work for 10 minutes and only once. Run /instagram link in Discord again to get a new one.',
          ])
        : page(400, 'error', 'state-invalid', 'This link is not valid', [
            // Backends drop a state once its TTL passes, so an expired link usually arrives here as unknown.
            'It has expired (links work for 10 minutes), it was already used, or it did not come from igcord. Nothing was linked.',
            'Run /instagram link in Discord to get a new link.',
          ]);
    }
    const state = taken.state;

    if (query.error !== undefined) {
      log.info({ instagramError: query.error }, 'OAuth callback: the user did not authorize');
      await editLinkReply(state, 'Linking was cancelled on Instagram; nothing was linked. Run `/instagram link` to try again.');
      return query.error === 'access_denied'
        ? page(200, 'cancelled', 'cancelled', 'You cancelled linking', [
            'You chose not to give igcord access to your Instagram account, so nothing was linked.',
            'To link later, run /instagram link in Discord again.',
          ])
        : page(400, 'error', 'instagram-error', 'Instagram did not complete the sign-in', [
            'Instagram sent the browser back with an error instead of a sign-in code. Nothing was linked. Run /instagram link in Discord to try again.',
          ]);
    }
    if (query.code === undefined) {
      await editLinkReply(state, 'Linking did not complete (Instagram sent no sign-in code). Run `/instagram link` to try again.');
      return page(400, 'error', 'missing-code', 'Instagram sent no sign-in code', [
        'Nothing was linked. Run /instagram link in Discord to try again.',
      ]);
    }

    let exchanged: Awaited<ReturnType<InstagramClient['oauth']['exchangeCode']>>;
    try {
      exchanged = await instagram.oauth.exchangeCode(query.code);
    } catch (error) {
      const failure = exchangeFailure(error);
      if (failure === undefined) throw error;
      log.warn({ errorName: (error as Error).name, instagramType: (error as InstagramError).type }, 'OAuth code exchange failed');
      await editLinkReply(state, `Linking failed: ${failure.paragraphs[0]} Run \`/instagram link\` to try again.`);
      return renderOAuthPage(failure);
    }

    const { account, resumedFeeds } = await saveLink(
      storage,
      {
        discordUserId: state.discordUserId,
        instagramUserId: exchanged.user.id,
        username: exchanged.user.username,
        // Instagram grants exactly the scopes the authorize page asked for (all or nothing).
        scopes: state.scopes,
        accessToken: exchanged.access_token,
      },
      log,
    );
    const [name] = await Promise.all([discordName(account.discordUserId), editLinkReply(state, linkedReplyContent(account.username, resumedFeeds))]);
    const who = name === undefined ? `your Discord account (user id ${account.discordUserId})` : `Discord user ${name} (user id ${account.discordUserId})`;
    return page(200, 'success', 'linked', `Linked @${account.username}`, [
      `Instagram account @${account.username} is now linked to ${who}.`,
      `igcord may use: ${account.scopes.join(', ')}. The access token is stored encrypted and only used for your own commands and feeds.`,
    ]);
  }

  return { routes: [route('GET', '/oauth/callback', ({ url }) => handle(url))] };
}

function page(status: number, tone: 'success' | 'cancelled' | 'error', outcome: string, title: string, paragraphs: string[]): HttpResponse {
  return renderOAuthPage({ status, tone, outcome, title, paragraphs });
}

function invalidRequest(): HttpResponse {
  return page(400, 'error', 'state-invalid', 'This link is not valid', [
    'The address is incomplete or malformed. Nothing was linked. Run /instagram link in Discord to get a new link.',
  ]);
}

/** The page for a failed exchange, or undefined for an error that is not Instagram's (a bug: the server's 500). */
function exchangeFailure(error: unknown) {
  const base = { tone: 'error' as const };
  if (error instanceof InstagramRateLimitError) {
    return { ...base, status: 503, outcome: 'rate-limited', title: 'Instagram is busy', paragraphs: ['Too many sign-ins are being completed right now; wait a few minutes.', 'Nothing was linked.'] };
  }
  if (error instanceof InstagramOAuthError) {
    return { ...base, status: 400, outcome: 'exchange-refused', title: 'Instagram refused the sign-in code', paragraphs: ['Instagram did not accept the sign-in code (it expires quickly and works once).', 'Nothing was linked.'] };
  }
  if (error instanceof InstagramError) {
    return { ...base, status: 502, outcome: 'instagram-unavailable', title: 'Instagram is not answering', paragraphs: ['Instagram did not answer properly while completing the sign-in.', 'Nothing was linked.'] };
  }
  return undefined;
}
