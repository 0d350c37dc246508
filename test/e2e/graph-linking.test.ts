// Linking on the Graph provider, end to end: the real bot on the Discord fake, igcord's link page, the fake's
// Discord authorize page, then the Graph emulator's Instagram Login authorize page or Facebook Login dialog, the
// real HTTP callback, and SQLite storage. The Graph client is built here against the emulator and handed to igcord
// as its linker, as the composition root does once the provider is configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphEmulator } from '../../sandbox/instagram-graph/index.js';
import type { TestIgcord } from '../support/igcord-harness.js';
import { linkButtonUrl, linkThroughPages, startOnGraph } from '../support/graph-linking.js';
import { WAIT_MS } from '../support/eventually.js';
import { assertNoSecretLogged } from '../support/secret-scan.js';

const DAY = 86_400_000;

/** The person's browser: Discord's authorize page as `discordUserId`, then the Graph sign-in as the given account. */
async function walk(emulator: GraphEmulator, url: string, discordUserId: string, account: string) {
  const { onGraph, page, visited } = await linkThroughPages(emulator, url, discordUserId, account);
  expect(new URL(onGraph.url).origin).toBe(new URL(emulator.url).origin);
  return { page, visited };
}

describe.each(['instagram', 'facebook'] as const)('/instagram link on Graph with %s login', (login) => {
  let igcord: TestIgcord;
  let emulator: GraphEmulator;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    ({ igcord, emulator } = await startOnGraph(login));
    guildId = igcord.guild.guildId;
    channelId = igcord.guild.channels.general!;
  });
  afterAll(async () => {
    await igcord?.close();
    await emulator?.close();
  });

  function newPerson(username: string): string {
    const user = igcord.discord.createUser({ username });
    igcord.discord.addMember(guildId, user.id);
    return user.id;
  }

  async function startLink(userId: string, locale?: string) {
    const handle = igcord.discord.sendCommand({
      guildId,
      channelId,
      userId,
      name: 'instagram',
      subcommand: 'link',
      ...(locale === undefined ? {} : { locale }),
    });
    return { handle, url: await linkButtonUrl(handle) };
  }

  it(`links a professional account through the ${login === 'instagram' ? 'Instagram authorize page' : 'Facebook dialog'} and stores its token encrypted with its lifetime`, async () => {
    const person = newPerson(`glink-${login}`);
    const { handle, url } = await startLink(person);
    const { page, visited } = await walk(emulator, url, person, 'igcord.studio');
    // The provider's own sign-in page, not v1's.
    expect(
      visited.some((u) =>
        login === 'instagram'
          ? new URL(u).pathname === '/oauth/authorize'
          : /\/facebook-www\/v[\d.]+\/dialog\/oauth$/.test(new URL(u).pathname),
      ),
    ).toBe(true);
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-outcome="linked"');
    expect(page.html).toContain('@igcord.studio');

    const studio = emulator.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const account = await igcord.app.storage.accounts.get(person);
    expect(account).toMatchObject({
      instagramUserId: studio.id,
      username: 'igcord.studio',
      status: 'active',
      provider: 'instagram-graph',
      login,
    });
    const now = emulator.admin.now();
    expect(account!.tokenIssuedAt).toBeGreaterThan(now - DAY);
    if (login === 'instagram') {
      // A long-lived Instagram Login token: about 60 days.
      expect(account!.tokenExpiresAt! - account!.tokenIssuedAt!).toBeGreaterThan(59 * DAY);
      expect(await igcord.app.storage.accounts.expiring()).toContain(person);
    } else {
      // A Page token does not expire: nothing to renew, nothing to warn about.
      expect(account!.tokenExpiresAt).toBeUndefined();
      expect(await igcord.app.storage.accounts.expiring()).not.toContain(person);
    }
    const { accessToken } = (await igcord.app.storage.accounts.getWithToken(person))!;
    expect(emulator.issuedTokens()).toContain(accessToken);
    // The link subscribed the account to igcord's webhook fields (Facebook Login: through its Page).
    const node =
      login === 'instagram'
        ? `${emulator.hosts.instagramGraph}/me`
        : `${emulator.hosts.facebookGraph}/${studio.page_id!}`;
    const subscribed = await fetch(`${node}/subscribed_apps?access_token=${encodeURIComponent(accessToken)}`);
    const { data } = (await subscribed.json()) as { data: { subscribed_fields: string[] }[] };
    expect(data[0]?.subscribed_fields).toEqual(['comments', 'mentions']);
    expect(page.html).not.toContain(accessToken);

    const edited = await handle.waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);
    expect(edited.content).toContain('igcord.studio');
    assertNoSecretLogged(
      igcord.logs(),
      emulator.issuedTokens().map((value, i) => ({ name: `Graph token ${i}`, value })),
    );
  });

  if (login === 'facebook') {
    it('tells a personal account plainly why it cannot link, on the page and in the reply, and links nothing', async () => {
      const person = newPerson('glink-personal');
      const { handle, url } = await startLink(person);
      const { page } = await walk(emulator, url, person, 'mila.personal');
      expect(page.status).toBe(403);
      expect(page.html).toContain('cannot be linked');
      expect(page.html).toContain('professional');
      const edited = await handle.waitForReply((m) => m.content.includes('Nothing was linked'), WAIT_MS);
      expect(edited.content).toContain('professional');
      expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    });

    it('says why in the language of the person linking', async () => {
      const person = newPerson('glink-personal-pt');
      const { handle, url } = await startLink(person, 'pt-BR');
      const { page } = await walk(emulator, url, person, 'mila.personal');
      expect(page.status).toBe(403);
      // Facebook Login names no account when none of the person's Pages has a professional one.
      const why = 'Nenhuma das suas páginas do Facebook tem uma conta profissional do Instagram vinculada.';
      expect(page.html).toContain(why);
      const edited = await handle.waitForReply((m) => m.content.includes(why), WAIT_MS);
      expect(edited.content).not.toContain('None of your');
      expect(await igcord.app.storage.accounts.get(person)).toBeUndefined();
    });
  }
});
