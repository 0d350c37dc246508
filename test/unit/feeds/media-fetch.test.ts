// Cursor arithmetic of the delivery engine: media ids order by their pk, a cursor never goes back in time (a tag's
// media can be old posts tagged late), and an empty source's cursor lets every later media through.
import { describe, expect, it } from 'vitest';
import { cursorAfter, EMPTY_SOURCE_CURSOR, mediaPk } from '../../../src/feeds/media-fetch.js';
import type { Post } from '../../../src/core/index.js';

const media = (id: string, createdTime: number) => ({ id, time: createdTime }) as unknown as Post;

describe('media cursors', () => {
  it('orders media ids by their numeric pk, not as strings', () => {
    expect(mediaPk('999_1')! < mediaPk('1000_1')!).toBe(true);
    expect(mediaPk('1368346650868743235_1127977711')).toBe(1368346650868743235n);
    expect(mediaPk('not-an-id')).toBeUndefined();
  });

  it('moves the cursor to the delivered media and keeps the tag id it is given', () => {
    expect(cursorAfter(media('5_1', 1700000000), undefined, '77')).toEqual({
      mediaId: '5_1',
      createdTime: 1700000000,
      minTagId: '77',
    });
  });

  it('never moves the cursor back in time for media older than the cursor', () => {
    const previous = { mediaId: '9_1', createdTime: 1700000500, updatedAt: 0 };
    expect(cursorAfter(media('3_2', 1600000000), previous, undefined).createdTime).toBe(1700000500);
  });

  it('starts an empty source below every real media id and tag id', () => {
    expect(mediaPk(EMPTY_SOURCE_CURSOR.mediaId)).toBe(0n);
    expect(EMPTY_SOURCE_CURSOR.minTagId).toBe('0');
  });
});
