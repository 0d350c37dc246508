// A linked account whose Instagram budget is used up: the command is refused at once by igcord's limiter (no call
// reaches Instagram) with a reply that says when the budget frees, and /instagram quota shows it used up. A 503
// from Instagram is retried and leaves the budget as Instagram counts it. Linking cannot be used to drain the
// shared `app` budget: pastes and link prompts are limited per member, and pasted-token checks leave the OAuth
// code exchange its share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

describe('/instagram with an exhausted budget', () => {
  let igcord: TestIgcord;
  beforeAll(async () => {
    igcord = await startTestIgcord({ RATE_LIMIT_GLOBAL: '2' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('refuses the call past the budget with when it frees, and quota shows it used up', async () => {
    const guildId = igcord.guild.guildId;
    const channelId = igcord.guild.channels.general!;
    const userId = igcord.personId;
    const username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(userId, username);
    const run = (subcommand: string) =>
      igcord.discord.sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand });

    for (let i = 0; i < 2; i += 1) {
      const reply = await run('me').waitForReply(undefined, WAIT_MS);
      expect(reply.embeds).toHaveLength(1);
    }
    const calls = igcord.emulator.admin.requests().length;
    const refused = await run('me').waitForReply(undefined, WAIT_MS);
    expect(refused.content).toContain('budget is used up');
    expect(refused.content).toMatch(/frees <t:\d+:R>/);
    const freesAt = Number(/<t:(\d+):R>/.exec(refused.content)![1]) * 1000;
    expect(freesAt).toBeGreaterThan(Date.now());
    expect(igcord.emulator.admin.requests().length).toBe(calls);

    const quota = await run('quota').waitForReply(undefined, WAIT_MS);
    expect(quota.embeds[0]!.description).toContain('**2** of **2** calls used');
    expect(quota.embeds[0]!.description).toContain('**0** remaining');
    expect(quota.embeds[0]!.description).toMatch(/Used up: the next call can start <t:\d+:R>/);
  });
});

describe('/instagram after Instagram answers 503', () => {
  let igcord: TestIgcord;
  beforeAll(async () => {
    igcord = await startTestIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('retries the call, answers normally, and quota shows what Instagram counted instead of a full window', async () => {
    const guildId = igcord.guild.guildId;
    const channelId = igcord.guild.channels.general!;
    const userId = igcord.personId;
    const username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(userId, username);
    const run = (subcommand: string) =>
      igcord.discord.sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand });

    expect((await run('me').waitForReply(undefined, WAIT_MS)).embeds).toHaveLength(1);
    igcord.emulator.admin.injectFault({
      method: 'GET',
      path: '^/v1/users/self$',
      kind: 'status',
      status: 503,
      times: 1,
    });
    const afterFailure = await run('me').waitForReply(undefined, WAIT_MS);
    expect(afterFailure.embeds).toHaveLength(1);
    const statuses = igcord.emulator.admin
      .requests()
      .filter((r) => r.path === '/v1/users/self')
      .map((r) => r.status);
    expect(statuses).toEqual([200, 503, 200]);

    const quota = await run('quota').waitForReply(undefined, WAIT_MS);
    expect(quota.embeds[0]!.description).toContain('**2** of **500** calls used');
    expect(quota.embeds[0]!.description).toContain('**498** remaining');
    // And the next command is answered, not told that the budget is used up.
    const next = await run('me').waitForReply(undefined, WAIT_MS);
    expect(next.content).not.toContain('budget');
    expect(next.embeds).toHaveLength(1);
  });
});

describe('/instagram after Instagram answers 429', () => {
  let igcord: TestIgcord;
  beforeAll(async () => {
    igcord = await startTestIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('pauses the account until its window frees: the command says when, quota shows the pause and what Instagram counted', async () => {
    const guildId = igcord.guild.guildId;
    const channelId = igcord.guild.channels.general!;
    const userId = igcord.personId;
    const username = String(igcord.emulator.admin.users()[0]!.username);
    await igcord.link(userId, username);
    const run = (subcommand: string) =>
      igcord.discord.sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand });

    expect((await run('me').waitForReply(undefined, WAIT_MS)).embeds).toHaveLength(1);
    igcord.emulator.admin.injectFault({ method: 'GET', path: '^/v1/users/self$', kind: 'ratelimit', times: 1 });
    const limited = await run('me').waitForReply(undefined, WAIT_MS);
    expect(limited.content).toMatch(/budget is used up for now\. It frees <t:\d+:R>/);
    const freesAt = Number(/<t:(\d+):R>/.exec(limited.content)![1]) * 1000;
    // One hour after the first call: the window frees when that call leaves it.
    expect(freesAt).toBeGreaterThan(Date.now() + 50 * 60_000);
    const calls = igcord.emulator.admin.requests().length;
    expect((await run('me').waitForReply(undefined, WAIT_MS)).content).toContain('budget is used up');
    expect(igcord.emulator.admin.requests().length).toBe(calls);

    const quota = await run('quota').waitForReply(undefined, WAIT_MS);
    expect(quota.embeds[0]!.description).toContain('**1** of **500** calls used');
    expect(quota.embeds[0]!.description).toMatch(
      /Instagram asked igcord to wait: calls for this account start again <t:\d+:R>/,
    );
  });
});

describe('linking attempts and the shared app budget', () => {
  let igcord: TestIgcord;
  let guildId: string;
  let channelId: string;
  // An app window of 10 calls: pasted-token checks may take 6 of them, the last 4 stay for the OAuth exchange.
  beforeAll(async () => {
    igcord = await startTestIgcord({ RATE_LIMIT_GLOBAL: '10' });
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

  /** Runs /instagram link and presses its "Paste a token" button, so the person has the modal in front of them. */
  async function openPasteModal(userId: string): Promise<void> {
    const prompt = await igcord.discord
      .sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand: 'link' })
      .waitForReply(undefined, WAIT_MS);
    await igcord.discord.pressButton({ message: prompt, customId: 'instagram:paste', userId }).firstResponse();
  }
  const paste = (userId: string, token: string) =>
    igcord.discord
      .submitModal({ customId: 'instagram:paste-token', fields: { token }, userId })
      .waitForReply(undefined, WAIT_MS);
  const verifications = () => igcord.emulator.admin.requests().filter((r) => r.route === 'GET /users/self').length;
  const seeded = (i: number) => String(igcord.emulator.admin.users()[i]!.username);

  /** A real, unused code from the emulator's authorize page, as a browser would get it. */
  async function authorizationCode(username: string): Promise<string> {
    const url = igcord.app.instagram.oauth.authorizeUrl({
      responseType: 'code',
      scopes: ['basic'],
      state: 'budget-test',
    });
    const page = await (await fetch(`${url}&username=${encodeURIComponent(username)}`)).text();
    const form = new URLSearchParams();
    const authorize = /<form id="authorize"[\s\S]*?<\/form>/.exec(page)![0];
    for (const m of authorize.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(
        m[1]!,
        m[2]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
      );
    }
    const user = igcord.emulator.admin.users().find((u) => u.username === username)!;
    form.set('user_id', String(user.id));
    form.set('decision', 'authorize');
    const redirect = await fetch(`${igcord.emulator.url}/oauth/authorize/`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    return new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  }

  it('refuses a member past 5 pastes with when the next one frees, lets another paste, and keeps the OAuth exchange working', async () => {
    const flooder = newPerson('paste-flooder');
    await openPasteModal(flooder);
    for (let i = 0; i < 5; i += 1) {
      const refused = await paste(flooder, `${1000 + i}.abcdef0.${'0'.repeat(32)}`);
      expect(refused.content).toContain('did not accept that token');
    }
    const checked = verifications();
    const sixth = await paste(flooder, `1006.abcdef0.${'0'.repeat(32)}`);
    expect(sixth.content).toMatch(/You have pasted 5 tokens in the last 10 minutes\. You can paste again <t:\d+:R>/);
    const freesAt = Number(/<t:(\d+):R>/.exec(sixth.content)![1]) * 1000;
    expect(freesAt).toBeGreaterThan(Date.now());
    expect(verifications()).toBe(checked);
    expect(await igcord.app.storage.accounts.get(flooder)).toBeUndefined();

    // Another member is not held back by the first one's limit: the 6th check of the app window links them.
    const other = newPerson('paste-other');
    await openPasteModal(other);
    const minted = igcord.emulator.admin.mintToken({ username: seeded(1) });
    const linked = await paste(other, minted.access_token);
    expect(linked.content).toContain('Linked Instagram account');
    expect(await igcord.app.storage.accounts.get(other)).toMatchObject({ username: seeded(1), status: 'active' });

    // Pasted-token checks have now used their share of the app window: a third member is told so, plainly.
    const third = newPerson('paste-third');
    await openPasteModal(third);
    const before = verifications();
    const reserved = await paste(third, igcord.emulator.admin.mintToken({ username: seeded(2) }).access_token);
    expect(reserved.content).toMatch(/cannot check pasted tokens right now.*<t:\d+:R>.*Authorize on Instagram/s);
    expect(verifications()).toBe(before);
    expect(igcord.app.limiter.quota('app')).toMatchObject({ used: 6, limit: 10 });

    // The OAuth code exchange still has the rest of the app window.
    const token = await igcord.app.instagram.oauth.exchangeCode(await authorizationCode(seeded(3)));
    expect(String(token.user.id)).toBe(String(igcord.emulator.admin.users()[3]!.id));
    expect(igcord.app.limiter.quota('app').used).toBe(7);
    expect(igcord.logs()).not.toContain(minted.access_token);
  });

  it('refuses a member past 10 link prompts in 10 minutes with when the next one frees, and not another member', async () => {
    const eager = newPerson('link-eager');
    const link = (userId: string) =>
      igcord.discord
        .sendCommand({ guildId, channelId, userId, name: 'instagram', subcommand: 'link' })
        .waitForReply(undefined, WAIT_MS);
    for (let i = 0; i < 10; i += 1) expect((await link(eager)).content).toContain('Authorize on Instagram');
    const refused = await link(eager);
    expect(refused.content).toMatch(
      /You have asked for 10 link prompts in the last 10 minutes\. You can ask again <t:\d+:R>/,
    );
    expect(refused.content).not.toContain('Authorize on Instagram');
    expect((await link(newPerson('link-calm'))).content).toContain('Authorize on Instagram');
  });
});
