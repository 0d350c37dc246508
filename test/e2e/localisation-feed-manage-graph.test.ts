// /feed add-tag on Graph (Facebook Login) in the invoker's language, end to end: the real bot against the Discord
// fake and the Graph emulator, which refuses a 31st hashtag of the week; the refusal names when a slot frees, in
// Spanish for es-ES and Portuguese for pt-BR, and nothing is created. The rest of /feed's management replies in
// those languages are in localisation-feed-manage.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import { WAIT_MS } from '../support/eventually.js';

describe('/feed add-tag on Graph when the week’s hashtags are used, in Spanish and Portuguese', () => {
  let igcord: GraphFeedsIgcord;
  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: 3_600_000, maxPollMs: 3_600_000 }, { login: 'facebook' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('says when a slot frees, and that nothing was created', async () => {
    const { instagramUserId } = await igcord.link(igcord.personId, 'harbor.cafe');
    const accessToken = (await igcord.app.storage.accounts.getWithToken(igcord.personId))!.accessToken;
    for (let i = 0; i < 30; i += 1)
      await igcord.app.instagramPort.hashtags.find({ userId: instagramUserId, accessToken }, `lleno${i}`);
    const channelId = igcord.discord.createChannel(igcord.guild.guildId, { name: 'etiquetas' });
    const addTag = (locale: string) =>
      igcord.discord
        .sendCommand({
          channelId: igcord.guild.channels.general!,
          userId: igcord.personId,
          name: 'feed',
          subcommand: 'add-tag',
          options: { channel: channelId, tag: 'otra' },
          locale,
        })
        .waitForReply(undefined, WAIT_MS);
    expect((await addTag('es-ES')).content).toMatch(
      /^Tu cuenta de Instagram ya usó sus 30 hashtags de esta semana \(Instagram cuenta cada hashtag nuevo durante 7 días\), así que aún no se puede seguir #otra: se libera un espacio el <t:(\d+):f> \(<t:\1:R>\)\. No se creó nada\.$/,
    );
    expect((await addTag('pt-BR')).content).toMatch(
      /^Sua conta do Instagram já usou as 30 hashtags desta semana .+ então #otra ainda não pode ser acompanhada: uma vaga é liberada em <t:\d+:f> \(<t:\d+:R>\)\. Nada foi criado\.$/,
    );
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
  });
});
