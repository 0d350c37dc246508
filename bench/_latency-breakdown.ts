// Where a polled post's latency goes (run by _delivery-graph.ts): each delivered post is matched with the engine's
// run that read it (the engine's `onRun` timings), and its post → message time is cut into the wait for its
// source's poll to be due, the timer's lag, the wait for a place among the concurrent runs (the queue on the
// event loop), the run's work before its read (fence, feeds, payer check, pending lists), the read itself
// (limiter and HTTP), and the hand-over and Discord post. Printed as p50 / p99 of each part, and the mean of each
// part over the slowest 1 % of posts, so the tail's cause shows. Also how late polls start against their schedule.
import type { RunTiming } from '../src/feeds/index.js';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const PARTS = ['schedule', 'timer lag', 'queue', 'before read', 'read', 'post'] as const;
type Part = (typeof PARTS)[number];

export interface DeliveredPost {
  postId: string;
  postedAt: number;
  messageAt: number;
}

/** Collects the engine's run timings and cuts delivered posts' latencies by them. */
export class LatencyBreakdown {
  private readonly byPost = new Map<string, RunTiming>();
  private readonly polls: RunTiming[] = [];
  private readonly runs: RunTiming[] = [];

  readonly onRun = (timing: RunTiming): void => {
    this.runs.push(timing);
    if (timing.read === undefined) return;
    this.polls.push(timing);
    for (const id of timing.read.postIds) this.byPost.set(id, timing);
  };

  /** Prints the breakdown of `posts` (those of the measured window) and how late polls read from `since` on. */
  print(posts: DeliveredPost[], since: number): void {
    const rows: Array<Record<Part, number> & { total: number }> = [];
    for (const post of posts) {
      const run = this.byPost.get(post.postId);
      if (run?.read === undefined) continue;
      const due = run.dueAt ?? run.queuedAt ?? run.startedAt;
      const queued = run.queuedAt ?? due;
      rows.push({
        schedule: due - post.postedAt,
        'timer lag': queued - due,
        queue: run.startedAt - queued,
        'before read': run.read.startedAt - run.startedAt,
        read: run.read.endedAt - run.read.startedAt,
        post: post.messageAt - run.read.endedAt,
        total: post.messageAt - post.postedAt,
      });
    }
    if (rows.length === 0) {
      console.log('  breakdown: no delivered post matched a timed run');
      return;
    }
    const tail = [...rows].sort((a, b) => b.total - a.total).slice(0, Math.max(1, Math.ceil(rows.length / 100)));
    const describe = (part: Part) => {
      const sorted = rows.map((r) => r[part]).sort((a, b) => a - b);
      const tailMean = tail.reduce((sum, r) => sum + r[part], 0) / tail.length;
      return `${part} p50 ${percentile(sorted, 50)} / p99 ${percentile(sorted, 99)} / slowest 1 % mean ${tailMean.toFixed(0)}`;
    };
    console.log(
      `  breakdown of ${rows.length} posts (ms; the parts add up to post → message):\n    ${PARTS.map(describe).join('\n    ')}`,
    );
    const late = this.polls
      .filter((p) => p.dueAt !== undefined && p.dueAt >= since)
      .map((p) => p.read!.startedAt - p.dueAt!)
      .sort((a, b) => a - b);
    console.log(
      `  polls from the measured window: ${late.length}; read started after due: p50 ${percentile(late, 50)} ms, p99 ${percentile(late, 99)} ms, max ${late.at(-1)} ms`,
    );
  }

  /**
   * How long the runs that started in [from, to) took, and how many ran a second: those whose read brought posts
   * and those whose read found nothing, cut into the work before the read, the read, and the work after it (the
   * hand-over, the posts and their records); runs that did not read are counted apart.
   */
  printRuns(from: number, to: number): void {
    const runs = this.runs.filter((r) => r.startedAt >= from && r.startedAt < to);
    const seconds = (to - from) / 1000;
    const describe = (label: string, group: RunTiming[]) => {
      if (group.length === 0) return `${label}: none`;
      const cut = (f: (r: RunTiming & { read: NonNullable<RunTiming['read']> }) => number) => {
        const sorted = group
          .map((r) => f(r as RunTiming & { read: NonNullable<RunTiming['read']> }))
          .sort((a, b) => a - b);
        return `p50 ${percentile(sorted, 50)} / p99 ${percentile(sorted, 99)}`;
      };
      return (
        `${label}: ${group.length} (${(group.length / seconds).toFixed(1)}/s); whole run ${cut((r) => r.endedAt - r.startedAt)}, ` +
        `before read ${cut((r) => r.read.startedAt - r.startedAt)}, read ${cut((r) => r.read.endedAt - r.read.startedAt)}, ` +
        `after read ${cut((r) => r.endedAt - r.read.endedAt)}`
      );
    };
    const unread = runs.filter((r) => r.read === undefined);
    const lengths = unread.map((r) => r.endedAt - r.startedAt).sort((a, b) => a - b);
    console.log(
      `  runs started in the measured window: ${runs.length} (${(runs.length / seconds).toFixed(1)}/s), in ms:\n    ` +
        `${describe(
          'reads bringing posts',
          runs.filter((r) => (r.read?.postIds.length ?? 0) > 0),
        )}\n    ` +
        `${describe(
          'reads finding nothing',
          runs.filter((r) => r.read !== undefined && r.read.postIds.length === 0),
        )}\n    ` +
        `runs without a read: ${unread.length}; whole run p50 ${percentile(lengths, 50)} / p99 ${percentile(lengths, 99)}`,
    );
  }
}
