// Index values: a stored list of member ids under one key (feeds of a guild, Discord users of an Instagram
// account, …). keyv has no transactions, so every change is a compare-and-swap loop (`backend.update`): a change
// lands only over the exact list it was computed from, so two processes on one storage cannot lose each other's
// members (docs/decisions/0018). The process's KeyedMutex still queues this process's own changes of one index:
// not for correctness, but so that many local writers wait their turn instead of spending their bounded swap
// retries on each other; only other processes' writers are left to retry against. Readers treat an index as a
// hint: callers check each member's record, so an entry left behind by a crash (record gone or moved) is
// skipped, never shown.
import { z } from 'zod';
import type { KvBackend } from './backend.js';
import { StorageCorruptError } from './errors.js';
import type { KeyedMutex } from './keyed-mutex.js';
import { ValidationError } from '../util/validate.js';
import type { RecordReader, RecordType } from './record-reader.js';

const indexType: RecordType<z.ZodObject<{ version: z.ZodLiteral<1>; members: z.ZodArray<z.ZodString> }>> = {
  name: 'index',
  currentVersion: 1,
  schema: z.object({ version: z.literal(1), members: z.array(z.string()) }),
};

export class IndexSets {
  constructor(
    private readonly backend: KvBackend,
    private readonly mutex: KeyedMutex,
    private readonly reader: RecordReader,
  ) {}

  /** Members in insertion order; a corrupt index is reported and read as empty. */
  async members(key: string): Promise<string[]> {
    return this.reader.read(indexType, key, await this.backend.get(key))?.members ?? [];
  }

  /** Adds members (idempotent). Throws StorageCorruptError rather than overwrite an index that does not parse. */
  async add(key: string, members: readonly string[]): Promise<void> {
    await this.mutex.run(`index:${key}`, () =>
      this.backend.update(key, (stored) => {
        const current = this.parse(key, stored);
        const set = new Set(current);
        const before = set.size;
        for (const m of members) set.add(m);
        return set.size === before ? stored : { version: 1, members: [...set] };
      }),
    );
  }

  /** Removes members; deletes the index when it becomes empty. Returns how many members remain. */
  async remove(key: string, members: readonly string[]): Promise<number> {
    return this.mutex.run(`index:${key}`, async () => {
      let remaining = 0;
      await this.backend.update(key, (stored) => {
        const current = this.parse(key, stored);
        const drop = new Set(members);
        const kept = current.filter((m) => !drop.has(m));
        remaining = kept.length;
        if (kept.length === current.length) return stored;
        return kept.length === 0 ? undefined : { version: 1, members: kept };
      });
      return remaining;
    });
  }

  /** The members of an index about to be rewritten; one that does not parse is never overwritten. */
  private parse(key: string, stored: unknown): string[] {
    try {
      return this.reader.readStrict(indexType, key, stored)?.members ?? [];
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new StorageCorruptError(
          key,
          `the index ${key} does not parse, so it was not rewritten: ${error.message}`,
        );
      }
      throw error;
    }
  }
}
