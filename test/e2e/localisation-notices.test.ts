// What igcord says on its own, in the reader's language, end to end against the Discord fake: a feed's notice in a
// channel speaks its server's preferred locale (a feed disabled for a lost permission in a pt-BR server, a feed
// paused for its payer in an es-ES one); a DM speaks the locale of the person's latest interaction with igcord,
// kept with their link (a Spanish owner of a feed in a Portuguese server), else their server's; the reasons of
// paused and disabled feeds in /feed list and /instagram feeds speak the invoker's; and the token refresher's DMs
// (a revoked token, an expiry warning) speak the owner's. English stays as it was.
import { PermissionFlagsBits, Routes, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';
import type { Feed, FeedSource } from '../../src/storage/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { silentLogger } from '../../src/log.js';

const DAY = 86_400_000;
const buttonLabels = (m: APIMessage) =>
  (m.components ?? []).flatMap((row) => (row as { components: { label?: string }[] }).components.map((c) => c.label));

describe('notices and reasons in the reader’s language (v1)', () => {
  let igcord: FeedsIgcord;
  let seeded = 3;
  /** A pt-BR server with a system channel; an es-ES server with an admin role; a pt-BR server without one. */
  let br: { guildId: string; feeds: string; system: string };
  let es: { guildId: string; news: string; adminRole: string };
  let bare: { guildId: string; feeds: string; adminRole: string };

  beforeAll(async () => {
    igcord = await startFeedsIgcord(
      { minPollMs: 300, startSpreadMs: 300, payerCheckMs: 0 },
      { RATE_LIMIT_WINDOW_MS: '10000' },
    );
    const brGuild = igcord.discord.createGuild({
      name: 'Servidor',
      ownerId: igcord.personId,
      preferredLocale: 'pt-BR',
      channels: [{ name: 'novidades' }, { name: 'sistema' }],
    });
    br = { guildId: brGuild.guildId, feeds: brGuild.channels.novidades!, system: brGuild.channels.sistema! };
    igcord.discord.setSystemChannel(br.guildId, br.system);
    const esGuild = igcord.discord.createGuild({
      name: 'Servidor ES',
      ownerId: igcord.personId,
      preferredLocale: 'es-ES',
      roles: [{ name: 'admin', permissions: PermissionFlagsBits.ManageGuild }],
      channels: [{ name: 'noticias' }],
    });
    es = { guildId: esGuild.guildId, news: esGuild.channels.noticias!, adminRole: esGuild.roles.admin! };
    const bareGuild = igcord.discord.createGuild({
      name: 'Sem sistema',
      preferredLocale: 'pt-BR',
      roles: [{ name: 'admin', permissions: PermissionFlagsBits.ManageGuild }],
      channels: [{ name: 'fotos' }],
    });
    bare = { guildId: bareGuild.guildId, feeds: bareGuild.channels.fotos!, adminRole: bareGuild.roles.admin! };
    // igcord's commands in these servers too, as a deployment registers them, and the servers in the bot's cache.
    for (const guildId of [br.guildId, es.guildId, bare.guildId]) {
      await deployCommands({
        token: igcord.discord.botToken,
        applicationId: igcord.discord.applicationId,
        guildId,
        apiUrl: igcord.discord.apiUrl,
        definitions: igcord.app.bot.commands.definitions,
        log: silentLogger(),
      });
      await eventually(() => igcord.app.bot.discord.client.guilds.cache.has(guildId), 'the bot to know the server');
    }
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** A member who links the next seeded Instagram user; an admin of `guildId` when `adminRole` is given. */
  async function linkedMember(name: string, guildId?: string, adminRole?: string) {
    const user = igcord.discord.createUser({ username: name });
    if (guildId !== undefined) igcord.discord.addMember(guildId, user.id, adminRole ? { roles: [adminRole] } : {});
    const account = igcord.emulator.admin.users()[seeded++]!;
    const { instagramUserId } = await igcord.link(user.id, String(account.username));
    return { userId: user.id, instagramUserId };
  }

  /** A feed of the owner's own posts in `channelId`, set up as `/feed add-account` leaves it. */
  async function feedIn(guildId: string, channelId: string, owner: { userId: string; instagramUserId: string }) {
    const source: FeedSource = { kind: 'account', instagramUserId: owner.instagramUserId };
    const feed: Feed = await igcord.app.storage.feeds.add({
      guildId,
      channelId,
      source,
      ownerDiscordUserId: owner.userId,
      ownerInstagramUserId: owner.instagramUserId,
      createdBy: owner.userId,
      delivery: { mode: 'message' },
    });
    await igcord.app.deliveries.initSource(feed);
    return feed;
  }

  const command = (
    guildId: string,
    channelId: string,
    userId: string,
    locale: string,
    name: string,
    subcommand?: string,
  ) =>
    igcord.discord
      .sendCommand({ guildId, channelId, userId, name, locale, ...(subcommand ? { subcommand } : {}) })
      .waitForReply(undefined, WAIT_MS);
  const mentions = (feedId: string) => (m: { content: string }) => m.content.includes(`\`${feedId}\``);
  const fieldOf = (reply: APIMessage, feedId: string) =>
    reply.embeds[0]?.fields?.find((f) => f.name.includes(feedId))?.value ?? '';

  let paused: Feed;
  let personInstagramId: string;
  let payer: { userId: string; instagramUserId: string };

  it('disables a feed whose channel permission is lost and tells the pt-BR server in Portuguese', async () => {
    const owner = { userId: igcord.personId, ...(await igcord.link(igcord.personId, usernameAt(seeded++))) };
    personInstagramId = owner.instagramUserId;
    const feed = await feedIn(br.guildId, br.feeds, owner);
    igcord.discord.setChannelOverwrites(br.feeds, [
      { id: igcord.discord.botUserId, type: 'member', deny: PermissionFlagsBits.SendMessages },
    ]);
    igcord.emulator.admin.postMedia(owner.instagramUserId, { caption: 'sem permissão' });
    // The feed's own channel refuses the notice too: the server's system channel gets it.
    const notice = await igcord.discord.waitForMessage(br.system, mentions(feed.id), WAIT_MS);
    expect(notice.content).toBe(
      `⚠️ O feed do Instagram \`${feed.id}\` em <#${br.feeds}> foi desativado: Erro do Discord 50013: ` +
        'o igcord não tem permissão para publicar no canal (precisa de Enviar mensagens e Inserir links): ' +
        'corrija isso e depois retome o feed',
    );
    expect(await igcord.app.storage.feeds.get(feed.id)).toMatchObject({
      state: { kind: 'disabled', by: 'missing-permissions' },
    });
    // An admin reading /feed list in English sees the same reason in English.
    const list = await command(br.guildId, br.system, igcord.personId, 'en-US', 'feed', 'list');
    expect(fieldOf(list, feed.id)).toContain(
      'State: ⛔ disabled — Discord error 50013: igcord lacks permission to post in the channel',
    );
  });

  it('answers /feed test refused for good (the webhook was deleted) in the invoker’s language', async () => {
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'gancho' });
    const webhook = await igcord.createWebhook(channelId);
    const feed = await igcord.addFeed({
      channelId,
      ownerDiscordUserId: igcord.personId,
      source: { kind: 'account', instagramUserId: personInstagramId },
      webhook,
    });
    await igcord.app.bot.discord.client.rest.delete(Routes.webhook(webhook.id));
    const test = (locale: string) =>
      igcord.discord
        .sendCommand({
          guildId: igcord.guild.guildId,
          channelId,
          userId: igcord.personId,
          name: 'feed',
          subcommand: 'test',
          options: { feed: feed.id },
          locale,
        })
        .waitForReply(undefined, WAIT_MS);
    expect((await test('es-ES')).content).toBe(
      'Discord no aceptó el post: Error de Discord 10015: se eliminó el webhook del feed: vuelve a configurar el feed',
    );
    expect((await test('pt-BR')).content).toBe(
      'O Discord não aceitou o post: Erro do Discord 10015: o webhook do feed foi excluído: configure o feed de novo',
    );
    expect((await test('en-US')).content).toBe(
      "Discord did not take the post: Discord error 10015: the feed's webhook was deleted: set the feed up again",
    );
  });

  it('pauses a feed whose payer lost Manage Server and tells the es-ES server in Spanish', async () => {
    payer = await linkedMember('pagadora', es.guildId, es.adminRole);
    paused = await feedIn(es.guildId, es.news, payer);
    igcord.discord.setMemberRoles(es.guildId, payer.userId, []);
    igcord.emulator.admin.postMedia(payer.instagramUserId, { caption: 'después de perder el permiso' });
    const notice = await igcord.discord.waitForMessage(es.news, mentions(paused.id), WAIT_MS);
    expect(notice.content).toBe(
      `⏸ El feed de Instagram \`${paused.id}\` en <#${es.news}> está en pausa: @pagadora ya no tiene el permiso ` +
        'Gestionar servidor, y su vínculo de Instagram es el que lo paga. Puede reanudarlo cuando vuelva a ' +
        'gestionar el servidor; o un administrador lo elimina (`/feed remove`) y lo agrega con su propio vínculo.',
    );
  });

  it('/feed list shows the pause reason in each reader’s language', async () => {
    const reasons = {
      'es-ES': 'Estado: ⏸ pausado — @pagadora ya no tiene el permiso Gestionar servidor',
      'pt-BR': 'Estado: ⏸ pausado — @pagadora não tem mais a permissão Gerenciar servidor',
      'en-US': 'State: ⏸ paused — @pagadora no longer has Manage Server, and their Instagram link pays for it.',
    };
    for (const [locale, reason] of Object.entries(reasons)) {
      const list = await command(es.guildId, es.news, igcord.personId, locale, 'feed', 'list');
      expect(fieldOf(list, paused.id), locale).toContain(reason);
    }
  });

  it('/instagram feeds shows its payer the reason in their language; stopping paying tells the server in its own', async () => {
    // The payer is still a member of the server (without Manage Server): they read their own feeds there.
    const reply = await command(es.guildId, es.news, payer.userId, 'pt-BR', 'instagram', 'feeds');
    expect(fieldOf(reply, paused.id)).toContain(
      'Estado: ⏸ pausado — @pagadora não tem mais a permissão Gerenciar servidor, e é o vínculo do Instagram',
    );
    const before = igcord.discord.messages(es.news).filter(mentions(paused.id)).length;
    await igcord.discord
      .pressButton({ message: reply, customId: `instagram:stop-paying:${paused.id}:0`, userId: payer.userId })
      .waitForReply(undefined, WAIT_MS);
    // The server's channel is told in the server's language (Spanish), whoever pressed in Portuguese.
    const notice = await eventually(
      () => igcord.discord.messages(es.news).filter(mentions(paused.id))[before],
      'the notice that nobody pays for the feed',
    );
    expect(notice.content).toBe(
      `⏸ El feed de Instagram \`${paused.id}\` en <#${es.news}> está en pausa: <@${payer.userId}> dejó de pagarlo ` +
        'con su vínculo de Instagram. Puede reanudarlo (`/feed resume`); o un administrador lo elimina ' +
        '(`/feed remove`) y lo agrega con su propio vínculo.',
    );
  });

  it('DMs a feed’s owner in the language of their latest interaction, not the server’s, and keeps it', async () => {
    const owner = await linkedMember('duena', bare.guildId, bare.adminRole);
    // Her Discord speaks Spanish: any interaction says so, and igcord keeps it with her link.
    await command(bare.guildId, bare.feeds, owner.userId, 'es-ES', 'ping');
    await eventually(
      async () => (await igcord.app.storage.accounts.get(owner.userId))?.locale === 'es-ES',
      'her locale to be kept with her link',
    );
    const feed = await feedIn(bare.guildId, bare.feeds, owner);
    // Her feed's channel is deleted and the server has no system channel: only a DM can tell her.
    igcord.discord.deleteChannel(bare.feeds);
    igcord.emulator.admin.postMedia(owner.instagramUserId, { caption: 'a ningún sitio' });
    const dm = await igcord.discord.waitForMessage(
      igcord.discord.directChannel(owner.userId),
      mentions(feed.id),
      WAIT_MS,
    );
    expect(dm.content).toBe(
      `⚠️ El feed de Instagram \`${feed.id}\` en <#${bare.feeds}> se desactivó: Error de Discord 10003: ` +
        'se eliminó el canal: elimina este feed o muévelo a otro canal',
    );
  });

  function usernameAt(index: number): string {
    return String(igcord.emulator.admin.users()[index]!.username);
  }
});

describe('the token refresher’s DMs in the owner’s language (Graph)', () => {
  let igcord: GraphFeedsIgcord;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  /** A member of `guildId` linked to igcord.studio with a token last renewed ten days ago, expiring in `days`. */
  async function expiringLink(name: string, guildId: string, days: number) {
    const userId = igcord.discord.createUser({ username: name }).id;
    igcord.discord.addMember(guildId, userId);
    const minted = igcord.graph.admin.mintToken({ account: 'igcord.studio' });
    await igcord.app.storage.accounts.link({
      discordUserId: userId,
      instagramUserId: minted.account_id,
      username: 'igcord.studio',
      scopes: ['instagram_business_basic'],
      accessToken: minted.access_token,
      provider: 'instagram-graph',
      login: 'instagram',
      linkedAt: Date.now() - 10 * DAY,
      tokenIssuedAt: Date.now() - 10 * DAY,
      tokenExpiresAt: Date.now() + days * DAY,
    });
    return { userId, accessToken: minted.access_token, instagramUserId: minted.account_id };
  }

  it('DMs a Spanish-speaking owner in Spanish when Instagram refuses their token, with a Spanish button', async () => {
    const owner = await expiringLink('propietaria', igcord.guild.guildId, 50);
    await igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: owner.userId,
        name: 'ping',
        locale: 'es-419',
      })
      .waitForReply(undefined, WAIT_MS);
    await eventually(
      async () => (await igcord.app.storage.accounts.get(owner.userId))?.locale === 'es-419',
      'her locale to be kept with her link',
    );
    igcord.graph.admin.revokeToken(owner.accessToken, 'password');
    expect(await igcord.app.tokens!.refreshOne(owner.userId)).toBe('broken');
    const [dm] = igcord.discord.directMessages(owner.userId);
    expect(dm?.content).toBe(
      'Tu vínculo de Instagram con **@igcord.studio** dejó de funcionar (Instagram ya no acepta su token). ' +
        'Tus comandos lo necesitan. Pulsa **Volver a vincular Instagram** (o ejecuta `/instagram link`) con la ' +
        'misma cuenta y todo se reanuda.',
    );
    expect(buttonLabels(dm!)).toEqual(['Volver a vincular Instagram']);
  });

  it('warns an owner whose language is unknown in their server’s language (pt-BR) that the token expires', async () => {
    const server = igcord.discord.createGuild({
      name: 'Estúdio',
      preferredLocale: 'pt-BR',
      channels: [{ name: 'fotos' }],
    });
    const owner = await expiringLink('dona', server.guildId, 10);
    await igcord.app.storage.feeds.add({
      guildId: server.guildId,
      channelId: server.channels.fotos!,
      source: { kind: 'account', instagramUserId: owner.instagramUserId },
      ownerDiscordUserId: owner.userId,
      ownerInstagramUserId: owner.instagramUserId,
      createdBy: owner.userId,
      delivery: { mode: 'message' },
    });
    igcord.graph.admin.injectFault({ method: 'GET', path: '/refresh_access_token$', kind: 'status', status: 503 });
    expect(await igcord.app.tokens!.refreshOne(owner.userId)).toBe('failed');
    const [dm] = igcord.discord.directMessages(owner.userId);
    expect(dm?.content).toMatch(
      /^O igcord não conseguiu renovar o token do Instagram de \*\*@igcord\.studio\*\*, e ele expira em 14 dias \(<t:\d+:D>\)\. O igcord continua tentando; por garantia, toque em \*\*Vincular Instagram de novo\*\* \(ou execute `\/instagram link`\)\.$/,
    );
    expect(buttonLabels(dm!)).toEqual(['Vincular Instagram de novo']);
  });
});
