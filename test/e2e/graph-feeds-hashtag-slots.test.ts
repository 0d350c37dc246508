// A hashtag feed whose payer has no free weekly hashtag slot, end to end on the Graph emulator with Facebook Login
// (reference §1.4: 30 unique hashtags per account in a rolling 7 days, a tag counting from its first query). igcord
// looks a followed tag up again once a day; a week later the tag's slot has lapsed and, the payer having spent the
// other 30 meanwhile, Graph refuses the lookup as a 31st. The feed then pauses with the reason and the date a slot
// frees in /feed list (issue 14: a source nobody can pay for any more pauses with the reason), /feed resume refuses
// before that date, and once the date has passed the next poll resumes it by itself and its posts flow again. igcord's
// feed clock follows the emulator's, which the test moves by the week.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { startGraphFeedsIgcord, type GraphFeedsIgcord } from '../support/graph-feeds-igcord.js';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const withCaption = (text: string) => (m: APIMessage) => m.embeds.some((e) => e.description?.includes(text));

describe('a hashtag feed whose payer has no free weekly slot (Graph, Facebook Login)', () => {
  let igcord: GraphFeedsIgcord;
  let clock: () => number = Date.now;

  beforeAll(async () => {
    igcord = await startGraphFeedsIgcord(
      { minPollMs: HOUR, maxPollMs: HOUR },
      { login: 'facebook', now: () => clock() },
    );
    const emulator = igcord.graph.admin;
    clock = () => emulator.now();
    await igcord.link(igcord.personId, 'igcord.studio');
  });
  afterAll(async () => {
    await igcord?.close();
  });

  const guildId = () => igcord.guild.guildId;
  const general = () => igcord.guild.channels.general!;
  const feedCommand = (subcommand: string, options?: Record<string, string>) =>
    igcord.discord
      .sendCommand({
        guildId: guildId(),
        channelId: general(),
        userId: igcord.personId,
        name: 'feed',
        subcommand,
        ...(options ? { options } : {}),
      })
      .waitForReply(undefined, WAIT_MS);
  /** Asks for a poll of `sourceKey` and resolves once that run has ended. */
  async function poll(sourceKey: string): Promise<void> {
    const before = igcord.app.deliveries.stats().runs;
    igcord.app.deliveries.poke(sourceKey);
    await eventually(
      () => igcord.app.deliveries.stats().runs > before && igcord.app.deliveries.stats().running === 0,
      `a run of ${sourceKey}`,
    );
  }
  const feedState = async (id: string) => (await igcord.app.storage.feeds.get(id))?.state;

  it('pauses with the date a slot frees in /feed list, refuses /feed resume before it, and resumes by itself after', async () => {
    const admin = igcord.graph.admin;
    const added = await feedCommand('add-tag', { channel: general(), tag: '#kelpforest' });
    const id = /Feed `([^`]+)` added/.exec(added.content)?.[1];
    expect(id, added.content).toBeDefined();
    const key = 'tag:kelpforest';

    // A week and an hour later the tag's slot has lapsed, and the payer queries 30 other tags.
    admin.advance(WEEK + HOUR);
    const auth = {
      userId: (await igcord.app.storage.accounts.get(igcord.personId))!.instagramUserId,
      accessToken: (await igcord.app.storage.accounts.getWithToken(igcord.personId))!.accessToken,
    };
    const from = admin.now();
    for (let i = 0; i < 30; i += 1) await igcord.app.instagramPort.hashtags.find(auth, `tidefull${i}`);
    const to = admin.now();
    admin.postMedia('harbor.cafe', { caption: 'Kelp at dusk #kelpforest', timestamp: admin.now() - 60_000 });

    // The daily lookup is the 31st tag: refused, and the feed pauses rather than retrying.
    await poll(key);
    await eventually(async () => (await feedState(id!))?.kind === 'paused', 'the feed paused');
    const searches = () => admin.requests().filter((r) => r.path.endsWith('/ig_hashtag_search')).length;
    const refusedSearches = searches();
    await poll(key);
    expect(searches(), 'a paused feed does not ask Graph again before the date').toBe(refusedSearches);
    expect(await feedState(id!)).toMatchObject({ kind: 'paused', by: 'hashtag-slots' });

    const list = await feedCommand('list');
    const field = list.embeds.flatMap((e) => e.fields ?? []).find((f) => f.name.includes(id!));
    expect(field?.value).toMatch(/⏸ paused — /);
    expect(field?.value).toContain('30 hashtags');
    const at = /<t:(\d+):f>/.exec(field?.value ?? '')?.[1];
    expect(at, field?.value).toBeDefined();
    expect(Number(at) * 1000).toBeGreaterThanOrEqual(Math.floor((from + WEEK) / 1000) * 1000);
    expect(Number(at) * 1000).toBeLessThanOrEqual(to + WEEK + 1000);

    // /feed resume before the date says when, and changes nothing.
    const early = await feedCommand('resume', { feed: id! });
    expect(early.content).toContain(`<t:${at}:f>`);
    expect(await feedState(id!)).toMatchObject({ kind: 'paused', by: 'hashtag-slots' });

    // Past the date a slot is free again: the next poll resumes the feed by itself and delivers.
    admin.advance(WEEK + HOUR);
    admin.postMedia('north.trails', { caption: 'Kelp at dawn #kelpforest', timestamp: admin.now() - 60_000 });
    await poll(key);
    await eventually(async () => (await feedState(id!))?.kind === 'active', 'the feed active again');
    await igcord.discord.waitForMessage(general(), withCaption('Kelp at dawn'), WAIT_MS);
    expect(igcord.discord.messages(general()).filter(withCaption('Kelp at dawn'))).toHaveLength(1);
  });
});
