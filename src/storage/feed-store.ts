// Channel feeds: which channel follows which Instagram source, whose token pays for it, how posts are delivered
// (bot message or channel webhook, whose token is encrypted like an access token and, like one, moved onto the
// newest key when read), and its structured state (src/core/feed-state.ts: active, paused by whom or what, disabled
// with the reason shown to admins; only src/core/feed-lifecycle.ts decides it). Indexed by
// guild, channel, source and owner, plus the set of sources that have at least one feed (what the delivery engine
// polls after a restart).
//
// Crash safety without transactions: an add writes its index entries first and the record last; a remove
// deletes the record first and its index entries last. Whatever point a crash stops at, every record is reached
// by its indexes; an index entry may name a record that is gone or has moved, and readers skip those.
// Without transactions but with compare-and-swap: every change of a feed record is a `backend.update` over the
// exact record read (docs/decisions/0018), so a patch from one process cannot bring back a feed another process
// removed, nor undo its patch; the keyed mutex only queues this process's own writers.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { validate } from '../util/validate.js';
import { feedStateSchema, type FeedState } from '../core/feed-state.js';
import { feedPlaceSchema } from '../core/feed-poster.js';
import { feedTemplateSchema } from '../core/feed-template.js';
import { MAX_FILTER_RULES, filterRuleSchema } from '../core/feed-filters.js';
import { migrateFeedStateV1 } from './feed-state-v1.js';
import { feedSourceSchema, parseSourceKey, sourceKey, type FeedSource } from './feed-source.js';
import { COPIED, deliveryInput, feedPatchSchema, type FeedPatch } from './feed-patch.js';
import { onChangeSchema } from '../core/post-changes.js';
import { digestScheduleSchema } from '../core/feed-digest.js';
import type { RecordType } from './record-reader.js';
import { epochMs, storedId, type StoreContext } from './store-context.js';

export type { FeedState } from '../core/feed-state.js';
export { feedPatchSchema, type FeedDeliveryInput, type FeedPatch } from './feed-patch.js';

/**
 * Who agreed to pay for a feed of an account that is not their own (/feed add-account account:<name>), and when:
 * such a feed reads someone else's posts with that member's link and budget, so their consent is kept with it.
 * `username` is the followed account's name when they agreed, for /feed list.
 */
const feedConsent = z.object({ discordUserId: storedId, at: epochMs, username: z.string().min(1).max(30) });

const feedRecord = z.object({
  version: z.literal(2),
  id: storedId,
  guildId: storedId,
  channelId: storedId,
  source: feedSourceSchema,
  ownerDiscordUserId: storedId,
  ownerInstagramUserId: storedId,
  createdBy: storedId,
  createdAt: epochMs,
  mentionRoleId: storedId.optional(),
  /** What kind of place `channelId` is; absent: a text or announcement channel (feeds before forums). */
  place: feedPlaceSchema.optional(),
  delivery: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('message') }),
    z.object({ mode: z.literal('webhook'), webhookId: storedId, webhookTokenEncrypted: z.string().startsWith('v1.') }),
  ]),
  state: feedStateSchema,
  lastDeliveryAt: epochMs.optional(),
  lastCheckAt: epochMs.optional(),
  consent: feedConsent.optional(),
  /** The feed's message template (docs/decisions/0026); absent: the built-in rendering. Added without a version bump. */
  template: feedTemplateSchema.optional(),
  /** Include / exclude rules (src/core/feed-filters.ts); absent or empty: every post passes. */
  filters: z.array(filterRuleSchema).max(MAX_FILTER_RULES).optional(),
  /** What a post changed on Instagram does to its message (src/core/post-changes.ts); absent: the default. */
  onChange: onChangeSchema.optional(),
  /** Digest mode (docs/decisions/0031); absent: one message per post. Added without a version bump. */
  digest: digestScheduleSchema.optional(),
});
const feedType: RecordType<typeof feedRecord> = {
  name: 'feed',
  currentVersion: 2,
  schema: feedRecord,
  // Version 1 kept the state as a word and its reason as text; version 2 keeps it structured.
  migrations: { 1: migrateFeedStateV1 },
};

/** A stored feed. A webhook feed's token stays encrypted here; `webhookToken(feed)` decrypts it. */
export type Feed = z.output<typeof feedRecord>;

export const newFeedSchema = z.object({
  guildId: storedId,
  channelId: storedId,
  source: feedSourceSchema,
  ownerDiscordUserId: storedId,
  ownerInstagramUserId: storedId,
  createdBy: storedId,
  mentionRoleId: storedId.optional(),
  place: feedPlaceSchema.optional(),
  delivery: deliveryInput,
  consent: feedConsent.optional(),
});
export type NewFeed = z.input<typeof newFeedSchema>;

export interface FeedStore {
  add(input: NewFeed): Promise<Feed>;
  /** Adds many feeds with one write per index key and one bulk record write (imports, benchmarks). */
  addMany(inputs: readonly NewFeed[]): Promise<Feed[]>;
  get(id: string): Promise<Feed | undefined>;
  listByGuild(guildId: string): Promise<Feed[]>;
  listByChannel(channelId: string): Promise<Feed[]>;
  listBySource(source: FeedSource): Promise<Feed[]>;
  listByOwner(discordUserId: string): Promise<Feed[]>;
  /** Every source followed by at least one feed. */
  listSources(): Promise<FeedSource[]>;
  update(id: string, patch: FeedPatch): Promise<Feed | undefined>;
  /** Stores a state the lifecycle (src/core/feed-lifecycle.ts) decided. */
  setState(id: string, state: FeedState): Promise<Feed | undefined>;
  /** The decrypted webhook token of a webhook feed. Throws TokenDecryptError if it cannot be decrypted. */
  webhookToken(feed: Feed): string | undefined;
  remove(id: string): Promise<Feed | undefined>;
}

const SOURCE_SHARDS = 16;
const recordKey = (id: string) => `feed:${id}`;
const byGuild = (id: string) => `feeds-by-guild:${id}`;
const byChannel = (id: string) => `feeds-by-channel:${id}`;
const bySource = (key: string) => `feeds-by-source:${key}`;
const byOwner = (id: string) => `feeds-by-owner:${id}`;
/** The set of followed sources is sharded so no single stored value grows with every source in the install. */
const sourceShard = (key: string) =>
  `feed-sources:${createHash('sha1').update(key).digest().readUInt16BE(0) % SOURCE_SHARDS}`;
const webhookContext = (feedId: string) => `feed-webhook:${feedId}`;
/** Feed ids are what admins type into commands: short, unambiguous lower-case letters and digits. */
const newFeedId = () => {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
};

export function createFeedStore(ctx: StoreContext): FeedStore {
  const { backend, mutex, reader, indexes, cipher } = ctx;
  const feedFrom = (id: string, stored: unknown) => reader.read(feedType, recordKey(id), stored);
  const readRaw = async (id: string) => feedFrom(id, await backend.get(recordKey(id)));
  const readOne = async (id: string) => {
    const feed = await readRaw(id);
    return feed === undefined ? undefined : rekeyed(feed);
  };
  const lockFeed = <T>(id: string, fn: () => Promise<T>) => mutex.run(recordKey(id), fn);
  /** Serialises the "source has feeds" bookkeeping of one source (index add/remove + sources set). */
  const lockSource = <T>(key: string, fn: () => Promise<T>) => mutex.run(`source:${key}`, fn);

  /**
   * A feed as read, its webhook token moved onto the newest key if an older one made it (as account tokens are),
   * so the older key can be retired later. A token that cannot be decrypted is left as it is: the delivery engine
   * disables the feed when it tries to post.
   */
  async function rekeyed(feed: Feed): Promise<Feed> {
    if (feed.delivery.mode !== 'webhook') return feed;
    const stored = feed.delivery.webhookTokenEncrypted;
    const keyId = cipher.keyIdOf(stored);
    if (keyId === undefined || keyId === cipher.currentKeyId) return feed;
    let token: string;
    try {
      token = cipher.decrypt(stored, webhookContext(feed.id));
    } catch {
      return feed;
    }
    const reencrypted = cipher.encrypt(token, webhookContext(feed.id));
    return lockFeed(feed.id, async () => {
      let seen: Feed = feed;
      await backend.update(recordKey(feed.id), (current) => {
        const fresh = feedFrom(feed.id, current);
        seen = fresh ?? feed;
        // Only if nobody changed the webhook meanwhile: a newer record already has a newer token.
        if (fresh === undefined || fresh.delivery.mode !== 'webhook' || fresh.delivery.webhookTokenEncrypted !== stored)
          return current;
        seen = { ...fresh, delivery: { ...fresh.delivery, webhookTokenEncrypted: reencrypted } };
        return seen;
      });
      return seen;
    });
  }

  const encryptDelivery = (id: string, delivery: z.output<typeof deliveryInput>): Feed['delivery'] =>
    delivery.mode === 'message'
      ? { mode: 'message' }
      : {
          mode: 'webhook',
          webhookId: delivery.webhookId,
          webhookTokenEncrypted: cipher.encrypt(delivery.webhookToken, webhookContext(id)),
        };

  const build = (input: NewFeed): Feed => {
    const data = validate(newFeedSchema, input, 'new feed');
    const id = newFeedId();
    return {
      version: 2,
      id,
      guildId: data.guildId,
      channelId: data.channelId,
      source: data.source.kind === 'tag' ? { kind: 'tag', name: data.source.name.toLowerCase() } : data.source,
      ownerDiscordUserId: data.ownerDiscordUserId,
      ownerInstagramUserId: data.ownerInstagramUserId,
      createdBy: data.createdBy,
      createdAt: ctx.now(),
      mentionRoleId: data.mentionRoleId,
      ...(data.place !== undefined && data.place !== 'channel' ? { place: data.place } : {}),
      delivery: encryptDelivery(id, data.delivery),
      state: { kind: 'active' },
      ...(data.consent !== undefined ? { consent: data.consent } : {}),
    };
  };

  const listFrom = async (indexKey: string, matches: (feed: Feed) => boolean): Promise<Feed[]> => {
    const ids = await indexes.members(indexKey);
    const raws = await backend.getMany(ids.map(recordKey));
    const feeds: Feed[] = [];
    ids.forEach((id, i) => {
      const feed = reader.read(feedType, recordKey(id), raws[i]);
      if (feed !== undefined && feed.id === id && matches(feed)) feeds.push(feed);
    });
    return Promise.all(feeds.map(rekeyed));
  };

  async function indexAll(feeds: readonly Feed[]): Promise<void> {
    const groups = new Map<string, string[]>();
    const push = (key: string, id: string) => {
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [id]);
      else list.push(id);
    };
    const sources = new Map<string, string[]>();
    for (const f of feeds) {
      push(byGuild(f.guildId), f.id);
      push(byChannel(f.channelId), f.id);
      push(byOwner(f.ownerDiscordUserId), f.id);
      const sk = sourceKey(f.source);
      sources.set(sk, [...(sources.get(sk) ?? []), f.id]);
    }
    await Promise.all([...groups].map(([key, ids]) => indexes.add(key, ids)));
    await Promise.all(
      [...sources].map(([sk, ids]) =>
        lockSource(sk, async () => {
          await indexes.add(sourceShard(sk), [sk]);
          await indexes.add(bySource(sk), ids);
          // Again after: another process removing the source's last feed may have taken the source out of the
          // shard between the two adds above (see unindex). Usually already there, so this reads and writes nothing.
          await indexes.add(sourceShard(sk), [sk]);
        }),
      ),
    );
  }

  async function unindex(feed: Feed): Promise<void> {
    await Promise.all([
      indexes.remove(byGuild(feed.guildId), [feed.id]),
      indexes.remove(byChannel(feed.channelId), [feed.id]),
      indexes.remove(byOwner(feed.ownerDiscordUserId), [feed.id]),
    ]);
    const sk = sourceKey(feed.source);
    await lockSource(sk, async () => {
      const remaining = await indexes.remove(bySource(sk), [feed.id]);
      if (remaining === 0) {
        await indexes.remove(sourceShard(sk), [sk]);
        // The lock does not hold another process's add: write shard, then read the source's feeds here; write
        // the source's feeds, then the shard again there (indexAll). Whichever comes last sees the other, so a
        // source with feeds always ends in its shard (at worst a source without feeds stays, which is harmless).
        if ((await indexes.members(bySource(sk))).length > 0) await indexes.add(sourceShard(sk), [sk]);
      }
    });
  }

  async function update(id: string, patch: FeedPatch): Promise<Feed | undefined> {
    const data = validate(feedPatchSchema, patch, 'feed change');
    // Encrypted once, not once per round: a round only computes.
    const delivery = data.delivery === undefined ? undefined : encryptDelivery(id, data.delivery);
    return lockFeed(id, async () => {
      // A channel move follows the add/remove order: new index entry, record, then the old entry goes; only then is
      // the record read first, so no entry is added for a feed that is gone. Any other change reads it once, in
      // the swap below, which leaves a removed feed removed.
      if (data.channelId !== undefined) {
        if ((await readRaw(id)) === undefined) return undefined;
        await indexes.add(byChannel(data.channelId), [id]);
      }
      let before: Feed | undefined;
      let after: Feed | undefined;
      await backend.update(recordKey(id), (stored) => {
        before = feedFrom(id, stored);
        // Removed meanwhile (here or by another process): left removed, never written back.
        if (before === undefined) {
          after = undefined;
          return stored;
        }
        const next: Feed = { ...before };
        for (const key of COPIED) if (data[key] !== undefined) Object.assign(next, { [key]: data[key] });
        if (data.mentionRoleId !== undefined) next.mentionRoleId = data.mentionRoleId ?? undefined;
        if (delivery !== undefined) next.delivery = delivery;
        if (data.place !== undefined) next.place = data.place === 'channel' ? undefined : data.place;
        if (data.template !== undefined) next.template = data.template ?? undefined;
        if (data.filters !== undefined) next.filters = data.filters.length > 0 ? data.filters : undefined;
        if (data.digest !== undefined) next.digest = data.digest ?? undefined;
        after = next;
        return next;
      });
      if (before === undefined || after === undefined) {
        // The feed is gone and its id never comes back, so the entry added for the move can go too.
        if (data.channelId !== undefined) await indexes.remove(byChannel(data.channelId), [id]);
        return undefined;
      }
      // The old channel is the one of the record the swap replaced, whatever an earlier read said.
      if (before.channelId !== after.channelId) await indexes.remove(byChannel(before.channelId), [id]);
      return after;
    });
  }

  return {
    async add(input) {
      const feed = build(input);
      await indexAll([feed]);
      await backend.set(recordKey(feed.id), feed);
      return feed;
    },

    async addMany(inputs) {
      const feeds = inputs.map(build);
      await indexAll(feeds);
      await backend.setMany(feeds.map((f) => ({ key: recordKey(f.id), value: f })));
      return feeds;
    },

    get: readOne,
    listByGuild: (guildId) => listFrom(byGuild(guildId), (f) => f.guildId === guildId),
    listByChannel: (channelId) => listFrom(byChannel(channelId), (f) => f.channelId === channelId),
    listBySource: (source) => {
      const sk = sourceKey(source);
      return listFrom(bySource(sk), (f) => sourceKey(f.source) === sk);
    },
    listByOwner: (discordUserId) => listFrom(byOwner(discordUserId), (f) => f.ownerDiscordUserId === discordUserId),

    async listSources() {
      const shardKeys = Array.from({ length: SOURCE_SHARDS }, (_, i) => `feed-sources:${i}`);
      const members = (await Promise.all(shardKeys.map((k) => indexes.members(k)))).flat();
      return members.map(parseSourceKey).filter((s): s is FeedSource => s !== undefined);
    },

    update,

    setState(id, state) {
      return update(id, { state });
    },

    webhookToken(feed) {
      return feed.delivery.mode === 'webhook'
        ? cipher.decrypt(feed.delivery.webhookTokenEncrypted, webhookContext(feed.id))
        : undefined;
    },

    async remove(id) {
      return lockFeed(id, async () => {
        // Unindexed as it was when deleted, not as an earlier read saw it (another process may have moved it).
        let deleted: Feed | undefined;
        await backend.update(recordKey(id), (stored) => {
          deleted = feedFrom(id, stored);
          return undefined;
        });
        if (deleted !== undefined) await unindex(deleted);
        return deleted;
      });
    },
  };
}
