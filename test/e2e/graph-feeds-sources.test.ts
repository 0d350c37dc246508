// Feeds of other accounts and of hashtags on the Graph provider with Facebook Login, end to end: igcord in sandbox
// mode on the Graph emulator, `/feed add-account account:` asking its payer to confirm and reading the account
// through Business Discovery, `/feed add-tag` holding one of the payer's 30 weekly hashtag slots (the 31st refused
// with the date a slot frees), each new post appearing once in every following channel, hashtag answers unordered
// over two days of the emulator's clock delivered once each, and a payer whose link stops working pausing their
// feed with the reason in /feed list while another payer's feed of the same account goes on. Polls are an hour
// apart and each test asks for one (`poke`), so every Instagram call is counted.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';
import { buttonIds } from '../support/press-confirm.js';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const withCaption = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));

describe('feeds of other accounts and hashtags on Graph (Facebook Login)', () => {
  let igcord: GraphFeedsIgcord;
  let general: string;
  let second: string;
  let guildId: string;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord({ minPollMs: HOUR, maxPollMs: HOUR }, { login: 'facebook' });
    await igcord.link(igcord.personId, 'igcord.studio');
    general = igcord.guild.channels.general!;
    second = igcord.guild.channels.instagram!;
    guildId = igcord.guild.guildId;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  function newAdmin(name: string): string {
    const user = igcord.discord.createUser({ username: name });
    igcord.discord.addMember(guildId, user.id, { roles: [igcord.guild.roles.admin!] });
    return user.id;
  }
  const feedCommand = (userId: string, subcommand: string, options?: Record<string, string>) =>
    igcord.discord
      .sendCommand({ guildId, channelId: general, userId, name: 'feed', subcommand, ...(options ? { options } : {}) })
      .waitForReply(undefined, WAIT_MS);
  /** Asks for a poll of `sourceKey` and resolves once it has read Instagram and posted what it found. */
  async function poll(sourceKey: string): Promise<void> {
    const before = igcord.app.deliveries.stats().fetches;
    igcord.app.deliveries.poke(sourceKey);
    await eventually(
      () => igcord.app.deliveries.stats().fetches > before && igcord.app.deliveries.stats().running === 0,
      `a poll of ${sourceKey}`,
    );
  }
  const count = (channelId: string, text: string) =>
    igcord.discord.messages(channelId).filter(withCaption(text)).length;
  const discoveryReads = () => igcord.graph.admin.requests().filter((r) => r.route === 'GET /{user}').length;

  /** `/feed add-account account:<name>` and Confirm, as `userId`; resolves with the added feed's id. */
  async function addAccountFeed(userId: string, channelId: string, account: string): Promise<string> {
    const ask = await feedCommand(userId, 'add-account', { channel: channelId, account });
    expect(ask.content).toContain(`This feed reads @${account}`);
    const confirm = buttonIds(ask).find((id) => id.includes(':ok:'));
    expect(confirm, ask.content).toBeDefined();
    const done = await igcord.discord
      .pressButton({ message: ask, customId: confirm!, userId })
      .waitForReply((m) => m.content.includes('added'), WAIT_MS);
    const id = /Feed `([a-z0-9]+)` added/.exec(done.content)?.[1];
    expect(id, done.content).toBeDefined();
    return id!;
  }

  it("posts another account's new post once in every following channel, one Business Discovery call per poll", async () => {
    const harbor = igcord.graph.admin.accounts().find((a) => a.username === 'harbor.cafe')!;
    const payer = newAdmin('trails-admin');
    await igcord.link(payer, 'north.trails');
    const first = await addAccountFeed(igcord.personId, general, 'harbor.cafe');
    await addAccountFeed(payer, second, 'harbor.cafe');
    const feed = (await igcord.app.storage.feeds.get(first))!;
    expect(feed.source).toEqual({ kind: 'account', instagramUserId: harbor.id });
    expect(feed.consent?.username).toBe('harbor.cafe');
    const key = `account:${harbor.id}`;

    igcord.graph.admin.postMedia('harbor.cafe', { caption: 'Fresh sourdough at seven' });
    igcord.graph.admin.clearRequests();
    await poll(key);
    for (const channelId of [general, second])
      await igcord.discord.waitForMessage(channelId, withCaption('Fresh sourdough'), WAIT_MS);
    expect(discoveryReads()).toBe(1);

    // Nothing new: one call, nothing posted again.
    await poll(key);
    expect(discoveryReads()).toBe(2);
    for (const channelId of [general, second]) expect(count(channelId, 'Fresh sourdough')).toBe(1);

    // The first payer's link stops working: their feed pauses with the reason, the other payer's goes on.
    const token = (await igcord.app.storage.accounts.getWithToken(igcord.personId))!.accessToken;
    igcord.graph.admin.revokeToken(token);
    igcord.graph.admin.postMedia('harbor.cafe', { caption: 'Cinnamon buns are out' });
    await poll(key);
    await igcord.discord.waitForMessage(second, withCaption('Cinnamon buns'), WAIT_MS);
    expect(count(general, 'Cinnamon buns')).toBe(0);
    const list = await feedCommand(payer, 'list');
    const field = list.embeds.flatMap((e) => e.fields ?? []).find((f) => f.name.includes(first));
    expect(field?.value).toContain("@harbor.cafe's posts");
    expect(field?.value).toMatch(/paused — the owner's Instagram link stopped working/);
    await igcord.link(igcord.personId, 'igcord.studio');
  });

  it('posts each hashtag post once in every following channel over two days of unordered answers', async () => {
    const added = await feedCommand(igcord.personId, 'add-tag', { channel: general, tag: '#tidepool' });
    expect(added.content).toMatch(/Feed `[^`]+` added/);
    const again = await feedCommand(igcord.personId, 'add-tag', { channel: second, tag: 'tidepool' });
    expect(again.content).toMatch(/Feed `[^`]+` added/);
    const key = 'tag:tidepool';
    const captions: string[] = [];
    for (let step = 1; step <= 8; step += 1) {
      igcord.graph.admin.advance(6 * HOUR);
      const now = igcord.graph.admin.now();
      for (const [i, ago] of [50, 5, 25].entries()) {
        const caption = `Rock pool ${step}-${i}`;
        captions.push(caption);
        igcord.graph.admin.postMedia(i % 2 === 0 ? 'harbor.cafe' : 'north.trails', {
          caption: `${caption} #tidepool`,
          timestamp: now - ago * 60_000,
        });
      }
      await poll(key);
      for (const channelId of [general, second])
        for (const caption of captions.slice(-3))
          await igcord.discord.waitForMessage(channelId, withCaption(`${caption} `), WAIT_MS);
    }
    await poll(key);
    for (const channelId of [general, second])
      for (const caption of captions) expect(count(channelId, `${caption} `), caption).toBe(1);
    // Hashtag Search names no author: the post says so rather than "by @".
    const embed = igcord.discord.messages(general).find(withCaption('Rock pool 1-0'))!.embeds[0]!;
    expect(embed.title).toBe('Photo on Instagram');
    expect(embed.author).toBeUndefined();
    // The tag was looked up when the feeds were added, then once by the reader: never at every poll.
    expect(igcord.graph.admin.requests().filter((r) => r.path.endsWith('/ig_hashtag_search')).length).toBeLessThan(4);
  });

  it('refuses the 31st hashtag of the week naming the date a slot frees, and creates nothing', async () => {
    const payer = newAdmin('harbor-admin');
    const { instagramUserId } = await igcord.link(payer, 'harbor.cafe');
    const auth = {
      userId: instagramUserId,
      accessToken: (await igcord.app.storage.accounts.getWithToken(payer))!.accessToken,
    };
    const from = igcord.graph.admin.now();
    for (let i = 0; i < 30; i += 1) await igcord.app.instagramPort.hashtags.find(auth, `slot${i}`);
    const to = igcord.graph.admin.now();
    const channelId = igcord.discord.createChannel(guildId, { name: 'one-tag-too-many' });
    const refused = await feedCommand(payer, 'add-tag', { channel: channelId, tag: 'onemore' });
    const at = /<t:(\d+):f>/.exec(refused.content)?.[1];
    expect(at, refused.content).toBeDefined();
    expect(Number(at) * 1000).toBeGreaterThanOrEqual(Math.floor((from + WEEK) / 1000) * 1000);
    expect(Number(at) * 1000).toBeLessThanOrEqual(to + WEEK + 1000);
    expect(refused.content).toContain('Nothing was created');
    expect(await igcord.app.storage.feeds.listByChannel(channelId)).toEqual([]);
    // A tag already counted this week holds no new slot: it can still be followed.
    const kept = await feedCommand(payer, 'add-tag', { channel: channelId, tag: 'slot3' });
    expect(kept.content).toMatch(/Feed `[^`]+` added/);

    // Typing a tag suggests the ones that hold a slot this week, and spends no lookup (no slot) per keystroke.
    igcord.graph.admin.clearRequests();
    const typed = await igcord.discord
      .sendAutocomplete({
        guildId,
        channelId: general,
        userId: payer,
        name: 'feed',
        subcommand: 'add-tag',
        focused: 'tag',
        value: '#slot2',
        options: { channel: channelId },
      })
      .firstResponse();
    const values = (typed.data as { choices: { value: string }[] }).choices.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['slot2', 'slot20', 'slot29']));
    expect(values).not.toContain('slot3');
    expect(igcord.graph.admin.requests()).toEqual([]);
  });
});
