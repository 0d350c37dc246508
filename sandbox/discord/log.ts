// What the Discord fake saw: every REST request (method, path, body, status) and every gateway frame in both
// directions, in order, so tests can assert on exactly what the bot sent. Unknown routes are also reported
// through the `warn` sink at once, because a missing route usually means the bot calls something the fake (or
// the bot) gets wrong, and that should be loud rather than a quiet 404 in a list.
import type { GatewayLogEntry, InteractionDeliveryEntry, LogEntry, RestLogEntry } from './log-entries.js';

export type { GatewayLogEntry, InteractionDeliveryEntry, LogEntry, RestLogEntry } from './log-entries.js';

/** The subset of a pino logger the fake uses, so a caller can pass igcord's logger without the fake importing it. */
export interface WarnSink {
  warn(object: Record<string, unknown>, message: string): void;
}

export const stderrSink: WarnSink = {
  warn(object, message) {
    process.stderr.write(`[discord-fake] ${message} ${JSON.stringify(object)}\n`);
  },
};

export class FakeLog {
  private readonly entries: LogEntry[] = [];
  constructor(
    readonly sink: WarnSink,
    private readonly maxEntries = 50_000,
  ) {}

  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries);
    if (entry.kind === 'rest' && entry.unknownRoute) {
      this.sink.warn(
        { method: entry.method, path: entry.path },
        'the Discord fake has no route for this request; answered 404 (add the route or fix the caller)',
      );
    }
  }

  all(): LogEntry[] {
    return [...this.entries];
  }

  rest(): RestLogEntry[] {
    return this.entries.filter((e): e is RestLogEntry => e.kind === 'rest');
  }

  gateway(): GatewayLogEntry[] {
    return this.entries.filter((e): e is GatewayLogEntry => e.kind === 'gateway');
  }

  /** Interactions POSTed to the Interactions Endpoint URL and how each was answered. */
  deliveries(): InteractionDeliveryEntry[] {
    return this.entries.filter((e): e is InteractionDeliveryEntry => e.kind === 'interaction');
  }

  clear(): void {
    this.entries.length = 0;
  }
}
