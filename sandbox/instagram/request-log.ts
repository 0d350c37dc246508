// The emulator's record of API calls, for tests and people to see what a client actually did. Entries name a
// token only by a hash prefix (tokenId) — a token never enters the log.
import type { WriteBucket } from './limits.js';

export interface RequestLogEntry {
  seq: number;
  /** ms epoch at arrival */
  time: number;
  method: string;
  /** without the query */
  path: string;
  /** e.g. "GET /users/{id}/media/recent"; "UNKNOWN" for paths that matched no route */
  route: string;
  tokenUserId?: string;
  tokenId?: string;
  clientId?: string;
  status: number;
  errorType?: string;
  writeBucket?: WriteBucket;
  counted: boolean;
  fault?: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    this.seq += 1;
    const full = { seq: this.seq, ...entry };
    this.entries.push(full);
    // Bounded, so a long-running sandbox does not grow without end.
    if (this.entries.length > 10_000) this.entries.splice(0, this.entries.length - 10_000);
    return full;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
