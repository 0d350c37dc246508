// /media liked across Instagram's pages, end to end: with more liked posts than one API page holds, the person
// pages to the last post loaded and the next press loads Instagram's next page (cursor `max_like_id`) on demand,
// so a quick look costs one call and nothing is skipped or shown twice.
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';
import { WAIT_MS } from '../support/eventually.js';

const LIKED_PER_CALL = 20;

type Shown = Pick<APIMessage, 'content' | 'embeds' | 'components'>;

describe('/media liked', () => {
  let igcord: TestIgcord;
  let instagramUserId: string;
  let seedToken: string;

  const likedPage = async (maxLikeId?: string) => {
    const url = new URL(`${igcord.emulator.url}/v1/users/self/media/liked`);
    url.searchParams.set('access_token', seedToken);
    url.searchParams.set('count', String(LIKED_PER_CALL));
    if (maxLikeId !== undefined) url.searchParams.set('max_like_id', maxLikeId);
    return (await (await fetch(url)).json()) as {
      data: { id: string; link: string }[];
      pagination: { next_max_like_id?: string };
    };
  };
  const nextButton = (message: Shown) =>
    ((message.components ?? []) as APIActionRowComponent<APIButtonComponentWithCustomId>[]).flatMap(
      (row) => row.components,
    )[2]!;

  beforeAll(async () => {
    igcord = await startTestIgcord();
    const linked = await igcord.link(igcord.personId, 'mateo_rios');
    instagramUserId = linked.instagramUserId;
    // A separate token of the same person to read what Instagram holds, outside igcord's budget.
    seedToken = igcord.emulator.admin.mintToken({ username: 'mateo_rios' }).access_token;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('loads the next page of liked posts from Instagram only when the person pages past the first', async () => {
    // The seeded person has liked more posts than one API page holds.
    const first = await likedPage();
    expect(first.data).toHaveLength(LIKED_PER_CALL);
    const second = await likedPage(first.pagination.next_max_like_id);
    expect(second.data.length).toBeGreaterThan(0);
    const liked = [...first.data, ...second.data];
    const total =
      second.pagination.next_max_like_id !== undefined ? '' : ` of ${[...first.data, ...second.data].length}`;

    igcord.emulator.admin.clearRequests();
    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'media',
      subcommand: 'liked',
    });
    let shown: Shown = await handle.waitForReply(undefined, WAIT_MS);
    const messageId = (shown as APIMessage).id;
    expect(shown.content).toBe('Your liked posts · post 1');
    expect(shown.embeds?.[0]?.url).toBe(liked[0]!.link);
    const likedCalls = () =>
      igcord.emulator.admin.requests().filter((r) => r.tokenUserId === instagramUserId && r.route.includes('liked'));
    expect(likedCalls()).toHaveLength(1);

    for (let page = 2; page <= LIKED_PER_CALL + 1; page += 1) {
      const press = igcord.discord.pressButton({
        messageId,
        customId: nextButton(shown).custom_id,
        userId: igcord.personId,
      });
      const response = await press.firstResponse();
      // A slow press is acknowledged first and the page edited in after.
      shown =
        response.type === 7
          ? (response.data as Shown)
          : await press.waitForReply((m) => m.content?.startsWith(`Your liked posts · post ${page}`) ?? false, WAIT_MS);
      expect(shown.embeds?.[0]?.url).toBe(liked[page - 1]!.link);
    }
    expect(shown.content).toBe(`Your liked posts · post ${LIKED_PER_CALL + 1}${total}`);
    expect(likedCalls()).toHaveLength(2);
    expect(likedCalls()[1]!.status).toBe(200);
  });
});
