// Reading stored values back: every value is checked by its zod schema (through `validate`) after older shapes
// are migrated to the current version. A value that does not parse is reported (warn log with its key and the
// problems, never its content, which may hold ciphertexts; logged as `storageKey`, since `key` is a redacted
// field of src/log.ts) and skipped, so one bad record never fails a command.
import type { z } from 'zod';
import type { Logger } from '../log.js';
import { validate, ValidationError } from '../util/validate.js';

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
}

export function createRecordReader(log: Logger, onCorrupt?: (key: string) => void): RecordReader {
  const strict = <S extends z.ZodType>(type: RecordType<S>, key: string, raw: unknown): z.output<S> | undefined => {
    if (raw === undefined || raw === null) return undefined;
    return validate(type.schema, migrate(type, raw), `stored ${type.name} ${key}`);
  };
  return {
    readStrict: strict,
    read(type, key, raw) {
      try {
        return strict(type, key, raw);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        onCorrupt?.(key);
        log.warn(
          { storageKey: key, record: type.name, problems: error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) },
          `skipped a stored ${type.name} that does not parse; repair or delete key ${key}`,
        );
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
