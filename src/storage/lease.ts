// What every backend's instance lock is made of: a lease that one owner takes, renews and gives back, and who
// that owner is (pid, host, pid namespace), so that a lease left by a killed process can be recognised as such.
import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { LockHolder } from './errors.js';

/** How often a holder renews its lease, and after how long without renewal a lease counts as abandoned. */
export interface LockTiming {
  heartbeatMs: number;
  staleMs: number;
}

/** This process, as written into the locks it holds. */
export interface LockOwner {
  /** Random per acquisition: what compare-and-renew and compare-and-release compare. */
  id: string;
  pid: number;
  host: string;
  /** Linux pid namespace (`pid:[…]`), so a pid is only judged dead where it means the same process. */
  pidNamespace: string | undefined;
}

/** A lease held by this process. `renew` says whether it is still ours (throws when it cannot tell). */
export interface HeldLease {
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export type LeaseAttempt = { held: HeldLease } | { holder: LockHolder };

/**
 * How a lease is held: `exclusive` (IGCORD_ROLE=all: one process alone) or `shared` (edge and worker processes,
 * any number of them together, never beside an exclusive holder). Only Redis and PostgreSQL offer `shared`.
 */
export type LeaseMode = 'exclusive' | 'shared';

/** One lock place on one backend. */
export interface LeaseLock {
  tryAcquire(owner: LockOwner, timing: LockTiming, mode?: LeaseMode): Promise<LeaseAttempt>;
}

export function currentOwner(): LockOwner {
  let pidNamespace: string | undefined;
  try {
    pidNamespace = readlinkSync('/proc/self/ns/pid');
  } catch {
    pidNamespace = undefined;
  }
  return { id: randomUUID(), pid: process.pid, host: hostname(), pidNamespace };
}

/**
 * True when `pid` names a process that is certainly gone: same host and pid namespace (else the pid means
 * nothing here) and `kill(pid, 0)` says no such process. Our own pid is alive (another lock in this process);
 * anything unsure is left to the heartbeat's age.
 */
export function holderIsDead(
  holder: { pid?: number | undefined; host?: string | undefined; pidNamespace?: string | undefined },
  me: LockOwner,
): boolean {
  if (
    holder.pid === undefined ||
    holder.host !== me.host ||
    !me.pidNamespace ||
    holder.pidNamespace !== me.pidNamespace
  )
    return false;
  if (holder.pid === me.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
