// /follows, /comments, /insights and the comments feed in Spanish and Brazilian Portuguese, end to end: the real
// discord.js client against the Discord fake, /follows on the v1 emulator, the rest on the Graph emulator. A
// person whose Discord speaks es-ES or pt-BR (the interaction's `locale`) is answered in that language; a comments
// feed's message, and what its Hide button turns it into, speak the server's preferred language whoever presses,
// while the presser's own answers (a refusal, the reply modal, the reply's confirmation) speak the presser's.
// Instagram's names and comments stay as Instagram wrote them; a person on en-US still reads English.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { buttonIds } from '../support/press-confirm.js';

const HOUR = 3_600_000;
const labels = (m: APIMessage) =>
  ((m.components?.[0] as { components?: { label?: string }[] } | undefined)?.components ?? []).map((c) => c.label);

describe('/follows in Spanish and Portuguese (v1 emulator)', () => {
  let igcord: TestIgcord;
  let requester: string;
  let otherRequester: string;
  let followed: string;

  const answer = (subcommand: string, locale: string | undefined, options: Record<string, string> = {}) =>
    igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name: 'follows',
        subcommand,
        options,
        ...(locale ? { locale } : {}),
      })
      .waitForReply(undefined, WAIT_MS);

  let myName: string;
  beforeAll(async () => {
    igcord = await startTestIgcord();
    const users = igcord.emulator.admin.users() as unknown as {
      id: string;
      username: string;
      is_private: boolean;
      requested_by: string[];
    }[];
    const me = users.find((u) => u.is_private && u.requested_by.length >= 2)!;
    myName = me.username;
    requester = users.find((u) => u.id === me.requested_by[0])!.username;
    otherRequester = users.find((u) => u.id === me.requested_by[1])!.username;
    const { accessToken } = await igcord.link(igcord.personId, me.username);
    const follows = (await (
      await fetch(`${igcord.emulator.url}/v1/users/self/follows?access_token=${accessToken}`)
    ).json()) as { data: { username: string }[] };
    followed = follows.data[0]!.username;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('titles the lists in the invoker’s language, and in English for en-US', async () => {
    expect((await answer('following', 'es-ES')).embeds[0]!.title).toBe('Cuentas que sigues');
    expect((await answer('followers', 'pt-BR')).embeds[0]!.title).toBe('Seus seguidores');
    expect((await answer('requests', undefined)).embeds[0]!.title).toBe('Pending follow requests');
  });

  it('says how the invoker and another account relate, in Spanish and in Portuguese', async () => {
    const es = await answer('status', 'es-ES', { user: followed });
    expect(es.content.split('\n')[0]).toMatch(/^Sigues a \*\*.+\*\*\.$/);
    expect(es.content).toMatch(/\*\*.+\*\* (te sigue|no te sigue)\./);
    const pt = await answer('status', 'pt-BR', { user: followed });
    expect(pt.content.split('\n')[0]).toMatch(/^Você segue \*\*.+\*\*\.$/);
    expect(pt.content).toMatch(/\*\*.+\*\* (segue você|não segue você)\./);
  });

  it('answers the actions and their refusals in the invoker’s language', async () => {
    const approved = await answer('approve', 'pt-BR', { user: requester });
    expect(approved.content).toMatch(/^Você aprovou a solicitação de \*\*.+\*\*: agora essa pessoa segue você\.$/);
    const again = await answer('approve', 'es-ES', { user: requester });
    expect(again.content).toMatch(
      /^\*\*.+\*\* no ha pedido seguirte \(o la solicitud ya fue respondida\)\. Mira `\/seguidos solicitudes`\.$/,
    );
    expect((await answer('follow', 'pt-BR', { user: myName })).content).toBe(
      'Essa é a sua própria conta do Instagram.',
    );
    expect((await answer('follow', 'es-ES', { user: myName })).content).toBe('Esa es tu propia cuenta de Instagram.');
    const ignored = await answer('ignore', 'es-ES', { user: otherRequester });
    expect(ignored.content).toMatch(/^Ignoraste la solicitud de \*\*.+\*\* para seguirte\.$/);
    const gone = await answer('ignore', 'pt-BR', { user: otherRequester });
    expect(gone.content).toMatch(
      /^\*\*.+\*\* não pediu para seguir você \(ou a solicitação já foi respondida\)\. Veja `\/relacoes solicitacoes`\.$/,
    );
  });
});

describe('/comments, /insights and the comments feed in Spanish and Portuguese (Graph emulator)', () => {
  let igcord: GraphFeedsIgcord;
  let studioId: string;
  let token: string;

  const command = (name: string, locale: string | undefined, subcommand?: string, options = {}) =>
    igcord.discord
      .sendCommand({
        guildId: igcord.guild.guildId,
        channelId: igcord.guild.channels.general!,
        userId: igcord.personId,
        name,
        ...(subcommand ? { subcommand } : {}),
        options,
        ...(locale ? { locale } : {}),
      })
      .waitForReply(undefined, WAIT_MS);
  async function hiddenOnInstagram(id: string): Promise<boolean> {
    const r = await fetch(`${igcord.graph.hosts.instagramGraph}/v25.0/${id}?fields=hidden&access_token=${token}`);
    return ((await r.json()) as { hidden: boolean }).hidden;
  }

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR });
    ({ instagramUserId: studioId } = await igcord.link(igcord.personId, 'igcord.studio'));
    token = igcord.graph.admin.mintToken({ account: 'igcord.studio' }).access_token;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('lists, hides, shows, replies to and deletes comments in the invoker’s language', async () => {
    const post = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Nueva obra' });
    const c = igcord.graph.admin.postComment({ mediaId: post.id, from: 'sam.reads', text: 'Lovely light' });
    const listed = await command('comments', 'es-ES', 'list', { post: post.id });
    expect(listed.content.split('\n')[0]).toBe(`Comentarios en la publicación \`${post.id}\`:`);
    expect(listed.content).toContain(`Lovely light (\`${c.id}\`)`);
    const empty = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Sem comentários' });
    expect((await command('comments', 'pt-BR', 'list', { post: empty.id })).content).toBe(
      'Ainda não há comentários nessa publicação.',
    );
    expect((await command('comments', 'pt-BR', 'list', { post: 'abc' })).content).toBe(
      '`publicacao` deve ser um id: os dígitos que o igcord mostra.',
    );
    expect((await command('comments', 'es-ES', 'hide', { comment: 'x' })).content).toBe(
      '`comentario` debe ser un id: los dígitos que muestra igcord.',
    );

    const replied = await command('comments', 'es-ES', 'reply', { comment: c.id, text: '¡Gracias!' });
    expect(replied.content).toMatch(
      new RegExp(`^Respondiste al comentario \`${c.id}\` \\(tu respuesta es \`\\d+\`\\)\\.$`),
    );
    const repliedPt = await command('comments', 'pt-BR', 'reply', { comment: c.id, text: 'Obrigado!' });
    expect(repliedPt.content).toMatch(
      new RegExp(`^Você respondeu ao comentário \`${c.id}\` \\(sua resposta é \`\\d+\`\\)\\.$`),
    );
    expect((await command('comments', 'pt-BR', 'hide', { comment: c.id })).content).toBe(
      `O comentário \`${c.id}\` está oculto.`,
    );
    expect((await command('comments', 'es-ES', 'hide', { comment: c.id, hidden: false })).content).toBe(
      `El comentario \`${c.id}\` vuelve a estar visible.`,
    );
    expect((await command('comments', 'es-ES', 'hide', { comment: c.id })).content).toBe(
      `El comentario \`${c.id}\` está oculto.`,
    );
    expect((await command('comments', undefined, 'hide', { comment: c.id })).content).toBe(
      `Comment \`${c.id}\` is hidden.`,
    );
    const replyId = /`(\d+)`\)\.$/.exec(replied.content)![1]!;
    expect((await command('comments', 'es-ES', 'delete', { comment: replyId })).content).toBe(
      `El comentario \`${replyId}\` está borrado.`,
    );
    expect((await command('comments', 'pt-BR', 'delete', { comment: c.id })).content).toBe(
      `O comentário \`${c.id}\` foi apagado.`,
    );
  });

  it('shows /insights in Spanish for the account and in Portuguese for a post, figures in the locale’s digits', async () => {
    const account = await command('insights', 'es-ES');
    const [heading, ...lines] = account.content.split('\n');
    expect(heading).toBe('Estadísticas de @igcord.studio del último día:');
    expect(lines.join('\n')).toMatch(/^• alcance: \*\*[\d.]+\*\*$/m);
    expect(lines.join('\n')).toMatch(/^• interacciones totales: \*\*[\d.]+\*\*$/m);
    expect((await command('insights', 'es-ES', undefined, { post: 'abc' })).content).toBe(
      '`publicacion` debe ser el id de una publicación: los dígitos que muestra igcord.',
    );
    const post = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Cifras' });
    const one = await command('insights', 'pt-BR', undefined, { post: post.id });
    expect(one.content.split('\n')[0]).toBe(`Estatísticas da publicação \`${post.id}\`:`);
    expect(one.content).toMatch(/^• curtidas: \*\*[\d.]+\*\*$/m);
    expect(one.content).toMatch(/^• salvamentos: \*\*[\d.]+\*\*$/m);
  });

  it('posts a comment in each server’s language, and words the buttons’ answers in the presser’s', async () => {
    const servers = (['pt-BR', 'es-ES'] as const).map((preferredLocale) => {
      const guild = igcord.discord.createGuild({
        name: `Servidor ${preferredLocale}`,
        ownerId: igcord.personId,
        preferredLocale,
        channels: [{ name: 'comentarios' }],
      });
      return { guildId: guild.guildId, channelId: guild.channels.comentarios! };
    });
    for (const { guildId, channelId } of servers) {
      const feed = await igcord.app.storage.feeds.add({
        guildId,
        channelId,
        source: { kind: 'comments', instagramUserId: studioId },
        ownerDiscordUserId: igcord.personId,
        ownerInstagramUserId: studioId,
        createdBy: igcord.personId,
        delivery: { mode: 'message' },
      });
      await igcord.app.deliveries.initSource(feed);
    }
    const media = igcord.graph.admin.postMedia('igcord.studio', { type: 'image', caption: 'Porto ao amanhecer' });
    igcord.graph.admin.postComment({ mediaId: media.id, from: 'visitor.pt', text: 'que vista' });
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(`comments:${studioId}`);
    await eventually(() => igcord.app.deliveries.stats().fetches > before, 'a poll of the comments');
    const saying = (m: APIMessage) => m.embeds.some((e) => e.description === 'que vista');
    const [pt, es] = await Promise.all(servers.map((s) => igcord.discord.waitForMessage(s.channelId, saying, WAIT_MS)));

    const [ptEmbed] = pt!.embeds;
    expect(ptEmbed!.author?.name).toBe('@visitor.pt comentou');
    expect(ptEmbed!.title).toBe('Na publicação de @igcord.studio');
    expect(ptEmbed!.fields![0]!.name).toBe('A publicação');
    expect(ptEmbed!.fields![0]!.value).toContain('Porto ao amanhecer');
    expect(ptEmbed!.footer?.text).toBe('Instagram · Comentário');
    expect(labels(pt!)).toEqual(['Ocultar', 'Responder']);
    const [esEmbed] = es!.embeds;
    expect(esEmbed!.author?.name).toBe('@visitor.pt comentó');
    expect(esEmbed!.title).toBe('En la publicación de @igcord.studio');
    expect(esEmbed!.fields![0]!.name).toBe('La publicación');
    expect(esEmbed!.footer?.text).toBe('Instagram · Comentario');
    expect(labels(es!)).toEqual(['Ocultar', 'Responder']);

    // Someone else's press is refused in their own language, naming the account as the message does.
    const stranger = igcord.discord.createUser({ username: 'otra-persona' });
    for (const { guildId } of servers) igcord.discord.addMember(guildId, stranger.id);
    const hideId = buttonIds(pt!).find((id) => id.startsWith('cmod:hide:'))!;
    const commentId = hideId.split(':').at(-1)!;
    const press = (message: APIMessage, customId: string, userId: string, locale: string) =>
      igcord.discord.pressButton({ message, customId, userId, locale });
    const refusedEs = await press(pt!, hideId, stranger.id, 'es-ES').waitForReply(undefined, WAIT_MS);
    expect(refusedEs.content).toBe(
      'Solo la persona dueña de @igcord.studio puede ocultar o responder sus comentarios, con su propio vínculo de Instagram.',
    );
    const refusedPt = await press(es!, hideId, stranger.id, 'pt-BR').waitForReply(undefined, WAIT_MS);
    expect(refusedPt.content).toBe(
      'Só a pessoa dona de @igcord.studio pode ocultar ou responder aos comentários dela, com o próprio vínculo do Instagram.',
    );
    expect(await hiddenOnInstagram(commentId)).toBe(false);

    // The reply modal and its confirmation speak the presser's language (Spanish, in the Portuguese server).
    const replyId = buttonIds(pt!).find((id) => id.startsWith('cmod:reply:'))!;
    const modal = await press(pt!, replyId, igcord.personId, 'es-ES').firstResponse();
    expect(modal.type).toBe(9);
    const shown = modal.data as { custom_id: string; title: string; components: { components: { label: string }[] }[] };
    expect(shown.title).toBe('Responder en Instagram');
    expect(shown.components[0]!.components[0]!.label).toBe('Tu respuesta');
    const submit = (text: string, locale: string) =>
      igcord.discord
        .submitModal({ customId: shown.custom_id, fields: { text }, userId: igcord.personId, locale })
        .waitForReply(undefined, WAIT_MS);
    expect((await submit('   ', 'es-ES')).content).toBe('Una respuesta necesita algo de texto.');
    expect((await submit('¡Gracias!', 'es-ES')).content).toMatch(/^Respondido en Instagram \(respuesta `\d+`\)\.$/);
    const modalPt = await press(es!, replyId, igcord.personId, 'pt-BR').firstResponse();
    expect((modalPt.data as { title: string }).title).toBe('Responder no Instagram');
    expect((await submit('   ', 'pt-BR')).content).toBe('Uma resposta precisa de algum texto.');
    expect((await submit('Obrigado!', 'pt-BR')).content).toMatch(
      /^Resposta publicada no Instagram \(resposta `\d+`\)\.$/,
    );

    // The owner's Hide, pressed in Spanish, leaves the Portuguese server's message in Portuguese.
    await press(pt!, hideId, igcord.personId, 'es-ES').firstResponse();
    await eventually(() => hiddenOnInstagram(commentId), 'the comment hidden on Instagram');
    const updated = await eventually(() => {
      const m = igcord.discord.messages(servers[0]!.channelId).find((x) => x.id === pt!.id);
      return m !== undefined && buttonIds(m).some((id) => id.startsWith('cmod:show:')) && m;
    }, 'the button turned into Unhide');
    expect(updated.embeds[0]!.footer?.text).toBe('Instagram · Comentário · oculto');
    expect(updated.embeds[0]!.title).toBe('Na publicação de @igcord.studio');
    expect(labels(updated)).toEqual(['Mostrar', 'Responder']);
    // And the Spanish server's message, pressed in Portuguese, in Spanish.
    await press(es!, hideId, igcord.personId, 'pt-BR').firstResponse();
    const updatedEs = await eventually(() => {
      const m = igcord.discord.messages(servers[1]!.channelId).find((x) => x.id === es!.id);
      return m !== undefined && buttonIds(m).some((id) => id.startsWith('cmod:show:')) && m;
    }, 'the Spanish message’s button turned into Unhide');
    expect(updatedEs.embeds[0]!.footer?.text).toBe('Instagram · Comentario · oculto');
    expect(labels(updatedEs)).toEqual(['Mostrar', 'Responder']);
  });
});
