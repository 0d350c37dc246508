// The rule book of fault injection that both Instagram emulators keep: a rule matches a request on its method
// (optional) and a regular expression over the emulator path without query, and applies `times` times or until
// removed. Each emulator names its own fault kinds and their fields (faults.ts), on the common fields here.
import { z } from 'zod';

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The fields every fault rule has, whatever its kind. */
export const faultRuleFields = {
  method: z.enum(['GET', 'POST', 'DELETE']).optional(),
  path: z.string().min(1).refine(isRegex, { message: 'path must be a valid regular expression source' }),
  status: z.number().int().min(100).max(599).optional(),
  ms: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).optional(),
};

interface RuleSpec {
  kind: string;
  method?: string | undefined;
  path: string;
  times?: number | undefined;
}

interface ActiveRule<S> {
  id: string;
  spec: S;
  pattern: RegExp;
  remaining: number;
}

export class FaultRules<S extends RuleSpec> {
  private rules: ActiveRule<S>[] = [];
  private counter = 0;

  /** `check` validates a rule given in process (the HTTP admin has parsed it already); by default it is taken as is. */
  constructor(private readonly check: (spec: S) => S = (spec) => spec) {}

  inject(spec: S): { id: string } {
    const checked = this.check(spec);
    this.counter += 1;
    const id = `fault-${this.counter}`;
    this.rules.push({ id, spec: checked, pattern: new RegExp(checked.path), remaining: checked.times ?? Infinity });
    return { id };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((f) => f.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule of one of `kinds` matching the request, consuming one of its uses. */
  take(method: string, path: string, kinds: readonly S['kind'][]): S | undefined {
    const rule = this.rules.find(
      (f) =>
        kinds.includes(f.spec.kind) &&
        (f.spec.method === undefined || f.spec.method === method) &&
        f.pattern.test(path),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((f) => f !== rule);
    return rule.spec;
  }
}
