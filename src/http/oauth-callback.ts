// `GET /oauth/callback`, where Instagram sends the browser back after /instagram link. The state is taken (single
// use) before anything else, so a forged, expired or replayed state never exchanges a code; it must be an
// `instagram` state (made once Discord proved who the browser's person is, see link-page.ts) and the browser must
// bring the cookie nonce that state was made for, so a link forwarded to someone else never exchanges their code.
// Then a cancel is recorded as such, or the code is exchanged, the token stored encrypted, and the browser shown
// which Instagram account was linked to which Discord user. The ephemeral reply that carried the link is edited to
// say the same (best effort: the page does not depend on Discord). Storing the link is `saveLink`
// (src/accounts/link.ts), which the paste-a-token modal uses too. The reply and the page speak the language the state
// keeps (the interaction's); a refused state has none, so its page speaks the browser's (page-locale.ts).
import type { IncomingMessage } from 'node:http';
import type { Client } from 'discord.js';
import { z } from 'zod';
import { createTranslations, type Translate, type Translations } from '../i18n/i18n.js';
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
import { browserPageLocale, pageLocale, type PageLocale } from './pages/page-locale.js';
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
  /** The catalogues the reply and the pages are worded from; the composition root's, else a fresh instance. */
  translations?: Translations;
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
  const translations = options.translations ?? createTranslations();

  async function handle(req: IncomingMessage, url: URL): Promise<HttpResponse> {
    const query = readQuery(url, ['state', 'code', 'error'], callbackQuerySchema, 'OAuth callback query');
    if (query === undefined) return invalidRequestPage(browserPageLocale(translations, req));

    // The state first: whatever else the request carries is not looked at unless igcord made this state for
    // this step. Taken whatever happens next, so it is never honoured twice.
    const taken = await storage.oauthStates.take(query.state, { stage: 'instagram' });
    if (!taken.ok) {
      log.info({ reason: taken.reason }, 'OAuth callback refused: bad state');
      return refusedStatePage(browserPageLocale(translations, req), taken.reason);
    }
    const state = taken.state;
    // Records written before states kept a locale have none: English, as the flow spoke then.
    const l = pageLocale(translations, state.locale);
    const { t } = l;
    // The flow ends here whatever the outcome: its cookie goes with it.
    const clear = state.flowId === undefined ? undefined : clearLinkCookie(state.flowId, secureCookies);

    if (!browserMatches(req, state.flowId, state.browserHash)) {
      log.warn(
        { discordUserId: state.discordUserId },
        "OAuth callback refused: the browser does not hold the link's cookie",
      );
      await editLinkReply(state, t('link.reply.browserMismatchInstagram'));
      return withCookie(browserMismatchPage(l), clear);
    }

    if (query.error !== undefined) {
      log.info({ instagramError: query.error }, 'OAuth callback: the user did not authorize');
      await editLinkReply(state, t('link.reply.cancelledInstagram'));
      return withCookie(
        query.error === 'access_denied'
          ? page(l, 200, 'cancelled', 'cancelled', t('link.page.cancelledTitle'), [
              t('link.page.cancelledInstagram'),
              t('link.page.linkLater'),
            ])
          : page(l, 400, 'error', 'instagram-error', t('link.page.instagramErrorTitle'), [
              t('link.page.instagramError'),
            ]),
        clear,
      );
    }
    if (query.code === undefined) {
      await editLinkReply(state, t('link.reply.noCodeInstagram'));
      return withCookie(
        page(l, 400, 'error', 'missing-code', t('link.page.noCodeInstagramTitle'), [t('link.page.nothingLinkedRetry')]),
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
        const why = refusalWords(error, t);
        await editLinkReply(state, t('link.reply.refused', { reason: why }));
        return withCookie(
          page(l, 403, 'error', error.reason, t('link.page.refusedAccountTitle'), [why, t('link.page.nothingLinked')]),
          clear,
        );
      }
      const failure = exchangeFailure(error, t);
      if (failure === undefined) throw error;
      log.warn(
        { errorName: (error as Error).name, instagramType: (error as InstagramError).type },
        'OAuth code exchange failed',
      );
      await editLinkReply(state, t('link.reply.failed', { reason: failure.paragraphs[0]! }));
      return withCookie(page(l, failure.status, 'error', failure.outcome, failure.title, failure.paragraphs), clear);
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
    await editLinkReply(state, linkedReplyContent(account.username, resumedFeeds, leftBehind, t));
    // The name Discord gave for this browser's person when the link page checked who they are.
    const name = state.discordName;
    const who = t(name === undefined ? 'link.page.whoUnnamed' : 'link.page.whoNamed', {
      name: name ?? '',
      id: account.discordUserId,
    });
    return withCookie(linkedPage(l, account.username, who, account.scopes), clear);
  }

  return { routes: [route('GET', '/oauth/callback', ({ req, url }) => handle(req, url))] };
}

function linkedPage(l: PageLocale, username: string, who: string, scopes: string[]) {
  const { t } = l;
  return page(l, 200, 'success', 'linked', t('link.page.linkedTitle', { username }), [
    t('link.page.linked', { username, who }),
    t('link.page.scopes', { scopes: scopes.join(', ') }),
  ]);
}

/** The page for a failed exchange, or undefined for an error that is not Instagram's (a bug: the server's 500). */
function exchangeFailure(error: unknown, t: Translate) {
  const nothing = t('link.page.nothingLinked');
  if (error instanceof InstagramRateLimitError) {
    return {
      status: 503,
      outcome: 'rate-limited',
      title: t('link.page.rateLimitedTitle'),
      paragraphs: [t('link.page.rateLimited'), nothing],
    };
  }
  if (error instanceof InstagramOAuthError) {
    return {
      status: 400,
      outcome: 'exchange-refused',
      title: t('link.page.exchangeRefusedTitle'),
      paragraphs: [t('link.page.exchangeRefused'), nothing],
    };
  }
  if (error instanceof InstagramError) {
    return {
      status: 502,
      outcome: 'instagram-unavailable',
      title: t('link.page.instagramUnavailableTitle'),
      paragraphs: [t('link.page.instagramUnavailable'), nothing],
    };
  }
  return undefined;
}

/** Why the account cannot link, in the person's language, naming the account when the provider said which. */
function refusalWords(error: LinkRefusedError, t: Translate): string {
  const account = error.username === undefined ? undefined : `@${error.username}`;
  if (error.reason === 'personal-account')
    return t('link.refusal.personalAccount', { account: account ?? t('link.refusal.thisAccount') });
  return account === undefined ? t('link.refusal.noneOnPages') : t('link.refusal.notOnPages', { account });
}
