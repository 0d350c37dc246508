// The usage the Graph API reports with its answers (reference §1.6): `X-Business-Use-Case-Usage` per account
// (Instagram BUC: call_count, total_cputime, total_time as percentages, estimated_time_to_regain_access in
// minutes) and `X-App-Usage` for the app (Platform limits: Business Discovery, hashtags, Page calls). Every
// answer of the client carries one `UsageReport`, so the limiter can learn from the server's figures. A header
// the server did not send is `undefined` — "unknown", never "0 %" ([M-RL]: headers appear only once enough calls
// were made). Figures are percentages; nothing here derives call counts from them.
import { z } from 'zod';
import type { UsageFeedback } from '../../core/index.js';

/** One account's Business Use Case usage, as a percentage of its rolling budget. */
export interface BucUsage {
  /** The business or Instagram account id the entry is keyed by. */
  accountId: string;
  /** `instagram` for the Instagram BUC. */
  type: string;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  /** Minutes until calls are accepted again; 0 means "not blocked now", not "safe" (reference §1.6). */
  regainMinutes: number;
}

/** The app's Platform usage, as percentages. */
export interface AppUsage {
  callCount: number;
  totalCputime: number;
  totalTime: number;
}

export interface UsageReport {
  /** Entries of `X-Business-Use-Case-Usage`; undefined when the header was absent or unreadable. */
  buc: BucUsage[] | undefined;
  /** `X-App-Usage`; undefined when absent or unreadable. */
  app: AppUsage | undefined;
}

export const NO_USAGE: UsageReport = Object.freeze({ buc: undefined, app: undefined });

const pct = z.coerce.number().nonnegative();

const bucEntrySchema = z.object({
  type: z.string().default('instagram'),
  call_count: pct.default(0),
  total_cputime: pct.default(0),
  total_time: pct.default(0),
  estimated_time_to_regain_access: pct.default(0),
});
const bucHeaderSchema = z.record(z.string(), z.array(bucEntrySchema));
const appHeaderSchema = z.object({
  call_count: pct.default(0),
  total_cputime: pct.default(0),
  total_time: pct.default(0),
});

/** The JSON of a header checked against `schema`; undefined when absent or not that shape (usage is advisory). */
function headerJson<S extends z.ZodType>(headers: Headers, name: string, schema: S): z.output<S> | undefined {
  const raw = headers.get(name);
  if (raw === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function readUsage(headers: Headers): UsageReport {
  const buc = headerJson(headers, 'x-business-use-case-usage', bucHeaderSchema);
  const app = headerJson(headers, 'x-app-usage', appHeaderSchema);
  return {
    buc:
      buc === undefined
        ? undefined
        : Object.entries(buc).flatMap(([accountId, entries]) =>
            entries.map((e) => ({
              accountId,
              type: e.type,
              callCount: e.call_count,
              totalCputime: e.total_cputime,
              totalTime: e.total_time,
              regainMinutes: e.estimated_time_to_regain_access,
            })),
          ),
    app:
      app === undefined
        ? undefined
        : { callCount: app.call_count, totalCputime: app.total_cputime, totalTime: app.total_time },
  };
}

/** The longest regain time any BUC entry reports, in minutes (0 when none is blocked or none was reported). */
export function regainMinutes(usage: UsageReport | undefined, accountId?: string): number {
  const entries = (usage?.buc ?? []).filter((e) => accountId === undefined || e.accountId === accountId);
  return Math.max(0, ...entries.map((e) => e.regainMinutes));
}

/**
 * The limiter's view of a report for the call's budget key: the highest of call_count, total_cputime and
 * total_time of the key's BUC entry (of `X-App-Usage` for the key `app`), and when a blocked bucket regains access.
 * undefined when the server reported nothing for that budget: unknown, never 0 %.
 */
export function usageFeedback(usage: UsageReport, key: string, now: number): UsageFeedback | undefined {
  if (key === 'app') {
    const app = usage.app;
    return app === undefined ? undefined : { percent: Math.max(app.callCount, app.totalCputime, app.totalTime) };
  }
  const entries = (usage.buc ?? []).filter((e) => e.accountId === key);
  if (entries.length === 0) return undefined;
  const percent = Math.max(...entries.map((e) => Math.max(e.callCount, e.totalCputime, e.totalTime)));
  const minutes = regainMinutes(usage, key);
  return minutes > 0 ? { percent, regainAt: now + minutes * 60_000 } : { percent };
}
