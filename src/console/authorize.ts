// Plays the browser's part of linking in the sandbox: opens igcord's link page at the URL the Link button gave,
// confirms on the Discord fake's authorize page as the console's person (igcord checks that the browser belongs to
// the Discord user who asked), signs in on the Instagram emulator's authorize page as the chosen sandbox user, and
// follows the redirect to igcord's OAuth callback. Everything goes over HTTP exactly as a browser would send it,
// cookies kept between igcord's steps (FormBrowser), so the console exercises the real link page, Discord check,
// callback route, state checks and code exchange.
import { FormBrowser, FormBrowserError, decodeHtml, type Landing } from './form-browser.js';

export interface AuthorizeResult {
  /** HTTP status of igcord's last page. */
  status: number;
  /** igcord's last page as plain text (what the browser would show). */
  page: string;
}

export class AuthorizeError extends Error {
  override readonly name = 'AuthorizeError';
}

/** True for the address of a Link button (igcord's link page). */
export const isLinkUrl = (url: string) => /\/link\?state=/.test(url);

/** The visible text of an HTML page: tags dropped, block ends as line breaks, blank lines squeezed. */
export function pageText(html: string): string {
  return decodeHtml(
    html
      .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
      .replace(/<\/(p|h\d|li|div|title|tr)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** Which sign-in page a landing is, by its Authorize form's action; undefined for any other page (igcord's). */
function signInPage(browser: FormBrowser, landing: Landing): 'discord' | 'instagram' | undefined {
  if (landing.status !== 200 || !/<form id="authorize"/.test(landing.html)) return undefined;
  const action = new URL(browser.form(landing, 'authorize').action).pathname;
  if (action.startsWith('/oauth2/authorize')) return 'discord';
  if (action.startsWith('/oauth/authorize')) return 'instagram';
  return undefined;
}

export async function authorizeAs(
  linkUrl: string,
  username: string,
  discordUserId: string,
  timeoutMs = 10_000,
): Promise<AuthorizeResult> {
  const browser = new FormBrowser(timeoutMs);
  try {
    let landing = await browser.get(linkUrl);
    for (let step = 0; step < 2; step += 1) {
      const kind = signInPage(browser, landing);
      if (kind === 'discord') {
        landing = await browser.submit(landing, 'authorize', { user_id: discordUserId, decision: 'authorize' });
      } else if (kind === 'instagram') {
        const users = browser
          .form(landing, 'authorize')
          .options.map((o) => ({ id: o.value, username: o.label.replace(/\s*\(.*$/, '') }));
        const user = users.find((u) => u.username === username || u.id === username);
        if (!user)
          throw new AuthorizeError(
            `no sandbox user "${username}" on the page; choose one of: ${users.map((u) => u.username).join(', ')}`,
          );
        landing = await browser.submit(landing, 'authorize', { user_id: user.id, decision: 'authorize' });
      } else {
        break;
      }
    }
    return { status: landing.status, page: pageText(landing.html) };
  } catch (error) {
    if (error instanceof FormBrowserError) throw new AuthorizeError(error.message, { cause: error });
    throw error;
  }
}
