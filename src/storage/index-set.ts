// Index values: a stored list of member ids under one key (feeds of a guild, Discord users of an Instagram
// account, …). keyv has no transactions, so every change is a read-modify-write serialised per index key by the
// process's KeyedMutex. Readers treat an index as a hint: callers check each member's record, so an entry left
// behind by a crash (record gone or moved) is skipped, never shown.
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
    await this.mutex.run(`index:${key}`, async () => {
      const current = await this.load(key);
      const set = new Set(current);
      const before = set.size;
      for (const m of members) set.add(m);
      if (set.size !== before) await this.backend.set(key, { version: 1, members: [...set] });
    });
  }

  /** Removes members; deletes the index when it becomes empty. Returns how many members remain. */
  async remove(key: string, members: readonly string[]): Promise<number> {
    return this.mutex.run(`index:${key}`, async () => {
      const current = await this.load(key);
      const drop = new Set(members);
      const kept = current.filter((m) => !drop.has(m));
      if (kept.length === current.length) return kept.length;
      if (kept.length === 0) await this.backend.delete(key);
      else await this.backend.set(key, { version: 1, members: kept });
      return kept.length;
    });
  }

  private async load(key: string): Promise<string[]> {
    try {
      return this.reader.readStrict(indexType, key, await this.backend.get(key))?.members ?? [];
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new StorageCorruptError(key, `the index ${key} does not parse, so it was not rewritten: ${error.message}`);
      }
      throw error;
    }
  }
}
