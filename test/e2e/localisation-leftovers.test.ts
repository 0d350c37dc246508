// The last replies that were English, end to end against the Discord fake in es-ES and pt-BR (the interaction's
// `locale`), with an English check: /instagram feeds (its list, buttons, pages and what stopping paying says), a
// broken link's reason (stored as a cause and worded for the reader, Instagram's own words kept as written), a
// source igcord refuses because its username moved (Graph, Facebook Login), and /help's "not available" lines.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

const buttons = (m: APIMessage): { custom_id: string; label: string }[] =>
  (m.components ?? []).flatMap(
    (row) => (row as { components?: { custom_id: string; label: string }[] }).components ?? [],
  );
/** How `plain` shows a username: Discord markdown escaped. */
const md = (s: string) => s.replace(/[_*~`|\\]/g, '\\$&');
const helpText = (m: APIMessage) =>
  m.embeds.flatMap((e) => (e.fields ?? []).map((f) => `${f.name}\n${f.value}`)).join('\n');

describe('the last English replies, in the reader’s language (v1)', () => {
  let igcord: FeedsIgcord;

  beforeAll(async () => {
    igcord = await startFeedsIgcord({ minPollMs: 300, startSpreadMs: 300, payerCheckMs: 0 });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const run = (userId: string, name: string, subcommand: string | undefined, locale: string | undefined) =>
    igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId,
      name,
      ...(subcommand ? { subcommand } : {}),
      ...(locale ? { locale } : {}),
    });

  /** A member linked to the emulator's account `index`, paying for `tags.length` tag feeds in the test server. */
  async function payer(name: string, index: number, tags: string[]) {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(igcord.guild.guildId, user.id, { roles: [igcord.guild.roles.admin!] });
    const { instagramUserId } = await igcord.link(user.id, String(igcord.emulator.admin.users()[index]!.username));
    const feeds = await igcord.app.storage.feeds.addMany(
      tags.map((tag) => ({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        source: { kind: 'tag' as const, name: tag },
        ownerDiscordUserId: user.id,
        ownerInstagramUserId: instagramUserId,
        createdBy: user.id,
        delivery: { mode: 'message' as const },
      })),
    );
    return { id: user.id, feeds };
  }

  it('lists the paid feeds, pages them and stops paying in Spanish for es-ES', async () => {
    const es = await payer('pagador', 1, ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis']);
    const command = run(es.id, 'instagram', 'feeds', 'es-ES');
    const list = await command.waitForReply(undefined, WAIT_MS);
    const embed = list.embeds[0]!;
    expect(embed.title).toBe('Feeds que paga tu vínculo de Instagram (6)');
    expect(embed.footer?.text).toBe(
      'Página 1 de 2 · dejar de pagar pausa solo ese feed; se avisa a los administradores de su servidor.',
    );
    const first = embed.fields!.find((f) => f.value.includes('#uno')) ?? embed.fields![0]!;
    expect(first.name).toMatch(/^Feed `[a-z0-9]+`$/);
    expect(first.value).toContain('Servidor **');
    expect(first.value).toMatch(/\nSigue #[a-z]+\n/);
    const shown = embed.fields!.map((f) => /`([a-z0-9]+)`/.exec(f.name)![1]!);
    expect(buttons(list).map((b) => b.label)).toEqual([
      ...shown.map((id) => `Dejar de pagar: ${id}`),
      'Anterior',
      'Siguiente',
    ]);

    igcord.discord.pressButton({ message: list, customId: 'instagram:feeds:1', userId: es.id, locale: 'es-ES' });
    const second = await command.waitForReply((m) => m.embeds[0]?.footer?.text?.startsWith('Página 2 de 2') ?? false);
    const stop = buttons(second).find((b) => b.custom_id.startsWith('instagram:stop-paying:'))!;
    igcord.discord.pressButton({ message: second, customId: stop.custom_id, userId: es.id, locale: 'es-ES' });
    const stopped = await command.waitForReply((m) => m.content.startsWith('Ya no pagas'));
    const last = stop.custom_id.split(':')[2]!;
    expect(stopped.content).toBe(
      `Ya no pagas el feed \`${last}\`: está en pausa y se avisó en su canal. Tus otros feeds siguen.`,
    );
    expect(stopped.embeds[0]!.fields![0]!.value).toContain('⏸');
  });

  it('says the same in Portuguese for pt-BR, including a refused button and an empty list', async () => {
    const pt = await payer('pagante', 2, ['praia']);
    const [feed] = pt.feeds;
    const command = run(pt.id, 'instagram', 'feeds', 'pt-BR');
    const list = await command.waitForReply(undefined, WAIT_MS);
    expect(list.embeds[0]!.title).toBe('Feeds que seu vínculo do Instagram paga (1)');
    expect(list.embeds[0]!.footer?.text).toBe(
      'Página 1 de 1 · deixar de pagar pausa só esse feed; os administradores do servidor dele são avisados.',
    );
    expect(list.embeds[0]!.fields![0]!.value).toContain('Segue #praia');
    expect(buttons(list).map((b) => b.label)).toEqual([`Deixar de pagar: ${feed!.id}`]);

    // The feed removed meanwhile: its stop button is refused in Portuguese, then the list is empty.
    await igcord.app.storage.feeds.remove(feed!.id);
    const press = igcord.discord.pressButton({
      message: list,
      customId: `instagram:stop-paying:${feed!.id}:0`,
      userId: pt.id,
      locale: 'pt-BR',
    });
    const refused = await press.waitForReply(undefined, WAIT_MS);
    expect(refused.content).toBe(
      'Seu vínculo do Instagram não paga (mais) esse feed. Execute `/instagram feeds` para ver os que ele paga.',
    );
    const empty = await run(pt.id, 'instagram', 'feeds', 'pt-BR').waitForReply(undefined, WAIT_MS);
    expect(empty.content).toBe('Seu vínculo do Instagram não paga nenhum feed em nenhum servidor.');
  });

  it('says why a link broke in the reader’s language, with Instagram’s own words as written', async () => {
    const es = igcord.discord.createUser({ username: 'caducado' });
    igcord.discord.addMember(igcord.guild.guildId, es.id);
    const esAccount = String(igcord.emulator.admin.users()[4]!.username);
    await igcord.link(es.id, esAccount);
    await igcord.app.storage.accounts.markBroken(es.id, { cause: 'expired' });
    const expired = await run(es.id, 'instagram', 'me', 'es-ES').waitForReply(undefined, WAIT_MS);
    expect(expired.content).toBe(
      `Tu vínculo de Instagram con @${md(esAccount)} ya no funciona (su token caducó). Vuelve a vincular tu cuenta para continuar.`,
    );

    const pt = igcord.discord.createUser({ username: 'recusado' });
    igcord.discord.addMember(igcord.guild.guildId, pt.id);
    const ptAccount = String(igcord.emulator.admin.users()[5]!.username);
    await igcord.link(pt.id, ptAccount);
    await igcord.app.storage.accounts.markBroken(pt.id, {
      cause: 'refused',
      detail: 'The access_token provided is invalid.',
    });
    const refused = await run(pt.id, 'instagram', 'me', 'pt-BR').waitForReply(undefined, WAIT_MS);
    expect(refused.content).toBe(
      `Seu vínculo do Instagram com @${md(ptAccount)} não funciona mais (o Instagram não aceita mais o token: "${md('The access_token provided is invalid.')}"). Vincule sua conta de novo para continuar.`,
    );
    const english = await run(pt.id, 'instagram', 'me', undefined).waitForReply(undefined, WAIT_MS);
    expect(english.content).toBe(
      `Your Instagram link to @${md(ptAccount)} no longer works (Instagram no longer accepts its token: "${md('The access_token provided is invalid.')}"). Link your account again to continue.`,
    );
  });

  it('marks a link broken with the cause when Instagram refuses its token, and says so in Spanish', async () => {
    const user = igcord.discord.createUser({ username: 'revocado' });
    igcord.discord.addMember(igcord.guild.guildId, user.id);
    const account = igcord.emulator.admin.users()[6]!;
    await igcord.link(user.id, String(account.username));
    const token = (await igcord.app.storage.accounts.getWithToken(user.id))!.accessToken;
    igcord.emulator.admin.revokeToken(token);
    await run(user.id, 'instagram', 'me', 'es-ES').waitForReply(undefined, WAIT_MS);
    await eventually(
      async () => (await igcord.app.storage.accounts.get(user.id))?.brokenCause === 'refused',
      'the link marked broken with its cause',
    );
    const next = await run(user.id, 'instagram', 'me', 'es-ES').waitForReply(undefined, WAIT_MS);
    expect(next.content).toMatch(/^Tu vínculo de Instagram con @\S+ ya no funciona \(Instagram ya no acepta su token/);
  });
});

describe('a source igcord refuses, in the reader’s language (Graph, Facebook Login)', () => {
  let igcord: GraphFeedsIgcord;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: 300, startSpreadMs: 300 }, { login: 'facebook' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('disables a feed whose username now names another account, and says so in es-ES and pt-BR', async () => {
    await igcord.link(igcord.personId, 'igcord.studio');
    const harbor = igcord.graph.admin.accounts().find((a) => a.username === 'harbor.cafe')!;
    const channelId = igcord.guild.channels.general!;
    // A feed of harbor.cafe's account; a later consent names the account 'north.trails', a name another account
    // now has: Business Discovery answers with that other account's posts, and igcord refuses the source.
    const add = (username: string, at: number) =>
      igcord.app.storage.feeds.add({
        guildId: igcord.guild.guildId,
        channelId,
        source: { kind: 'account', instagramUserId: harbor.id },
        ownerDiscordUserId: igcord.personId,
        ownerInstagramUserId: igcord.graph.admin.accounts().find((a) => a.username === 'igcord.studio')!.id,
        createdBy: igcord.personId,
        delivery: { mode: 'message' },
        consent: { discordUserId: igcord.personId, at, username },
      });
    const feed = await add('harbor.cafe', Date.now() - 1000);
    await igcord.app.deliveries.initSource(feed);
    await add('north.trails', Date.now());
    await eventually(
      async () => (await igcord.app.storage.feeds.get(feed.id))?.state.kind === 'disabled',
      'the feed disabled',
    );
    expect((await igcord.app.storage.feeds.get(feed.id))?.state).toMatchObject({
      kind: 'disabled',
      by: 'username-moved',
      detail: 'north.trails',
    });
    const list = (locale: string | undefined) =>
      igcord.discord
        .sendCommand({
          guildId: igcord.guild.guildId,
          channelId,
          userId: igcord.personId,
          name: 'feed',
          subcommand: 'list',
          ...(locale ? { locale } : {}),
        })
        .waitForReply(undefined, WAIT_MS);
    const field = async (locale: string | undefined) =>
      (await list(locale)).embeds.flatMap((e) => e.fields ?? []).find((f) => f.name.includes(feed.id))?.value;
    expect(await field('es-ES')).toContain(
      'Instagram rechaza esta fuente (@north.trails ahora es el nombre de otra cuenta de Instagram; el feed seguía a la que tenía ese nombre)',
    );
    expect(await field('pt-BR')).toContain(
      'O Instagram recusa esta fonte (@north.trails agora é o nome de outra conta do Instagram; o feed seguia a que tinha esse nome)',
    );
    expect(await field(undefined)).toContain(
      'Instagram refuses this source (@north.trails now names another Instagram account; the feed followed the one that had that name)',
    );
  });

  it('words /help’s unavailable commands from the catalogue in Spanish and Portuguese', async () => {
    const help = async (locale: string | undefined) => {
      const command = igcord.discord.sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'help',
        ...(locale ? { locale } : {}),
      });
      return helpText(await command.waitForReply(undefined, WAIT_MS));
    };
    expect(await help('es-ES')).toMatch(/`\/follows`[^\n]* — la API actual de Instagram no tiene listas de seguidores/);
    expect(await help('pt-BR')).toMatch(/`\/follows`[^\n]* — a API atual do Instagram não tem listas de seguidores/);
    expect(await help(undefined)).toMatch(/`\/follows`[^\n]* — Instagram's current API has no follower lists/);
  });
});
