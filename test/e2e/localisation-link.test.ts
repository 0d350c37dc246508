// The link flow in the person's language, end to end: the real bot on the Discord fake, /instagram link sent with the
// person's client `locale` as Discord sends it, a cookie-keeping browser through igcord's link page, the fake's
// Discord authorize page, the Instagram emulator's authorize page and the real callback. Every page the browser sees
// and every edit of the ephemeral reply speak the locale of the interaction that asked; a page whose state igcord
// does not know speaks the browser's Accept-Language; a state stored without a locale speaks English.
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../../src/console/form-browser.js';
import { newBrowserBinding } from '../../src/http/link-cookie.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { walkLink, type WalkAs } from '../support/link-walk.js';
import { WAIT_MS } from '../support/eventually.js';

/** What each language's page and reply say, as a person reading them would look for it. */
const WORDS = {
  'es-ES': {
    lang: 'es',
    close: 'Puedes cerrar esta pestaña y volver a Discord.',
    linkedPage: 'ahora está vinculada a el usuario de Discord',
    linkedReply: 'quedó vinculada a tu cuenta de Discord',
    cancelledPage: 'Cancelaste la vinculación',
    cancelledInstagramPage: 'Decidiste no dar a igcord acceso a tu cuenta de Instagram',
    cancelledInstagramReply: 'Se canceló la vinculación en Instagram; no se vinculó nada.',
    cancelledDiscordPage: 'Decidiste no confirmar tu cuenta de Discord',
    cancelledDiscordReply: 'Se canceló la vinculación en Discord; no se vinculó nada.',
    otherUserPage: 'Este enlace se hizo para otra cuenta de Discord',
    otherUserReply: 'Otra cuenta de Discord abrió tu enlace',
    mismatchPage: 'Este inicio de sesión no empezó en este navegador',
    mismatchReply: 'Discord devolvió el inicio de sesión a un navegador que no abrió tu enlace',
    refusedCodePage: 'Instagram rechazó el código de inicio de sesión',
    refusedCodeReply: 'La vinculación falló: Instagram no aceptó el código de inicio de sesión',
    noCodePage: 'Instagram no envió ningún código de inicio de sesión',
    noCodeReply: 'La vinculación no se completó (Instagram no envió ningún código de inicio de sesión).',
  },
  'pt-BR': {
    lang: 'pt-BR',
    close: 'Você pode fechar esta aba e voltar para o Discord.',
    linkedPage: 'agora está vinculada a o usuário do Discord',
    linkedReply: 'foi vinculada à sua conta do Discord',
    cancelledPage: 'Você cancelou a vinculação',
    cancelledInstagramPage: 'Você escolheu não dar ao igcord acesso à sua conta do Instagram',
    cancelledInstagramReply: 'A vinculação foi cancelada no Instagram; nada foi vinculado.',
    cancelledDiscordPage: 'Você escolheu não confirmar a sua conta do Discord',
    cancelledDiscordReply: 'A vinculação foi cancelada no Discord; nada foi vinculado.',
    otherUserPage: 'Este link foi criado para outra conta do Discord',
    otherUserReply: 'Outra conta do Discord abriu o seu link',
    mismatchPage: 'Este login não começou neste navegador',
    mismatchReply: 'o Discord devolveu o login para um navegador que não abriu o seu link',
    refusedCodePage: 'O Instagram recusou o código de login',
    refusedCodeReply: 'A vinculação falhou: O Instagram não aceitou o código de login',
    noCodePage: 'O Instagram não enviou nenhum código de login',
    noCodeReply: 'A vinculação não foi concluída (o Instagram não enviou nenhum código de login).',
  },
} as const;

describe('the link flow in the person’s language', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;
  let people = 0;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  function newPerson(username: string): string {
    people += 1;
    const user = igcord.discord.createUser({ username: `${username}-${people}` });
    igcord.discord.addMember(guildId, user.id);
    return user.id;
  }

  const instagramUsername = (i: number) => String(igcord.emulator.admin.users()[i]!.username);

  /** Runs /instagram link in `locale`; returns the interaction and the address on its link button. */
  async function startLink(userId: string, locale: string | undefined) {
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId,
      userId,
      name: 'instagram',
      subcommand: 'link',
      ...(locale ? { locale } : {}),
    });
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { handle, url: linkButtonUrl(reply) };
  }

  async function walk(url: string, as: WalkAs, browser = new FormBrowser()) {
    return (await walkLink(igcord, browser, url, as)).page;
  }

  describe.each(['es-ES', 'pt-BR'] as const)('%s', (locale) => {
    const words = WORDS[locale];

    it('links: the page and the edited reply are in the person’s language', async () => {
      const person = newPerson(`link-${locale}`);
      const username = instagramUsername(locale === 'es-ES' ? 0 : 1);
      const { handle, url } = await startLink(person, locale);
      const page = await walk(url, { discordUserId: person, instagramUsername: username });
      expect(page.status).toBe(200);
      expect(page.html).toContain('data-outcome="linked"');
      expect(page.html).toContain(`<html lang="${words.lang}">`);
      expect(page.html).toContain(`@${username}`);
      expect(page.html).toContain(words.linkedPage);
      expect(page.html).toContain(escaped(words.close));
      expect(page.html).not.toContain('You can close this tab');
      const edited = await handle.waitForReply((m) => m.content.includes(words.linkedReply), WAIT_MS);
      expect(edited.content).not.toContain('Linked Instagram account');
      expect((await igcord.app.storage.accounts.get(person))?.username).toBe(username);
    });

    it('cancels on Instagram: the page and the edited reply say so in the person’s language', async () => {
      const person = newPerson(`cancel-ig-${locale}`);
      const { handle, url } = await startLink(person, locale);
      const page = await walk(url, {
        discordUserId: person,
        instagramUsername: instagramUsername(2),
        instagram: 'cancel',
      });
      expect(page.html).toContain('data-outcome="cancelled"');
      expect(page.html).toContain(`<html lang="${words.lang}">`);
      expect(page.html).toContain(escaped(words.cancelledPage));
      expect(page.html).toContain(escaped(words.cancelledInstagramPage));
      await handle.waitForReply((m) => m.content.includes(words.cancelledInstagramReply), WAIT_MS);
      expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    });

    it('cancels on Discord: the Discord step answers in the person’s language too', async () => {
      const person = newPerson(`cancel-dc-${locale}`);
      const { handle, url } = await startLink(person, locale);
      const page = await walk(url, {
        discordUserId: person,
        instagramUsername: instagramUsername(2),
        discord: 'cancel',
      });
      expect(page.html).toContain('data-outcome="cancelled"');
      expect(page.html).toContain(`<html lang="${words.lang}">`);
      expect(page.html).toContain(escaped(words.cancelledDiscordPage));
      await handle.waitForReply((m) => m.content.includes(words.cancelledDiscordReply), WAIT_MS);
    });

    it('a link opened by another Discord account is refused in the language of the person who asked', async () => {
      const person = newPerson(`owner-${locale}`);
      const other = newPerson(`other-${locale}`);
      const { handle, url } = await startLink(person, locale);
      const page = await walk(url, { discordUserId: other, instagramUsername: instagramUsername(3) });
      expect(page.status).toBe(403);
      expect(page.html).toContain('data-outcome="other-discord-user"');
      expect(page.html).toContain(escaped(words.otherUserPage));
      await handle.waitForReply((m) => m.content.includes(words.otherUserReply), WAIT_MS);
      expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    });

    it('a sign-in brought back to another browser is refused in the person’s language', async () => {
      const person = newPerson(`mismatch-${locale}`);
      const { handle, url } = await startLink(person, locale);
      // The person's browser opens the link and reaches Discord's authorize page; another browser, without the
      // link's cookie, submits that page and is sent back to igcord.
      const onDiscord = await new FormBrowser().get(url);
      const back = await new FormBrowser().submit(onDiscord, 'authorize', { user_id: person, decision: 'authorize' });
      const html = back.html;
      expect(html).toContain('data-outcome="browser-mismatch"');
      expect(html).toContain(`<html lang="${words.lang}">`);
      expect(html).toContain(escaped(words.mismatchPage));
      await handle.waitForReply((m) => m.content.includes(words.mismatchReply), WAIT_MS);
    });
  });

  describe.each(['es-ES', 'pt-BR'] as const)('%s, back from Instagram without a usable code', (locale) => {
    const words = WORDS[locale];

    /** Walks the person's browser to Instagram's authorize page; the callback address it would come back to. */
    async function atInstagram(person: string) {
      const { handle, url } = await startLink(person, locale);
      const browser = new FormBrowser();
      const onDiscord = await browser.get(url);
      const onInstagram = await browser.submit(onDiscord, 'authorize', { user_id: person, decision: 'authorize' });
      const state = new URL(onInstagram.url).searchParams.get('state')!;
      return { handle, browser, callback: `${igcord.app.http.url}/oauth/callback?state=${state}` };
    }

    it('a code Instagram refuses: the page and the reply say so in the person’s language', async () => {
      const { handle, browser, callback } = await atInstagram(newPerson(`badcode-${locale}`));
      const page = await browser.get(`${callback}&code=not-a-real-code`);
      expect(page.html).toContain('data-outcome="exchange-refused"');
      expect(page.html).toContain(`<html lang="${words.lang}">`);
      expect(page.html).toContain(escaped(words.refusedCodePage));
      await handle.waitForReply((m) => m.content.includes(words.refusedCodeReply), WAIT_MS);
    });

    it('no code at all: the page and the reply say so in the person’s language', async () => {
      const { handle, browser, callback } = await atInstagram(newPerson(`nocode-${locale}`));
      const page = await browser.get(callback);
      expect(page.html).toContain('data-outcome="missing-code"');
      expect(page.html).toContain(escaped(words.noCodePage));
      await handle.waitForReply((m) => m.content.includes(words.noCodeReply), WAIT_MS);
    });
  });

  describe('a state igcord does not know: the browser’s language', () => {
    const forged = 'A'.repeat(43);
    const refused = (path: string, acceptLanguage?: string) =>
      fetch(`${igcord.app.http.url}${path}?state=${forged}&code=abc`, {
        headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
      }).then(async (r) => ({ status: r.status, html: await r.text() }));

    it('Accept-Language: es gets the Spanish page, on every step', async () => {
      for (const path of ['/oauth/callback', '/link', '/link/discord-callback']) {
        const page = await refused(path, 'es');
        expect(page.status).toBe(400);
        expect(page.html).toContain('data-outcome="state-invalid"');
        expect(page.html).toContain('<html lang="es">');
        expect(page.html).toContain('Este enlace no es válido');
        expect(page.html).toContain('Puedes cerrar esta pestaña');
      }
    });

    it('the best match among en, es and pt-BR wins; anything else is English', async () => {
      const lang = async (header: string | undefined) =>
        /<html lang="([^"]+)">/.exec((await refused('/oauth/callback', header)).html)?.[1];
      expect(await lang('fr-FR, pt;q=0.8, es;q=0.5')).toBe('pt-BR');
      expect(await lang('en;q=0.2, es-MX;q=0.9')).toBe('es');
      expect(await lang('pt-BR')).toBe('pt-BR');
      expect(await lang('fr, de;q=0.5')).toBe('en');
      expect(await lang(undefined)).toBe('en');
      const english = await refused('/oauth/callback', 'de');
      expect(english.html).toContain('This link is not valid');
      expect(english.html).toContain('You can close this tab and go back to Discord.');
    });
  });

  it('keeps the locale through the link state, and refuses one that is not a Discord locale code', async () => {
    const person = newPerson('state-locale');
    const made = await igcord.app.storage.oauthStates.create({
      discordUserId: person,
      scopes: ['basic'],
      locale: 'pt-BR',
    });
    const taken = await igcord.app.storage.oauthStates.take(made.state, { stage: 'link' });
    expect(taken.ok ? taken.state.locale : undefined).toBe('pt-BR');
    const peeked = await igcord.app.storage.oauthStates.create({
      discordUserId: person,
      scopes: ['basic'],
      locale: 'es-419',
    });
    const read = await igcord.app.storage.oauthStates.peek(peeked.state, { stage: 'link' });
    expect(read.ok ? read.state.locale : undefined).toBe('es-419');
    await expect(
      igcord.app.storage.oauthStates.create({ discordUserId: person, scopes: ['basic'], locale: '<script>' }),
    ).rejects.toThrow();
  });

  describe('English unchanged', () => {
    it('an English person links and cancels in English', async () => {
      const person = newPerson('link-en');
      const username = instagramUsername(4);
      const { handle, url } = await startLink(person, 'en-US');
      const page = await walk(url, { discordUserId: person, instagramUsername: username });
      expect(page.html).toContain('<html lang="en">');
      expect(page.html).toContain(`Linked @${username}`);
      expect(page.html).toContain(`Instagram account @${username} is now linked to Discord user`);
      await handle.waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);

      const canceller = newPerson('cancel-en');
      const started = await startLink(canceller, undefined);
      const cancelled = await walk(started.url, {
        discordUserId: canceller,
        instagramUsername: username,
        instagram: 'cancel',
      });
      expect(cancelled.html).toContain('You cancelled linking');
      await started.handle.waitForReply((m) => m.content.includes('Linking was cancelled on Instagram'), WAIT_MS);
    });

    it('a state stored before states kept a locale is answered in English, whatever the browser asks', async () => {
      const person = newPerson('old-state');
      const binding = newBrowserBinding();
      const state = await igcord.app.storage.oauthStates.create({
        stage: 'instagram',
        browserHash: binding.hash,
        flowId: binding.flowId,
        discordUserId: person,
        scopes: ['basic'],
      });
      const response = await fetch(`${igcord.app.http.url}/oauth/callback?state=${state.state}&error=access_denied`, {
        headers: { cookie: `igcord_link_${binding.flowId}=${binding.nonce}`, 'accept-language': 'es' },
      });
      const html = await response.text();
      expect(html).toContain('data-outcome="cancelled"');
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('You cancelled linking');
    });
  });
});

/** Text as the page carries it: the page escapes quotes and the like. */
function escaped(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function linkButtonUrl(message: APIMessage): string {
  for (const row of message.components ?? []) {
    for (const component of (row as { components: { style?: number; url?: string }[] }).components) {
      if (component.style === 5 && component.url) return component.url;
    }
  }
  throw new Error(`no link button on the message: ${JSON.stringify(message.components)}`);
}
