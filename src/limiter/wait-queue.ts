// The calls of one key waiting to start, in the order they may start: every interactive call before any
// delivery call before any background call, first come first served within a priority. Removal of any waiting
// call (deadline reached, caller aborted) is O(1), so a thousand background calls that time out cost nothing
// to the interactive call behind which they were never allowed to stand.
import type { CallPriority } from './call-gate.js';

export const PRIORITIES: readonly CallPriority[] = ['interactive', 'delivery', 'background'];

/** What the queue needs from an entry: its priority and two links it owns while the entry is queued. */
export interface Queued {
  readonly priority: CallPriority;
  prev: Queued | undefined;
  next: Queued | undefined;
  queued: boolean;
}

class Lane<T extends Queued> {
  first: T | undefined;
  last: T | undefined;
  length = 0;

  push(item: T): void {
    item.prev = this.last;
    item.next = undefined;
    if (this.last) this.last.next = item;
    else this.first = item;
    this.last = item;
    this.length++;
  }

  unshift(item: T): void {
    item.next = this.first;
    item.prev = undefined;
    if (this.first) this.first.prev = item;
    else this.last = item;
    this.first = item;
    this.length++;
  }

  remove(item: T): void {
    if (item.prev) item.prev.next = item.next;
    else this.first = item.next as T | undefined;
    if (item.next) item.next.prev = item.prev;
    else this.last = item.prev as T | undefined;
    item.prev = item.next = undefined;
    this.length--;
  }
}

export class WaitQueue<T extends Queued> {
  private readonly lanes: Record<CallPriority, Lane<T>> = {
    interactive: new Lane<T>(),
    delivery: new Lane<T>(),
    background: new Lane<T>(),
  };

  get size(): number {
    return this.lanes.interactive.length + this.lanes.delivery.length + this.lanes.background.length;
  }

  count(priority: CallPriority): number {
    return this.lanes[priority].length;
  }

  /** Waiting calls that would start before a new call of `priority` queued at the back of its lane. */
  aheadOf(priority: CallPriority): number {
    let ahead = 0;
    for (const p of PRIORITIES) {
      ahead += this.lanes[p].length;
      if (p === priority) break;
    }
    return ahead;
  }

  /** Waiting calls of strictly higher priority (those ahead of a call put back at the front of its lane). */
  above(priority: CallPriority): number {
    let ahead = 0;
    for (const p of PRIORITIES) {
      if (p === priority) break;
      ahead += this.lanes[p].length;
    }
    return ahead;
  }

  push(item: T): void {
    this.lanes[item.priority].push(item);
    item.queued = true;
  }

  /** Puts a call back at the front of its lane (a retry: it has waited its turn already). */
  unshift(item: T): void {
    this.lanes[item.priority].unshift(item);
    item.queued = true;
  }

  remove(item: T): void {
    if (!item.queued) return;
    this.lanes[item.priority].remove(item);
    item.queued = false;
  }

  /** The first waiting call, in start order. */
  first(): T | undefined {
    for (const p of PRIORITIES) {
      const head = this.lanes[p].first;
      if (head) return head;
    }
    return undefined;
  }

  /** The call after `item` in start order (crossing into lower-priority lanes). */
  after(item: T): T | undefined {
    if (item.next) return item.next as T;
    const lane = PRIORITIES.indexOf(item.priority);
    for (const p of PRIORITIES.slice(lane + 1)) {
      const head = this.lanes[p].first;
      if (head) return head;
    }
    return undefined;
  }

  /** Removes and returns every waiting call (shutdown). */
  drain(): T[] {
    const all: T[] = [];
    for (let item = this.first(); item; item = this.first()) {
      this.remove(item);
      all.push(item);
    }
    return all;
  }
}
