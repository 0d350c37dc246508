// Fault injection: rules that make matching requests fail with any Graph error code (the envelope of
// graph-error.ts, with an optional BUC regain time for 80002), answer a 5xx, come back malformed, lose their
// connection, or wait. One kind acts on the emulator's outgoing webhook deliveries instead: `drop` loses a
// delivery on its way (Meta's delivery is best effort: it retries for 36 h, then the event is gone), matched on the
// callback URL's path; otherwise a delivery fails when the receiver says so (its answer drives redelivery). A rule
// matches on method (optional) and a regular expression over the path without query; it applies `times` times, or
// until cleared (../shared/fault-rules.ts).
import { z } from 'zod';
import { FaultRules, faultRuleFields } from '../shared/fault-rules.js';

export const FAULT_KINDS = ['error', 'status', 'malformed', 'reset', 'latency', 'drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/** The kinds that act on requests to the emulator; `drop` acts on its webhook deliveries. */
export const REQUEST_FAULT_KINDS: readonly FaultKind[] = ['latency', 'error', 'status', 'reset', 'malformed'];

export const faultSpecSchema = z.object({
  // `status`, for kinds 'error' and 'status': the HTTP status (400 for errors, 500 for 'status' by default).
  ...faultRuleFields,
  kind: z.enum(FAULT_KINDS),
  /** kind 'error': the Graph error code (4, 17, 32, 613, 80002, 190, 100, 10, 200, …). */
  code: z.number().int().optional(),
  subcode: z.number().int().optional(),
  message: z.string().optional(),
  /** kind 'error' with code 80002: `estimated_time_to_regain_access` in the usage header, in minutes. */
  regainMinutes: z.number().int().min(0).optional(),
});

export type FaultSpec = z.infer<typeof faultSpecSchema>;

/** Rules given in process are checked too: the Graph admin takes them from tests as well as over HTTP. */
export class Faults extends FaultRules<FaultSpec> {
  constructor() {
    super((spec) => faultSpecSchema.parse(spec));
  }
}
