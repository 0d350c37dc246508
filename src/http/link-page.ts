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
import type { IncomingMessage } from 'node:http';
import type { Client } from 'discord.js';
import { z } from 'zod';
import { DiscordOAuthError, type DiscordIdentify } from '../discord/identify.js';
import type { AccountLinker } from '../core/index.js';
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

  async function open(url: URL): Promise<HttpResponse> {
    const query = readQuery(url, ['state'], linkQuerySchema, 'link page query');
    if (query === undefined) return invalidRequestPage();
    const found = await storage.oauthStates.peek(query.state, { stage: 'link' });
    if (!found.ok) {
      log.info({ reason: found.reason }, 'link page refused: bad state');
      return refusedStatePage(found.reason);
    }
    const link = found.state;
    const binding = newBrowserBinding();
    const discordState = await storage.oauthStates.create({
      stage: 'discord',
      linkState: link.state,
      browserHash: binding.hash,
      flowId: binding.flowId,
      discordUserId: link.discordUserId,
      scopes: link.scopes,
      ttlMs: remainingMs(link.expiresAt),
    });
    return redirectTo(identify.authorizeUrl(discordState.state), setLinkCookie(binding, secureCookies));
  }

  async function discordCallback(req: IncomingMessage, url: URL): Promise<HttpResponse> {
    const query = readQuery(url, ['state', 'code', 'error'], discordCallbackQuerySchema, 'Discord callback query');
    if (query === undefined) return invalidRequestPage();
    // The `discord` state first: nothing else is looked at, and no code exchanged, unless igcord made it.
    const takenDiscord = await storage.oauthStates.take(query.state, { stage: 'discord' });
    if (!takenDiscord.ok) {
      log.info({ reason: takenDiscord.reason }, 'Discord callback refused: bad state');
      return refusedStatePage(takenDiscord.reason);
    }
    const check = takenDiscord.state;
    const clear = check.flowId === undefined ? undefined : clearLinkCookie(check.flowId, secureCookies);
    // The link itself is used up from here on, whatever the outcome: one link, one attempt.
    const takenLink = await storage.oauthStates.take(check.linkState ?? '', { stage: 'link' });
    if (!takenLink.ok) {
      log.info({ reason: takenLink.reason }, 'Discord callback refused: the link state is gone');
      return withCookie(refusedStatePage(takenLink.reason), clear);
    }
    const link = takenLink.state;

    if (!browserMatches(req, check.flowId, check.browserHash)) {
      log.warn(
        { discordUserId: link.discordUserId },
        "Discord callback refused: the browser does not hold the link's cookie",
      );
      await editLinkReply(
        link,
        'Linking did not complete: Discord sent the sign-in back to a browser that did not open your link, so nothing was linked. Run `/instagram link` and use its button yourself.',
      );
      return withCookie(browserMismatchPage(), clear);
    }
    if (query.error !== undefined) {
      log.info({ discordError: query.error }, 'Discord callback: the user did not authorize');
      await editLinkReply(
        link,
        'Linking was cancelled on Discord; nothing was linked. Run `/instagram link` to try again.',
      );
      return withCookie(
        query.error === 'access_denied'
          ? page(200, 'cancelled', 'cancelled', 'You cancelled linking', [
              'You chose not to confirm your Discord account, so igcord did not continue to Instagram and nothing was linked.',
              'To link later, run /instagram link in Discord again.',
            ])
          : page(400, 'error', 'discord-error', 'Discord did not complete the sign-in', [
              'Discord sent the browser back with an error instead of a sign-in code. Nothing was linked. Run /instagram link in Discord to try again.',
            ]),
        clear,
      );
    }
    if (query.code === undefined) {
      await editLinkReply(
        link,
        'Linking did not complete (Discord sent no sign-in code). Run `/instagram link` to try again.',
      );
      return withCookie(
        page(400, 'error', 'missing-code', 'Discord sent no sign-in code', [
          'Nothing was linked. Run /instagram link in Discord to try again.',
        ]),
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
      await editLinkReply(
        link,
        'Linking failed: Discord could not confirm who opened the link. Run `/instagram link` to try again.',
      );
      return withCookie(
        error.kind === 'refused'
          ? page(400, 'error', 'discord-refused', 'Discord refused the sign-in code', [
              'Discord did not accept the sign-in code (it works once and expires quickly).',
              'Nothing was linked. Run /instagram link in Discord to try again.',
            ])
          : page(502, 'error', 'discord-unavailable', 'Discord is not answering', [
              'igcord could not ask Discord who signed in.',
              'Nothing was linked. Run /instagram link in Discord to try again in a few minutes.',
            ]),
        clear,
      );
    }

    if (who.id !== link.discordUserId) {
      log.warn({ linkOwner: link.discordUserId, signedIn: who.id }, 'link refused: opened by another Discord user');
      await editLinkReply(
        link,
        'Your link was opened by another Discord account, so nothing was linked. Links only work for the person who ran `/instagram link`; run it again to link your own account.',
      );
      return withCookie(
        page(403, 'error', 'other-discord-user', 'This link was made for another Discord account', [
          `You are signed in to Discord as ${who.name}, but this link was made by someone else with /instagram link. If someone sent it to you, do not use it: it would give them your Instagram account.`,
          'Nothing was linked, and this link no longer works. To link your own Instagram account, run /instagram link yourself in Discord.',
        ]),
        clear,
      );
    }

    const instagramState = await storage.oauthStates.create({
      stage: 'instagram',
      browserHash: check.browserHash,
      flowId: check.flowId,
      discordName: who.name.slice(0, 100),
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
      route('GET', LINK_PATH, ({ url }) => open(url)),
      route('GET', DISCORD_CALLBACK_PATH, ({ req, url }) => discordCallback(req, url)),
    ],
  };
}
