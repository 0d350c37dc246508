// Fault injection: rules that make matching requests slow, fail, come back malformed, lose their connection or
// be rate limited, and that drop subscription notifications. A rule matches on method (optional) and a regular
// expression over the path without query; it applies `times` times, or until cleared.
import { z } from 'zod';

export const FAULT_KINDS = ['latency', 'status', 'malformed', 'reset', 'ratelimit', 'drop-notification'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z.object({
  method: z.enum(['GET', 'POST', 'DELETE']).optional(),
  path: z.string().min(1).refine(isRegex, { message: 'path must be a valid regular expression source' }),
  kind: z.enum(FAULT_KINDS),
  status: z.number().int().min(100).max(599).optional(),
  ms: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).optional(),
});

export type FaultSpec = z.infer<typeof faultSpecSchema>;

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  pattern: RegExp;
  remaining: number;
}

export class Faults {
  private faults: ActiveFault[] = [];
  private counter = 0;

  inject(spec: FaultSpec): { id: string } {
    this.counter += 1;
    const id = `fault-${this.counter}`;
    this.faults.push({ id, spec, pattern: new RegExp(spec.path), remaining: spec.times ?? Infinity });
    return { id };
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first rule of one of `kinds` matching the request, consuming one of its uses. */
  take(method: string, path: string, kinds: readonly FaultKind[]): FaultSpec | undefined {
    const fault = this.faults.find(
      (f) =>
        kinds.includes(f.spec.kind) &&
        (f.spec.method === undefined || f.spec.method === method) &&
        f.pattern.test(path),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault.spec;
  }
}
