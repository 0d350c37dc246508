// Usage as Graph reports it (reference §1.6, §4.5 items 6–7): percentages, never counts.
// - Business Use Case (BUC), per app–account pair: every call in a rolling window (24 h) counts against a
//   capacity of 4800 × impressions (or a configured capacity, so tests reach 50/80/95 % in a few calls). Each
//   call costs one unit of call_count and a share of total_cputime and total_time. At 100 % the account is
//   blocked with 80002 until enough calls age out (`estimated_time_to_regain_access`, minutes); calls made while
//   blocked still count, which lengthens the block, as Meta warns. Old calls leave the window, so usage decays.
// - Platform, per app (Business Discovery, Hashtag Search, calls with user or app tokens): a rolling hour with a
//   capacity of 200 × daily active users (or configured) → `X-App-Usage`; 100 % answers code 4. A hidden
//   per-account cap (configurable, off by default) answers code 17.
// The admin can also set usage directly (an offset added to what calls produce) or block an account.

export interface UsageOptions {
  /** BUC window, ms (24 h). */
  bucWindowMs?: number;
  /** Calls per BUC window; default 4800 × the account's impressions (at least 1 impression). */
  bucCapacity?: number;
  /** Share of a call's cost that counts as CPU time / total time (0.6 / 0.8). */
  cpuShare?: number;
  timeShare?: number;
  /** Platform window, ms (1 h). */
  appWindowMs?: number;
  /** Calls per platform window for the app; default 200 × daily active accounts (at least 1). */
  appCapacity?: number;
  /** Hidden per-account cap on platform calls per window (code 17); unlimited by default. */
  platformUserCapacity?: number;
  /** Send the usage headers only once this many calls were made for the bucket (the "unknown" state). */
  headerAfterCalls?: number;
}

export interface BucUsage {
  call_count: number;
  total_cputime: number;
  total_time: number;
  estimated_time_to_regain_access: number;
}

export interface AppUsage {
  call_count: number;
  total_cputime: number;
  total_time: number;
}

interface Override {
  call_count: number;
  total_cputime: number;
  total_time: number;
}

// The epsilon keeps fractional shares exact (3 calls × 0.6 is 1.7999… in floating point, and must count as 1.8).
const pct = (units: number, capacity: number) => Math.min(100, Math.floor((units * 100) / capacity + 1e-9));

export class UsageMeter {
  private readonly buc = new Map<string, number[]>();
  private readonly overrides = new Map<string, Override>();
  /** Accounts blocked until a given instant (admin, or an injected 80002 with a regain time). */
  private readonly blocks = new Map<string, number>();
  private readonly app: { time: number; accountId?: string }[] = [];
  private readonly active = new Map<string, number>();

  constructor(private readonly options: UsageOptions = {}) {}

  private get bucWindow() {
    return this.options.bucWindowMs ?? 24 * 3_600_000;
  }

  private get appWindow() {
    return this.options.appWindowMs ?? 3_600_000;
  }

  /** Admin: every account's BUC capacity in calls per window from now on; undefined: 4800 × impressions again. */
  setBucCapacity(capacity: number | undefined): void {
    if (capacity === undefined) delete this.options.bucCapacity;
    else this.options.bucCapacity = capacity;
  }

  bucCapacity(impressions: number): number {
    return this.options.bucCapacity ?? 4800 * Math.max(1, impressions);
  }

  private calls(accountId: string, now: number): number[] {
    const list = (this.buc.get(accountId) ?? []).filter((t) => t > now - this.bucWindow);
    this.buc.set(accountId, list);
    return list;
  }

  /** Usage of an account without charging a call. */
  bucUsage(accountId: string, impressions: number, now: number): BucUsage {
    const calls = this.calls(accountId, now);
    const capacity = this.bucCapacity(impressions);
    const over = this.overrides.get(accountId);
    const blockedUntil = this.blocks.get(accountId);
    const blockedNow = blockedUntil !== undefined && blockedUntil > now;
    const call_count = blockedNow ? 100 : Math.min(100, pct(calls.length, capacity) + (over?.call_count ?? 0));
    const total_cputime = Math.min(
      100,
      pct(calls.length * (this.options.cpuShare ?? 0.6), capacity) + (over?.total_cputime ?? 0),
    );
    const total_time = Math.min(
      100,
      pct(calls.length * (this.options.timeShare ?? 0.8), capacity) + (over?.total_time ?? 0),
    );
    let regainMs = 0;
    if (blockedNow && blockedUntil !== undefined) regainMs = blockedUntil - now;
    else if (calls.length >= capacity) {
      // Blocked until enough calls leave the window to bring the count under capacity.
      const leaving = calls[calls.length - capacity];
      if (leaving !== undefined) regainMs = leaving + this.bucWindow - now;
    } else if (Math.max(call_count, total_cputime, total_time) >= 100) regainMs = this.bucWindow;
    return { call_count, total_cputime, total_time, estimated_time_to_regain_access: Math.ceil(regainMs / 60_000) };
  }

  /** Counts one call for the account; answers the usage after it and whether the account is blocked. */
  chargeBuc(accountId: string, impressions: number, now: number): { usage: BucUsage; blocked: boolean; calls: number } {
    const before = this.bucUsage(accountId, impressions, now);
    const blocked = before.estimated_time_to_regain_access > 0;
    this.calls(accountId, now).push(now);
    this.active.set(accountId, now);
    const usage = this.bucUsage(accountId, impressions, now);
    return { usage, blocked, calls: this.buc.get(accountId)?.length ?? 0 };
  }

  /** Counts one platform call for the app (and the account it was made for, if any). */
  chargeApp(now: number, accountId?: string): { usage: AppUsage; refusal?: 4 | 17; calls: number } {
    while (this.app.length > 0 && (this.app[0]?.time ?? now) <= now - this.appWindow) this.app.shift();
    if (accountId) this.active.set(accountId, now);
    const capacity = this.appCapacity(now);
    const appCalls = this.app.length;
    const userCalls = accountId ? this.app.filter((c) => c.accountId === accountId).length : 0;
    let refusal: 4 | 17 | undefined;
    if (appCalls >= capacity) refusal = 4;
    else if (this.options.platformUserCapacity !== undefined && userCalls >= this.options.platformUserCapacity)
      refusal = 17;
    this.app.push({ time: now, ...(accountId ? { accountId } : {}) });
    const n = this.app.length;
    const usage = {
      call_count: pct(n, capacity),
      total_cputime: pct(n * (this.options.cpuShare ?? 0.6), capacity),
      total_time: pct(n * (this.options.timeShare ?? 0.8), capacity),
    };
    return { usage, ...(refusal ? { refusal } : {}), calls: n };
  }

  private appCapacity(now: number): number {
    if (this.options.appCapacity !== undefined) return this.options.appCapacity;
    let dau = 0;
    for (const last of this.active.values()) if (last > now - 24 * 3_600_000) dau += 1;
    return 200 * Math.max(1, dau);
  }

  headerDue(calls: number): boolean {
    return calls > (this.options.headerAfterCalls ?? 0);
  }

  /** Admin: add fixed percentages to an account's usage; `regainMinutes` blocks it until then. */
  setBuc(accountId: string, usage: Partial<Override> & { regainMinutes?: number }, now: number): void {
    this.overrides.set(accountId, {
      call_count: usage.call_count ?? 0,
      total_cputime: usage.total_cputime ?? 0,
      total_time: usage.total_time ?? 0,
    });
    if (usage.regainMinutes) this.block(accountId, now + usage.regainMinutes * 60_000);
  }

  /** Refuses the account's calls with 80002 until `untilMs` (emulator clock). */
  block(accountId: string, untilMs: number): void {
    this.blocks.set(accountId, untilMs);
  }

  reset(accountId?: string): void {
    if (accountId === undefined) {
      this.buc.clear();
      this.overrides.clear();
      this.blocks.clear();
      this.app.length = 0;
    } else {
      this.buc.delete(accountId);
      this.overrides.delete(accountId);
      this.blocks.delete(accountId);
    }
  }
}
