// What the engine keeps in memory about digests (docs/decisions/0031): which feeds have posts gathered, and when
// each one's next digest is due, so a tick can run the source of every feed whose digest came due. Storage is the
// truth: this is loaded from its index at start (a digest that came due while igcord was down is posted at once),
// and each run that gathers or posts tells it what is left.
import type { Logger } from '../log.js';
import {
  serverTimeZones,
  sourceKey,
  type Feed,
  type FeedSource,
  type SourceKey,
  type Storage,
  type TimeZoneOf,
} from '../storage/index.js';

/** What a run needs for digests: this process's digest times and the servers' time zones. */
export function digestDeps(storage: Storage): { digestTimes: DigestTimes; timeZoneOf: TimeZoneOf } {
  return { digestTimes: new DigestTimes(), timeZoneOf: serverTimeZones(storage) };
}

export class DigestTimes {
  /** Feeds with posts gathered, and when their earliest digest is due; absent once it was handed to a run. */
  private readonly due = new Map<string, { dueAt: number; source: FeedSource }>();
  /** Feeds with posts gathered (their runs look for due digests even if the feed left digest mode). */
  private readonly open = new Set<string>();
  private ticker: NodeJS.Timeout | undefined;

  /**
   * Loads the feeds with posts gathered, then every `everyMs` (and once now: digests that came due while igcord
   * was down) hands `run` the source of each feed whose digest is due.
   */
  async start(
    deps: { storage: Storage; log: Logger; now: () => number; everyMs: number },
    run: (source: FeedSource) => void,
  ): Promise<void> {
    await this.load(deps.storage, deps.log);
    const tick = () => {
      for (const source of this.takeDue(deps.now())) run(source);
    };
    tick();
    this.ticker = setInterval(tick, deps.everyMs);
  }

  stop(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /**
   * A feed's earliest digest is due at `dueAt` (or it has nothing gathered: undefined). A gather only ever brings
   * it sooner; `exact` (a run that read the feed's digests) sets it as read.
   */
  note(feed: Pick<Feed, 'id' | 'source'>, dueAt: number | undefined, exact = false): void {
    if (dueAt === undefined) {
      this.due.delete(feed.id);
      this.open.delete(feed.id);
      return;
    }
    this.open.add(feed.id);
    const known = this.due.get(feed.id);
    if (exact || known === undefined || dueAt < known.dueAt) this.due.set(feed.id, { dueAt, source: feed.source });
  }

  /** Whether a run of the feed must look for due digests. */
  has(feed: Feed): boolean {
    return feed.digest !== undefined || this.open.has(feed.id);
  }

  /** The sources of the feeds whose digest is due by `now`, each handed out once (its run notes what is left). */
  takeDue(now: number): FeedSource[] {
    const sources: FeedSource[] = [];
    for (const [feedId, { dueAt, source }] of this.due) {
      if (dueAt > now) continue;
      this.due.delete(feedId);
      sources.push(source);
    }
    return sources;
  }

  /** When the earliest digest of a feed of source `sk` is due, if one is gathered (a worker's job timing). */
  earliestFor(sk: SourceKey): number | undefined {
    let earliest: number | undefined;
    for (const { dueAt, source } of this.due.values())
      if (sourceKey(source) === sk && (earliest === undefined || dueAt < earliest)) earliest = dueAt;
    return earliest;
  }

  /** Reads every feed with posts gathered from storage; a removed feed's gathered posts are forgotten. */
  async load(storage: Storage, log: Logger): Promise<number> {
    let count = 0;
    for (const feedId of await storage.digests.feeds()) {
      const feed = await storage.feeds.get(feedId);
      if (feed === undefined) {
        await storage.digests.forget(feedId);
        continue;
      }
      const { entries } = await storage.digests.read(feedId);
      if (entries.length === 0) continue;
      this.note(feed, Math.min(...entries.map((e) => e.dueAt)));
      count += 1;
    }
    if (count > 0) log.info({ feeds: count }, 'feeds with posts waiting for their digest');
    return count;
  }
}
