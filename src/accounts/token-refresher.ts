// Keeps expiring Instagram tokens alive (Instagram Login's 60-day tokens, reference §1.2 and §4.4): each sweep
// renews the tokens last renewed a week ago or more (never one younger than 24 h, which Graph refuses), one
// renewal at a time per account, at the limiter's background priority (the linker asks for it). A dead token (190)
// marks the link broken, pauses its owner's feeds (`owner-link-broken`) and DMs the owner once, with a Re-link
// button. Renewals that keep failing for other reasons warn the owner at 14 and 7 days before expiry, then daily for
// the last 3; each warning is recorded when sent (account store) so it is never sent twice. A token past its expiry
// breaks the link the same way. Links whose tokens do not expire (v1, Facebook Login Page tokens) are not in
// `accounts.expiring()` and are never looked at.
import {
  ownerLinkLost,
  LinkTokenDeadError,
  type AccountLinker,
  type OwnerNotice,
  type OwnerNotices,
} from '../core/index.js';
import type { Logger } from '../log.js';
import type { Storage } from '../storage/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface TokenRefresherOptions {
  storage: Storage;
  linker: AccountLinker;
  notices: OwnerNotices;
  /** Epoch ms; tests pass the emulator's moved clock. */
  clock: () => number;
  log: Logger;
  /** Renew once the last renewal is this old (7 days: about eight chances in 60 days). */
  renewAfterMs?: number | undefined;
  /** How often a started refresher sweeps (1 h). */
  sweepEveryMs?: number | undefined;
}

export type RefreshOutcome = 'renewed' | 'not-due' | 'failed' | 'broken' | 'skipped' | 'busy';

/** The warning due `msLeft` before expiry: `14d`, `7d`, then `3d`, `2d`, `1d`; undefined when none is. */
export function expiryWarning(msLeft: number): string | undefined {
  const days = Math.ceil(msLeft / DAY);
  if (days <= 0) return undefined;
  if (days <= 3) return `${days}d`;
  if (days <= 7) return '7d';
  if (days <= 14) return '14d';
  return undefined;
}

export function createTokenRefresher(options: TokenRefresherOptions) {
  const { storage, linker, notices, clock } = options;
  const log = options.log.child({ component: 'token-refresher' });
  const renewAfterMs = options.renewAfterMs ?? 7 * DAY;
  const running = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;

  /** DMs the owner (worded in their language by the notices' side); false when it could not be delivered. */
  async function tell(discordUserId: string, notice: OwnerNotice): Promise<boolean> {
    try {
      // One of the owner's servers, whose language serves when the owner's own is not known.
      const guildId = (await storage.feeds.listByOwner(discordUserId))[0]?.guildId;
      await notices.send(discordUserId, { ...notice, ...(guildId !== undefined ? { guildId } : {}) });
      return true;
    } catch (error) {
      log.warn({ err: error, discordUserId }, 'could not DM the owner of an Instagram link');
      return false;
    }
  }

  async function breakLink(discordUserId: string, username: string, why: 'expired' | 'refused'): Promise<void> {
    // Why, as data: the owner's next command says it in their language (commands/_shared/linked-account.ts).
    await storage.accounts.markBroken(discordUserId, { cause: why });
    let paused = 0;
    for (const feed of await storage.feeds.listByOwner(discordUserId)) {
      const next = ownerLinkLost(feed, 'token', clock());
      if (next !== undefined) {
        await storage.feeds.setState(feed.id, next);
        paused += 1;
      }
    }
    log.warn({ discordUserId, pausedFeeds: paused }, 'Instagram link broken: its token no longer works');
    // Once: the link is broken now, and a broken link is never renewed nor looked at again until relinked.
    await tell(discordUserId, { kind: 'link-broken', username, why, pausedFeeds: paused });
  }

  async function warnIfDue(discordUserId: string, username: string, expiresAt: number): Promise<void> {
    const warning = expiryWarning(expiresAt - clock());
    if (warning === undefined) return;
    // Recorded before sending: a crash in between loses one warning rather than sending it twice.
    if (!(await storage.accounts.recordWarning(discordUserId, warning))) return;
    await tell(discordUserId, {
      kind: 'token-expiring',
      username,
      daysLeft: Number.parseInt(warning, 10),
      expiresAt,
    });
  }

  async function refreshOne(discordUserId: string): Promise<RefreshOutcome> {
    if (running.has(discordUserId)) return 'busy';
    running.add(discordUserId);
    try {
      const account = await storage.accounts.get(discordUserId);
      const expiresAt = account?.tokenExpiresAt;
      if (
        account === undefined ||
        account.status === 'broken' ||
        expiresAt === undefined ||
        linker.refresh === undefined
      )
        return 'skipped';
      const now = clock();
      if (expiresAt <= now) {
        await breakLink(discordUserId, account.username, 'expired');
        return 'broken';
      }
      const issuedAt = account.tokenIssuedAt ?? account.linkedAt;
      const last = account.lastRefreshAt ?? issuedAt;
      // Graph refuses a token younger than 24 h.
      if (now - last < renewAfterMs || now - issuedAt < DAY) return 'not-due';
      const stored = await storage.accounts.getWithToken(discordUserId);
      if (stored === undefined) return 'skipped';
      try {
        const renewed = await linker.refresh(stored.accessToken, {
          issuedAt,
          instagramUserId: account.instagramUserId,
        });
        await storage.accounts.recordRefresh(discordUserId, stored.accessToken, renewed);
        log.info({ discordUserId, expiresAt: renewed.expiresAt }, 'Instagram token renewed');
        return 'renewed';
      } catch (error) {
        if (error instanceof LinkTokenDeadError) {
          await breakLink(discordUserId, account.username, 'refused');
          return 'broken';
        }
        await storage.accounts.recordRefreshFailure(discordUserId);
        log.warn({ err: error, discordUserId }, 'Instagram token renewal failed; retried at the next sweep');
        await warnIfDue(discordUserId, account.username, expiresAt);
        return 'failed';
      }
    } finally {
      running.delete(discordUserId);
    }
  }

  /** One pass over every expiring link, one account after another. */
  async function sweep(): Promise<Record<string, RefreshOutcome>> {
    const outcomes: Record<string, RefreshOutcome> = {};
    for (const id of await storage.accounts.expiring()) {
      try {
        outcomes[id] = await refreshOne(id);
      } catch (error) {
        log.error({ err: error, discordUserId: id }, 'token refresh of one link failed unexpectedly');
      }
    }
    return outcomes;
  }

  return {
    refreshOne,
    sweep,
    start(): void {
      timer ??= setInterval(() => {
        sweeping ??= sweep().finally(() => (sweeping = undefined));
      }, options.sweepEveryMs ?? HOUR);
      timer.unref();
    },
    async close(): Promise<void> {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await sweeping;
    },
  };
}

export type TokenRefresher = ReturnType<typeof createTokenRefresher>;
