// /instagram me and /instagram quota show the token's lifecycle and the server's usage report: until when the token
// is valid and when it was last renewed, the percentage Graph last reported for the account (the limiter's view),
// and how many of the 30 weekly hashtag slots are used and when one frees. Real bot on the Discord fake, SQLite
// storage, the limiter fed a report as a Graph answer feeds it, and the hashtag-slot store noted as the Graph
// port notes a search (test/integration/graph-port/hashtag-slots.test.ts drives that part).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const DAY = 86_400_000;

describe('/instagram me and quota: token lifetime and usage', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  function newPerson(username: string): string {
    const user = igcord.discord.createUser({ username });
    igcord.discord.addMember(guildId, user.id);
    return user.id;
  }
  const run = (userId: string, subcommand: string) =>
    igcord.discord
      .sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand })
      .waitForReply(undefined, WAIT_MS);

  /** A link whose token expires, as the Graph link flow stores it (the profile itself comes from the sandbox). */
  async function linkGraph(
    person: string,
    username: string,
    login: 'instagram' | 'facebook',
    issuedAt: number,
    expiresAt: number | undefined,
  ) {
    const { instagramUserId, accessToken } = await igcord.link(person, username);
    await igcord.app.storage.accounts.link({
      discordUserId: person,
      instagramUserId,
      username,
      scopes: ['basic'],
      accessToken,
      provider: 'instagram-graph',
      login,
      tokenIssuedAt: issuedAt,
      tokenExpiresAt: expiresAt,
    });
    return { instagramUserId, accessToken };
  }

  it('shows until when the token is valid and when it was last renewed', async () => {
    const person = newPerson('token-me');
    const username = igcord.emulator.admin.users()[0]!.username as string;
    const issuedAt = Date.now() - 10 * DAY;
    const expiresAt = issuedAt + 60 * DAY;
    const { accessToken } = await linkGraph(person, username, 'instagram', issuedAt, expiresAt);

    const before = await run(person, 'me');
    expect(before.content).toContain(`valid until <t:${Math.floor(expiresAt / 1000)}:`);
    expect(before.content).toContain('not renewed yet');

    const renewedAt = Date.now() - DAY;
    expect(
      await igcord.app.storage.accounts.recordRefresh(person, accessToken, {
        accessToken,
        issuedAt: renewedAt,
        expiresAt: renewedAt + 60 * DAY,
      }),
    ).toBe(true);
    const after = await run(person, 'me');
    expect(after.content).toContain(`valid until <t:${Math.floor((renewedAt + 60 * DAY) / 1000)}:`);
    expect(after.content).toContain(`last renewed <t:${Math.ceil(renewedAt / 1000)}:`);
  });

  it('says a Facebook Login Page token does not expire', async () => {
    const person = newPerson('token-page');
    const username = igcord.emulator.admin.users()[2]!.username as string;
    await linkGraph(person, username, 'facebook', Date.now(), undefined);
    expect((await run(person, 'me')).content).toContain('does not expire');
  });

  it('shows the usage percentage Instagram last reported for the account', async () => {
    const person = newPerson('token-quota');
    const username = igcord.emulator.admin.users()[1]!.username as string;
    const { instagramUserId } = await linkGraph(person, username, 'facebook', Date.now(), undefined);

    const unknown = JSON.stringify((await run(person, 'quota')).embeds);
    expect(unknown).toContain('No usage reported by Instagram yet');

    // A Graph answer for this account reporting 62 %, as the provider's gate hands it to the limiter.
    await igcord.app.limiter.run(
      { key: instagramUserId, priority: 'interactive', method: 'GET', path: '/me', idempotent: true },
      async () => ({
        rateLimit: { limit: undefined, remaining: undefined, usage: { percent: 62 } },
      }),
    );
    const [embed] = (await run(person, 'quota')).embeds!;
    expect(embed!.description).toContain('62 %');
  });

  it('shows how many of the 30 weekly hashtag slots are used and when the next one frees', async () => {
    const person = newPerson('slots-quota');
    const username = igcord.emulator.admin.users()[2]!.username as string;
    const { instagramUserId } = await linkGraph(person, username, 'facebook', Date.now(), undefined);
    const slotsField = async () =>
      (await run(person, 'quota')).embeds![0]!.fields!.find((f) => f.name === 'Hashtag slots')?.value;

    expect(await slotsField()).toBe('**0** of **30** used (unique hashtags per rolling 7 days).');
    const first = Date.now() - 2 * DAY;
    await igcord.app.storage.hashtagSlots.recordQuery(instagramUserId, 'sunset', first);
    await igcord.app.storage.hashtagSlots.recordQuery(instagramUserId, 'harbor', first + DAY);
    await igcord.app.storage.hashtagSlots.recordQuery(instagramUserId, 'sunset', first + DAY);
    expect(await slotsField()).toBe(
      `**2** of **30** used (unique hashtags per rolling 7 days); the next frees <t:${Math.ceil((first + 7 * DAY) / 1000)}:R>.`,
    );

    // Graph refused a 31st, naming when its oldest slot frees: all 30 are in use, whoever used them.
    const frees = Date.now() + 3 * DAY;
    await igcord.app.storage.hashtagSlots.recordRefusal(instagramUserId, frees, Date.now());
    expect(await slotsField()).toBe(
      `**30** of **30** used (unique hashtags per rolling 7 days); the next frees <t:${Math.ceil(frees / 1000)}:R>.`,
    );
  });

  it('says Instagram Login has no hashtag search', async () => {
    const person = newPerson('slots-ig-login');
    const username = igcord.emulator.admin.users()[3]!.username as string;
    await linkGraph(person, username, 'instagram', Date.now(), Date.now() + 60 * DAY);
    const [embed] = (await run(person, 'quota')).embeds!;
    expect(embed!.fields!.find((f) => f.name === 'Hashtag slots')?.value).toContain(
      'Not available with Instagram Login',
    );
  });
});
