// The OAuth link flow in a real browser: headless Chromium (Debian's, driven by playwright-core) opens the link
// button's URL, a person clicks Authorize (or Cancel) on the Instagram emulator's page, and lands on igcord's
// callback page. The page names the linked account, the token is stored only encrypted, and Cancel, a forged
// state and a reused state each show their page and link nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

const WAIT_MS = 15_000;
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
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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

  /** Opens the authorize page as `username`, presses the form's button, and waits for igcord's callback page. */
  async function choose(url: string, username: string, form: 'authorize' | 'cancel'): Promise<string> {
    await page.goto(`${url}&username=${encodeURIComponent(username)}`);
    await Promise.all([page.waitForURL(/\/oauth\/callback\?/, { timeout: WAIT_MS }), page.click(`#${form} button[type=submit]`)]);
    return page.locator('main').innerText();
  }

  it('clicks Authorize and lands on the page naming the linked account; the stored token is encrypted', async () => {
    const username = usernames()[0]!;
    const url = await linkUrl(igcord.personId);
    const text = await choose(url, username, 'authorize');
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

    // Reused: the same link (same state) authorized again, as another account, links nothing new.
    const reused = await choose(url, usernames()[1]!, 'authorize');
    expect(reused).toContain('This link is not valid');
    expect((await igcord.app.storage.accounts.get(igcord.personId))?.username).toBe(username);
  });

  it('clicks Cancel and lands on the cancelled page; nothing is linked', async () => {
    const person = newPerson('browser-cancel');
    const text = await choose(await linkUrl(person), usernames()[2]!, 'cancel');
    expect(text).toContain('You cancelled linking');
    expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
  });

  it('shows the invalid-link page for a forged state; nothing is linked', async () => {
    const person = newPerson('browser-forged');
    const forged = new URL(await linkUrl(person));
    forged.searchParams.set('state', 'F'.repeat(43));
    const text = await choose(forged.toString(), usernames()[3]!, 'authorize');
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
