// The per-source fence on SQLite, Redis and PostgreSQL (docs/decisions/0021): tokens taken by two storages on one
// place (two connections, as two worker processes would have) never repeat and only grow, and once a newer token
// is taken the older one's guarded writes and posting intents are refused with FencedOutError, nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FencedOutError, IntentTakenError, type Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const SK = 'user:4242';

describe.each(BACKENDS)('per-source fence on %s', (backend) => {
  let place: TestPlace;
  let a: Storage;
  let b: Storage;

  beforeEach(async () => {
    place = await createPlace(backend);
    a = await place.open();
    b = await place.open();
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await place.cleanup();
  });

  it('hands two concurrent takers distinct tokens that only grow', async () => {
    const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).fences.take(SK)));
    expect(new Set(taken).size).toBe(20);
    expect([...taken].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await b.fences.current(SK)).toBe(20);
    expect(await a.fences.take('user:other')).toBe(1);
  });

  it("refuses the older token's writes once a newer token is taken", async () => {
    const older = await a.fences.take(SK);
    await a.fences.guarded(SK, older, () => a.deliveries.advanceCursor(SK, { mediaId: 'm1', createdTime: 1 }));
    const newer = await b.fences.take(SK);
    expect(newer).toBeGreaterThan(older);

    await expect(a.fences.check(SK, older)).rejects.toBeInstanceOf(FencedOutError);
    let wrote = false;
    const refused = a.fences.guarded(SK, older, async () => {
      wrote = true;
      await a.deliveries.advanceCursor(SK, { mediaId: 'm2', createdTime: 2 });
    });
    await expect(refused).rejects.toMatchObject({ name: 'FencedOutError', token: older, current: newer });
    expect(wrote).toBe(false);
    expect((await b.deliveries.getCursor(SK))?.mediaId).toBe('m1');
    await b.fences.guarded(SK, newer, () => b.deliveries.advanceCursor(SK, { mediaId: 'm2', createdTime: 2 }));
    expect((await a.deliveries.getCursor(SK))?.mediaId).toBe('m2');
  });

  it("keeps a newer run's posting intent against an older run that wakes up", async () => {
    const older = await a.fences.take(SK);
    await a.fences.recordIntent(SK, older, 'feed1', 'media1', 1000);
    expect(await b.fences.intentOf('feed1', 'media1')).toEqual({ sourceKey: SK, token: older, at: 1000 });

    const newer = await b.fences.take(SK);
    await b.fences.recordIntent(SK, newer, 'feed1', 'media1', 2000);
    await expect(a.fences.recordIntent(SK, older, 'feed1', 'media1', 3000)).rejects.toBeInstanceOf(FencedOutError);
    await expect(a.fences.recordIntent(SK, older, 'feed1', 'media2', 3000)).rejects.toBeInstanceOf(FencedOutError);
    expect(await a.fences.intentOf('feed1', 'media1')).toEqual({ sourceKey: SK, token: newer, at: 2000 });
    expect(await a.fences.intentOf('feed1', 'media2')).toBeUndefined();

    // Settling is for the intent's own run only: an older run cannot settle a newer one's.
    await a.fences.settleIntent('feed1', 'media1', older);
    expect((await a.fences.intentOf('feed1', 'media1'))?.settled).toBeUndefined();
    await b.fences.settleIntent('feed1', 'media1', newer);
    expect(await a.fences.intentOf('feed1', 'media1')).toEqual({
      sourceKey: SK,
      token: newer,
      at: 2000,
      settled: true,
    });

    await b.fences.clearIntent('feed1', 'media1');
    expect(await a.fences.intentOf('feed1', 'media1')).toBeUndefined();
  });

  it('records a posting intent only over the one its poster read: of two that read none, the second is refused', async () => {
    const token = await a.fences.take(SK);
    const seenByA = await a.fences.intentOf('feed1', 'media1');
    const seenByB = await b.fences.intentOf('feed1', 'media1');
    expect(seenByA).toBeUndefined();
    // A feed command (no token of its own: the current one) and the run both read no intent; the command writes first.
    await b.fences.recordIntent(SK, token, 'feed1', 'media1', 1000, { by: 'command', ifSeen: { seen: seenByB } });
    await expect(
      a.fences.recordIntent(SK, token, 'feed1', 'media1', 1001, { ifSeen: { seen: seenByA } }),
    ).rejects.toBeInstanceOf(IntentTakenError);
    const held = await a.fences.intentOf('feed1', 'media1');
    expect(held).toEqual({ sourceKey: SK, token, at: 1000, by: 'command' });
    // Over what it read now, the write goes through.
    await a.fences.recordIntent(SK, token, 'feed1', 'media1', 1002, { ifSeen: { seen: held } });
    expect(await b.fences.intentOf('feed1', 'media1')).toEqual({ sourceKey: SK, token, at: 1002 });
  });
});
