// Injected failures for the Discord fake: a rule matches requests by method and path and answers them with an
// error status (429 with Discord's `Retry-After` header and JSON body, 5xx) and/or a delay, a given number of
// times. @discordjs/rest waits on the Retry-After *header* (a 429 with only the JSON field is retried at once,
// in a loop), so the header is always sent.
export interface FaultRule {
  method?: string;
  /** A string matches the path after `/api/v10` exactly (query excluded); a RegExp is tested against it. */
  path: string | RegExp;
  /** Status to answer with. Omitted with `delayMs`: the request is only delayed, then handled normally. */
  status?: number;
  /** For 429: seconds in the header and `retry_after`; fractions are allowed to keep tests fast. Default 1. */
  retryAfterSeconds?: number;
  /** For 429: `global: true` and `X-RateLimit-Global`. */
  global?: boolean;
  /** How many requests the rule answers; default 1, `Infinity` until clearFaults(). */
  times?: number;
  /** Milliseconds to hold the request before answering (simulates a slow or hanging Discord). */
  delayMs?: number;
  /**
   * Holds the request (after `delayMs`) until this settles, then handles it: a request stuck in Discord for as
   * long as a test wants (a client paused mid-request), released by the test at the moment it chooses.
   */
  until?: Promise<unknown>;
  /** Body to answer with instead of the standard one (e.g. a malformed payload as a string). */
  body?: unknown;
}

export interface FaultAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface ActiveFault {
  rule: FaultRule;
  remaining: number;
  hits: number;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];

  inject(rule: FaultRule): { hits(): number } {
    const fault: ActiveFault = { rule, remaining: rule.times ?? 1, hits: 0 };
    this.faults.push(fault);
    return { hits: () => fault.hits };
  }

  clear(): void {
    this.faults = [];
  }

  /** The first live rule matching the request, consumed by one use. */
  take(method: string, path: string): FaultRule | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.rule.method === undefined || f.rule.method.toUpperCase() === method) &&
        (typeof f.rule.path === 'string' ? f.rule.path === path : f.rule.path.test(path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault.rule;
  }
}

export function faultAnswer(rule: FaultRule & { status: number }): FaultAnswer {
  if (rule.status === 429) {
    const retryAfter = rule.retryAfterSeconds ?? 1;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-scope': rule.global ? 'global' : 'user',
    };
    if (rule.global) headers['x-ratelimit-global'] = 'true';
    return {
      status: 429,
      headers,
      body: rule.body ?? {
        message: 'You are being rate limited.',
        retry_after: retryAfter,
        global: rule.global ?? false,
      },
    };
  }
  return {
    status: rule.status,
    headers: {},
    body: rule.body ?? { message: `${rule.status}: injected fault`, code: 0 },
  };
}
