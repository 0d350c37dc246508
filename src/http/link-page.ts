// igcord's link page: where the button of /instagram link points, and where the browser proves it belongs to the
// Discord user who asked before igcord sends it to Instagram (docs/decisions/0006). Without this step a person
// could send their link to someone else, who would sign in on Instagram and have their account linked to the
// sender's Discord account.
// `GET /link?state=…` (a `link` state, read, not consumed: the person may open it twice) gives the browser a
//   cookie nonce, stores its hash in a new single-use `discord` state, and redirects to Discord's authorize page
//   (scope `identify`).
// `GET /link/discord-callback?code&state` takes that `discord` state, checks the cookie, then takes the link state
//   (the link is used up from here on, whatever happens), exchanges Discord's code and asks who signed in. Another
//   Discord user → a page saying so, nothing stored. The same user → an `instagram` state carrying the cookie's hash
//   and the Discord name, and a redirect to Instagram's authorize page; /oauth/callback finishes from there.
// Each state carries the locale of the interaction that asked, so every page and reply edit speaks that person's
// language; a refused state has none, and its page speaks the browser's (page-locale.ts).
import type { IncomingMessage } from 'node:http';
import type { Client } from 'discord.js';
import { z } from 'zod';
import { DiscordOAuthError, type DiscordIdentify } from '../discord/identify.js';
import type { AccountLinker } from '../core/index.js';
import { createTranslations, type Translations } from '../i18n/i18n.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/index.js';
import type { HttpResponse } from './http-response.js';
import { browserMatches, clearLinkCookie, newBrowserBinding, setLinkCookie } from './link-cookie.js';
import { createLinkReplyEditor } from './link-reply.js';
import {
  browserMismatchPage,
  invalidRequestPage,
  page,
  readQuery,
  redirectTo,
  refusedStatePage,
  withCookie,
} from './pages/link-pages.js';
import { browserPageLocale, pageLocale } from './pages/page-locale.js';
import { route, type Route } from './router.js';

export const LINK_PATH = '/link';
export const DISCORD_CALLBACK_PATH = '/link/discord-callback';

export interface LinkPageOptions {
  storage: Storage;
  /** The provider's sign-in (v1, or Graph's Instagram or Facebook Login), chosen by the composition root. */
  linker: AccountLinker;
  identify: DiscordIdentify;
  /** The bot's client, whose REST edits the ephemeral reply that carried the link. */
  discord: Pick<Client, 'rest'>;
  /** PUBLIC_URL is https: the link cookie is `Secure`. */
  secureCookies: boolean;
  log: Logger;
  /** The catalogues the reply and the pages are worded from; the composition root's, else a fresh instance. */
  translations?: Translations;
}

const linkQuerySchema = z.object({ state: z.string().min(1).max(200) });
const discordCallbackQuerySchema = z.object({
  state: z.string().min(1).max(200),
  code: z.string().min(1).max(512).optional(),
  error: z.string().min(1).max(100).optional(),
});

/** What is left of a state's 10 minutes, for the states made from it (they expire with it). */
const remainingMs = (expiresAt: number) => Math.max(1, expiresAt - Date.now());

export function createLinkPage(options: LinkPageOptions): { routes: Route[] } {
  const { storage, linker, identify, secureCookies } = options;
  const log = options.log.child({ component: 'link-page' });
  const editLinkReply = createLinkReplyEditor(options.discord, log);
  const translations = options.translations ?? createTranslations();

  async function open(req: IncomingMessage, url: URL): Promise<HttpResponse> {
    const query = readQuery(url, ['state'], linkQuerySchema, 'link page query');
    if (query === undefined) return invalidRequestPage(browserPageLocale(translations, req));
    const found = await storage.oauthStates.peek(query.state, { stage: 'link' });
    if (!found.ok) {
      log.info({ reason: found.reason }, 'link page refused: bad state');
      return refusedStatePage(browserPageLocale(translations, req), found.reason);
    }
    const link = found.state;
    const binding = newBrowserBinding();
    const discordState = await storage.oauthStates.create({
      stage: 'discord',
      linkState: link.state,
      browserHash: binding.hash,
      flowId: binding.flowId,
      locale: link.locale,
      discordUserId: link.discordUserId,
      scopes: link.scopes,
      ttlMs: remainingMs(link.expiresAt),
    });
    return redirectTo(identify.authorizeUrl(discordState.state), setLinkCookie(binding, secureCookies));
  }

  async function discordCallback(req: IncomingMessage, url: URL): Promise<HttpResponse> {
    const query = readQuery(url, ['state', 'code', 'error'], discordCallbackQuerySchema, 'Discord callback query');
    if (query === undefined) return invalidRequestPage(browserPageLocale(translations, req));
    // The `discord` state first: nothing else is looked at, and no code exchanged, unless igcord made it.
    const takenDiscord = await storage.oauthStates.take(query.state, { stage: 'discord' });
    if (!takenDiscord.ok) {
      log.info({ reason: takenDiscord.reason }, 'Discord callback refused: bad state');
      return refusedStatePage(browserPageLocale(translations, req), takenDiscord.reason);
    }
    const check = takenDiscord.state;
    // The `discord` state carries the link's locale, so even a gone link state is answered in the person's language.
    const l = pageLocale(translations, check.locale);
    const { t } = l;
    const clear = check.flowId === undefined ? undefined : clearLinkCookie(check.flowId, secureCookies);
    // The link itself is used up from here on, whatever the outcome: one link, one attempt.
    const takenLink = await storage.oauthStates.take(check.linkState ?? '', { stage: 'link' });
    if (!takenLink.ok) {
      log.info({ reason: takenLink.reason }, 'Discord callback refused: the link state is gone');
      return withCookie(refusedStatePage(l, takenLink.reason), clear);
    }
    const link = takenLink.state;

    if (!browserMatches(req, check.flowId, check.browserHash)) {
      log.warn(
        { discordUserId: link.discordUserId },
        "Discord callback refused: the browser does not hold the link's cookie",
      );
      await editLinkReply(link, t('link.reply.browserMismatchDiscord'));
      return withCookie(browserMismatchPage(l), clear);
    }
    if (query.error !== undefined) {
      log.info({ discordError: query.error }, 'Discord callback: the user did not authorize');
      await editLinkReply(link, t('link.reply.cancelledDiscord'));
      return withCookie(
        query.error === 'access_denied'
          ? page(l, 200, 'cancelled', 'cancelled', t('link.page.cancelledTitle'), [
              t('link.page.cancelledDiscord'),
              t('link.page.linkLater'),
            ])
          : page(l, 400, 'error', 'discord-error', t('link.page.discordErrorTitle'), [t('link.page.discordError')]),
        clear,
      );
    }
    if (query.code === undefined) {
      await editLinkReply(link, t('link.reply.noCodeDiscord'));
      return withCookie(
        page(l, 400, 'error', 'missing-code', t('link.page.noCodeDiscordTitle'), [t('link.page.nothingLinkedRetry')]),
        clear,
      );
    }

    let who;
    try {
      who = await identify.identify(query.code);
    } catch (error) {
      if (!(error instanceof DiscordOAuthError)) throw error;
      log.warn(
        {
          errorName: error.name,
          kind: error.kind,
          step: error.step,
          status: error.status,
          oauthError: error.oauthError,
        },
        'Discord sign-in could not be checked',
      );
      await editLinkReply(link, t('link.reply.discordUnconfirmed'));
      return withCookie(
        error.kind === 'refused'
          ? page(l, 400, 'error', 'discord-refused', t('link.page.discordRefusedTitle'), [
              t('link.page.discordRefused'),
              t('link.page.nothingLinkedRetry'),
            ])
          : page(l, 502, 'error', 'discord-unavailable', t('link.page.discordUnavailableTitle'), [
              t('link.page.discordUnavailable'),
              t('link.page.retryLater'),
            ]),
        clear,
      );
    }

    if (who.id !== link.discordUserId) {
      log.warn({ linkOwner: link.discordUserId, signedIn: who.id }, 'link refused: opened by another Discord user');
      await editLinkReply(link, t('link.reply.otherUser'));
      return withCookie(
        page(l, 403, 'error', 'other-discord-user', t('link.page.otherUserTitle'), [
          t('link.page.otherUser', { name: who.name }),
          t('link.page.otherUserNext'),
        ]),
        clear,
      );
    }

    const instagramState = await storage.oauthStates.create({
      stage: 'instagram',
      browserHash: check.browserHash,
      flowId: check.flowId,
      discordName: who.name.slice(0, 100),
      locale: link.locale,
      discordUserId: link.discordUserId,
      interactionToken: link.interactionToken,
      applicationId: link.applicationId,
      scopes: link.scopes,
      ttlMs: remainingMs(link.expiresAt),
    });
    // The cookie stays: /oauth/callback requires it.
    return redirectTo(linker.authorizeUrl({ scopes: link.scopes, state: instagramState.state }));
  }

  return {
    routes: [
      route('GET', LINK_PATH, ({ req, url }) => open(req, url)),
      route('GET', DISCORD_CALLBACK_PATH, ({ req, url }) => discordCallback(req, url)),
    ],
  };
}
