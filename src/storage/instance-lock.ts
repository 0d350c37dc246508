// The instance lock: igcord refuses to run twice on one storage or with one Discord bot token, since two
// processes would both post every feed item and both answer every interaction. Each backend leases the lock
// with what it offers (lock-redis.ts, lock-postgres.ts, lock-sqlite.ts, on lease.ts); this file holds
// the heartbeat that renews a lease and notices its loss, and the composition of the two locks.
// docs/decisions/0007-one-instance-lock.md says what is and is not covered.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import { InstanceLockConflictError, InstanceLockLostError, type LockedResource } from './errors.js';
import { currentOwner, type HeldLease, type LeaseAttempt, type LeaseLock, type LockTiming } from './lease.js';
import { sqliteLock } from './lock-sqlite.js';

export interface InstanceLock {
  /** Settles (never rejects) if a lease is lost while running: the caller must stop. */
  readonly lost: Promise<InstanceLockLostError>;
  /** Gives both leases back; idempotent. */
  release(): Promise<void>;
}

export type { LockTiming } from './lease.js';

export interface InstanceLockOptions {
  /** The Discord bot token, when it is a real one (live mode); only its hash is ever used. */
  botToken?: string | undefined;
  timing: LockTiming;
  /** Where the bot token's lock file lives when the storage offers no shared place. Default the OS temp dir. */
  lockDir?: string | undefined;
  /**
   * An edge or worker process: holds the storage's lease shared with the others of its kind, and refuses (and is
   * refused by) an `all` process. It takes no bot token lock: it opens no gateway session (docs/decisions/0020).
   */
  shared?: boolean | undefined;
}

/** The bot token's lock name: a hash, so the token itself is never stored or shown. */
export function botTokenLockName(token: string): string {
  return createHash('sha256').update('igcord instance lock\0').update(token).digest('hex').slice(0, 32);
}

/**
 * Takes the storage's lock, then the bot token's (on the storage when it is shared, Redis; else a lock file in
 * `lockDir`). Throws InstanceLockConflictError naming the holder when either is taken.
 */
export async function acquireInstanceLock(
  places: { storage: LeaseLock; shared: ((name: string) => LeaseLock) | undefined },
  options: InstanceLockOptions,
  log: Logger,
): Promise<InstanceLock> {
  const owner = currentOwner();
  const leases: Array<{ resource: LockedResource; lock: LeaseLock }> = [{ resource: 'storage', lock: places.storage }];
  const mode = options.shared ? 'shared' : 'exclusive';
  if (options.botToken && mode === 'exclusive') {
    const name = botTokenLockName(options.botToken);
    leases.push({
      resource: 'bot token',
      lock:
        places.shared?.(`bot-token:${name}`) ??
        sqliteLock(join(options.lockDir ?? tmpdir(), `igcord-bot-${name}.lock`), 'bot-token'),
    });
  }

  const held: Array<{ resource: LockedResource; lease: HeldLease; beat: Heartbeat }> = [];
  let onLost!: (error: InstanceLockLostError) => void;
  const lost = new Promise<InstanceLockLostError>((resolve) => (onLost = resolve));
  let released: Promise<void> | undefined;
  const release = () =>
    (released ??= (async () => {
      for (const { lease, beat } of held.splice(0).reverse()) {
        beat.stop();
        try {
          await lease.release();
        } catch (error) {
          // Not fatal: an unreleased lease ends on its own once it is stale.
          log.warn({ err: error }, 'instance lock could not be released; it expires on its own');
        }
      }
    })());

  for (const { resource, lock } of leases) {
    let attempt: LeaseAttempt;
    try {
      // The bot token's lock is only ever taken alone (a gateway session is one process's).
      attempt = await lock.tryAcquire(owner, options.timing, resource === 'storage' ? mode : 'exclusive');
    } catch (error) {
      await release();
      throw error;
    }
    if ('holder' in attempt) {
      await release();
      throw new InstanceLockConflictError(resource, attempt.holder, mode === 'shared');
    }
    const lease = attempt.held;
    held.push({ resource, lease, beat: heartbeat(resource, lease, options.timing, log, onLost) });
  }
  log.info({ pid: owner.pid, host: owner.host, mode, locks: held.map((h) => h.resource) }, 'instance lock acquired');
  return { lost, release };
}

interface Heartbeat {
  stop(): void;
}

/**
 * Renews a lease every `heartbeatMs`. A renewal that finds the lease no longer ours, or renewals that failed for
 * longer than `staleMs` (by then another process may rightly have taken it), report the lease lost.
 */
function heartbeat(
  resource: LockedResource,
  lease: HeldLease,
  timing: LockTiming,
  log: Logger,
  onLost: (error: InstanceLockLostError) => void,
): Heartbeat {
  let lastRenewed = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void beat(), timing.heartbeatMs);
    // The lock must not keep a process alive that has nothing else to do.
    timer.unref();
  };
  const beat = async () => {
    let ours: boolean | undefined;
    try {
      ours = await lease.renew();
    } catch (error) {
      log.warn({ err: error, resource }, 'instance lock heartbeat failed; retrying');
    }
    if (stopped) return;
    if (ours === true) {
      lastRenewed = Date.now();
      log.debug({ resource }, 'instance lock heartbeat');
    } else if (ours === false) {
      stopped = true;
      onLost(new InstanceLockLostError(resource, 'it is no longer ours'));
      return;
    } else if (Date.now() - lastRenewed > timing.staleMs) {
      stopped = true;
      onLost(new InstanceLockLostError(resource, `not renewed for ${timing.staleMs} ms`));
      return;
    }
    schedule();
  };
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
