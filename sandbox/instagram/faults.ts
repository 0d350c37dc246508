// Fault injection: rules that make matching requests slow, fail, come back malformed, lose their connection or
// be rate limited, and that drop subscription notifications. A rule matches on method (optional) and a regular
// expression over the path without query; it applies `times` times, or until cleared (../shared/fault-rules.ts).
import { z } from 'zod';
import { FaultRules, faultRuleFields } from '../shared/fault-rules.js';

export const FAULT_KINDS = ['latency', 'status', 'malformed', 'reset', 'ratelimit', 'drop-notification'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z.object({ ...faultRuleFields, kind: z.enum(FAULT_KINDS) });

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export class Faults extends FaultRules<FaultSpec> {}
