// What every igcord store is built from: the backend, whose `update()` (compare-and-swap, docs/decisions/0018) is
// how every store reads, changes and writes back a stored value, so a second process on the storage cannot undo
// a change (blind writes of new records stay plain sets); one keyed mutex shared by all stores of one storage,
// which queues this process's own writers of one key (stores that touch the same index queue on it) so they do
// not spend their swap retries on each other, and which no store relies on for correctness; the record reader,
// the index helper, the token cipher and a clock. Passed explicitly by openStorage; nothing here is global.
import { z } from 'zod';
import type { Logger } from '../log.js';
import type { KvBackend } from './backend.js';
import type { IndexSets } from './index-set.js';
import type { KeyedMutex } from './keyed-mutex.js';
import type { RecordReader } from './record-reader.js';
import type { TokenCipher } from './token-cipher.js';

export interface StoreContext {
  backend: KvBackend;
  mutex: KeyedMutex;
  reader: RecordReader;
  indexes: IndexSets;
  cipher: TokenCipher;
  log: Logger;
  /** Epoch milliseconds; tests pass their own to move time without fake timers. */
  now: () => number;
}

/** Ids used inside storage keys (Discord snowflakes, Instagram ids, feed ids): no separators, bounded length. */
export const storedId = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'expected an id of letters, digits, _ . -' });
export const epochMs = z.number().int().nonnegative();
