// Linking on the Graph provider in a real browser: headless Chromium (Debian's, driven by playwright-core) opens the
// link button's URL, confirms on the Discord fake's authorize page, then allows on the Graph emulator's Instagram
// Login page or Facebook Login dialog, and lands on igcord's callback page. A personal account, under Facebook
// Login, lands on the page that says why it cannot link.
import type { APIMessage } from 'discord-api-types/v10';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphEmulator } from '../../sandbox/instagram-graph/index.js';
import type { TestIgcord } from '../support/igcord-harness.js';
import { startOnGraph } from '../support/graph-linking.js';
import { WAIT_MS } from '../support/eventually.js';

describe.each(['instagram', 'facebook'] as const)('linking on Graph with %s login in a real browser', (login) => {
  let igcord: TestIgcord;
  let emulator: GraphEmulator;
  let browser: Browser;

  beforeAll(async () => {
    ({ igcord, emulator } = await startOnGraph(login));
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
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await igcord?.close();
    await emulator?.close();
  });

  const origin = (url: string) => new URL(url).origin;

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

  /** Opens the link, confirms on Discord as `discordUserId`, allows on the Graph page as `account`; igcord's page text. */
  async function allow(tab: Page, url: string, discordUserId: string, account: string): Promise<string> {
    await tab.goto(url);
    expect(origin(tab.url())).toBe(origin(igcord.discord.url));
    await tab.selectOption('#authorize select[name=user_id]', discordUserId);
    await Promise.all([
      tab.waitForURL((u) => origin(u.toString()) === origin(emulator.url), { timeout: WAIT_MS }),
      tab.click('#authorize button[type=submit]'),
    ]);
    const view = emulator.admin.accounts().find((a) => a.username === account)!;
    if (login === 'instagram') {
      expect(new URL(tab.url()).pathname).toBe('/oauth/authorize');
      await tab.selectOption('#authorize select[name=username]', account);
    } else {
      expect(new URL(tab.url()).pathname).toMatch(/^\/facebook-www\/v[\d.]+\/dialog\/oauth$/);
      await tab.selectOption('#authorize select[name=user_id]', view.facebook_user_id!);
    }
    await Promise.all([
      tab.waitForURL(/\/oauth\/callback\?/, { timeout: WAIT_MS }),
      tab.click('#authorize button[type=submit]'),
    ]);
    expect(origin(tab.url())).toBe(origin(igcord.app.http.url));
    return tab.locator('main').innerText();
  }

  it('confirms on Discord, allows on the provider and lands on the page naming the account', async () => {
    const person = newPerson(`browser-${login}`);
    const tab = await browser.newPage();
    const text = await allow(tab, await linkUrl(person), person, 'igcord.studio');
    expect(text).toContain('Instagram account @igcord.studio is now linked');
    expect(await tab.locator('main').getAttribute('data-outcome')).toBe('linked');
    const { accessToken } = (await igcord.app.storage.accounts.getWithToken(person))!;
    expect(emulator.issuedTokens()).toContain(accessToken);
    expect(await tab.content()).not.toContain(accessToken);
    expect((await igcord.app.storage.accounts.get(person))?.login).toBe(login);
  });

  if (login === 'facebook') {
    it('lands a personal account on the page saying why it cannot link', async () => {
      const person = newPerson('browser-personal');
      const tab = await browser.newPage();
      const text = await allow(tab, await linkUrl(person), person, 'mila.personal');
      expect(text).toContain('This Instagram account cannot be linked');
      expect(text).toContain('professional');
      expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    });
  }
});

function authorizeUrlOf(message: APIMessage): string {
  for (const row of message.components ?? []) {
    for (const component of (row as { components: { style?: number; url?: string }[] }).components) {
      if (component.style === 5 && component.url) return component.url;
    }
  }
  throw new Error('no link button on the reply');
}
