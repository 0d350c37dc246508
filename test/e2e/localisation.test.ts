// Localisation end to end, the whole of igcord in sandbox mode against the Discord fake: what igcord registers
// carries Spanish and Brazilian Portuguese names and descriptions, and a person whose Discord speaks es-ES or
// pt-BR (the interaction's `locale`) is answered in that language — replies, errors from the error mapping and
// their buttons — while a person on en-US, and every existing test, still reads English.
import { MessageFlags, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

interface Registered {
  name: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  options?: Registered[];
  choices?: { name: string; name_localizations?: Record<string, string> | null }[];
}

const buttonsOf = (m: APIMessage) =>
  (m.components?.[0] as { components?: { custom_id: string; label: string }[] } | undefined)?.components ?? [];
const isEphemeral = (m: APIMessage) => ((m.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

describe('localisation', () => {
  let igcord: FeedsIgcord;
  let unlinked: string;

  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    unlinked = igcord.discord.createUser({ username: 'sin-vinculo' }).id;
    igcord.discord.addMember(igcord.guild.guildId, unlinked);
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const run = (name: string, locale: string | undefined, extra: { subcommand?: string; userId?: string } = {}) =>
    igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: extra.userId ?? igcord.personId,
        name,
        ...(extra.subcommand ? { subcommand: extra.subcommand } : {}),
        ...(locale ? { locale } : {}),
      })
      .waitForReply(undefined, WAIT_MS);

  it('registers every command with Spanish and Portuguese names and descriptions, down to options and choices', () => {
    const registered = igcord.discord.commands(igcord.guild.guildId) as Registered[];
    const feed = registered.find((c) => c.name === 'feed')!;
    expect(feed.description_localizations).toMatchObject({
      'es-ES': 'Publica posts de Instagram en canales de este servidor',
      'es-419': 'Publica posts de Instagram en canales de este servidor',
      'pt-BR': 'Publica posts do Instagram em canais deste servidor',
    });
    const addTag = feed.options!.find((o) => o.name === 'add-tag')!;
    expect(addTag.name_localizations).toEqual({
      'es-ES': 'agregar-etiqueta',
      'es-419': 'agregar-etiqueta',
      'pt-BR': 'adicionar-tag',
    });
    const delivery = addTag.options!.find((o) => o.name === 'delivery')!;
    expect(delivery.choices!.map((c) => c.name_localizations?.['pt-BR'])).toEqual([
      'mensagem do bot',
      'webhook do canal',
    ]);
    expect(registered.find((c) => c.name === 'help')!.name_localizations).toMatchObject({
      'es-ES': 'ayuda',
      'pt-BR': 'ajuda',
    });
    for (const command of registered) {
      expect(Object.keys(command.description_localizations ?? {}).sort(), `/${command.name}`).toEqual([
        'es-419',
        'es-ES',
        'pt-BR',
      ]);
    }
  });

  it('answers /ping in the invoker’s language: Spanish for es-ES, Portuguese for pt-BR, English otherwise', async () => {
    expect((await run('ping', 'es-ES')).content).toMatch(/^¡Pong! Respondido en \d+ ms\.$/);
    expect((await run('ping', 'pt-BR')).content).toMatch(/^Pong! Respondido em \d+ ms\.$/);
    expect((await run('ping', 'fr')).content).toMatch(/^Pong! Answered in \d+ ms\.$/);
  });

  it('lists /help with the Spanish headings, command names and descriptions for es-ES', async () => {
    const reply = await run('help', 'es-ES');
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds[0]!.title).toBe('Comandos de igcord');
    const text = reply.embeds.flatMap((e) => (e.fields ?? []).map((f) => `${f.name}\n${f.value}`)).join('\n');
    expect(text).toContain('`/ayuda` — Lista cada comando de igcord y lo que hace');
    expect(text).toContain('`/feed agregar-etiqueta <canal> <etiqueta> [mencion] [entrega]`');
  });

  it('words the error mapping’s replies and their buttons in Portuguese for pt-BR', async () => {
    const reply = await run('instagram', 'pt-BR', { subcommand: 'me', userId: unlinked });
    expect(reply.content).toBe('Você ainda não vinculou uma conta do Instagram. Vincule uma para usar este comando.');
    expect(buttonsOf(reply)[0]).toMatchObject({ custom_id: 'instagram:link', label: 'Vincular Instagram' });
    const english = await run('instagram', undefined, { subcommand: 'me', userId: unlinked });
    expect(english.content).toBe('You have not linked an Instagram account yet. Link one to use this command.');
    expect(buttonsOf(english)[0]).toMatchObject({ label: 'Link Instagram' });
  });

  it('shows /instagram me in Spanish and /instagram quota in Portuguese, Instagram’s own names untouched', async () => {
    const user = igcord.emulator.admin.users()[0]!;
    await igcord.link(igcord.personId, String(user.username));
    const me = await run('instagram', 'es-ES', { subcommand: 'me' });
    // The username is markdown-escaped as it is written (Instagram's name, never translated).
    expect(me.content).toMatch(/^Vinculado a \*\*@.+\*\* <t:\d+:R> · puede usar: `/);
    expect(me.embeds[0]!.fields!.map((f) => f.name).slice(0, 3)).toEqual(['Publicaciones', 'Seguidores', 'Seguidos']);
    const quota = await run('instagram', 'pt-BR', { subcommand: 'quota' });
    expect(quota.embeds[0]!.title).toBe(`Orçamento do Instagram de @${String(user.username)}`);
    expect(quota.embeds[0]!.description).toMatch(
      /chamadas usadas na janela móvel de \d+ minutos; restam \*\*\d+\*\*\./,
    );
    expect(quota.embeds[0]!.footer?.text).toBe('Os feeds e seus comandos compartilham este orçamento.');
  });

  it('answers /media in Spanish: the post in its embed labels, a like confirmed with Instagram’s count', async () => {
    const user = igcord.emulator.admin.users()[0]!;
    const { instagramUserId } = await igcord.link(igcord.personId, String(user.username));
    const posted = igcord.emulator.admin.postMedia(instagramUserId, { caption: 'hola' });
    const mediaId = String(posted.id);
    const send = (subcommand: string) =>
      igcord.discord
        .sendCommand({
          guildId: igcord.guild.guildId,
          channelId: igcord.guild.channels.general!,
          userId: igcord.personId,
          name: 'media',
          subcommand,
          options: { media: mediaId },
          locale: 'es-419',
        })
        .waitForReply(undefined, WAIT_MS);
    const shown = await send('show');
    expect(shown.embeds[0]!.title).toBe(`Foto de @${String(user.username)}`);
    expect(shown.embeds[0]!.description).toBe('hola');
    const liked = await send('like');
    expect(liked.content).toMatch(/^❤️ Te gusta \[Foto de @.+\]\(.+\) \(1 me gusta ahora\)\.$/);
  });

  it('words /feed in the invoker’s language: the list in Portuguese, a pause in Spanish, an unknown feed in Portuguese', async () => {
    const user = igcord.emulator.admin.users()[0]!;
    const { instagramUserId } = await igcord.link(igcord.personId, String(user.username));
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'novedades' });
    const { id } = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId },
    });
    const feedCommand = (subcommand: string, locale: string, options = {}, userId = igcord.personId) =>
      igcord.discord
        .sendCommand({
          guildId: igcord.guild.guildId,
          channelId: igcord.guild.channels.general!,
          userId,
          name: 'feed',
          subcommand,
          options,
          locale,
        })
        .waitForReply(undefined, WAIT_MS);
    const list = await feedCommand('list', 'pt-BR');
    expect(list.embeds[0]!.title).toMatch(/^Feeds neste servidor \(\d+\)$/);
    const field = list.embeds[0]!.fields!.find((f) => f.name === `Feed \`${id}\``)!;
    expect(field.value).toContain('Estado: ▶ ativo');
    expect(field.value).toContain('publica como mensagens do bot');
    const paused = await feedCommand('pause', 'es-ES', { feed: id });
    expect(paused.content).toBe(
      `El feed \`${id}\` está pausado: no se publica nada en <#${channelId}> hasta que lo reanudes.`,
    );
    const backfill = await feedCommand('backfill', 'pt-BR', { feed: id, count: 3 });
    expect(backfill.content).toBe(
      `Publicar agora os últimos 3 posts do feed \`${id}\` em <#${channelId}>? Posts já entregues não são publicados de novo.`,
    );
    expect(buttonsOf(backfill).map((b) => b.label)).toEqual(['Publicar 3', 'Cancelar']);
    const refused = await feedCommand('resume', 'pt-BR', { feed: 'nope' });
    expect(refused.content).toBe('Não há nenhum feed `nope` neste servidor. Execute /feed list para ver os feeds.');
  });

  it('refuses a bad option in the invoker’s language, naming what was typed as typed', async () => {
    const reply = await igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'user',
        subcommand: 'profile',
        options: { user: 'no such name!' },
        locale: 'es-ES',
      })
      .waitForReply(undefined, WAIT_MS);
    expect(reply.content).toBe(
      '`no such name!` no es un nombre de usuario de Instagram. Tienen hasta 30 letras, dígitos, puntos o guiones bajos, como `kenji.photo`.',
    );
  });
});
