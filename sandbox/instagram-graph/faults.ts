// Fault injection: rules that make matching requests fail with any Graph error code (the envelope of
// graph-error.ts, with an optional BUC regain time for 80002), answer a 5xx, come back malformed, lose their
// connection, or wait. (A webhook delivery fails when the receiver says so: it is the receiver's answer that
// drives redelivery.) A rule matches on method (optional) and a
// regular expression over the emulator path without query; it applies `times` times, or until cleared.
import { z } from 'zod';

export const FAULT_KINDS = ['error', 'status', 'malformed', 'reset', 'latency'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z.object({
  method: z.enum(['GET', 'POST', 'DELETE']).optional(),
  path: z.string().min(1).refine(isRegex, { message: 'path must be a valid regular expression source' }),
  kind: z.enum(FAULT_KINDS),
  /** kind 'error': the Graph error code (4, 17, 32, 613, 80002, 190, 100, 10, 200, …). */
  code: z.number().int().optional(),
  subcode: z.number().int().optional(),
  message: z.string().optional(),
  /** kind 'error' and 'status': the HTTP status (400 for errors, 500 for 'status' by default). */
  status: z.number().int().min(100).max(599).optional(),
  /** kind 'error' with code 80002: `estimated_time_to_regain_access` in the usage header, in minutes. */
  regainMinutes: z.number().int().min(0).optional(),
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
    const checked = faultSpecSchema.parse(spec);
    this.counter += 1;
    const id = `fault-${this.counter}`;
    this.faults.push({ id, spec: checked, pattern: new RegExp(checked.path), remaining: checked.times ?? Infinity });
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
      (f) => kinds.includes(f.spec.kind) && (f.spec.method === undefined || f.spec.method === method) && f.pattern.test(path),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault.spec;
  }
}
