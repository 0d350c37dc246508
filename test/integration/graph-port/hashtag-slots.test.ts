// The Graph port notes the hashtag slots an account uses, against the Graph emulator (which enforces 30 unique
// hashtags per account per rolling 7 days) and real SQLite storage: each tag a search found, once, with its first
// query time, and Graph's refusal of a 31st with the date it says the oldest slot frees.
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { InstagramRateLimitError } from '../../../src/core/index.js';
import { createGraphPort } from '../../../src/providers/graph/port.js';
import { HASHTAG_SLOT_WINDOW_MS, type Storage } from '../../../src/storage/index.js';
import { createPlace, type TestPlace } from '../storage/backends.js';
import { clientFor } from '../graph-client/helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
const HOUR = 3_600_000;

let emu: GraphEmulator | undefined;
let place: TestPlace | undefined;
let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  await place?.cleanup();
  await emu?.close();
  storage = undefined;
  place = undefined;
  emu = undefined;
});

async function start() {
  emu = await startGraphEmulator({ seed: 'graph-hashtag-slots', now: START, frozenClock: true });
  const e = emu;
  place = await createPlace('sqlite');
  storage = await place.open({ now: () => e.admin.now() });
  const studio = e.admin.accounts().find((a) => a.username === 'igcord.studio')!;
  const token = e.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' });
  const port = createGraphPort(clientFor(e, 'facebook'), () => e.admin.now(), { hashtagSlots: storage.hashtagSlots });
  return { emu: e, port, slots: storage.hashtagSlots, auth: { userId: studio.id, accessToken: token.access_token } };
}

describe('hashtag slots noted by the Graph port', () => {
  it('notes each unique tag a search found, once, from its first query', async () => {
    const { emu, port, slots, auth } = await start();
    await port.hashtags.find(auth, 'sunset');
    emu.admin.advance(HOUR);
    await port.hashtags.find(auth, '#Harbor');
    await port.hashtags.find(auth, 'Sunset');
    expect(await slots.get(auth.userId)).toEqual({
      used: 2,
      limit: 30,
      nextFreesAt: START + HASHTAG_SLOT_WINDOW_MS,
      tags: [
        { name: 'sunset', firstQueriedAt: START },
        { name: 'harbor', firstQueriedAt: START + HOUR },
      ],
    });
  });

  it("notes Graph's refusal of a 31st tag with the date the oldest slot frees, though igcord saw none of the 30", async () => {
    const { emu, port, slots, auth } = await start();
    // Another app on the same account spends the week's 30 slots: Graph counts them, igcord never heard of them.
    const elsewhere = createGraphPort(clientFor(emu, 'facebook'), () => emu.admin.now());
    for (let i = 0; i < 30; i++) {
      await elsewhere.hashtags.find(auth, `tag${i}`);
      emu.admin.advance(60_000);
    }
    expect(await slots.get(auth.userId)).toMatchObject({ used: 0, nextFreesAt: null });
    const refused = await port.hashtags.find(auth, 'onetoomany').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(InstagramRateLimitError);
    expect((refused as InstagramRateLimitError).resetsAt).toBe(START + HASHTAG_SLOT_WINDOW_MS);
    expect(await slots.get(auth.userId)).toEqual({
      used: 30,
      limit: 30,
      nextFreesAt: START + HASHTAG_SLOT_WINDOW_MS,
      tags: [],
    });
  });
});
