// The Graph feed reader's other sources against the Graph emulator over HTTP (Facebook Login), with a real seen-set
// store (SQLite) on the emulator's clock: another professional account's posts through Business Discovery (igcord's
// own cursor, one call when nothing is new, an answer for another account refused), and a hashtag's posts, which
// Hashtag Search lists unordered over the last 24 h: each post handed over once over two days, nothing of the day
// before the feed started, and a seen entry that outlives 24 h so that a post still listed a day later is not new.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import type { FeedReader, InstagramAuth, Post, ReadCursor } from '../../../src/core/index.js';
import { InstagramNotFoundError } from '../../../src/core/index.js';
import { createGraphFeedReader } from '../../../src/providers/graph/feed-reader.js';
import { HASHTAG_SEEN_TTL_MS } from '../../../src/providers/graph/feed-reader-tags.js';
import type { Storage } from '../../../src/storage/index.js';
import { createPlace, type TestPlace } from '../storage/backends.js';
import { clientFor, recordingGate, type RecordingGate } from '../graph-client/helpers.js';

const START = Date.UTC(2026, 10, 20, 12, 0, 0);
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('Graph feed reader: other accounts and hashtags', () => {
  let emu: GraphEmulator;
  let place: TestPlace;
  let storage: Storage;
  let gate: RecordingGate;
  let reader: FeedReader;
  let auth: InstagramAuth;
  let usernames: Map<string, string>;
  /** How far igcord's clock (the seen-sets') runs ahead of Instagram's. */
  let skew: number;
  const read = { priority: 'background' as const, maxItems: 100 };

  beforeEach(async () => {
    emu = await startGraphEmulator({ seed: 'graph-feed-sources', now: START, frozenClock: true });
    place = await createPlace('sqlite');
    skew = 0;
    storage = await place.open({ now: () => emu.admin.now() + skew });
    gate = recordingGate();
    usernames = new Map();
    reader = createGraphFeedReader(clientFor(emu, 'facebook', gate), {
      seen: storage.seen,
      usernameOf: async (source) => usernames.get(source.instagramUserId),
      hashtagSlots: storage.hashtagSlots,
      now: () => emu.admin.now(),
    });
    const studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const token = emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' }).access_token;
    auth = { userId: studio.id, accessToken: token };
  });
  afterEach(async () => {
    await storage?.close();
    await place?.cleanup();
    await emu?.close();
  });

  const at = (post: Post): ReadCursor => ({ mediaId: post.id, createdTime: post.time });
  const later = (ms: number) => emu.admin.advance(ms);

  describe('another account (Business Discovery)', () => {
    const harbor = () => {
      const account = emu.admin.accounts().find((a) => a.username === 'harbor.cafe')!;
      usernames.set(account.id, 'harbor.cafe');
      return { kind: 'account' as const, instagramUserId: account.id };
    };

    it('reads its new posts oldest first from igcord’s cursor, one call when nothing is new', async () => {
      const source = harbor();
      const newest = (await reader.readNewest(auth, source, 1, read)).media[0]!;
      expect(newest.author.username).toBe('harbor.cafe');
      gate.calls.length = 0;
      expect(await reader.readNew(auth, source, at(newest), read)).toMatchObject({ media: [], calls: 1 });
      later(1000);
      const first = emu.admin.postMedia('harbor.cafe', { caption: 'Fresh bread' }).id;
      later(1000);
      const second = emu.admin.postMedia('harbor.cafe', { type: 'carousel', children: ['image', 'image'] }).id;
      const fresh = await reader.readNew(auth, source, at(newest), read);
      expect(fresh.calls).toBe(1);
      expect(fresh.media.map((p) => p.id)).toEqual([first, second]);
      expect(fresh.media[1]!.items).toHaveLength(2);
      expect(gate.calls).toHaveLength(2);
      expect(emu.admin.requests().filter((r) => r.path.endsWith('/media')).length).toBe(0);
    });

    it('refuses an answer for another account than the one followed, and a source no feed names', async () => {
      const source = harbor();
      // The name now answers for another account (the followed one was renamed and its name taken).
      const trails = emu.admin.accounts().find((a) => a.username === 'north.trails')!;
      usernames.set(source.instagramUserId, 'north.trails');
      await expect(reader.readNewest(auth, source, 1, read)).rejects.toBeInstanceOf(InstagramNotFoundError);
      usernames.clear();
      await expect(
        reader.readNewest(auth, { kind: 'account', instagramUserId: trails.id }, 1, read),
      ).rejects.toBeInstanceOf(InstagramNotFoundError);
    });
  });

  describe('a hashtag', () => {
    const tag = { kind: 'tag' as const, name: 'tidepool' };
    const tagged = (caption: string, timestamp?: number) =>
      emu.admin.postMedia(['harbor.cafe', 'north.trails'][caption.length % 2]!, {
        caption: `${caption} #tidepool`,
        ...(timestamp === undefined ? {} : { timestamp }),
      }).id;
    /** A poll as the engine makes it: read, hand over (the seen-set notes them), move the cursor. */
    async function poll(cursor: ReadCursor): Promise<{ ids: string[]; cursor: ReadCursor }> {
      const got = await reader.readNew(auth, tag, cursor, read);
      expect(got.more).toBe(false);
      await reader.handedOver!(tag, got.media);
      const last = got.media.at(-1);
      return {
        ids: got.media.map((p) => p.id),
        cursor: last === undefined ? cursor : { mediaId: last.id, createdTime: last.time, minTagId: got.minTagId },
      };
    }

    it('hands each post over once over two days of unordered answers, none of the day before the feed started', async () => {
      const before = [tagged('Low tide at dawn', START - 3 * HOUR), tagged('Anemones', START - HOUR)];
      const start = await reader.readNewest(auth, tag, 1, read);
      expect(start.media[0]!.id).toBe(before[1]);
      let cursor: ReadCursor = { ...at(start.media[0]!), minTagId: start.minTagId };
      const delivered: string[] = [];
      const expected: string[] = [];
      for (let hour = 1; hour <= 48; hour += 1) {
        later(HOUR);
        const now = emu.admin.now();
        // Published at odd moments within the hour, so that time order and the answer's order disagree.
        if (hour % 3 !== 0) {
          const ids = [tagged(`Pool ${hour} a`, now - 40 * MINUTE), tagged(`Pool ${hour} bb`, now - 10 * MINUTE)];
          expected.push(...ids);
        }
        const polled = await poll(cursor);
        delivered.push(...polled.ids);
        cursor = polled.cursor;
      }
      expect(delivered).toHaveLength(expected.length);
      expect(new Set(delivered)).toEqual(new Set(expected));
      for (const id of before) expect(delivered).not.toContain(id);
      // One hashtag lookup a day (at the start, then after 24 h and 48 h), never one a poll: it keeps the tag's slot.
      expect(emu.admin.requests().filter((r) => r.path.endsWith('/ig_hashtag_search')).length).toBe(3);
      expect((await storage.hashtagSlots.get(auth.userId)).tags.map((t) => t.name)).toContain('tidepool');
    });

    it('keeps a seen entry past 24 h: a post seen 24 h + 1 min ago by igcord’s clock and still listed is not new', async () => {
      expect(HASHTAG_SEEN_TTL_MS).toBeGreaterThanOrEqual(25 * HOUR);
      const start = await reader.readNewest(auth, tag, 1, read);
      let cursor: ReadCursor = { mediaId: '0', createdTime: 0, minTagId: start.minTagId };
      later(MINUTE);
      const starfish = tagged('Starfish');
      const first = await poll(cursor);
      expect(first.ids).toEqual([starfish]);
      cursor = first.cursor;

      // A day less a minute later on Instagram's clock the post is still listed; igcord's clock, which drifted two
      // minutes ahead meanwhile, says 24 h + 1 min since it was seen.
      later(24 * HOUR - MINUTE);
      skew = 2 * MINUTE;
      expect((await storage.seen.seen('tag:tidepool', [starfish])).has(starfish)).toBe(true);
      const listed = await reader.readNewest(auth, tag, 10, read);
      expect(listed.media.map((p) => p.id)).toContain(starfish);
      expect((await poll(cursor)).ids).toEqual([]);
    });

    it('reads a post again when it was read but not handed over (a crash in between)', async () => {
      const start = await reader.readNewest(auth, tag, 1, read);
      const cursor: ReadCursor = { mediaId: '0', createdTime: 0, minTagId: start.minTagId };
      later(MINUTE);
      const id = tagged('Crab');
      expect((await reader.readNew(auth, tag, cursor, read)).media.map((p) => p.id)).toEqual([id]);
      expect((await poll(cursor)).ids).toEqual([id]);
      expect((await poll(cursor)).ids).toEqual([]);
    });
  });
});
