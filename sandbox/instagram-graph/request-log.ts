// The record of calls a client made, for tests and people: method, which real host the call stood for, path
// without query, the route, status, Graph error code and the fault applied. A token appears only as `tokenId`
// (a hash prefix) and never enters the log, nor does any query string (Graph's `next` links carry tokens).

export type HostName = 'instagram-www' | 'instagram-api' | 'instagram-graph' | 'facebook-www' | 'facebook-graph';

export interface RequestLogEntry {
  seq: number;
  /** Emulator-clock ms at arrival. */
  time: number;
  method: string;
  host: HostName;
  /** Path on the emulator, without the query. */
  path: string;
  /** e.g. "GET /{ig-user}/media"; "UNKNOWN" for paths no route matched. */
  route: string;
  status: number;
  tokenId?: string;
  /** The Instagram account the call was charged to, when any. */
  accountId?: string;
  errorCode?: number;
  fault?: string;
  /** The highest percentage the answer's usage header reported (BUC or app), when it carried one. */
  usagePercent?: number;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    // Bounded, so a long-running sandbox does not grow without end.
    if (this.entries.length > 10_000) this.entries.splice(0, this.entries.length - 10_000);
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
