// A person's browser going through linking: it opens the address on the Link button and, on whichever sign-in page
// it lands (the Discord fake's or the Instagram emulator's), acts as the given accounts and presses Authorize or
// Cancel, until it lands on one of igcord's own pages. The browser keeps its cookies between steps, so a test can
// hand one browser's address to another (an attacker's link opened by a victim) and see what igcord does.
import { FormBrowser, type Landing } from '../../src/console/form-browser.js';
import type { TestIgcord } from './igcord-harness.js';

export interface WalkAs {
  /** The Discord user this browser is signed in as on Discord's authorize page. */
  discordUserId: string;
  /** The Instagram user this browser signs in as on Instagram's authorize page. */
  instagramUsername: string;
  discord?: 'authorize' | 'cancel';
  instagram?: 'authorize' | 'cancel';
}

export interface Walk {
  /** igcord's page the browser ended on. */
  page: Landing;
  /** Every address the browser requested, in order. */
  visited: string[];
}

const sameOrigin = (a: string, b: string) => new URL(a).origin === new URL(b).origin;

/** Walks from `url` through the sign-in pages as `as`, until a page of igcord's answers. */
export async function walkLink(igcord: TestIgcord, browser: FormBrowser, url: string, as: WalkAs): Promise<Walk> {
  const from = browser.history.length;
  let landing = await browser.get(url);
  for (let step = 0; step < 4; step += 1) {
    if (sameOrigin(landing.url, igcord.discord.url) && landing.status === 200) {
      landing =
        (as.discord ?? 'authorize') === 'authorize'
          ? await browser.submit(landing, 'authorize', { user_id: as.discordUserId, decision: 'authorize' })
          : await browser.submit(landing, 'cancel', { decision: 'cancel' });
    } else if (sameOrigin(landing.url, igcord.emulator.url) && landing.status === 200) {
      const user = igcord.emulator.admin.users().find((u) => u.username === as.instagramUsername);
      if (!user) throw new Error(`no sandbox Instagram user ${as.instagramUsername}`);
      landing =
        (as.instagram ?? 'authorize') === 'authorize'
          ? await browser.submit(landing, 'authorize', { user_id: String(user.id), decision: 'authorize' })
          : await browser.submit(landing, 'cancel', { decision: 'cancel' });
    } else {
      break;
    }
  }
  if (!sameOrigin(landing.url, igcord.app.http.url))
    throw new Error(`the browser stopped at ${landing.url} (HTTP ${landing.status})`);
  return { page: landing, visited: browser.history.slice(from) };
}

/** The first address of `walk` on `origin` whose path starts with `path`. */
export function visitedAt(walk: Walk, origin: string, path: string): string | undefined {
  return walk.visited.find((u) => sameOrigin(u, origin) && new URL(u).pathname.startsWith(path));
}
