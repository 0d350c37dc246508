// Post → Discord message latency of feed delivery, end to end, on both providers: v1 with notifications
// (_delivery-v1.ts: 50 posts/s over 100 accounts with 3 feeds each, and in the same run the same over another 100
// whose feeds all carry a template and filters, to compare their p99), then Graph, which polls (_delivery-graph.ts:
// 10, 100 and 1,000 followed accounts at the poll interval the budget allows). BENCH_PROVIDER=v1 or graph runs one.
// When run on its own it also prints the listener-vs-bare-node:http ratio (delivery-listener).
import type { BenchRow } from './index.js';

export default async function delivery(): Promise<BenchRow[]> {
  const provider = process.env.BENCH_PROVIDER;
  const rows: BenchRow[] = [];
  if (provider !== 'graph') {
    rows.push(...(await (await import('./_delivery-v1.js')).default()));
    const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    // The listener ratio lives in delivery-listener.ts; run it here only when it was not asked for itself.
    if (asked.length > 0 && !asked.includes('delivery-listener')) {
      console.log('\n--- webhook listener vs bare node:http (delivery-listener)');
      rows.push(...(await (await import('./delivery-listener.js')).default()));
    }
  }
  if (provider !== 'v1') {
    console.log('\n--- on the Graph provider (polling; _delivery-graph.ts)');
    rows.push(...(await (await import('./_delivery-graph.js')).default()));
  }
  return rows;
}
