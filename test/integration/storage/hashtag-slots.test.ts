// The hashtag-slot store on each real backend: the unique hashtags an Instagram account queried in the last 7 days
// with their first query time (Graph allows 30), pruned as they leave the week, a refusal's "frees at" date while
// it holds, and two processes recording at once through compare-and-swap without losing a tag.
import { afterEach, describe, expect, it } from 'vitest';
import { HASHTAG_SLOT_WINDOW_MS, type Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
const HOUR = 3_600_000;

describe.each(BACKENDS)('hashtag slots on %s', (backend) => {
  let place: TestPlace | undefined;
  const open: Storage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await place?.cleanup();
    place = undefined;
  });

  async function storage(clock: { now: number }) {
    place ??= await createPlace(backend);
    const s = await place.open({ now: () => clock.now });
    open.push(s);
    return s;
  }

  it('counts each unique tag once from its first query, and frees it 7 days after', async () => {
    const clock = { now: START };
    const { hashtagSlots } = await storage(clock);
    expect(await hashtagSlots.get('1784')).toEqual({ used: 0, limit: 30, nextFreesAt: null, tags: [] });

    await hashtagSlots.recordQuery('1784', 'sunset', START);
    await hashtagSlots.recordQuery('1784', 'harbor', START + HOUR);
    // Querying it again inside the week neither counts again nor restarts its week.
    await hashtagSlots.recordQuery('1784', 'sunset', START + 2 * HOUR);
    await hashtagSlots.recordQuery('9999', 'other', START);
    clock.now = START + 3 * HOUR;
    expect(await hashtagSlots.get('1784')).toEqual({
      used: 2,
      limit: 30,
      nextFreesAt: START + HASHTAG_SLOT_WINDOW_MS,
      tags: [
        { name: 'sunset', firstQueriedAt: START },
        { name: 'harbor', firstQueriedAt: START + HOUR },
      ],
    });

    clock.now = START + HASHTAG_SLOT_WINDOW_MS + 1;
    expect(await hashtagSlots.get('1784')).toMatchObject({
      used: 1,
      nextFreesAt: START + HOUR + HASHTAG_SLOT_WINDOW_MS,
      tags: [{ name: 'harbor' }],
    });
    // A new query after its week counts the tag afresh.
    await hashtagSlots.recordQuery('1784', 'sunset', clock.now);
    expect((await hashtagSlots.get('1784')).tags.map((t) => t.name)).toEqual(['harbor', 'sunset']);
  });

  it("says all 30 are used while Graph's refusal holds, with the date it named, until a new tag is accepted", async () => {
    const clock = { now: START };
    const { hashtagSlots } = await storage(clock);
    await hashtagSlots.recordQuery('1784', 'sunset', START);
    await hashtagSlots.recordRefusal('1784', START + 5 * HOUR, START + HOUR);
    expect(await hashtagSlots.get('1784')).toMatchObject({ used: 30, nextFreesAt: START + 5 * HOUR });
    clock.now = START + 5 * HOUR + 1;
    expect(await hashtagSlots.get('1784')).toMatchObject({ used: 1, nextFreesAt: START + HASHTAG_SLOT_WINDOW_MS });
    await hashtagSlots.recordRefusal('1784', undefined, clock.now);
    expect(await hashtagSlots.get('1784')).toMatchObject({ used: 30, nextFreesAt: START + HASHTAG_SLOT_WINDOW_MS });
    await hashtagSlots.recordQuery('1784', 'harbor', clock.now);
    expect(await hashtagSlots.get('1784')).toMatchObject({ used: 2 });
  });

  it('loses no tag when two processes record at once', async () => {
    const clock = { now: START };
    const a = await storage(clock);
    const b = await storage(clock);
    const tags = Array.from({ length: 12 }, (_, i) => `tag${i}`);
    await Promise.all(tags.map((tag, i) => (i % 2 === 0 ? a : b).hashtagSlots.recordQuery('1784', tag, START + i)));
    expect((await a.hashtagSlots.get('1784')).tags.map((t) => t.name).sort()).toEqual([...tags].sort());
  });
});
