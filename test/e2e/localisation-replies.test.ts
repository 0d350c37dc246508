// The shared replies in the invoker's language, end to end: the whole of igcord in sandbox mode (v1 emulator)
// against the Discord fake, each interaction carrying the person's client `locale` as Discord sends it. A refused
// option, a post list's page buttons and their answers, tags and places, the paste-a-token modal and its refusals,
// unlinking, the scopes refusal and /help's list of what this API lacks are read in Spanish (es-ES) and Brazilian
// Portuguese (pt-BR), names and ids typed or Instagram's shown as they are; an English reader still reads English.
// /account and /hashtag, which only Graph with Facebook Login serves, run on the Graph emulator.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { linkButtonUrl, linkThroughPages, startGraphSandbox, type GraphSandbox } from '../support/graph-linking.js';

type Button = { custom_id?: string; label?: string; disabled?: boolean };
const buttons = (m: APIMessage): Button[] =>
  ((m.components ?? []) as { components?: Button[] }[]).flatMap((row) => row.components ?? []);
const labels = (m: APIMessage) => buttons(m).map((b) => b.label);
const pageNext = (m: APIMessage) =>
  buttons(m).find((b) => b.custom_id?.startsWith('page:') && /:1$/.test(b.custom_id))!;

describe('shared replies in the invoker’s language', () => {
  let igcord: FeedsIgcord;
  let guildId: string;
  let channelId: string;
  let viewer: string;
  const tag = 'probandolocale';

  const command = (
    name: string,
    subcommand: string | undefined,
    options: Record<string, string | number | boolean>,
    locale: string | undefined,
    userId = igcord.personId,
  ) =>
    igcord.discord.sendCommand({
      guildId,
      channelId,
      userId,
      name,
      ...(subcommand ? { subcommand } : {}),
      options,
      ...(locale ? { locale } : {}),
    });
  const run = (...args: Parameters<typeof command>) => command(...args).waitForReply(undefined, WAIT_MS);

  beforeAll(async () => {
    igcord = await startFeedsIgcord({}, { LINK_PASTE_LIMIT: '2', LINK_ATTEMPT_WINDOW_MS: '3600000' });
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
    const user = igcord.emulator.admin.users().find((u) => u.is_private === false)!;
    viewer = String(user.username);
    const { instagramUserId } = await igcord.link(igcord.personId, viewer);
    // Two posts with one tag: two pages, so the page buttons show.
    igcord.emulator.admin.postMedia(instagramUserId, { caption: `uno #${tag}` });
    igcord.emulator.admin.postMedia(instagramUserId, { caption: `dos #${tag}` });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  describe('a refused option', () => {
    it('explains a bad tag in Spanish and Portuguese, naming the option, and in English otherwise', async () => {
      expect((await run('tag', 'info', { name: 'sun set' }, 'es-ES')).content).toBe(
        '`name` debe ser una sola palabra de letras, dígitos, _ o emojis, sin espacios ni signos de puntuación (por ejemplo sunset o new_york).',
      );
      expect((await run('tag', 'info', { name: '#' }, 'pt-BR')).content).toBe(
        '`name` deve indicar uma tag, como sunset.',
      );
      expect((await run('tag', 'info', { name: 'sun set' }, 'en-US')).content).toBe(
        '`name` must be one word of letters, digits, _ or emoji, without spaces or punctuation (for example sunset or new_york).',
      );
    });

    it('refuses a place it cannot read, and a distance over the endpoint’s cap, in the reader’s language', async () => {
      expect((await run('location', 'info', { location: 'somewhere' }, 'pt-BR')).content).toBe(
        'Escolha um local nas sugestões, ou informe um id numérico de local do Instagram, ou coordenadas como `60.1699, 24.9384`.',
      );
      // Out of range coordinates typed as text reach the parser (Discord checks only number options' bounds).
      expect((await run('location', 'info', { location: '95, 10' }, 'es-ES')).content).toBe(
        '`lat` debe estar entre -90 y 90.',
      );
    });

    it('says what a post reference must be, quoting what was typed as typed', async () => {
      expect((await run('media', 'show', { media: 'not a post!' }, 'es-ES')).content).toBe(
        '"not a post!" no es un post de Instagram. Indica el enlace de un post (https://www.instagram.com/p/…/), su shortcode (lo que va después de /p/) o un id de media como `1368346650868743235_1127977711`.',
      );
    });

    it('says in Portuguese what a post reference must be when it is missing', async () => {
      expect((await run('media', 'show', { media: '   ' }, 'pt-BR')).content).toBe(
        'Falta o post. Informe o link de um post (https://www.instagram.com/p/…/), o shortcode dele (o que vem depois de /p/) ou um id de mídia como `1368346650868743235_1127977711`.',
      );
    });

    it('lists the scopes it knows when those typed are not, in Spanish and Portuguese', async () => {
      expect((await run('instagram', 'link', { scopes: 'everything' }, 'es-ES')).content).toMatch(
        /^Esos permisos no son válidos\. Elige entre: basic, .+ \(separados por espacios\)\.$/,
      );
      const reply = await run('instagram', 'link', { scopes: 'everything' }, 'pt-BR');
      expect(reply.content).toMatch(
        /^Essas permissões não são válidas\. Escolha entre: basic, .+ \(separadas por espaços\)\.$/,
      );
    });
  });

  describe('tags and places', () => {
    it('shows a tag and a tag search with Spanish labels, the tag as Instagram has it', async () => {
      const info = await run('tag', 'info', { name: tag }, 'es-ES');
      expect(info.embeds[0]!.title).toBe(`#${tag}`);
      expect(info.embeds[0]!.fields).toEqual([{ name: 'Posts', value: '2', inline: true }]);
      expect(info.embeds[0]!.footer?.text).toBe('Instagram · etiqueta');
      const search = await run('tag', 'search', { query: 'probando' }, 'pt-BR');
      expect(search.embeds[0]!.title).toBe('Tags que combinam com #probando');
      expect(search.embeds[0]!.description).toContain(`— 2 posts`);
      expect(search.embeds[0]!.footer?.text).toMatch(/^Instagram · \d+ tags?$/);
    });

    it('shows a location and the places near a point with Portuguese labels, and says in Spanish when none is near', async () => {
      const token = igcord.emulator.admin.mintToken({ username: viewer }).access_token;
      const read = async (path: string) =>
        ((await (await fetch(`${igcord.emulator.url}/v1${path}?access_token=${token}`)).json()) as { data: unknown })
          .data;
      let located: { id: string; latitude: number; longitude: number } | undefined;
      for (const u of igcord.emulator.admin.users()) {
        const own = igcord.emulator.admin.mintToken({ username: String(u.username) }).access_token;
        const media = (await (
          await fetch(`${igcord.emulator.url}/v1/users/self/media/recent?access_token=${own}`)
        ).json()) as {
          data: { location: { id: string | number } | null }[];
        };
        const at = media.data.find((m) => m.location?.id != null)?.location;
        if (at) {
          located = (await read(`/locations/${String(at.id)}`)) as typeof located;
          break;
        }
      }
      expect(located).toBeDefined();
      const info = await run('location', 'info', { location: String(located!.id) }, 'pt-BR');
      expect(info.embeds[0]!.fields!.map((f) => f.name)).toEqual(
        expect.arrayContaining(['Id do local', 'Coordenadas']),
      );
      expect(info.embeds[0]!.footer?.text).toBe('Instagram · local');
      const near = await run(
        'location',
        'search',
        { lat: located!.latitude, lng: located!.longitude, distance: 750 },
        'pt-BR',
      );
      expect(near.embeds[0]!.title).toBe(`Lugares a até 750 m de ${located!.latitude}, ${located!.longitude}`);
      expect(near.embeds[0]!.footer?.text).toMatch(/^Instagram · \d+ (lugar|lugares)$/);
      const none = await run('location', 'search', { lat: -89.5, lng: 179.5, distance: 1 }, 'es-ES');
      expect(none.content).toBe('Instagram no conoce ninguna ubicación a menos de 1 m de -89.5, 179.5.');
    });

    it('refuses a place named in words it cannot look up, in Spanish and Portuguese', async () => {
      // A linked admin who has searched nowhere yet: Instagram has no search by name, so nothing to match against.
      const admin = igcord.discord.createUser({ username: 'admin-lugares' }).id;
      igcord.discord.addMember(guildId, admin, { roles: [igcord.guild.roles.admin!] });
      await igcord.link(admin, String(igcord.emulator.admin.users()[2]!.username));
      const add = (locale: string) =>
        run('feed', 'add-location', { channel: channelId, location: 'Plaza Mayor' }, locale, admin);
      expect((await add('es-ES')).content).toBe(
        'Instagram no puede encontrar un lugar solo por su nombre. Escribe coordenadas como `60.1699, 24.9384` en `location` y elige un lugar de las sugerencias, o indica su id numérico de ubicación.',
      );
      expect((await add('pt-BR')).content).toBe(
        'O Instagram não consegue encontrar um lugar só pelo nome. Digite coordenadas como `60.1699, 24.9384` em `location` e escolha um lugar nas sugestões, ou informe o id numérico do local.',
      );
    });

    it('suggests a typed location id in Spanish', async () => {
      const answer = await igcord.discord
        .sendAutocomplete({
          guildId,
          channelId,
          userId: igcord.personId,
          name: 'location',
          subcommand: 'info',
          focused: 'location',
          value: '12345',
          locale: 'es-ES',
        })
        .firstResponse();
      expect((answer.data as { choices: { name: string }[] }).choices[0]!.name).toBe('Id de ubicación 12345');
    });
  });

  describe('pages', () => {
    it('labels the page buttons in Spanish, answers another person’s press in Portuguese, and pages on in Spanish', async () => {
      const first = await run('tag', 'recent', { name: tag }, 'es-ES');
      expect(labels(first)).toEqual(['◀ Anterior', 'Página 1 de 2', 'Siguiente ▶']);
      const stranger = igcord.discord.createUser({ username: 'curioso' }).id;
      igcord.discord.addMember(guildId, stranger);
      // The list is private to its owner; a shared one can be pressed by anyone in the channel.
      const shared = await run('tag', 'recent', { name: tag, share: true }, 'es-ES');
      const refused = await igcord.discord
        .pressButton({ message: shared, customId: pageNext(shared).custom_id!, userId: stranger, locale: 'pt-BR' })
        .waitForReply(undefined, WAIT_MS);
      expect(refused.content).toBe(`Só <@${igcord.personId}> pode passar estas páginas.`);
      const press = igcord.discord.pressButton({
        message: first,
        customId: pageNext(first).custom_id!,
        userId: igcord.personId,
        locale: 'es-ES',
      });
      const second = await press.waitForReply((m) => labels(m).includes('Página 2 de 2'), WAIT_MS);
      expect(labels(second)).toEqual(['◀ Anterior', 'Página 2 de 2', 'Siguiente ▶']);
    });

    it('says in Portuguese that pages lost to a restart have expired', async () => {
      const paginator = igcord.app.bot.paginator;
      const open = paginator.openSessions;
      const list = command('tag', 'recent', { name: tag }, 'pt-BR');
      const message = await list.waitForReply(undefined, WAIT_MS);
      expect(labels(message)).toEqual(['◀ Anterior', 'Página 1 de 2', 'Próxima ▶']);
      // Discord refuses the edit that would grey its buttons out; the bot then forgets every session, as a restart does.
      const refused = igcord.discord.injectFault({
        method: 'PATCH',
        path: new RegExp(`^/webhooks/\\d+/${list.token}/messages/`),
        status: 404,
        body: { message: 'Unknown Webhook', code: 10015 },
        times: Infinity,
      });
      await eventually(() => paginator.openSessions > open || undefined, 'the list’s page session');
      await paginator.close();
      await eventually(() => refused.hits() > 0 || undefined, 'the refused edit');
      igcord.discord.clearFaults();
      const said = await igcord.discord
        .pressButton({ message, customId: pageNext(message).custom_id!, userId: igcord.personId, locale: 'pt-BR' })
        // Not the list's own message (its buttons go grey): the answer to the press.
        .waitForReply((m) => m.id !== message.id, WAIT_MS);
      expect(said.content).toBe('Estas páginas expiraram. Execute o comando de novo.');
    });
  });

  describe('pasting a token', () => {
    const pasteAs = async (userId: string, locale: string) => {
      const prompt = await run('instagram', 'link', {}, locale, userId);
      const shown = await igcord.discord
        .pressButton({ message: prompt, customId: 'instagram:paste', userId, locale })
        .firstResponse();
      return shown.data as { title: string; components: { components: { label: string }[] }[] };
    };
    const submit = (userId: string, token: string, locale: string) =>
      igcord.discord
        .submitModal({ customId: 'instagram:paste-token', fields: { token }, userId, locale })
        .waitForReply(undefined, WAIT_MS);

    it('opens the modal in Spanish and refuses a malformed, then a rejected token, then too many, in the reader’s language', async () => {
      const person = igcord.discord.createUser({ username: 'pegador' }).id;
      igcord.discord.addMember(guildId, person);
      const modal = await pasteAs(person, 'es-ES');
      expect(modal.title).toBe('Pegar un token de acceso de Instagram');
      expect(modal.components.map((row) => row.components[0]!.label)).toEqual([
        'Token de acceso',
        'Permisos concedidos a este token',
      ]);
      expect((await submit(person, 'no es un token', 'es-ES')).content).toBe(
        'Eso no parece un token de acceso de Instagram. No se vinculó nada.',
      );
      for (let i = 0; i < 2; i++) {
        expect((await submit(person, `1.revocado${i}.0123456789abcdef`, 'pt-BR')).content).toBe(
          'O Instagram não aceitou esse token: ele é inválido, foi revogado ou expirou. Nada foi vinculado.',
        );
      }
      expect((await submit(person, '1.otro.0123456789abcdef', 'es-ES')).content).toMatch(
        /^Has pegado 2 tokens en un plazo de una hora\. Podrás volver a pegar uno <t:\d+:R>\. No se vinculó nada\.$/,
      );
    });

    it('says in Portuguese, with the window in its words, that too many link prompts were asked for', async () => {
      const person = igcord.discord.createUser({ username: 'insistente' }).id;
      igcord.discord.addMember(guildId, person);
      // LINK_PROMPT_LIMIT is 10 by default; the window here is an hour.
      for (let i = 0; i < 10; i++) await run('instagram', 'link', {}, 'pt-BR', person);
      expect((await run('instagram', 'link', {}, 'pt-BR', person)).content).toMatch(
        /^Você pediu 10 links de vinculação em um intervalo de uma hora\. Pode pedir de novo <t:\d+:R>; o último link que recebeu ainda funciona até expirar\.$/,
      );
    });

    it('confirms a pasted link in Portuguese', async () => {
      const person = igcord.discord.createUser({ username: 'colador' }).id;
      igcord.discord.addMember(guildId, person);
      await pasteAs(person, 'pt-BR');
      const minted = igcord.emulator.admin.mintToken({ username: String(igcord.emulator.admin.users()[3]!.username) });
      const linked = await submit(person, minted.access_token, 'pt-BR');
      expect(linked.content).toBe(
        `A conta do Instagram **@${String(minted.user.username).replace(/_/g, '\\_')}** foi vinculada à sua conta do Discord. Experimente \`/instagram me\`.`,
      );
    });
  });

  describe('unlinking', () => {
    it('asks in Spanish, cancels in Spanish, and unlinks in Portuguese naming the paused feed', async () => {
      const person = igcord.discord.createUser({ username: 'desvinculador' }).id;
      const username = String(igcord.emulator.admin.users()[5]!.username);
      const { instagramUserId } = await igcord.link(person, username);
      const feedChannel = igcord.discord.createChannel(guildId, { name: 'desvinculado' });
      const feed = await igcord.addFeed({
        channelId: feedChannel,
        ownerDiscordUserId: person,
        source: { kind: 'account', instagramUserId },
      });
      const shown = `@${username.replace(/_/g, '\\_')}`;
      const ask = await run('instagram', 'unlink', {}, 'es-ES', person);
      expect(ask.content).toBe(
        `¿Desvincular la cuenta de Instagram **${shown}**? igcord borra su token de acceso, y el feed activo que paga se pausa hasta que la vuelvas a vincular.`,
      );
      expect(labels(ask)).toEqual(['Desvincular', 'Cancelar']);
      const cancelled = await igcord.discord
        .pressButton({ message: ask, customId: 'instagram:unlink-cancel', userId: person, locale: 'es-ES' })
        .waitForReply((m) => m.components?.length === 0, WAIT_MS);
      expect(cancelled.content).toBe('Cancelado; tu cuenta de Instagram sigue vinculada.');
      const again = await run('instagram', 'unlink', {}, 'pt-BR', person);
      const done = await igcord.discord
        .pressButton({ message: again, customId: 'instagram:unlink-confirm', userId: person, locale: 'pt-BR' })
        .waitForReply((m) => m.components?.length === 0, WAIT_MS);
      expect(done.content).toBe(
        [
          `A conta do Instagram **${shown}** foi desvinculada. O igcord apagou o token de acesso dela.`,
          `Um feed seu agora está pausado, e será retomado quando você vincular ${shown} de novo:`,
          `• posts de ${shown} em <#${feedChannel}> (feed \`${feed.id}\`)`,
        ].join('\n'),
      );
      expect((await run('instagram', 'unlink', {}, 'es-ES', person)).content).toBe(
        'No tienes ninguna cuenta de Instagram vinculada, así que no hay nada que desvincular.',
      );
    });
  });

  describe('/help', () => {
    it('says in Spanish and Portuguese what this Instagram API cannot do, and in English for an English reader', async () => {
      const text = (m: APIMessage) => m.embeds.flatMap((e) => (e.fields ?? []).map((f) => f.value)).join('\n');
      // The list continues in follow-ups; what the API lacks closes it.
      const lacking = (locale: string) =>
        command('help', undefined, {}, locale).waitForReply((m) => text(m).includes('`/insights`'), WAIT_MS);
      expect(text(await lacking('es-ES'))).toContain(
        '`/insights` — la API Platform v1 de Instagram no tiene estadísticas.',
      );
      expect(text(await lacking('pt-BR'))).toContain(
        '`/insights` — a Platform API v1 do Instagram não tem estatísticas.',
      );
      expect(text(await lacking('en-US'))).toContain("`/insights` — Instagram's Platform API v1 has no insights.");
    });
  });
});

// /account and /hashtag exist on Graph with Facebook Login only: their lists and pages, on the Graph emulator.
describe('Graph post lists in the invoker’s language', () => {
  let sandbox: GraphSandbox;
  const send = (name: string, subcommand: string, options: Record<string, string>, locale: string) => {
    const { discord, guild, personId } = sandbox.app.sandbox!;
    return discord
      .sendCommand({
        guildId: guild.guildId,
        channelId: guild.channels.general!,
        userId: personId,
        name,
        subcommand,
        options,
        locale,
      })
      .waitForReply(undefined, WAIT_MS);
  };

  beforeAll(async () => {
    sandbox = await startGraphSandbox('facebook');
    const { discord, guild, personId } = sandbox.app.sandbox!;
    const handle = discord.sendCommand({
      guildId: guild.guildId,
      channelId: guild.channels.general!,
      userId: personId,
      name: 'instagram',
      subcommand: 'link',
    });
    await linkThroughPages(sandbox.graph, await linkButtonUrl(handle), personId, 'igcord.studio');
    await handle.waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);
    sandbox.graph.admin.postMedia('harbor.cafe', { type: 'image', caption: 'Harbor at dusk #sunset' });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('pages an account’s posts in Spanish and a hashtag’s in Portuguese, names and tags as Instagram has them', async () => {
    const posts = await send('account', 'posts', { username: 'harbor.cafe' }, 'es-ES');
    expect(posts.content).toMatch(/^Posts recientes de \*\*@harbor\.cafe\*\* · post 1( de \d+)?$/);
    const tagged = await send('hashtag', 'recent', { name: 'sunset' }, 'pt-BR');
    expect(tagged.content).toMatch(/^Posts com \*\*#sunset\*\* nas últimas 24 horas · post 1( de \d+)?$/);
    const info = await send('hashtag', 'info', { name: 'sunset' }, 'es-ES');
    expect(info.content).toMatch(/^\*\*#sunset\*\* es el hashtag `\d+` en Instagram\.$/);
  });
});
