// The seen-set store on each real backend: ids noted as seen in a named set with a time to live, read back as seen
// until it ends and unseen after (by igcord's clock, and dropped by the backend's own expiry), one set apart from
// another. Graph story feeds note each story they handed over for its 24 hours; hashtag feeds will keep theirs 25 h.
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
const HOUR = 3_600_000;

describe.each(BACKENDS)('seen-sets on %s', (backend) => {
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

  it('says which ids of a set are seen until their time to live ends, each set apart', async () => {
    const clock = { now: START };
    const { seen } = await storage(clock);
    expect(await seen.seen('stories:1784', ['1', '2'])).toEqual(new Set());

    await seen.add('stories:1784', ['1', '2'], 25 * HOUR);
    await seen.add('tag:sunset', ['3'], 25 * HOUR);
    clock.now = START + 24 * HOUR + 59 * 60_000;
    expect(await seen.seen('stories:1784', ['1', '2', '3'])).toEqual(new Set(['1', '2']));
    expect(await seen.seen('tag:sunset', ['1', '3'])).toEqual(new Set(['3']));

    // Noting an id again renews its time to live.
    await seen.add('stories:1784', ['2'], 25 * HOUR);
    clock.now = START + 25 * HOUR;
    expect(await seen.seen('stories:1784', ['1', '2'])).toEqual(new Set(['2']));
  });

  it('refuses a set name or an id that could not be a storage key, and notes nothing', async () => {
    const { seen } = await storage({ now: START });
    await expect(seen.add('stories:1784', ['a/b'], HOUR)).rejects.toThrow(/id/);
    await expect(seen.add('bad name!', ['1'], HOUR)).rejects.toThrow(/set name/);
    await expect(seen.add('stories:1784', ['1'], 0)).rejects.toThrow(/time to live/);
    expect(await seen.seen('stories:1784', ['1'])).toEqual(new Set());
  });
});
