// `npm run bench` runs every benchmark and prints one summary table; `npm run bench -- <name> [...]` runs the named
// ones. Each benchmark is `bench/<name>.ts`, default-exporting a function that prints its own detail and returns
// the rows of the summary. Figures are printed, never asserted: the machines are shared and noisy.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchRow {
  bench: string;
  metric: string;
  value: string;
  goal?: string | undefined;
}
export type Bench = () => Promise<BenchRow[]>;

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !available.includes(a));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
const names = asked.length > 0 ? asked : available;

const rows: BenchRow[] = [];
for (const name of names) {
  console.log(`\n=== bench ${name}`);
  const module = (await import(join(here, `${name}.ts`))) as { default: Bench };
  rows.push(...(await module.default()));
}

const header: BenchRow = { bench: 'bench', metric: 'metric', value: 'value', goal: 'goal' };
const all = [header, ...rows];
const width = (k: keyof BenchRow) => Math.max(...all.map((r) => (r[k] ?? '').length));
const line = (r: BenchRow) =>
  [
    r.bench.padEnd(width('bench')),
    r.metric.padEnd(width('metric')),
    r.value.padStart(width('value')),
    r.goal ?? '',
  ].join('  ');
console.log('\n=== summary');
console.log(line(header));
for (const r of rows) console.log(line(r));
process.exit(0);
