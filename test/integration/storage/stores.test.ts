// The store suite, run for real against SQLite (temp dir), Redis (127.0.0.1:6379) and PostgreSQL (127.0.0.1:5432).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log.js';
import { sourceKey, StorageCorruptError, type Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, snowflake, type TestPlace } from './backends.js';
import { WatchedBackend } from './watched-backend.js';

describe.each(BACKENDS)('storage on %s', (backend) => {
  let place: TestPlace;
  let storage: Storage;
  let clock: number;
  let watched: WatchedBackend;

  beforeEach(async () => {
    place = await createPlace(backend);
    clock = 1_750_000_000_000;
    watched = new WatchedBackend();
    storage = await place.open({ now: () => clock, wrapBackend: watched.wrap });
  });
  afterEach(async () => {
    await storage.close();
    await place.cleanup();
  });

  const newFeed = (overrides: Partial<Parameters<Storage['feeds']['add']>[0]> = {}) => ({
    guildId: '100000000000000001',
    channelId: '200000000000000001',
    source: { kind: 'account' as const, instagramUserId: '3001' },
    ownerDiscordUserId: '300000000000000001',
    ownerInstagramUserId: '3001',
    createdBy: '300000000000000001',
    delivery: { mode: 'message' as const },
    ...overrides,
  });

  it('answers the health check', async () => {
    expect(storage.kind).toBe(backend);
    expect(await storage.health()).toBe(true);
  });

  describe('accounts', () => {
    it('links an account and gives the token only through getWithToken', async () => {
      const linked = await storage.accounts.link({
        discordUserId: '111111111111111111',
        instagramUserId: '9001',
        username: 'cat.photos',
        scopes: ['basic', 'likes'],
        accessToken: '9001.abcdef.secret-token',
      });
      expect(linked).toEqual({
        discordUserId: '111111111111111111',
        instagramUserId: '9001',
        username: 'cat.photos',
        scopes: ['basic', 'likes'],
        linkedAt: clock,
        status: 'active',
      });
      const account = await storage.accounts.get('111111111111111111');
      expect(account).toEqual(linked);
      expect(JSON.stringify(account)).not.toContain('secret-token');
      expect(await storage.accounts.getWithToken('111111111111111111')).toEqual({
        account: linked,
        accessToken: '9001.abcdef.secret-token',
      });
      expect(await storage.accounts.get('222222222222222222')).toBeUndefined();
    });

    it('finds every Discord user of an Instagram account, and follows a relink to another account', async () => {
      for (const d of ['111111111111111111', '222222222222222222']) {
        await storage.accounts.link({
          discordUserId: d,
          instagramUserId: '9001',
          username: 'shared',
          scopes: ['basic'],
          accessToken: `tok-${d}`,
        });
      }
      expect((await storage.accounts.byInstagramUser('9001')).map((a) => a.discordUserId).sort()).toEqual([
        '111111111111111111',
        '222222222222222222',
      ]);
      await storage.accounts.link({
        discordUserId: '222222222222222222',
        instagramUserId: '9002',
        username: 'other',
        scopes: ['basic'],
        accessToken: 't2',
      });
      expect((await storage.accounts.byInstagramUser('9001')).map((a) => a.discordUserId)).toEqual([
        '111111111111111111',
      ]);
      expect((await storage.accounts.byInstagramUser('9002')).map((a) => a.username)).toEqual(['other']);
    });

    it('marks a link broken with its reason, and unlinks it', async () => {
      await storage.accounts.link({
        discordUserId: '111111111111111111',
        instagramUserId: '9001',
        username: 'u',
        scopes: [],
        accessToken: 't',
      });
      clock += 5_000;
      const broken = await storage.accounts.markBroken('111111111111111111', {
        cause: 'refused',
        detail: 'Error validating access token',
      });
      expect(broken).toMatchObject({
        status: 'broken',
        brokenCause: 'refused',
        brokenDetail: 'Error validating access token',
        brokenAt: clock,
      });
      expect(await storage.accounts.unlink('111111111111111111')).toMatchObject({ username: 'u' });
      expect(await storage.accounts.get('111111111111111111')).toBeUndefined();
      expect(await storage.accounts.byInstagramUser('9001')).toEqual([]);
      expect(await storage.accounts.unlink('111111111111111111')).toBeUndefined();
    });

    it('rejects a link whose ids are not ids, storing nothing', async () => {
      await expect(
        storage.accounts.link({
          discordUserId: 'a:b',
          instagramUserId: '9001',
          username: 'u',
          scopes: [],
          accessToken: 't',
        }),
      ).rejects.toThrow(/account link is invalid/);
      expect(await storage.accounts.byInstagramUser('9001')).toEqual([]);
    });
  });

  describe('OAuth states', () => {
    const user = '111111111111111111';

    it('hands a state back once, with its Discord user and interaction', async () => {
      const created = await storage.oauthStates.create({
        discordUserId: user,
        interactionToken: 'aW50ZXJhY3Rpb24',
        applicationId: '555555555555555555',
        scopes: ['basic'],
      });
      expect(created.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(created.expiresAt - created.createdAt).toBe(10 * 60_000);
      const taken = await storage.oauthStates.take(created.state);
      expect(taken).toEqual({ ok: true, state: created });
      expect(await storage.oauthStates.take(created.state)).toEqual({ ok: false, reason: 'unknown' });
    });

    it('lets exactly one of two concurrent takes win', async () => {
      for (let round = 0; round < 5; round++) {
        const { state } = await storage.oauthStates.create({ discordUserId: user, scopes: ['basic'] });
        const results = await Promise.all([
          storage.oauthStates.take(state),
          storage.oauthStates.take(state),
          storage.oauthStates.take(state),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      }
    });

    it('refuses a state after its ten minutes, and that refusal consumes it', async () => {
      const { state } = await storage.oauthStates.create({ discordUserId: user, scopes: ['basic'] });
      clock += 10 * 60_000;
      expect(await storage.oauthStates.take(state)).toEqual({ ok: false, reason: 'expired' });
      clock -= 10 * 60_000;
      expect(await storage.oauthStates.take(state)).toEqual({ ok: false, reason: 'unknown' });
    });

    it('still says "expired", not "unknown", for a state taken after its expiry has passed on the backend too', async () => {
      const { state } = await storage.oauthStates.create({ discordUserId: user, scopes: ['basic'], ttlMs: 30 });
      // Past the state's own 30 ms by the store's clock and by real time: the backend keeps it a grace period more.
      clock += 1000;
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await storage.oauthStates.take(state)).toEqual({ ok: false, reason: 'expired' });
      clock -= 1000;
    });

    it("does not hand one user's state to another, and burns it when another user tries", async () => {
      const a = await storage.oauthStates.create({ discordUserId: '111111111111111111', scopes: ['basic'] });
      const b = await storage.oauthStates.create({ discordUserId: '222222222222222222', scopes: ['basic'] });
      expect(a.state).not.toBe(b.state);
      expect(await storage.oauthStates.take(a.state, { discordUserId: '222222222222222222' })).toEqual({
        ok: false,
        reason: 'other-user',
      });
      expect(await storage.oauthStates.take(a.state, { discordUserId: '111111111111111111' })).toEqual({
        ok: false,
        reason: 'unknown',
      });
      const takenB = await storage.oauthStates.take(b.state, { discordUserId: '222222222222222222' });
      expect(takenB.ok && takenB.state.discordUserId).toBe('222222222222222222');
    });

    it('honours a state only for the step it was made for: peek reads without consuming, another stage is refused and burned', async () => {
      const link = await storage.oauthStates.create({ discordUserId: user, scopes: ['basic'] });
      expect(link.stage).toBe('link');
      const peeked = await storage.oauthStates.peek(link.state, { stage: 'link' });
      expect(peeked.ok && peeked.state.discordUserId).toBe(user);
      expect((await storage.oauthStates.peek(link.state, { stage: 'link' })).ok).toBe(true);
      expect(await storage.oauthStates.peek(link.state, { stage: 'instagram' })).toEqual({
        ok: false,
        reason: 'unknown',
      });

      const hash = 'h'.repeat(43);
      const check = await storage.oauthStates.create({
        stage: 'discord',
        linkState: link.state,
        browserHash: hash,
        flowId: 'f'.repeat(12),
        discordUserId: user,
        scopes: ['basic'],
      });
      expect(await storage.oauthStates.take(check.state, { stage: 'instagram' })).toEqual({
        ok: false,
        reason: 'unknown',
      });
      expect(await storage.oauthStates.take(check.state, { stage: 'discord' })).toEqual({
        ok: false,
        reason: 'unknown',
      });

      const next = await storage.oauthStates.create({
        stage: 'instagram',
        browserHash: hash,
        flowId: 'f'.repeat(12),
        discordName: 'Alice',
        discordUserId: user,
        interactionToken: 'aW50ZXJhY3Rpb24',
        scopes: ['basic'],
      });
      const taken = await storage.oauthStates.take(next.state, { stage: 'instagram' });
      expect(taken.ok && taken.state).toMatchObject({
        stage: 'instagram',
        browserHash: hash,
        flowId: 'f'.repeat(12),
        discordName: 'Alice',
        interactionToken: 'aW50ZXJhY3Rpb24',
      });
      expect((await storage.oauthStates.take(link.state, { stage: 'link' })).ok).toBe(true);
    });

    it('treats a malformed state as unknown without touching storage', async () => {
      expect(await storage.oauthStates.take('../../etc/passwd')).toEqual({ ok: false, reason: 'unknown' });
    });

    it('deletes expired states nobody took when new ones are made', async () => {
      const old = await storage.oauthStates.create({ discordUserId: user, scopes: ['basic'] });
      clock += 11 * 60_000;
      await storage.oauthStates.create({ discordUserId: user, scopes: ['basic'] });
      expect(await place.rawRead(`oauth-state:${old.state}`)).toBeUndefined();
    });
  });

  describe('feeds', () => {
    it('adds a feed and finds it by id, guild, channel, source, owner and in the followed sources', async () => {
      const feed = await storage.feeds.add(newFeed({ mentionRoleId: '400000000000000001' }));
      expect(feed).toMatchObject({
        version: 2,
        state: { kind: 'active' },
        createdAt: clock,
        mentionRoleId: '400000000000000001',
      });
      expect(feed.id).toMatch(/^[a-z2-9]{10}$/);
      expect(await storage.feeds.get(feed.id)).toEqual(feed);
      expect(await storage.feeds.listByGuild('100000000000000001')).toEqual([feed]);
      expect(await storage.feeds.listByChannel('200000000000000001')).toEqual([feed]);
      expect(await storage.feeds.listBySource({ kind: 'account', instagramUserId: '3001' })).toEqual([feed]);
      expect(await storage.feeds.listByOwner('300000000000000001')).toEqual([feed]);
      expect(await storage.feeds.listSources()).toEqual([{ kind: 'account', instagramUserId: '3001' }]);
      expect(await storage.feeds.listByGuild('100000000000000002')).toEqual([]);
    });

    it('keeps tag, location and account sources apart, and tag names case-insensitive', async () => {
      const tag = await storage.feeds.add(newFeed({ source: { kind: 'tag', name: 'Sunset' } }));
      const location = await storage.feeds.add(newFeed({ source: { kind: 'location', id: '3001' } }));
      const account = await storage.feeds.add(newFeed());
      expect((await storage.feeds.listBySource({ kind: 'tag', name: 'sunset' })).map((f) => f.id)).toEqual([tag.id]);
      expect((await storage.feeds.listBySource({ kind: 'location', id: '3001' })).map((f) => f.id)).toEqual([
        location.id,
      ]);
      expect((await storage.feeds.listBySource({ kind: 'account', instagramUserId: '3001' })).map((f) => f.id)).toEqual(
        [account.id],
      );
      expect((await storage.feeds.listSources()).map(sourceKey).sort()).toEqual([
        'account:3001',
        'location:3001',
        'tag:sunset',
      ]);
    });

    it("stores a webhook feed's token encrypted and decrypts it on request", async () => {
      const feed = await storage.feeds.add(
        newFeed({ delivery: { mode: 'webhook', webhookId: '500000000000000001', webhookToken: 'hook-secret-xyz' } }),
      );
      expect(feed.delivery).toMatchObject({ mode: 'webhook', webhookId: '500000000000000001' });
      expect(JSON.stringify(feed)).not.toContain('hook-secret-xyz');
      expect(storage.feeds.webhookToken((await storage.feeds.get(feed.id))!)).toBe('hook-secret-xyz');
    });

    it('pauses, disables with a reason, records check times, and moves a feed between channels', async () => {
      const feed = await storage.feeds.add(newFeed());
      const off = { kind: 'disabled' as const, reason: 'the bot lost Send Messages in the channel', since: clock };
      expect(await storage.feeds.setState(feed.id, off)).toMatchObject({ state: off });
      const resumed = await storage.feeds.update(feed.id, {
        state: { kind: 'active' },
        lastCheckAt: clock,
        channelId: '200000000000000009',
      });
      expect(resumed).toMatchObject({ state: { kind: 'active' }, lastCheckAt: clock, channelId: '200000000000000009' });
      expect(await storage.feeds.listByChannel('200000000000000001')).toEqual([]);
      expect((await storage.feeds.listByChannel('200000000000000009')).map((f) => f.id)).toEqual([feed.id]);
      expect(await storage.feeds.update('nosuchfeed', { state: { kind: 'active' } })).toBeUndefined();
    });

    it("stores, replaces and clears a feed's filter rules, and refuses an invalid rule, changing nothing", async () => {
      const feed = await storage.feeds.add(newFeed());
      expect(feed.filters).toBeUndefined();
      const rules = [
        { mode: 'include' as const, field: 'hashtag' as const, value: 'sunset' },
        { mode: 'exclude' as const, field: 'regex' as const, value: '(a+)+$' },
      ];
      await storage.feeds.update(feed.id, { filters: rules });
      expect((await storage.feeds.get(feed.id))?.filters).toEqual(rules);
      await expect(
        storage.feeds.update(feed.id, { filters: [{ mode: 'include', field: 'colour' as 'kind', value: 'red' }] }),
      ).rejects.toThrow();
      expect((await storage.feeds.get(feed.id))?.filters).toEqual(rules);
      await storage.feeds.update(feed.id, { filters: [] });
      expect((await storage.feeds.get(feed.id))?.filters).toBeUndefined();
    });

    it('removes a feed from every index, and its source once no feed follows it', async () => {
      const a = await storage.feeds.add(newFeed());
      const b = await storage.feeds.add(newFeed({ guildId: '100000000000000002' }));
      await storage.feeds.remove(a.id);
      expect(await storage.feeds.get(a.id)).toBeUndefined();
      expect(await storage.feeds.listByGuild('100000000000000001')).toEqual([]);
      expect(await storage.feeds.listSources()).toHaveLength(1);
      await storage.feeds.remove(b.id);
      expect(await storage.feeds.listSources()).toEqual([]);
      expect(await storage.feeds.listBySource({ kind: 'account', instagramUserId: '3001' })).toEqual([]);
    });

    it('lists all 100 feeds added concurrently to one guild', async () => {
      const added = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          storage.feeds.add(
            newFeed({ channelId: `2000000000000000${10 + (i % 7)}`, source: { kind: 'tag', name: `tag${i % 13}` } }),
          ),
        ),
      );
      const listed = await storage.feeds.listByGuild('100000000000000001');
      expect(listed).toHaveLength(100);
      expect(new Set(listed.map((f) => f.id))).toEqual(new Set(added.map((f) => f.id)));
      expect(await storage.feeds.listSources()).toHaveLength(13);
      const perChannel = await Promise.all(
        Array.from({ length: 7 }, (_, c) => storage.feeds.listByChannel(`2000000000000000${10 + c}`)),
      );
      expect(perChannel.reduce((n, l) => n + l.length, 0)).toBe(100);
    });

    it('reports a stored feed that does not parse with its key, and lists the others', async () => {
      const lines: string[] = [];
      const log = createLogger({
        level: 'warn',
        destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
      });
      await storage.close();
      storage = await place.open({ log });
      const good = await storage.feeds.add(newFeed());
      const bad = await storage.feeds.add(newFeed());
      await place.rawWrite(`feed:${bad.id}`, JSON.stringify({ value: { ...bad, state: 'exploded' } }));
      expect(await storage.feeds.listByGuild('100000000000000001')).toEqual([good]);
      expect(await storage.feeds.get(bad.id)).toBeUndefined();
      expect(storage.corruptRecords()).toBe(2);
      const report = lines
        .map((l) => JSON.parse(l) as { storageKey?: string; msg: string; problems?: string[] })
        .find((l) => l.storageKey === `feed:${bad.id}`);
      expect(report?.msg).toContain('does not parse');
      expect(report?.problems?.join()).toContain('state');
    });

    it('refuses to rewrite an index that does not parse rather than drop what it lists', async () => {
      await storage.feeds.add(newFeed());
      await place.rawWrite(
        'feeds-by-guild:100000000000000001',
        JSON.stringify({ value: { version: 1, members: 'oops' } }),
      );
      await expect(storage.feeds.add(newFeed())).rejects.toBeInstanceOf(StorageCorruptError);
    });

    it('skips index entries whose feed is gone (left by a crash between the two writes)', async () => {
      const feed = await storage.feeds.add(newFeed());
      await place.rawWrite(
        'feeds-by-guild:100000000000000001',
        JSON.stringify({ value: { version: 1, members: ['ghostfeed1', feed.id] } }),
      );
      expect(await storage.feeds.listByGuild('100000000000000001')).toEqual([feed]);
    });
  });

  describe('delivery state', () => {
    const sk = sourceKey({ kind: 'account', instagramUserId: '3001' });

    it('moves a source cursor forward, never back', async () => {
      expect(await storage.deliveries.getCursor(sk)).toBeUndefined();
      await storage.deliveries.advanceCursor(sk, { mediaId: '20_3001', createdTime: 1_700_000_200 });
      const stale = await storage.deliveries.advanceCursor(sk, { mediaId: '10_3001', createdTime: 1_700_000_100 });
      expect(stale).toMatchObject({ mediaId: '20_3001', createdTime: 1_700_000_200 });
      await storage.deliveries.advanceCursor(sk, { mediaId: '30_3001', createdTime: 1_700_000_300, minTagId: 'AQB' });
      expect(await storage.deliveries.getCursor(sk)).toEqual({
        mediaId: '30_3001',
        createdTime: 1_700_000_300,
        minTagId: 'AQB',
        updatedAt: clock,
      });
    });

    it('records deliveries per feed, newest first, bounded to the last 200', async () => {
      for (let i = 0; i < 205; i++) {
        await storage.deliveries.recordDelivery('feedaaaaaa', {
          mediaId: `m${i}`,
          messageId: `${600000000000000000n + BigInt(i)}`,
        });
      }
      const recent = await storage.deliveries.recentDeliveries('feedaaaaaa');
      expect(recent).toHaveLength(200);
      expect(recent[0]?.mediaId).toBe('m204');
      expect(await storage.deliveries.findDelivery('feedaaaaaa', 'm4')).toBeUndefined();
      expect(await storage.deliveries.findDelivery('feedaaaaaa', 'm5')).toMatchObject({
        messageId: '600000000000000005',
      });
      expect(await storage.deliveries.findDelivery('feedbbbbbb', 'm5')).toBeUndefined();
      await storage.deliveries.forgetFeed('feedaaaaaa');
      expect(await storage.deliveries.recentDeliveries('feedaaaaaa')).toEqual([]);
    });

    it('records a filtered media with its rule, which findDelivery reports like a delivery; never both or neither', async () => {
      await storage.deliveries.recordDelivery('feeddddddd', { mediaId: 'f1', filteredBy: 'exclude keyword "storm"' });
      expect(await storage.deliveries.findDelivery('feeddddddd', 'f1')).toEqual({
        mediaId: 'f1',
        filteredBy: 'exclude keyword "storm"',
        deliveredAt: clock,
      });
      await expect(
        storage.deliveries.recordDelivery('feeddddddd', { mediaId: 'f2' } as { mediaId: string; messageId: string }),
      ).rejects.toThrow();
      expect(await storage.deliveries.findDelivery('feeddddddd', 'f2')).toBeUndefined();
    });

    it('keeps concurrent deliveries to one feed', async () => {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          storage.deliveries.recordDelivery('feedcccccc', { mediaId: `c${i}`, messageId: snowflake() }),
        ),
      );
      expect(await storage.deliveries.recentDeliveries('feedcccccc')).toHaveLength(50);
    });

    it('keeps a dirty mark renewed while the engine worked on the source', async () => {
      await Promise.all(['account:1', 'tag:cats', 'location:7'].map((s) => storage.deliveries.markDirty(s)));
      const dirty = await storage.deliveries.listDirty();
      expect(dirty.map((d) => d.sourceKey).sort()).toEqual(['account:1', 'location:7', 'tag:cats']);
      const cats = dirty.find((d) => d.sourceKey === 'tag:cats')!;
      await storage.deliveries.markDirty('tag:cats');
      expect(await storage.deliveries.clearDirty('tag:cats', cats.markedAt)).toBe(false);
      const renewed = (await storage.deliveries.listDirty()).find((d) => d.sourceKey === 'tag:cats')!;
      expect(await storage.deliveries.clearDirty('tag:cats', renewed.markedAt)).toBe(true);
      expect((await storage.deliveries.listDirty()).map((d) => d.sourceKey).sort()).toEqual([
        'account:1',
        'location:7',
      ]);
    });

    it('marks a whole notification batch of sources dirty in one write, and reads their cursors in one round trip', async () => {
      const keys = Array.from({ length: 729 }, (_, i) => `account:${i + 1}`);
      await storage.deliveries.advanceCursor('account:7', { mediaId: '70_7', createdTime: 1_700_000_000 });
      const cursors = await storage.deliveries.getCursors(keys);
      expect(cursors.size).toBe(1);
      expect(cursors.get('account:7')).toMatchObject({ mediaId: '70_7' });

      const writes = watched.writes;
      const marked = await storage.deliveries.markDirtyMany(keys.map((sourceKey) => ({ sourceKey })));
      expect(watched.writes - writes).toBe(1);
      expect(marked).toEqual(keys);
      expect(new Set((await storage.deliveries.listDirty()).map((d) => d.sourceKey))).toEqual(new Set(keys));
    });

    it("leaves a batch's marks that are already stored since the given time as they are, and renews the others", async () => {
      await storage.deliveries.markDirtyMany([{ sourceKey: 'account:1' }, { sourceKey: 'account:2' }]);
      const first = new Map((await storage.deliveries.listDirty()).map((d) => [d.sourceKey, d.markedAt]));
      clock += 1000;
      const marked = await storage.deliveries.markDirtyMany([
        { sourceKey: 'account:1', unlessMarkedSince: first.get('account:1')! },
        { sourceKey: 'account:2', unlessMarkedSince: clock },
        { sourceKey: 'tag:cats' },
      ]);
      expect(marked).toEqual(['account:2', 'tag:cats']);
      const now = new Map((await storage.deliveries.listDirty()).map((d) => [d.sourceKey, d.markedAt]));
      expect(now.get('account:1')).toBe(first.get('account:1'));
      // Renewed mid-run: the run that read account:2 under its first mark cannot clear the news that came after.
      expect(await storage.deliveries.clearDirty('account:2', first.get('account:2')!)).toBe(false);
      expect(await storage.deliveries.clearDirty('account:2', now.get('account:2')!)).toBe(true);
      expect((await storage.deliveries.listDirty()).map((d) => d.sourceKey).sort()).toEqual(['account:1', 'tag:cats']);

      const writes = watched.writes;
      expect(await storage.deliveries.markDirtyMany([{ sourceKey: 'account:1', unlessMarkedSince: 0 }])).toEqual([]);
      expect(watched.writes).toBe(writes);
    });

    it('writes no mark of a batch whose signal is already aborted, and says why', async () => {
      const writes = watched.writes;
      const signal = AbortSignal.abort(new Error('the webhook answered 503'));
      await expect(storage.deliveries.markDirtyMany([{ sourceKey: 'account:1' }], { signal })).rejects.toThrow(
        'the webhook answered 503',
      );
      expect(watched.writes).toBe(writes);
      expect(await storage.deliveries.listDirty()).toEqual([]);
    });

    it('combines the marks and clears that arrive during a write into the next write, each told its own outcome', async () => {
      await storage.deliveries.markDirtyMany([{ sourceKey: 'account:1' }, { sourceKey: 'account:2' }]);
      const before = new Map((await storage.deliveries.listDirty()).map((d) => [d.sourceKey, d.markedAt]));
      clock += 1000;
      const writes = watched.writes;
      // The first write waits on a slow storage; 40 notification batches, two clears and a batch the webhook gave
      // up on arrive meanwhile.
      watched.holdReads();
      const first = storage.deliveries.markDirtyMany([{ sourceKey: 'tag:first' }]);
      while (watched.heldReads === 0) await new Promise((resolve) => setImmediate(resolve));
      const batches = Array.from({ length: 40 }, (_, i) =>
        storage.deliveries.markDirtyMany([{ sourceKey: `account:${100 + i}` }]),
      );
      const cleared = storage.deliveries.clearDirty('account:1', before.get('account:1')!);
      const staleClear = storage.deliveries.clearDirty('account:2', before.get('account:2')! - 1);
      const givenUp = new AbortController();
      const abandoned = storage.deliveries.markDirtyMany([{ sourceKey: 'account:999' }], { signal: givenUp.signal });
      const renewed = storage.deliveries.markDirtyMany([
        { sourceKey: 'account:2', unlessMarkedSince: before.get('account:2')! },
        { sourceKey: 'tag:first' },
      ]);
      givenUp.abort(new Error('the webhook answered 503'));
      watched.releaseReads();

      expect(await first).toEqual(['tag:first']);
      expect(await Promise.all(batches)).toEqual(batches.map((_, i) => [`account:${100 + i}`]));
      expect(await cleared).toBe(true);
      expect(await staleClear).toBe(false);
      await expect(abandoned).rejects.toThrow('the webhook answered 503');
      // account:2's mark is already there since the given time; tag:first was marked by the write before: renewed.
      expect(await renewed).toEqual(['tag:first']);
      // One write for the first batch, one for everything that came while it was under way.
      expect(watched.writes - writes).toBe(2);
      const dirty = new Map((await storage.deliveries.listDirty()).map((d) => [d.sourceKey, d.markedAt]));
      expect([...dirty.keys()].sort()).toEqual(
        ['account:2', 'tag:first', ...batches.map((_, i) => `account:${100 + i}`)].sort(),
      );
      expect(dirty.get('account:2')).toBe(before.get('account:2'));
    });

    it('keeps dirty marks across a reopen', async () => {
      await storage.deliveries.markDirty('account:42');
      await storage.close();
      storage = await place.open();
      expect((await storage.deliveries.listDirty()).map((d) => d.sourceKey)).toEqual(['account:42']);
    });
  });
});
