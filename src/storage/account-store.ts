// Linked accounts: Discord user id → the Instagram account they linked, its scopes and status, and its access
// token encrypted (AES-256-GCM, bound to the Discord user id). The token leaves storage only through
// `getWithToken`; everything else sees Account, which has no token. A reverse index (Instagram user id → Discord
// user ids) serves webhook notifications and feeds owned by an account.
// Every change of a record is a compare-and-swap loop (`backend.update`, docs/decisions/0018): a relink, a mark
// or a re-encryption lands only over the record it was computed from, even against another process on the same
// storage, and the reverse-index entry removed is the one of the record actually replaced or deleted.
import { z } from 'zod';
import { validate } from '../util/validate.js';
import type { RecordType } from './record-reader.js';
import { epochMs, storedId, type StoreContext } from './store-context.js';

/** A Discord locale code (`en-US`, `es-419`, `pt-BR`, `da`): https://discord.com/developers/docs/reference#locales */
const DISCORD_LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/;

const accountRecord = z.object({
  version: z.literal(1),
  discordUserId: storedId,
  instagramUserId: storedId,
  username: z.string().min(1).max(100),
  scopes: z.array(z.string()),
  linkedAt: epochMs,
  status: z.enum(['active', 'broken']),
  /** Why the link broke, as data (worded for each reader by the Discord side); see LinkBreak. */
  brokenCause: z.enum(['expired', 'refused']).optional(),
  /** Instagram's own words for the refusal, when it gave some: shown as Instagram wrote them. */
  brokenDetail: z.string().max(500).optional(),
  /** Links broken before the cause was data kept igcord's English words here; shown as stored. */
  brokenReason: z.string().max(500).optional(),
  brokenAt: epochMs.optional(),
  /** The access token, encrypted by TokenCipher; never the token itself. */
  token: z.string().startsWith('v1.'),
  // The token lifecycle (optional: links stored before it, and v1 links, have none; their tokens do not expire).
  provider: z.enum(['instagram-v1', 'instagram-graph']).optional(),
  login: z.enum(['instagram', 'facebook']).optional(),
  tokenIssuedAt: epochMs.optional(),
  /** Absent when the token does not expire (v1, Facebook Login Page tokens): such a link is never renewed. */
  tokenExpiresAt: epochMs.optional(),
  lastRefreshAt: epochMs.optional(),
  /** Renewals failed in a row since the last success. */
  refreshFailures: z.number().int().min(0).optional(),
  /** Expiry warnings already sent for the current token (e.g. `14d`, `7d`, `3d`), so each is sent once. */
  expiryWarnings: z.array(z.string().max(10)).max(20).optional(),
  /**
   * The person's Discord client language (`interaction.locale`) at their latest interaction with igcord, so a DM
   * igcord sends on its own speaks it after a restart too. Absent until they interact once after linking.
   */
  locale: z.string().regex(DISCORD_LOCALE).optional(),
});
type AccountRecord = z.output<typeof accountRecord>;

const accountType: RecordType<typeof accountRecord> = { name: 'account', currentVersion: 1, schema: accountRecord };

/** A linked account as the rest of igcord sees it: no token. */
export type Account = Omit<AccountRecord, 'version' | 'token'>;

/**
 * Why a link broke: `expired` (its token's lifetime ran out before a renewal) or `refused` (Instagram no longer
 * accepts the token: revoked, password changed, app removed), with Instagram's error message when it sent one.
 */
export interface LinkBreak {
  cause: 'expired' | 'refused';
  detail?: string | undefined;
}

export const linkInputSchema = z.object({
  discordUserId: storedId,
  instagramUserId: storedId,
  username: z.string().min(1).max(100),
  scopes: z.array(z.string()),
  accessToken: z.string().min(1),
  linkedAt: epochMs.optional(),
  provider: z.enum(['instagram-v1', 'instagram-graph']).optional(),
  login: z.enum(['instagram', 'facebook']).optional(),
  tokenIssuedAt: epochMs.optional(),
  tokenExpiresAt: epochMs.optional(),
});
export type LinkInput = z.input<typeof linkInputSchema>;

export interface AccountStore {
  /** Stores (or replaces) the link of a Discord user; the account starts active. */
  link(input: LinkInput): Promise<Account>;
  get(discordUserId: string): Promise<Account | undefined>;
  /**
   * The account with its decrypted access token. Throws TokenDecryptError if the stored token cannot be
   * decrypted. A token encrypted with an older key is re-encrypted with the newest one on the way.
   */
  getWithToken(discordUserId: string): Promise<{ account: Account; accessToken: string } | undefined>;
  /** Every Discord user who linked this Instagram account. */
  byInstagramUser(instagramUserId: string): Promise<Account[]>;
  /** Marks the link broken (e.g. the token was revoked) with why, which the user is shown in their language. */
  markBroken(discordUserId: string, broken: LinkBreak): Promise<Account | undefined>;
  /** Removes the link; returns what was removed. */
  unlink(discordUserId: string): Promise<Account | undefined>;
  /** The Discord user ids whose links hold a token that expires (what the refresher walks). */
  expiring(): Promise<string[]>;
  /**
   * Stores a renewed token, only over the token it was renewed from (a relink meanwhile wins): clears the
   * failures and the warnings sent. Returns false when the record changed under it.
   */
  recordRefresh(
    discordUserId: string,
    from: string,
    renewed: { accessToken: string; issuedAt: number; expiresAt: number | undefined },
  ): Promise<boolean>;
  /** Counts a failed renewal; returns the account as it now is. */
  recordRefreshFailure(discordUserId: string): Promise<Account | undefined>;
  /** Records that an expiry warning was sent; false when it already was (each is sent once). */
  recordWarning(discordUserId: string, warning: string): Promise<boolean>;
  /** Records the person's latest Discord locale; written only when it changed. False when nothing was written. */
  recordLocale(discordUserId: string, locale: string): Promise<boolean>;
}

const recordKey = (discordUserId: string) => `account:${discordUserId}`;
const reverseKey = (instagramUserId: string) => `accounts-by-instagram:${instagramUserId}`;
const tokenContext = (discordUserId: string) => `account-token:${discordUserId}`;
const EXPIRING_KEY = 'accounts-expiring';

function publicView(record: AccountRecord): Account {
  const { version: _version, token: _token, ...account } = record;
  return account;
}

/** The record marked broken: the cause as data, replacing the words an older break may have left. */
function brokenRecord(record: AccountRecord, broken: LinkBreak, now: number): AccountRecord {
  const { brokenReason: _words, brokenDetail: _detail, ...rest } = record;
  const detail = broken.detail?.slice(0, 500);
  return {
    ...rest,
    status: 'broken',
    brokenCause: broken.cause,
    ...(detail ? { brokenDetail: detail } : {}),
    brokenAt: now,
  };
}

export function createAccountStore(ctx: StoreContext): AccountStore {
  const { backend, mutex, reader, indexes, cipher } = ctx;
  const recordFrom = (discordUserId: string, stored: unknown) =>
    reader.read(accountType, recordKey(discordUserId), stored);
  const read = async (discordUserId: string) => recordFrom(discordUserId, await backend.get(recordKey(discordUserId)));
  const lock = <T>(discordUserId: string, fn: () => Promise<T>) => mutex.run(recordKey(discordUserId), fn);

  return {
    async link(input) {
      const data = validate(linkInputSchema, input, 'account link');
      return lock(data.discordUserId, async () => {
        const record: AccountRecord = {
          version: 1,
          discordUserId: data.discordUserId,
          instagramUserId: data.instagramUserId,
          username: data.username,
          scopes: data.scopes,
          linkedAt: data.linkedAt ?? ctx.now(),
          status: 'active',
          token: cipher.encrypt(data.accessToken, tokenContext(data.discordUserId)),
          ...(data.provider === undefined ? {} : { provider: data.provider }),
          ...(data.login === undefined ? {} : { login: data.login }),
          ...(data.tokenIssuedAt === undefined ? {} : { tokenIssuedAt: data.tokenIssuedAt }),
          ...(data.tokenExpiresAt === undefined ? {} : { tokenExpiresAt: data.tokenExpiresAt }),
        };
        if (record.tokenExpiresAt !== undefined) await indexes.add(EXPIRING_KEY, [record.discordUserId]);
        else await indexes.remove(EXPIRING_KEY, [record.discordUserId]);
        // Index first, record second: a crash in between leaves an index entry that readers skip, never a
        // record no index reaches.
        await indexes.add(reverseKey(record.instagramUserId), [record.discordUserId]);
        let previous: AccountRecord | undefined;
        await backend.update(recordKey(record.discordUserId), (stored) => {
          previous = recordFrom(record.discordUserId, stored);
          // A relink is the same person: their language stays.
          return previous?.locale !== undefined ? { ...record, locale: previous.locale } : record;
        });
        // The record swapped over, not one read earlier: its reverse entry is the one that is now stale.
        if (previous !== undefined && previous.instagramUserId !== record.instagramUserId) {
          await indexes.remove(reverseKey(previous.instagramUserId), [record.discordUserId]);
        }
        return publicView(record);
      });
    },

    async get(discordUserId) {
      const record = await read(discordUserId);
      return record === undefined ? undefined : publicView(record);
    },

    async getWithToken(discordUserId) {
      const record = await read(discordUserId);
      if (record === undefined) return undefined;
      const accessToken = cipher.decrypt(record.token, tokenContext(discordUserId));
      if (cipher.keyIdOf(record.token) !== cipher.currentKeyId) {
        const token = cipher.encrypt(accessToken, tokenContext(discordUserId));
        await lock(discordUserId, () =>
          backend.update(recordKey(discordUserId), (stored) => {
            const fresh = recordFrom(discordUserId, stored);
            // Only if nobody relinked meanwhile: the newer record already has a newer token.
            return fresh !== undefined && fresh.token === record.token ? { ...fresh, token } : stored;
          }),
        );
      }
      return { account: publicView(record), accessToken };
    },

    async byInstagramUser(instagramUserId) {
      const ids = await indexes.members(reverseKey(instagramUserId));
      const raws = await backend.getMany(ids.map(recordKey));
      const accounts: Account[] = [];
      ids.forEach((id, i) => {
        const record = reader.read(accountType, recordKey(id), raws[i]);
        if (record !== undefined && record.instagramUserId === instagramUserId) accounts.push(publicView(record));
      });
      return accounts;
    },

    async markBroken(discordUserId, broken) {
      return lock(discordUserId, async () => {
        let next: AccountRecord | undefined;
        await backend.update(recordKey(discordUserId), (stored) => {
          const record = recordFrom(discordUserId, stored);
          // Unlinked meanwhile (here or by another process): left unlinked, never written back.
          next = record === undefined ? undefined : brokenRecord(record, broken, ctx.now());
          return next ?? stored;
        });
        return next === undefined ? undefined : publicView(next);
      });
    },

    async unlink(discordUserId) {
      return lock(discordUserId, async () => {
        // Record first, index second: a crash in between leaves an index entry that readers skip. The entry
        // removed is the one of the record deleted, whatever an earlier read saw.
        let deleted: AccountRecord | undefined;
        await backend.update(recordKey(discordUserId), (stored) => {
          deleted = recordFrom(discordUserId, stored);
          return undefined;
        });
        if (deleted === undefined) return undefined;
        await indexes.remove(reverseKey(deleted.instagramUserId), [discordUserId]);
        await indexes.remove(EXPIRING_KEY, [discordUserId]);
        return publicView(deleted);
      });
    },

    expiring: () => indexes.members(EXPIRING_KEY),

    async recordRefresh(discordUserId, from, renewed) {
      return lock(discordUserId, async () => {
        let stored = false;
        await backend.update(recordKey(discordUserId), (raw) => {
          const record = recordFrom(discordUserId, raw);
          stored = record !== undefined && cipher.decrypt(record.token, tokenContext(discordUserId)) === from;
          if (!stored || record === undefined) return raw;
          const { expiryWarnings: _sent, refreshFailures: _failures, ...rest } = record;
          const next: AccountRecord = {
            ...rest,
            token: cipher.encrypt(renewed.accessToken, tokenContext(discordUserId)),
            tokenIssuedAt: renewed.issuedAt,
            lastRefreshAt: renewed.issuedAt,
          };
          if (renewed.expiresAt !== undefined) next.tokenExpiresAt = renewed.expiresAt;
          return next;
        });
        return stored;
      });
    },

    async recordRefreshFailure(discordUserId) {
      return lock(discordUserId, async () => {
        let next: AccountRecord | undefined;
        await backend.update(recordKey(discordUserId), (raw) => {
          const record = recordFrom(discordUserId, raw);
          next = record === undefined ? undefined : { ...record, refreshFailures: (record.refreshFailures ?? 0) + 1 };
          return next ?? raw;
        });
        return next === undefined ? undefined : publicView(next);
      });
    },

    async recordLocale(discordUserId, locale) {
      // Only a locale the record's schema takes (a bad one would make the record unreadable).
      if (!DISCORD_LOCALE.test(locale)) return false;
      // Read first, outside the lock: the common case (unchanged) costs one read and no write.
      const current = await read(discordUserId);
      if (current === undefined || current.locale === locale) return false;
      return lock(discordUserId, async () => {
        let written = false;
        await backend.update(recordKey(discordUserId), (raw) => {
          const record = recordFrom(discordUserId, raw);
          written = record !== undefined && record.locale !== locale;
          return written && record !== undefined ? { ...record, locale } : raw;
        });
        return written;
      });
    },

    async recordWarning(discordUserId, warning) {
      return lock(discordUserId, async () => {
        let added = false;
        await backend.update(recordKey(discordUserId), (raw) => {
          const record = recordFrom(discordUserId, raw);
          const sent = record?.expiryWarnings ?? [];
          added = record !== undefined && !sent.includes(warning);
          return added && record !== undefined ? { ...record, expiryWarnings: [...sent, warning] } : raw;
        });
        return added;
      });
    },
  };
}
