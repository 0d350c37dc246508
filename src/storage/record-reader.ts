// Reading stored values back: every value is checked by its zod schema (through `validate`) after older shapes
// are migrated to the current version. A value that does not parse is reported (warn log with its key and the
// problems, never its content, which may hold ciphertexts; logged as `storageKey`, since `key` is a redacted
// field of src/log.ts) and skipped, so one bad record never fails a command. A value consumed by an atomic take
// is the exception: it is gone, so it cannot be skipped for a later repair, and is reported and thrown instead.
import type { z } from 'zod';
import type { Logger } from '../log.js';
import { validate, ValidationError } from '../util/validate.js';
import { StorageCorruptError } from './errors.js';

/** A stored shape: its current schema (with `version: z.literal(n)`) and how to lift each older version. */
export interface RecordType<S extends z.ZodType> {
  /** Human name used in reports, e.g. `feed`. */
  name: string;
  currentVersion: number;
  schema: S;
  /** `migrations[v]` turns a version-v value into a version-(v+1) value. */
  migrations?: Record<number, (old: Record<string, unknown>) => Record<string, unknown>>;
}

export interface RecordReader {
  /** The parsed record, or undefined when absent or unparseable (reported). */
  read<S extends z.ZodType>(type: RecordType<S>, key: string, raw: unknown): z.output<S> | undefined;
  /** Like read, but throws the ValidationError: for values about to be rewritten, where skipping would drop data. */
  readStrict<S extends z.ZodType>(type: RecordType<S>, key: string, raw: unknown): z.output<S> | undefined;
  /**
   * The record an atomic take (`take()`, the backend's) just consumed, or undefined when there was none. One that
   * does not parse, or did not come back as JSON, is reported like `read` reports, under `shownKey` (a key with
   * any secret part left out), and thrown as a StorageCorruptError: it was deleted, so skipping it would lose it
   * without a trace and honouring it is impossible.
   */
  readTaken<S extends z.ZodType>(
    type: RecordType<S>,
    shownKey: string,
    take: () => Promise<unknown>,
  ): Promise<z.output<S> | undefined>;
}

export function createRecordReader(log: Logger, onCorrupt?: (key: string) => void): RecordReader {
  const strict = <S extends z.ZodType>(type: RecordType<S>, key: string, raw: unknown): z.output<S> | undefined => {
    if (raw === undefined || raw === null) return undefined;
    return validate(type.schema, migrate(type, raw), `stored ${type.name} ${key}`);
  };
  const report = (type: RecordType<z.ZodType>, key: string, problems: string[], consumed: boolean) => {
    onCorrupt?.(key);
    log.warn(
      { storageKey: key, record: type.name, problems },
      consumed
        ? `a stored ${type.name} does not parse and was consumed by taking it; it cannot be used (key ${key})`
        : `skipped a stored ${type.name} that does not parse; repair or delete key ${key}`,
    );
  };
  const problemsOf = (error: ValidationError) =>
    error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return {
    readStrict: strict,
    async readTaken(type, shownKey, take) {
      let raw: unknown;
      try {
        raw = await take();
      } catch (error) {
        if (!(error instanceof StorageCorruptError)) throw error;
        report(type, shownKey, ['(root): not a JSON value'], true);
        throw new StorageCorruptError(
          shownKey,
          `a stored ${type.name} was not JSON; taking it consumed it (${shownKey})`,
        );
      }
      try {
        return strict(type, shownKey, raw);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        report(type, shownKey, problemsOf(error), true);
        throw new StorageCorruptError(
          shownKey,
          `a stored ${type.name} does not parse; taking it consumed it (${shownKey})`,
        );
      }
    },
    read(type, key, raw) {
      try {
        return strict(type, key, raw);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        report(type, key, problemsOf(error), false);
        return undefined;
      }
    },
  };
}

function migrate<S extends z.ZodType>(type: RecordType<S>, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let value = raw as Record<string, unknown>;
  let version = typeof value.version === 'number' ? value.version : undefined;
  while (version !== undefined && version < type.currentVersion) {
    const step = type.migrations?.[version];
    if (step === undefined) break;
    value = step(value);
    version = typeof value.version === 'number' ? value.version : undefined;
  }
  return value;
}
