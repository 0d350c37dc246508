// `GET /oauth/callback`, where Instagram sends the browser back after /instagram link. The state is taken (single
// use) before anything else, so a forged, expired or replayed state never exchanges a code; it must be an
// `instagram` state (made once Discord proved who the browser's person is, see link-page.ts) and the browser must
// bring the cookie nonce that state was made for, so a link forwarded to someone else never exchanges their code.
// Then a cancel is recorded as such, or the code is exchanged, the token stored encrypted, and the browser shown
// which Instagram account was linked to which Discord user. The ephemeral reply that carried the link is edited to
// say the same (best effort: the page does not depend on Discord). Storing the link is `saveLink`
// (src/accounts/link.ts), which the paste-a-token modal uses too.
import type { IncomingMessage } from 'node:http';
import type { Client } from 'discord.js';
import { z } from 'zod';
import { plain } from '../discord/embeds/text.js';
import {
  InstagramError,
  InstagramOAuthError,
  InstagramRateLimitError,
  LinkRefusedError,
  type AccountLinker,
  type LinkExchange,
} from '../core/index.js';
import { linkedReplyContent, saveLink } from '../accounts/link.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/index.js';
import type { HttpResponse } from './http-response.js';
import { browserMatches, clearLinkCookie } from './link-cookie.js';
import { createLinkReplyEditor } from './link-reply.js';
import {
  browserMismatchPage,
  invalidRequestPage,
  page,
  readQuery,
  refusedStatePage,
  withCookie,
} from './pages/link-pages.js';
import { renderOAuthPage } from './pages/oauth-page.js';
import { route, type Route } from './router.js';

export interface OAuthCallbackOptions {
  storage: Storage;
  /** The provider's code exchange (v1, or Graph's Instagram or Facebook Login). */
  linker: AccountLinker;
  /** The bot's client: its REST edits the ephemeral reply through the interaction webhook. */
  discord: Pick<Client, 'rest'>;
  /** PUBLIC_URL is https: the link cookie is cleared with `Secure`, as it was set. */
  secureCookies: boolean;
  log: Logger;
}

// One value per parameter: a repeated parameter is refused rather than one of its values picked silently.
const callbackQuerySchema = z.object({
  state: z.string().min(1).max(200),
  code: z.string().min(1).max(512).optional(),
  error: z.string().min(1).max(100).optional(),
});

export function createOAuthCallback(options: OAuthCallbackOptions): { routes: Route[] } {
  const { storage, linker, secureCookies } = options;
  const log = options.log.child({ component: 'oauth-callback' });
  const editLinkReply = createLinkReplyEditor(options.discord, log);

  async function handle(req: IncomingMessage, url: URL): Promise<HttpResponse> {
    const query = readQuery(url, ['state', 'code', 'error'], callbackQuerySchema, 'OAuth callback query');
    if (query === undefined) return invalidRequestPage();

    // The state first: whatever else the request carries is not looked at unless igcord made this state for
    // this step. Taken whatever happens next, so it is never honoured twice.
    const taken = await storage.oauthStates.take(query.state, { stage: 'instagram' });
    if (!taken.ok) {
      log.info({ reason: taken.reason }, 'OAuth callback refused: bad state');
      return refusedStatePage(taken.reason);
    }
    const state = taken.state;
    // The flow ends here whatever the outcome: its cookie goes with it.
    const clear = state.flowId === undefined ? undefined : clearLinkCookie(state.flowId, secureCookies);

    if (!browserMatches(req, state.flowId, state.browserHash)) {
      log.warn(
        { discordUserId: state.discordUserId },
        "OAuth callback refused: the browser does not hold the link's cookie",
      );
      await editLinkReply(
        state,
        'Linking did not complete: Instagram sent the sign-in back to a browser that did not open your link, so nothing was linked. Run `/instagram link` and use its button yourself.',
      );
      return withCookie(browserMismatchPage(), clear);
    }

    if (query.error !== undefined) {
      log.info({ instagramError: query.error }, 'OAuth callback: the user did not authorize');
      await editLinkReply(
        state,
        'Linking was cancelled on Instagram; nothing was linked. Run `/instagram link` to try again.',
      );
      return withCookie(
        query.error === 'access_denied'
          ? page(200, 'cancelled', 'cancelled', 'You cancelled linking', [
              'You chose not to give igcord access to your Instagram account, so nothing was linked.',
              'To link later, run /instagram link in Discord again.',
            ])
          : page(400, 'error', 'instagram-error', 'Instagram did not complete the sign-in', [
              'Instagram sent the browser back with an error instead of a sign-in code. Nothing was linked. Run /instagram link in Discord to try again.',
            ]),
        clear,
      );
    }
    if (query.code === undefined) {
      await editLinkReply(
        state,
        'Linking did not complete (Instagram sent no sign-in code). Run `/instagram link` to try again.',
      );
      return withCookie(
        page(400, 'error', 'missing-code', 'Instagram sent no sign-in code', [
          'Nothing was linked. Run /instagram link in Discord to try again.',
        ]),
        clear,
      );
    }

    let exchanged: LinkExchange;
    try {
      exchanged = await linker.exchange(query.code);
    } catch (error) {
      if (error instanceof LinkRefusedError) {
        // Not a failure to retry: the account itself cannot be linked, and the person is told why and what to do.
        log.info({ reason: error.reason }, 'OAuth callback: the account cannot be linked');
        await editLinkReply(state, `Nothing was linked: ${error.message}`);
        return withCookie(
          page(403, 'error', error.reason, 'This Instagram account cannot be linked', [
            error.message,
            'Nothing was linked.',
          ]),
          clear,
        );
      }
      const failure = exchangeFailure(error);
      if (failure === undefined) throw error;
      log.warn(
        { errorName: (error as Error).name, instagramType: (error as InstagramError).type },
        'OAuth code exchange failed',
      );
      await editLinkReply(state, `Linking failed: ${failure.paragraphs[0]} Run \`/instagram link\` to try again.`);
      return withCookie(renderOAuthPage(failure), clear);
    }

    const { account, resumedFeeds, leftBehind } = await saveLink(
      storage,
      {
        discordUserId: state.discordUserId,
        instagramUserId: exchanged.account.instagramUserId,
        username: exchanged.account.username,
        // v1 grants exactly the scopes the authorize page asked for (all or nothing); Graph says what it granted.
        scopes: exchanged.account.scopes.length > 0 ? exchanged.account.scopes : state.scopes,
        accessToken: exchanged.token.accessToken,
        provider: linker.provider,
        login: linker.login,
        tokenIssuedAt: exchanged.token.issuedAt,
        tokenExpiresAt: exchanged.token.expiresAt,
      },
      log,
    );
    // The feeds of a replaced account are listed; their Move buttons are on the paste path and in /feed list's words.
    await editLinkReply(state, linkedReplyContent(account.username, resumedFeeds, leftBehind));
    // The name Discord gave for this browser's person when the link page checked who they are.
    const name = state.discordName;
    const who =
      name === undefined
        ? `your Discord account (user id ${account.discordUserId})`
        : `Discord user ${name} (user id ${account.discordUserId})`;
    return withCookie(
      page(200, 'success', 'linked', `Linked @${account.username}`, [
        `Instagram account @${account.username} is now linked to ${who}.`,
        `igcord may use: ${account.scopes.join(', ')}. The access token is stored encrypted and only used for your own commands and feeds.`,
      ]),
      clear,
    );
  }

  return { routes: [route('GET', '/oauth/callback', ({ req, url }) => handle(req, url))] };
}

/** The page for a failed exchange, or undefined for an error that is not Instagram's (a bug: the server's 500). */
function exchangeFailure(error: unknown) {
  const base = { tone: 'error' as const };
  if (error instanceof InstagramRateLimitError) {
    return {
      ...base,
      status: 503,
      outcome: 'rate-limited',
      title: 'Instagram is busy',
      paragraphs: ['Too many sign-ins are being completed right now; wait a few minutes.', 'Nothing was linked.'],
    };
  }
  if (error instanceof InstagramOAuthError) {
    return {
      ...base,
      status: 400,
      outcome: 'exchange-refused',
      title: 'Instagram refused the sign-in code',
      paragraphs: [
        'Instagram did not accept the sign-in code (it expires quickly and works once).',
        'Nothing was linked.',
      ],
    };
  }
  if (error instanceof InstagramError) {
    return {
      ...base,
      status: 502,
      outcome: 'instagram-unavailable',
      title: 'Instagram is not answering',
      paragraphs: ['Instagram did not answer properly while completing the sign-in.', 'Nothing was linked.'],
    };
  }
  return undefined;
}
