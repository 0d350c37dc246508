// How a feed's posts are crafted and explained, in the reader's language, end to end through the real discord.js
// client against the Discord fake and the Instagram v1 emulator: /feed settings, /feed template (its modal, the
// reasons a template is refused, its preview, Save and Cancel), /feed preview, /feed filter, /feed why and /feed
// edit's digest options answer a person whose Discord speaks es-ES or pt-BR in Spanish or Portuguese; a template's
// link button and a digest's title speak the server's preferred language; placeholders, typed values, patterns,
// captions and re2js's own error wording stay as they are; and an English reader and server still read English.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { startDigestWorld, type DigestWorld } from '../support/digest-igcord.js';
import { replyIdOf } from '../support/reply-id.js';
import { WAIT_MS } from '../support/eventually.js';
import type { Feed } from '../../src/storage/index.js';

const labelsOf = (m: APIMessage) =>
  (m.components ?? []).flatMap((row) => (row as { components: { label?: string }[] }).components.map((c) => c.label));

describe('feed templates, filters and /feed why in the reader’s language', () => {
  let igcord: FeedsIgcord;
  let general: string;
  let me: { instagramUserId: string; username: string };
  let feed: Feed;

  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { RATE_LIMIT_WINDOW_MS: '10000' });
    general = igcord.guild.channels.general!;
    const user = igcord.emulator.admin.users()[2]!;
    me = { username: String(user.username), instagramUserId: '' };
    ({ instagramUserId: me.instagramUserId } = await igcord.link(igcord.personId, me.username));
    igcord.emulator.admin.postMedia(me.instagramUserId, { caption: 'Amanecer en el muelle\nsegunda línea' });
    feed = await igcord.addFeed({
      channelId: igcord.discord.createChannel(igcord.guild.guildId, { name: 'plantillas' }),
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId: me.instagramUserId },
    });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const send = (
    subcommand: string,
    options: Record<string, string | number | boolean>,
    locale: string | undefined,
    subcommandGroup?: string,
  ) =>
    igcord.discord.sendCommand({
      channelId: general,
      userId: igcord.personId,
      name: 'feed',
      ...(subcommandGroup !== undefined ? { subcommandGroup } : {}),
      subcommand,
      options,
      ...(locale !== undefined ? { locale } : {}),
    });
  async function command(
    subcommand: string,
    options: Record<string, string | number | boolean>,
    locale: string | undefined,
    subcommandGroup?: string,
  ): Promise<APIMessage & { replyId: string | undefined }> {
    const handle = send(subcommand, options, locale, subcommandGroup);
    const reply = await handle.waitForReply(undefined, WAIT_MS);
    return { ...reply, replyId: replyIdOf(igcord, handle.id) };
  }
  const submit = (fields: Record<string, string>, locale: string) =>
    igcord.discord.submitModal({ customId: `feed:tpl-modal:${feed.id}`, fields, userId: igcord.personId, locale });
  const good = {
    content: 'Nuevo de {author}',
    title: '{caption_first_line}',
    description: '{caption}',
    footer: '{time}',
    more: 'author: {author}\ncolour: #112233\nimage: first\nbutton: on',
  };
  const stored = async () => (await igcord.app.storage.feeds.get(feed.id))!;

  it('/feed settings answers in Spanish and Portuguese, refusing an unknown zone with nothing changed', async () => {
    const bad = await command('settings', { timezone: 'Marte/Olimpo' }, 'es-ES');
    expect(bad.replyId).toBe('feeds.settings-invalid');
    expect(bad.content).toBe(
      '`Marte/Olimpo` no es una zona horaria: usa un nombre IANA como Europe/Madrid o America/Mexico_City. No se cambió nada.',
    );
    expect(await igcord.app.storage.guildSettings.time(igcord.guild.guildId)).toBeUndefined();
    const es = await command('settings', { timezone: 'Europe/Madrid', 'time-format': 'short' }, 'es-ES');
    expect(es.content).toMatch(
      /^Las plantillas de feed de este servidor escriben las horas en Europe\/Madrid, con el estilo corto: ahora es «.+»\.$/,
    );
    const pt = await command('settings', { 'time-format': 'medium' }, 'pt-BR');
    expect(pt.content).toMatch(
      /^Os modelos de feed deste servidor escrevem os horários em Europe\/Madrid, no estilo médio/,
    );
    const en = await command('settings', {}, undefined);
    expect(en.content).toMatch(/^Feed templates of this server write times in Europe\/Madrid, medium style: now is "/);
  });

  it('opens the template form in Portuguese, its settings and placeholders as typed', async () => {
    const response = await send('template', { feed: feed.id }, 'pt-BR').firstResponse();
    expect(response.type).toBe(9);
    const data = response.data as {
      title: string;
      components: { components: { label: string; value?: string; placeholder?: string }[] }[];
    };
    expect(data.title).toBe(`Modelo do feed ${feed.id}`);
    const inputs = data.components.map((row) => row.components[0]!);
    expect(inputs.map((i) => i.label)).toEqual([
      'Texto da mensagem',
      'Título do embed',
      'Descrição do embed',
      'Rodapé do embed',
      'Autor, cor, imagem, botão',
    ]);
    expect(inputs[0]!.placeholder).toBe('Novo post de {author}: {permalink}');
    expect(inputs[4]!.value).toContain('colour: #E1306C');
  });

  it('refuses an invalid template with the reasons in Portuguese and Spanish, and saves nothing', async () => {
    const pt = await submit({ ...good, title: 'Por {user}', more: 'colour: rosa' }, 'pt-BR').waitForReply(
      undefined,
      WAIT_MS,
    );
    expect(pt.content).toContain(`O modelo do feed \`${feed.id}\` não foi salvo:`);
    expect(pt.content).toContain('- `rosa` não é uma cor: escreva como #RRGGBB (ex.: #E1306C) ou none.');
    const es = await submit({ ...good, title: 'Por {user}' }, 'es-ES').waitForReply(undefined, WAIT_MS);
    expect(es.content).toContain(`La plantilla del feed \`${feed.id}\` no se guardó:`);
    expect(es.content).toContain('- Marcador desconocido `{user}` en el título. Marcadores disponibles: {author},');
    const long = await submit({ ...good, title: '{caption}' }, 'pt-BR').waitForReply(undefined, WAIT_MS);
    expect(long.content).toContain(
      '- O título pode chegar a 2200 caracteres com o post mais longo possível (o Discord permite 256).',
    );
    expect((await stored()).template).toBeUndefined();
  });

  it('previews a valid template in Spanish with Spanish buttons, and cancels it in Spanish', async () => {
    const draft = await submit(good, 'es-ES').waitForReply((m) => m.content.startsWith('Vista previa'), WAIT_MS);
    expect(draft.content).toMatch(
      new RegExp(
        `^Vista previa de la nueva plantilla del feed \`${feed.id}\` con el último post de su origen\\. ¿La guardas\\?\\n`,
      ),
    );
    expect(draft.embeds[0]!.title).toBe('Amanecer en el muelle');
    expect(labelsOf(draft)).toEqual(['Abrir en Instagram', 'Guardar', 'Cancelar']);
    const cancelled = await igcord.discord
      .pressButton({
        message: draft,
        customId: `feed:tpl-cancel:${feed.id}:${igcord.personId}`,
        userId: igcord.personId,
        locale: 'es-ES',
      })
      .waitForReply((m) => m.content.startsWith('Cancelado'), WAIT_MS);
    expect(cancelled.content).toBe('Cancelado: la plantilla no se guardó.');
    expect((await stored()).template).toBeUndefined();
  });

  it('saves a template in Portuguese, says in Spanish that an answered preview expired, and resets it', async () => {
    const older = await submit(good, 'es-ES').waitForReply((m) => m.content.startsWith('Vista previa'), WAIT_MS);
    const shown = await submit(good, 'pt-BR').waitForReply((m) => m.content.startsWith('Prévia'), WAIT_MS);
    expect(labelsOf(shown)).toEqual(['Abrir no Instagram', 'Salvar', 'Cancelar']);
    const save = (message: APIMessage, locale: string) =>
      igcord.discord.pressButton({
        message,
        customId: `feed:tpl-save:${feed.id}:${igcord.personId}`,
        userId: igcord.personId,
        locale,
      });
    const saved = await save(shown, 'pt-BR').waitForReply((m) => m.content.startsWith('Salvo'), WAIT_MS);
    expect(saved.content).toBe(`Salvo: os novos posts do feed \`${feed.id}\` usam este modelo.`);
    expect((await stored()).template).toMatchObject({ content: 'Nuevo de {author}', button: true });
    // The newer preview took the draft: the older one's Save finds none, and says so in its presser's language.
    const expired = await save(older, 'es-ES').waitForReply(undefined, WAIT_MS);
    expect(expired.content).toBe('Esta vista previa caducó o ya se respondió. Vuelve a ejecutar /feed template.');

    const preview = await command('preview', { feed: feed.id }, 'es-ES');
    expect(preview.content).toMatch(
      new RegExp(
        `^Vista previa del feed \`${feed.id}\` con el último post de su origen \\(solo tú la ves\\):\\nNuevo de @`,
      ),
    );
    const english = await command('preview', { feed: feed.id }, undefined);
    expect(english.content).toMatch(new RegExp(`^Preview of feed \`${feed.id}\` on its source's latest post`));
    expect(labelsOf(english)).toEqual(['Open on Instagram']);
    const reset = await command('template', { feed: feed.id, reset: true }, 'pt-BR');
    expect(reset.content).toBe(`O feed \`${feed.id}\` volta a publicar com o layout padrão.`);
    expect((await stored()).template).toBeUndefined();
  });

  it('posts a templated feed with its link button in the server’s language, and in English in an English server', async () => {
    const guild = igcord.discord.createGuild({
      name: 'Servidor',
      ownerId: igcord.personId,
      preferredLocale: 'pt-BR',
      channels: [{ name: 'novidades' }],
    });
    const template = { ...good, content: 'Novo: {caption_first_line}', more: 'button: on' };
    const portuguese = await igcord.app.storage.feeds.add({
      guildId: guild.guildId,
      channelId: guild.channels.novidades!,
      source: { kind: 'account', instagramUserId: me.instagramUserId },
      ownerDiscordUserId: igcord.personId,
      ownerInstagramUserId: me.instagramUserId,
      createdBy: igcord.personId,
      delivery: { mode: 'message' },
    });
    await igcord.app.deliveries.initSource(portuguese);
    const englishChannel = igcord.discord.createChannel(igcord.guild.guildId, { name: 'templated-en' });
    const english = await igcord.addFeed({
      channelId: englishChannel,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId: me.instagramUserId },
    });
    const drawn = {
      content: template.content,
      title: template.title,
      description: template.description,
      author: '',
      footer: template.footer,
      image: 'first' as const,
      button: true,
    };
    await igcord.app.storage.feeds.update(portuguese.id, { template: drawn });
    await igcord.app.storage.feeds.update(english.id, { template: drawn });
    const runs = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= runs + 2, 'two more source runs');
    igcord.emulator.admin.postMedia(me.instagramUserId, { caption: 'bom dia, good morning' });
    const isIt = (m: APIMessage) => m.content === 'Novo: bom dia, good morning';
    const post = await igcord.discord.waitForMessage(guild.channels.novidades!, isIt, WAIT_MS);
    expect(labelsOf(post)).toEqual(['Abrir no Instagram']);
    expect(post.embeds[0]!.description).toBe('bom dia, good morning');
    // {time} in the server's language (a server without settings: UTC, medium), the caption as Instagram wrote it.
    expect(post.embeds[0]!.footer?.text).toMatch(/^\d{1,2} de [a-z]{3}\. de \d{4}, \d{2}:\d{2}:\d{2}$/);
    const englishPost = await igcord.discord.waitForMessage(englishChannel, isIt, WAIT_MS);
    expect(labelsOf(englishPost)).toEqual(['Open on Instagram']);
    // This server chose Europe/Madrid and the medium style earlier; its time reads as it always has.
    expect(englishPost.embeds[0]!.footer?.text).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M$/);
  });

  it('words filter rules, their refusals and their list in Spanish and Portuguese, the pattern as typed', async () => {
    const invalid = await command(
      'add',
      { feed: feed.id, mode: 'include', field: 'regex', value: '(sin' },
      'es-ES',
      'filter',
    );
    expect(invalid.replyId).toBe('feeds.filter-refused');
    // re2js's own wording of the pattern's error passes through untranslated.
    expect(invalid.content).toMatch(/^La regla no se guardó\. Expresión regular no válida: .*missing closing \)/);
    const author = await command(
      'add',
      { feed: feed.id, mode: 'include', field: 'author', value: 'x' },
      'pt-BR',
      'filter',
    );
    expect(author.content).toBe(
      'A regra não foi salva. Regras de autor são para feeds de tag e de local: um feed de conta tem um só autor.',
    );
    const kind = await command(
      'add',
      { feed: feed.id, mode: 'include', field: 'kind', value: 'gif' },
      'es-ES',
      'filter',
    );
    expect(kind.content).toBe('La regla no se guardó. El tipo es uno de estos: image, video, carousel, reel, story.');
    expect((await stored()).filters).toBeUndefined();

    const added = await command(
      'add',
      { feed: feed.id, mode: 'exclude', field: 'keyword', value: 'SPOILER' },
      'es-ES',
      'filter',
    );
    expect(added.replyId).toBeUndefined();
    expect(added.content).toMatch(/^Un post pasa cuando, en cada campo que tiene reglas de incluir/);
    expect(added.content).toContain(
      `El feed \`${feed.id}\` ahora filtra con:\nRegla 1: excluir palabra clave "SPOILER"`,
    );
    const again = await command(
      'add',
      { feed: feed.id, mode: 'exclude', field: 'keyword', value: 'SPOILER' },
      'pt-BR',
      'filter',
    );
    expect(again.content).toBe(`A regra não foi salva: o feed \`${feed.id}\` já a tem.`);
    await command('add', { feed: feed.id, mode: 'include', field: 'hashtag', value: '#guardar' }, 'pt-BR', 'filter');
    const listed = await command('list', { feed: feed.id }, 'pt-BR', 'filter');
    expect(listed.content).toContain(
      `Filtros do feed \`${feed.id}\`:\nRegra 1: excluir palavra-chave "SPOILER"\nRegra 2: incluir hashtag #guardar`,
    );
    const english = await command('list', { feed: feed.id }, undefined, 'filter');
    expect(english.content).toContain('Rule 1: exclude keyword "SPOILER"\nRule 2: include hashtag #guardar');
    const missing = await command('remove', { feed: feed.id, rule: 9 }, 'es-ES', 'filter');
    expect(missing.content).toBe(
      `El feed \`${feed.id}\` no tiene la regla 9. Ejecuta /feed filter list para ver sus reglas.`,
    );
  });

  it('/feed why says delivered and filtered (with the rule) in Spanish and Portuguese, its refusals too', async () => {
    const watching = await igcord.addFeed({
      channelId: igcord.discord.createChannel(igcord.guild.guildId, { name: 'sin-filtros' }),
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId: me.instagramUserId },
    });
    const runs = igcord.app.deliveries.stats().runs;
    await eventually(() => igcord.app.deliveries.stats().runs >= runs + 2, 'two more source runs');
    const answer = igcord.emulator.admin.postMedia(me.instagramUserId, { caption: 'un SPOILER #guardar' }) as {
      data?: { id: string; link: string };
      id?: string;
      link?: string;
    };
    const spoiler = answer.data ?? (answer as { id: string; link: string });
    const plainPost = igcord.emulator.admin.postMedia(me.instagramUserId, { caption: 'sin etiqueta' }) as {
      data?: { id: string };
      id?: string;
    };
    const plainId = plainPost.data?.id ?? plainPost.id!;
    for (const id of [spoiler.id, plainId])
      await eventually(
        async () =>
          (await igcord.app.storage.deliveries.findDelivery(feed.id, id)) !== undefined &&
          (await igcord.app.storage.deliveries.findDelivery(watching.id, id))?.messageId !== undefined,
        'both feeds to decide the post',
      );

    const es = await command('why', { post: spoiler.link }, 'es-ES');
    expect(es.content).toMatch(new RegExp(`^Qué pasó con este post de @`));
    expect(es.content).toMatch(
      new RegExp(
        `• Feed \`${feed.id}\` en <#${feed.channelId}>: filtrado por excluir palabra clave "SPOILER" <t:\\d+:R>; no se publicará\\.`,
      ),
    );
    expect(es.content).toMatch(
      new RegExp(
        `• Feed \`${watching.id}\` en <#${watching.channelId}>: publicado <t:\\d+:R>: https://discord\\.com/channels/`,
      ),
    );
    const pt = await command('why', { post: plainId }, 'pt-BR');
    expect(pt.content).toContain(
      `• Feed \`${feed.id}\` em <#${feed.channelId}>: filtrado por regras de incluir hashtag (nenhuma correspondeu) <t:`,
    );
    const en = await command('why', { post: spoiler.link }, undefined);
    expect(en.content).toContain('filtered by exclude keyword "SPOILER"');

    const notAPost = await command('why', { post: 'nada' }, 'es-ES');
    expect(notAPost.replyId).toBe('input.invalid-media');
    expect(notAPost.content).toMatch(/^«nada» no es un post de Instagram\. Indica el enlace de un post/);
    const unknown = await command('why', { post: '123_456' }, 'pt-BR');
    expect(unknown.content).toBe(
      'Nenhum feed deste servidor registrou a mídia `123_456`. Informe o link do post para ver quais feeds poderiam publicá-lo.',
    );
  });

  it('/feed edit words its digest options and refusals in Spanish and Portuguese', async () => {
    const badTime = await command('edit', { feed: feed.id, digest: 'daily', 'digest-time': '25:00' }, 'es-ES');
    expect(badTime.replyId).toBe('feeds.digest-time');
    expect(badTime.content).toBe(
      '`25:00` no es una hora del día: indica `digest-time` como HH:MM (de 00:00 a 23:59), en la zona horaria del servidor. No se cambió nada.',
    );
    const noTime = await command('edit', { feed: feed.id, digest: 'daily' }, 'pt-BR');
    expect(noTime.content).toBe(
      'Um resumo diário precisa do horário: adicione `digest-time` como HH:MM (fuso horário do servidor). Nada foi alterado.',
    );
    const hourly = await command('edit', { feed: feed.id, digest: 'hourly' }, 'es-ES');
    expect(hourly.content).toContain(' Publica un resumen cada hora (Europe/Madrid).');
    const off = await command('edit', { feed: feed.id, digest: 'off' }, 'pt-BR');
    expect(off.content).toContain(
      ' Ele publica uma mensagem por post. Os posts já reunidos ainda saem no resumo que aguardam.',
    );
  });
});

describe('a digest in the server’s language, and /feed why of a post waiting for it', () => {
  let world: DigestWorld;

  beforeAll(async () => {
    world = await startDigestWorld({
      minPollMs: 200,
      startSpreadMs: 200,
      retryBaseMs: 200,
      retryMaxMs: 1000,
      digestTickMs: 50,
    });
    await world.start();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  async function digestFeed(guildId: string, channelId: string): Promise<Feed> {
    const app = world.app();
    const feed = await app.storage.feeds.add({
      guildId,
      channelId,
      source: { kind: 'account', instagramUserId: world.instagramUserId },
      ownerDiscordUserId: world.ownerId,
      ownerInstagramUserId: world.instagramUserId,
      createdBy: world.ownerId,
      delivery: { mode: 'message' },
    });
    await app.deliveries.initSource(feed);
    return (await app.storage.feeds.update(feed.id, { digest: { every: 'hourly' } }))!;
  }

  it(
    'titles the digest in Spanish in an es-ES server, in English elsewhere, and /feed why says it waits, in Portuguese',
    { timeout: 180_000 },
    async () => {
      const guild = world.discord.createGuild({
        name: 'Servidor',
        ownerId: world.ownerId,
        preferredLocale: 'es-ES',
        channels: [{ name: 'resumenes' }],
        members: [{ userId: world.ownerId }],
      });
      const spanish = await digestFeed(guild.guildId, guild.channels.resumenes!);
      const englishChannel = world.discord.createChannel(world.guildId, { name: 'digests' });
      const english = await digestFeed(world.guildId, englishChannel);
      const answer = world.emulator.admin.postMedia(world.instagramUserId, { caption: 'hola\nsegunda' }) as {
        data?: { id: string };
        id?: string;
      };
      const id = answer.data?.id ?? answer.id!;
      const gathered = (feed: Feed) =>
        eventually(async () => {
          const { entries } = await world.app().storage.digests.read(feed.id);
          return entries.find((e) => e.post.id === id)?.dueAt;
        }, 'the post to be gathered for the digest');
      const dueAt = await gathered(english);
      await gathered(spanish);

      const why = await world.discord
        .sendCommand({
          guildId: world.guildId,
          channelId: world.generalId,
          userId: world.ownerId,
          name: 'feed',
          subcommand: 'why',
          options: { post: id },
          locale: 'pt-BR',
        })
        .waitForReply(undefined, WAIT_MS);
      expect(why.content).toContain(
        `• Feed \`${english.id}\` em <#${englishChannel}>: aguardando o resumo: vai no resumo previsto para <t:${dueAt / 1000}:f> (<t:`,
      );

      world.advanceTo(dueAt);
      const titled = (m: APIMessage) => m.embeds[0]?.title !== undefined;
      const es = await world.discord.waitForMessage(guild.channels.resumenes!, titled, WAIT_MS);
      expect(es.embeds[0]!.title).toBe('Resumen de Instagram (1)');
      expect(es.embeds[0]!.description).toMatch(/^• \[@.+\]\(https:\/\/.+\): hola$/);
      const en = await world.discord.waitForMessage(englishChannel, titled, WAIT_MS);
      expect(en.embeds[0]!.title).toBe('Instagram digest (1)');
    },
  );
});
