// The link flow in a real browser: headless Chromium (Debian's, driven by playwright-core) opens the link button's
// URL, lands on the Discord fake's authorize page through igcord's link page (which sets its cookie), confirms as a
// Discord user, then clicks Authorize (or Cancel) on the Instagram emulator's page and lands on igcord's callback
// page. The page names both accounts, the token is stored only encrypted; a victim's browser completing an
// attacker's link, Cancel, a forged state and a reused link each show their page and link nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const SUCCESS_SCREENSHOT = join(tmpdir(), 'igcord-oauth-linked.png');

describe('linking Instagram in a real browser', () => {
  let igcord: TestIgcord;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    // A plain launch: playwright gives the browser a fresh temporary profile and removes it on close.
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await igcord?.close();
  });

  const usernames = () => igcord.emulator.admin.users().map((u) => String(u.username));

  function newPerson(username: string): string {
    const user = igcord.discord.createUser({ username });
    igcord.discord.addMember(igcord.guild.guildId, user.id);
    return user.id;
  }

  async function linkUrl(userId: string): Promise<string> {
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId,
      name: 'instagram',
      subcommand: 'link',
    });
    return authorizeUrlOf(await handle.waitForReply(undefined, WAIT_MS));
  }

  const instagramUserId = (username: string) =>
    String(igcord.emulator.admin.users().find((u) => u.username === username)!.id);
  const origin = (url: string) => new URL(url).origin;

  /**
   * Goes through linking in `tab` as a person would: opens the link, confirms on Discord's page as `discordUserId`,
   * then presses `form` on Instagram's page as `username`. Stops on the first page of igcord's and returns its text.
   */
  async function choose(
    tab: Page,
    url: string,
    discordUserId: string,
    username: string,
    form: 'authorize' | 'cancel',
  ): Promise<string> {
    await tab.goto(url);
    if (origin(tab.url()) === origin(igcord.discord.url)) {
      await tab.selectOption('#authorize select[name=user_id]', discordUserId);
      await Promise.all([
        tab.waitForURL((u) => origin(u.toString()) !== origin(igcord.discord.url), { timeout: WAIT_MS }),
        tab.click('#authorize button[type=submit]'),
      ]);
    }
    if (origin(tab.url()) === origin(igcord.emulator.url)) {
      await tab.selectOption('#authorize select[name=user_id]', instagramUserId(username));
      await Promise.all([
        tab.waitForURL(/\/oauth\/callback\?/, { timeout: WAIT_MS }),
        tab.click(`#${form} button[type=submit]`),
      ]);
    }
    expect(origin(tab.url())).toBe(origin(igcord.app.http.url));
    return tab.locator('main').innerText();
  }

  it('confirms on Discord, clicks Authorize on Instagram and lands on the page naming both accounts; the stored token is encrypted', async () => {
    const username = usernames()[0]!;
    const url = await linkUrl(igcord.personId);
    const text = await choose(page, url, igcord.personId, username, 'authorize');
    expect(text).toContain(`Instagram account @${username} is now linked to Discord user You`);
    expect(await page.locator('main').getAttribute('data-outcome')).toBe('linked');
    await page.screenshot({ path: SUCCESS_SCREENSHOT, fullPage: true });

    const { accessToken } = (await igcord.app.storage.accounts.getWithToken(igcord.personId))!;
    expect(await page.content()).not.toContain(accessToken);
    const dataDir = igcord.app.config.dataDir;
    const files = readdirSync(dataDir).filter((f) => f.startsWith('igcord.sqlite'));
    expect(files).toContain('igcord.sqlite');
    const secret = Buffer.from(accessToken.split('.').at(-1)!);
    for (const file of files) expect(readFileSync(join(dataDir, file)).includes(secret)).toBe(false);
    // The link's cookie was cleared once the flow ended.
    expect(
      (await page.context().cookies(igcord.app.http.url)).filter((c) => c.name.startsWith('igcord_link_')),
    ).toEqual([]);

    // Reused: the same link opened again links nothing new.
    const reused = await choose(page, url, igcord.personId, usernames()[1]!, 'authorize');
    expect(reused).toContain('This link is not valid');
    expect((await igcord.app.storage.accounts.get(igcord.personId))?.username).toBe(username);
  });

  it("links nothing when a victim's browser completes an attacker's link, and says why", async () => {
    const attacker = newPerson('browser-attacker');
    const victim = newPerson('browser-victim');
    const url = await linkUrl(attacker);
    // The victim's own browser profile: no cookie of the attacker's.
    const victimContext: BrowserContext = await browser.newContext();
    try {
      const tab = await victimContext.newPage();
      const text = await choose(tab, url, victim, usernames()[4]!, 'authorize');
      expect(text).toContain('This link was made for another Discord account');
      expect(text).toContain('run /instagram link yourself');
      expect(await tab.locator('main').getAttribute('data-outcome')).toBe('other-discord-user');
    } finally {
      await victimContext.close();
    }
    expect(await igcord.app.storage.accounts.get(attacker)).toBeUndefined();
    expect(await igcord.app.storage.accounts.get(victim)).toBeUndefined();
  });

  it('clicks Cancel on Instagram and lands on the cancelled page; nothing is linked', async () => {
    const person = newPerson('browser-cancel');
    const text = await choose(page, await linkUrl(person), person, usernames()[2]!, 'cancel');
    expect(text).toContain('You cancelled linking');
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
  });

  it('shows the invalid-link page for a forged state; nothing is linked', async () => {
    const person = newPerson('browser-forged');
    const forged = new URL(await linkUrl(person));
    forged.searchParams.set('state', 'F'.repeat(43));
    const text = await choose(page, forged.toString(), person, usernames()[3]!, 'authorize');
    expect(text).toContain('This link is not valid');
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
  });
});

function authorizeUrlOf(message: APIMessage): string {
  for (const row of message.components ?? []) {
    for (const component of (row as { components: { style?: number; url?: string }[] }).components) {
      if (component.style === 5 && component.url) return component.url;
    }
  }
  throw new Error('no link button on the reply');
}
