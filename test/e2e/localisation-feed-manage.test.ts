// /feed's management replies in the invoker's language, end to end: the real bot against the Discord fake and the
// Instagram emulators, each interaction (commands, button presses, autocomplete) sent with `locale` es-ES, es-419
// or pt-BR as Discord sends it. Covers the consent of a feed's payer (question, buttons, Confirm and Cancel), the
// bot's channel checks with Discord's own permission names, /feed edit, the payer-only and resume refusals, the
// mention-role refusal, the Move button and the feed suggestions, with English checks that the source wording is
// unchanged. The Graph-only refusal of a full week of hashtags is in localisation-feed-manage-graph.test.ts.
import { Events, PermissionFlagsBits, type APIMessage, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';
import { buttonIds } from '../support/press-confirm.js';
import { plain } from '../../src/discord/embeds/text.js';

const labelsOf = (m: APIMessage) =>
  (m.components?.[0] as { components?: { label?: string }[] } | undefined)?.components?.map((c) => c.label) ?? [];

describe('/feed management in Spanish and Portuguese', () => {
  let igcord: FeedsIgcord;
  let guildId: string;
  let general: string;
  let publicUsers: string[];
  /** Channels dropped from the bot's cache as their command arrives, so igcord asks Discord for them. */
  const uncached = new Set<string>();

  beforeAll(async () => {
    igcord = await startFeedsIgcord();
    guildId = igcord.guild.guildId;
    general = igcord.guild.channels.general!;
    // One Instagram account per linked member, more than the emulator seeds; each has a post, so feeds can start.
    publicUsers = Array.from({ length: 13 }, (_, i) =>
      String(igcord.emulator.admin.createUser({ username: `cuenta_${i}`, media: 1 }).username),
    );
    const client = igcord.app.bot.discord.client;
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      for (const id of uncached) [interaction.guild?.channels.cache, client.channels.cache].map((c) => c?.delete(id));
    });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  function newAdmin(name: string): string {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(guildId, user.id, { roles: [igcord.guild.roles.admin!] });
    return user.id;
  }
  const feedCommand = (
    userId: string,
    subcommand: string,
    locale: string | undefined,
    options: Record<string, string | number | boolean> = {},
  ) =>
    igcord.discord
      .sendCommand({ channelId: general, userId, name: 'feed', subcommand, options, ...(locale ? { locale } : {}) })
      .waitForReply(undefined, WAIT_MS);
  /** A feed of `userId`'s own posts in a new channel, as /feed add-account stores it. */
  async function ownFeed(userId: string, username: string, channelName: string) {
    const { instagramUserId } = await igcord.link(userId, username);
    const channelId = igcord.discord.createChannel(guildId, { name: channelName });
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: userId,
      source: { kind: 'account', instagramUserId },
    });
    return { feed, channelId, instagramUserId };
  }

  // First: /feed list shows one page of the guild's feeds, and this feed's Move button must be on the first.
  it('moves a waiting feed with the Move button in Spanish, and says it already moved in Portuguese', async () => {
    const mover = newAdmin('mudanza');
    const { feed, channelId, instagramUserId } = await ownFeed(mover, publicUsers[10]!, 'mudanza');
    await igcord.app.storage.feeds.setState(feed.id, {
      kind: 'paused',
      by: 'owner-unlinked',
      since: Date.now(),
      detail: 'a test',
      instagramUserId,
    });
    await igcord.link(mover, publicUsers[11]!);
    const list = await feedCommand(mover, 'list', 'es-ES');
    const move = buttonIds(list).find((b) => b === `feed:move:${feed.id}`)!;
    const moved = await igcord.discord
      .pressButton({ message: list, customId: move, userId: mover, locale: 'es-ES' })
      .waitForReply(undefined, WAIT_MS);
    const account = plain(`@${publicUsers[11]!}`);
    expect(moved.content).toBe(
      `El feed \`${feed.id}\` (<#${channelId}>) se movió a **${account}**: desde ahora lo lee y lo paga el vínculo de esa cuenta.`,
    );
    const again = await igcord.discord
      .pressButton({ message: list, customId: move, userId: mover, locale: 'pt-BR' })
      .waitForReply(undefined, WAIT_MS);
    expect(again.content).toBe(`O feed \`${feed.id}\` já usa **${account}**.`);
  });

  it('asks the payer’s consent in Spanish and adds the feed on Confirm; a Portuguese Cancel adds nothing', async () => {
    const payer = newAdmin('pagador');
    await igcord.link(payer, publicUsers[0]!);
    const followed = plain(`@${publicUsers[1]!}`);
    const channelId = igcord.discord.createChannel(guildId, { name: 'de-otra-cuenta' });
    const ask = await feedCommand(payer, 'add-account', 'es-ES', { channel: channelId, account: publicUsers[1]! });
    expect(ask.content).toBe(
      `Este feed lee los posts de ${followed} con tu vínculo de Instagram y tu presupuesto: confírmalo. Los nuevos posts de ${followed} aparecerán en <#${channelId}>; buscarlos gasta tu presupuesto de Instagram, y \`/feed list\` te muestra como quien paga el feed, junto con cuándo lo confirmaste.`,
    );
    expect(labelsOf(ask)).toEqual(['Confirmar', 'Cancelar']);
    const confirm = buttonIds(ask).find((id) => id.includes(':ok:'))!;
    const press = igcord.discord.pressButton({ message: ask, customId: confirm, userId: payer, locale: 'es-ES' });
    const done = await press.waitForReply((m) => m.content.includes('agregado'), WAIT_MS);
    expect(JSON.stringify(press.replies().callbacks[0]?.data)).toContain('Agregando el feed…');
    const id = /^Feed `([a-z0-9]+)` agregado/.exec(done.content)?.[1];
    expect(done.content).toBe(
      `Feed \`${id}\` agregado: los nuevos posts de ${followed} aparecerán en <#${channelId}>, leídos con tu vínculo de Instagram y tu presupuesto. Empieza desde el post más reciente; \`/feed test feed:${id}\` publica ese para comprobarlo.`,
    );

    const other = igcord.discord.createChannel(guildId, { name: 'cancelado' });
    const asked = await feedCommand(payer, 'add-account', 'pt-BR', { channel: other, account: publicUsers[2]! });
    expect(asked.content).toMatch(/^Este feed lê .+ com seu vínculo do Instagram e seu orçamento: confirme\./);
    expect(labelsOf(asked)).toEqual(['Confirmar', 'Cancelar']);
    const cancel = buttonIds(asked).find((b) => b.includes(':cancel:'))!;
    const cancelled = igcord.discord.pressButton({ message: asked, customId: cancel, userId: payer, locale: 'pt-BR' });
    await cancelled.firstResponse();
    expect(JSON.stringify(cancelled.replies().callbacks[0]?.data)).toContain('Cancelado: nada foi adicionado.');
    expect(await igcord.app.storage.feeds.listByChannel(other)).toEqual([]);
  });

  it('refuses another account without public_content in Portuguese and Spanish, with the relink button translated', async () => {
    const payer = newAdmin('sem-escopo');
    await igcord.link(payer, publicUsers[3]!, ['basic']);
    const account = plain(`@${publicUsers[0]!}`);
    const pt = await feedCommand(payer, 'add-account', 'pt-BR', { channel: general, account: publicUsers[0]! });
    expect(pt.content).toBe(
      `Um feed de ${account} lê os posts dessa conta com seu vínculo do Instagram, e ele não recebeu a permissão "public_content". Vincule de novo e conceda. Nada foi criado.`,
    );
    expect(labelsOf(pt)).toEqual(['Vincular Instagram de novo']);
    const es = await feedCommand(payer, 'add-account', 'es-419', { channel: general, account: publicUsers[0]! });
    expect(es.content).toMatch(/^Un feed de .+ no se le concedió el permiso "public_content"\. .+ No se creó nada\.$/);
    expect(labelsOf(es)).toEqual(['Volver a vincular Instagram']);
  });

  it('names what the bot lacks in a channel with Discord’s own permission names, and a forum’s webhook refusal', async () => {
    await igcord.link(igcord.personId, publicUsers[4]!);
    const noEmbeds = igcord.discord.createChannel(guildId, { name: 'sin-insertar' });
    igcord.discord.setChannelOverwrites(noEmbeds, [
      {
        id: igcord.guild.botRoleId,
        type: 'role',
        deny: PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.ManageWebhooks,
      },
    ]);
    const es = await feedCommand(igcord.personId, 'add-account', 'es-ES', { channel: noEmbeds, delivery: 'webhook' });
    expect(es.content).toBe(
      `No puedo publicar este feed en <#${noEmbeds}>: me faltan **Insertar enlaces**, **Gestionar webhooks** ahí. Da esos permisos a mi rol en ese canal (o en el servidor) y vuelve a ejecutar el comando. No se creó nada.`,
    );
    const pt = await feedCommand(igcord.personId, 'add-tag', 'pt-BR', { channel: noEmbeds, tag: 'sunset' });
    expect(pt.content).toContain(`Não consigo publicar este feed em <#${noEmbeds}>: me falta **Inserir links** ali.`);
    const en = await feedCommand(igcord.personId, 'add-tag', undefined, { channel: noEmbeds, tag: 'sunset' });
    expect(en.content).toContain(`I cannot post this feed in <#${noEmbeds}>: I am missing **Embed Links** there.`);

    const forum = igcord.discord.createChannel(guildId, { name: 'foro', type: 'forum' });
    const webhook = await feedCommand(igcord.personId, 'add-account', 'pt-BR', { channel: forum, delivery: 'webhook' });
    expect(webhook.content).toBe(
      `<#${forum}> é um fórum ou um tópico: os feeds publicam ali como o bot. Não informe \`delivery\` (ou escolha mensagem do bot). Nada foi alterado.`,
    );
    const webhookEs = await feedCommand(igcord.personId, 'add-account', 'es-ES', {
      channel: forum,
      delivery: 'webhook',
    });
    expect(webhookEs.content).toMatch(/^<#\d+> es un foro o un hilo: los feeds publican ahí como el bot\./);
  });

  it('says in their language when Discord hides a channel from the bot, knows it no more, or fails to answer', async () => {
    await igcord.link(igcord.personId, publicUsers[4]!);
    const [hidden, gone, flaky] = ['oculto', 'borrado', 'inestable'].map((name) => {
      const id = igcord.discord.createChannel(guildId, { name });
      uncached.add(id);
      return id;
    }) as [string, string, string];
    const fault = (id: string, status: number, body?: object) =>
      igcord.discord.injectFault({
        method: 'GET',
        path: `/channels/${id}`,
        status,
        times: Infinity,
        ...(body ? { body } : {}),
      });
    fault(hidden, 403, { message: 'Missing Access', code: 50001 });
    fault(gone, 404, { message: 'Unknown Channel', code: 10003 });
    fault(flaky, 500);
    expect((await feedCommand(igcord.personId, 'add-account', 'es-ES', { channel: hidden })).content).toBe(
      `Discord dice que no tengo acceso a <#${hidden}> (Missing Access). Da a mi rol **Ver canal** ahí y vuelve a ejecutar el comando. No se creó nada.`,
    );
    expect((await feedCommand(igcord.personId, 'add-account', 'pt-BR', { channel: gone })).content).toBe(
      `O canal <#${gone}> não existe mais, ou não consigo vê-lo.`,
    );
    expect((await feedCommand(igcord.personId, 'add-account', 'pt-BR', { channel: flaky })).content).toBe(
      `O Discord não respondeu direito quando procurei <#${flaky}>. Tente de novo em um minuto. Nada foi criado.`,
    );
    igcord.discord.clearFaults();
  });

  it('answers /feed edit in Spanish and Portuguese, refusals and the edited feed alike, and in English otherwise', async () => {
    const { feed, channelId } = await ownFeed(igcord.personId, publicUsers[5]!, 'editable');
    const nothing = await feedCommand(igcord.personId, 'edit', 'es-ES', { feed: feed.id });
    expect(nothing.content).toBe(
      `Nada que cambiar: da al feed \`${feed.id}\` un nuevo \`channel\`, \`mention\`, \`delivery\`, \`digest\` u \`on-change\`, o \`clear-mention\`.`,
    );
    const role = igcord.discord.createRole(guildId, { name: 'avisos', mentionable: true });
    const both = await feedCommand(igcord.personId, 'edit', 'pt-BR', {
      feed: feed.id,
      mention: role,
      'clear-mention': true,
    });
    expect(both.content).toBe('Dê um cargo a `mention`, ou `clear-mention`, não os dois. Nada foi alterado.');
    const everyone = await feedCommand(igcord.personId, 'edit', 'es-ES', { feed: feed.id, mention: guildId });
    expect(everyone.content).toBe(
      'Un feed no puede mencionar a @everyone. Elige un rol, o quita la mención. No se cambió nada.',
    );
    const twin = await igcord.addFeed({ channelId: general, ownerDiscordUserId: igcord.personId, source: feed.source });
    const duplicate = await feedCommand(igcord.personId, 'edit', 'pt-BR', { feed: feed.id, channel: general });
    expect(duplicate.content).toBe(`<#${general}> já acompanha esta fonte: feed \`${twin.id}\`. Nada foi alterado.`);

    const es = await feedCommand(igcord.personId, 'edit', 'es-ES', {
      feed: feed.id,
      mention: role,
      'on-change': 'mark',
    });
    expect(es.content).toBe(
      `El feed \`${feed.id}\` ahora publica en <#${channelId}> como mensajes del bot, mencionando a <@&${role}>. Cuando un post se edita o se elimina en Instagram en menos de 24 h: \`mark\` (su mensaje se marca como editado o eliminado). Se conservan quien lo paga, su estado y los posts entregados: nada de lo ya publicado se vuelve a publicar.`,
    );
    const pt = await feedCommand(igcord.personId, 'edit', 'pt-BR', { feed: feed.id, 'clear-mention': true });
    expect(pt.content).toMatch(
      /^O feed `\w+` agora publica em <#\d+> como mensagens do bot, sem mencionar ninguém\. .+\(a mensagem é marcada como editada ou apagada\)\. Quem paga/,
    );
    const en = await feedCommand(igcord.personId, 'edit', undefined, { feed: feed.id, 'on-change': 'leave' });
    expect(en.content).toBe(
      `Feed \`${feed.id}\` now posts to <#${channelId}> as bot messages, mentioning nobody. When a post is edited or deleted on Instagram within 24 h: \`leave\` (its message is left as posted). Its payer, state and delivered posts are kept: nothing already posted is posted again.`,
    );
  });

  it('refuses a role nobody may ping, in Spanish from /feed add and in Portuguese from /feed edit', async () => {
    const admin = newAdmin('discreto');
    const { feed } = await ownFeed(admin, publicUsers[6]!, 'sin-avisos');
    const closed = igcord.discord.createRole(guildId, { name: 'cerrado' });
    const es = await feedCommand(admin, 'add-account', 'es-ES', { channel: general, mention: closed });
    expect(es.content).toBe(
      `<@&${closed}> no es mencionable, y te falta **Mencionar @everyone, @here y todos los roles**, así que un feed que configures no puede avisarle. Haz el rol mencionable en los ajustes del servidor, elige otro rol, o no pongas mención. No se creó nada.`,
    );
    const pt = await feedCommand(admin, 'edit', 'pt-BR', { feed: feed.id, mention: closed });
    expect(pt.content).toMatch(
      /^<@&\d+> não é mencionável, e você não tem \*\*Mencionar @everyone, @here e todos os cargos\*\*/,
    );
  });

  it('tells another admin in their language that only the payer may spend the feed’s budget, and why a feed cannot resume', async () => {
    const { feed } = await ownFeed(igcord.personId, publicUsers[7]!, 'de-quien-paga');
    const other = newAdmin('otro-admin');
    const es = await feedCommand(other, 'test', 'es-ES', { feed: feed.id });
    expect(es.content).toBe(
      `El feed \`${feed.id}\` lee Instagram con el vínculo de <@${igcord.personId}>, que lo paga: solo esa persona puede probarlo, porque gasta su presupuesto de Instagram. Puedes pausarlo o eliminarlo, y volver a agregarlo con tu propio vínculo.`,
    );
    const pt = await feedCommand(other, 'backfill', 'pt-BR', { feed: feed.id, count: 2 });
    expect(pt.content).toContain(
      'só essa pessoa pode recuperar os posts dele, porque isso gasta o orçamento do Instagram dela.',
    );

    const owner = newAdmin('dueno');
    const own = await ownFeed(owner, publicUsers[8]!, 'roto');
    await feedCommand(owner, 'pause', 'es-ES', { feed: own.feed.id });
    await igcord.app.storage.accounts.markBroken(owner, { cause: 'refused' });
    const broken = await feedCommand(owner, 'resume', 'es-ES', { feed: own.feed.id });
    expect(broken.content).toBe(
      `El feed \`${own.feed.id}\` lee Instagram con el vínculo de <@${owner}>, que ya no funciona. Esa persona tiene que volver a vincular esa cuenta antes de que el feed pueda reanudarse.`,
    );
    await igcord.link(owner, publicUsers[9]!);
    const elsewhere = await feedCommand(owner, 'resume', 'pt-BR', { feed: own.feed.id });
    expect(elsewhere.content).toContain(`<@${owner}>, que agora aponta para outra conta do Instagram.`);
  });

  it('suggests feeds with their state in the typing admin’s language', async () => {
    const { feed } = await ownFeed(igcord.personId, publicUsers[12]!, 'sugerido');
    const suggest = async (locale: string) => {
      const handle = igcord.discord.sendAutocomplete({
        channelId: general,
        userId: igcord.personId,
        name: 'feed',
        subcommand: 'pause',
        focused: 'feed',
        value: feed.id,
        locale,
      });
      const choices = ((await handle.firstResponse()).data as { choices: { name: string; value: string }[] }).choices;
      return choices.find((c) => c.value === feed.id)?.name;
    };
    expect(await suggest('pt-BR')).toMatch(new RegExp(`^${feed.id} · os posts de .+ → #sugerido \\(ativo\\)$`));
    await igcord.app.storage.feeds.setState(feed.id, {
      kind: 'paused',
      by: 'person',
      since: Date.now(),
      detail: igcord.personId,
    });
    expect(await suggest('es-ES')).toMatch(/ → #sugerido \(pausado\)$/);
    expect(await suggest('en-US')).toMatch(/ → #sugerido \(paused\)$/);
  });
});
