// Linking proves the Discord user: a link made by one Discord user and completed in someone else's browser must
// link nothing. End to end: the real bot on the Discord fake (whose OAuth2 authorize page plays Discord's), the real
// HTTP server, the Instagram emulator, and browsers that keep their cookies between requests (`FormBrowser`).
// The attack: an attacker runs /instagram link and sends the button's address to a victim; the victim signs in,
// and without the check the victim's Instagram token would be stored under the attacker's Discord account.
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../../src/console/form-browser.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { visitedAt, walkLink } from '../support/link-walk.js';
import { WAIT_MS } from '../support/eventually.js';

describe('linking proves the Discord user before Instagram is asked', () => {
  let igcord: TestIgcord;

  beforeAll(async () => {
    igcord = await startTestIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  function newPerson(username: string, globalName?: string): string {
    const user = igcord.discord.createUser({ username, ...(globalName ? { globalName } : {}) });
    igcord.discord.addMember(igcord.guild.guildId, user.id);
    return user.id;
  }

  const instagramUsername = (index: number) => String(igcord.emulator.admin.users()[index]!.username);

  async function startLink(userId: string) {
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId,
      name: 'instagram',
      subcommand: 'link',
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { handle, url: linkUrlOf(reply) };
  }

  /** True when the Instagram code was never exchanged by igcord (it is used up here). */
  async function instagramCodeUnused(code: string): Promise<boolean> {
    const { clientId, clientSecret } = igcord.app.config.instagram;
    const response = await fetch(`${igcord.emulator.url}/oauth/access_token`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: clientId!,
        client_secret: clientSecret!,
        grant_type: 'authorization_code',
        redirect_uri: `${igcord.app.http.url}/oauth/callback`,
        code,
      }),
    });
    return response.status === 200;
  }

  const tokenExchanges = () =>
    igcord.discord.restLog().filter((e) => e.method === 'POST' && e.path === '/oauth2/token').length;

  it("links nothing when the attacker's link is completed in the victim's browser, and the page says why", async () => {
    const attacker = newPerson('csrf-attacker');
    const victim = newPerson('csrf-victim');
    const { url, handle } = await startLink(attacker);

    const victimBrowser = new FormBrowser();
    const walk = await walkLink(igcord, victimBrowser, url, {
      discordUserId: victim,
      instagramUsername: instagramUsername(0),
    });
    expect(walk.page.status).toBe(403);
    expect(walk.page.html).toContain('data-outcome="other-discord-user"');
    expect(walk.page.html).toContain('This link was made for another Discord account');
    expect(walk.page.html).toContain('run /instagram link yourself');
    // Instagram was never asked: the victim's browser never reached its authorize page.
    expect(visitedAt(walk, igcord.emulator.url, '/oauth/authorize')).toBeUndefined();
    expect(await igcord.app.storage.accounts.get(attacker)).toBeUndefined();
    expect(await igcord.app.storage.accounts.get(victim)).toBeUndefined();
    await handle.waitForReply((m) => m.content.includes('another Discord account'), WAIT_MS);

    // The state is burned: the attacker cannot use the same link afterwards, even in their own browser.
    const retry = await walkLink(igcord, new FormBrowser(), url, {
      discordUserId: attacker,
      instagramUsername: instagramUsername(0),
    });
    expect(retry.page.html).toContain('data-outcome="state-invalid"');
    expect(await igcord.app.storage.accounts.get(attacker)).toBeUndefined();
  });

  it("links nothing and exchanges nothing when Instagram's callback arrives in a browser without the link's cookie", async () => {
    const attacker = newPerson('cookie-attacker');
    const { url } = await startLink(attacker);
    // The attacker proves themself on Discord and stops on Instagram's authorize page …
    const attackerBrowser = new FormBrowser();
    const discordPage = await attackerBrowser.get(url);
    expect(new URL(discordPage.url).origin).toBe(new URL(igcord.discord.url).origin);
    const onInstagram = await attackerBrowser.submit(discordPage, 'authorize', {
      user_id: attacker,
      decision: 'authorize',
    });
    expect(new URL(onInstagram.url).origin).toBe(new URL(igcord.emulator.url).origin);

    // … and sends that address to the victim, whose browser never saw igcord's link page.
    const victimBrowser = new FormBrowser();
    const walk = await walkLink(igcord, victimBrowser, onInstagram.url, {
      discordUserId: attacker,
      instagramUsername: instagramUsername(1),
    });
    expect(walk.page.status).toBe(400);
    expect(walk.page.html).toContain('data-outcome="browser-mismatch"');
    expect(walk.page.html).toContain('Nothing was linked');
    expect(await igcord.app.storage.accounts.get(attacker)).toBeUndefined();
    const code = new URL(visitedAt(walk, igcord.app.http.url, '/oauth/callback')!).searchParams.get('code')!;
    expect(await instagramCodeUnused(code)).toBe(true);
  });

  it("links the owner's own flow and names both accounts on the page and in the reply", async () => {
    const owner = newPerson('csrf-owner', 'Owner Olga');
    const username = instagramUsername(2);
    const { url, handle } = await startLink(owner);
    const browser = new FormBrowser();
    const walk = await walkLink(igcord, browser, url, { discordUserId: owner, instagramUsername: username });
    expect(walk.page.status).toBe(200);
    expect(walk.page.html).toContain('data-outcome="linked"');
    expect(walk.page.html).toContain(`Instagram account @${username} is now linked to Discord user Owner Olga`);
    expect(await igcord.app.storage.accounts.get(owner)).toMatchObject({ username, status: 'active' });
    // Usernames are Instagram text, markdown-escaped in the message (Discord shows them unescaped).
    await handle.waitForReply((m) => m.content.replace(/\\/g, '').includes(`@${username}`), WAIT_MS);
    // The link's cookie is cleared once used, and Discord's token was used once and never logged.
    expect(Object.keys(browser.cookies(igcord.app.http.url))).toEqual([]);
    expect(igcord.logs()).not.toMatch(/fake-discord-oauth/);
  });

  it('links nothing and burns the link when the person cancels on Discord', async () => {
    const person = newPerson('discord-cancel');
    const { url, handle } = await startLink(person);
    const exchanges = tokenExchanges();
    const walk = await walkLink(igcord, new FormBrowser(), url, {
      discordUserId: person,
      instagramUsername: instagramUsername(3),
      discord: 'cancel',
    });
    expect(walk.page.html).toContain('data-outcome="cancelled"');
    expect(walk.page.html).toContain('You cancelled linking');
    expect(tokenExchanges()).toBe(exchanges);
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    await handle.waitForReply((m) => m.content.includes('cancelled'), WAIT_MS);
    const again = await walkLink(igcord, new FormBrowser(), url, {
      discordUserId: person,
      instagramUsername: instagramUsername(3),
    });
    expect(again.page.html).toContain('data-outcome="state-invalid"');
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
  });

  it("links nothing when Discord's answer for one browser is opened in another, and exchanges nothing at Discord", async () => {
    const attacker = newPerson('discord-leg-attacker');
    const { url } = await startLink(attacker);
    const attackerBrowser = new FormBrowser();
    const discordPage = await attackerBrowser.get(url);
    // The attacker confirms on Discord but keeps the redirect back instead of following it …
    const form = attackerBrowser.form(discordPage, 'authorize');
    form.fields.set('user_id', attacker);
    form.fields.set('decision', 'authorize');
    const redirect = await fetch(form.action, { method: 'POST', body: form.fields, redirect: 'manual' });
    const discordCallback = redirect.headers.get('location')!;
    expect(discordCallback.startsWith(`${igcord.app.http.url}/link/discord-callback?`)).toBe(true);
    const exchanges = tokenExchanges();

    // … and has the victim's browser open it.
    const walk = await walkLink(igcord, new FormBrowser(), discordCallback, {
      discordUserId: attacker,
      instagramUsername: instagramUsername(5),
    });
    expect(walk.page.status).toBe(400);
    expect(walk.page.html).toContain('data-outcome="browser-mismatch"');
    expect(tokenExchanges()).toBe(exchanges);
    expect(visitedAt(walk, igcord.emulator.url, '/oauth/authorize')).toBeUndefined();
    expect(await igcord.app.storage.accounts.get(attacker)).toBeUndefined();
  });

  it('links nothing and says so when Discord cannot confirm who signed in', async () => {
    const person = newPerson('discord-down');
    const { url } = await startLink(person);
    const fault = igcord.discord.injectFault({ method: 'POST', path: '/oauth2/token', status: 503 });
    const walk = await walkLink(igcord, new FormBrowser(), url, {
      discordUserId: person,
      instagramUsername: instagramUsername(6),
    });
    expect(fault.hits()).toBe(1);
    expect(walk.page.status).toBe(502);
    expect(walk.page.html).toContain('data-outcome="discord-unavailable"');
    expect(visitedAt(walk, igcord.emulator.url, '/oauth/authorize')).toBeUndefined();
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
  });

  it("refuses a replayed or forged Discord state without exchanging Discord's code", async () => {
    const person = newPerson('discord-replay');
    const { url } = await startLink(person);
    const browser = new FormBrowser();
    const walk = await walkLink(igcord, browser, url, {
      discordUserId: person,
      instagramUsername: instagramUsername(4),
    });
    expect(walk.page.html).toContain('data-outcome="linked"');
    const discordCallback = visitedAt(walk, igcord.app.http.url, '/link/discord-callback')!;
    const exchanges = tokenExchanges();

    const replayed = await browser.get(discordCallback);
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain('data-outcome="state-invalid"');

    const forged = new URL(discordCallback);
    forged.searchParams.set('state', 'D'.repeat(43));
    const refused = await browser.get(forged.toString());
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('data-outcome="state-invalid"');
    expect(refused.html).not.toContain(forged.searchParams.get('code')!);
    expect(tokenExchanges()).toBe(exchanges);
  });
});

/** The URL of the link-style button of the link prompt. */
function linkUrlOf(message: APIMessage): string {
  for (const row of message.components ?? []) {
    for (const component of (row as { components: { style?: number; url?: string }[] }).components) {
      if (component.style === 5 && component.url) return component.url;
    }
  }
  throw new Error(`no link button on the message: ${JSON.stringify(message.components)}`);
}
