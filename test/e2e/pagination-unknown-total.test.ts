// The page indicator of a list Instagram pages by cursor, end to end: while more may follow, igcord does not know
// how many posts there are, so the indicator says "Page n" and never a guessed "of N"; once the last API page is
// in, and only then, it says "Page n of N".
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

/** What /media liked asks Instagram for per call. */
const LIKED_PER_CALL = 20;

type Shown = Pick<APIMessage, 'content' | 'embeds' | 'components'>;
const buttonsOf = (message: Shown) =>
  ((message.components ?? []) as APIActionRowComponent<APIButtonComponentWithCustomId>[]).flatMap(
    (row) => row.components,
  );

describe('page indicator', () => {
  let igcord: TestIgcord;
  let seedToken: string;

  /** Sizes of Instagram's pages of the person's liked posts, read outside igcord with a token of their own. */
  const likedPageSizes = async (): Promise<number[]> => {
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const url = new URL(`${igcord.emulator.url}/v1/users/self/media/liked`);
      url.searchParams.set('access_token', seedToken);
      url.searchParams.set('count', String(LIKED_PER_CALL));
      if (cursor !== undefined) url.searchParams.set('max_like_id', cursor);
      const body = (await (await fetch(url)).json()) as { data: unknown[]; pagination: { next_max_like_id?: string } };
      sizes.push(body.data.length);
      cursor = body.data.length > 0 ? body.pagination.next_max_like_id : undefined;
    } while (cursor !== undefined);
    return sizes;
  };

  beforeAll(async () => {
    igcord = await startTestIgcord();
    await igcord.link(igcord.personId, 'mateo_rios');
    seedToken = igcord.emulator.admin.mintToken({ username: 'mateo_rios' }).access_token;
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('says "Page n" while more posts may follow, and "Page n of N" only once the last page is loaded', async () => {
    const sizes = await likedPageSizes();
    expect(sizes.length).toBeGreaterThan(1);
    const total = sizes.reduce((a, b) => a + b, 0);
    /** What igcord knows when page `n` is shown: the API pages needed to reach post n are loaded. */
    const expectedLabel = (n: number) => {
      let loaded = 0;
      let pages = 0;
      while (loaded < n) loaded += sizes[pages++]!;
      return pages === sizes.length ? `Page ${n} of ${total}` : `Page ${n}`;
    };

    const handle = igcord.discord.sendCommand({
      guildId: igcord.guild.guildId,
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'media',
      subcommand: 'liked',
    });
    let shown: Shown = await handle.waitForReply(undefined, 15_000);
    const messageId = (shown as APIMessage).id;
    const labels = [buttonsOf(shown)[1]!.label];
    for (let page = 2; page <= total; page += 1) {
      const press = igcord.discord.pressButton({
        messageId,
        customId: buttonsOf(shown)[2]!.custom_id,
        userId: igcord.personId,
      });
      const response = await press.firstResponse();
      shown =
        response.type === 7
          ? (response.data as Shown)
          : await press.waitForReply((m) => m.content?.includes(`post ${page}`) ?? false, 15_000);
      labels.push(buttonsOf(shown)[1]!.label);
    }
    expect(labels).toEqual(Array.from({ length: total }, (_, i) => expectedLabel(i + 1)));
    expect(labels[0]).toBe('Page 1');
    expect(labels.at(-1)).toBe(`Page ${total} of ${total}`);
    // The last page offers no "Next".
    expect(buttonsOf(shown)[2]!.disabled).toBe(true);
  });
});
