// Feed filter figures (src/core/feed-filters.ts), the decision the delivery engine makes before every post: the
// hostile pattern `(a+)+$` against a caption of 10,000 `a` and a `b` (catastrophic for a backtracking engine;
// linear on re2js), and a feed with the most rules it may have (every field, include and exclude) deciding an
// ordinary post — with its rules compiled once per drain, as the engine does, and compiled for every post. The
// first match in a process is timed apart, in fresh processes (bench/_filters-first-match.ts): cold, and after the
// warm-up the delivery engine runs when it starts, which is what a first delivery run after a start now costs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MAX_FILTER_RULES,
  compileFilters,
  filterVerdict,
  parseFilterRule,
  type FilterRule,
  type Post,
} from '../src/core/index.js';
import type { BenchRow } from './index.js';

const post = (caption: string): Post => ({
  id: '1_1',
  kind: 'image',
  items: [{ kind: 'image', url: 'https://example.test/a.jpg' }],
  caption,
  author: { id: '1', username: 'mila.garden' },
  permalink: 'https://www.instagram.com/p/B/',
  location: { id: '7', name: 'Harbour Pier' },
  tags: ['sunset', 'sea'],
  people: [],
  counts: {},
  time: 1,
});

function rule(mode: FilterRule['mode'], field: FilterRule['field'], value: string): FilterRule {
  const read = parseFilterRule({ mode, field, value }, 'tag');
  if ('refused' in read) throw new Error(JSON.stringify(read.refused));
  return read.rule;
}

/** Median and worst of `runs` timings of `fn`, in ms. */
function time(runs: number, fn: () => unknown): { median: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, max: times[runs - 1]! };
}

interface FirstMatch {
  importMs: number;
  warmUpMs: number;
  compileMs: number;
  firstMatchMs: number;
}

/** The first `(a+)+$` match of a fresh process, `cold` or after the engine's warm-up. */
function firstMatch(mode: 'cold' | 'warm'): FirstMatch {
  const script = join(dirname(fileURLToPath(import.meta.url)), '_filters-first-match.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, mode], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`first-match child (${mode}) failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as FirstMatch;
}

export default function bench(): Promise<BenchRow[]> {
  const coldProcess = firstMatch('cold');
  const warmProcess = firstMatch('warm');
  console.log(
    `fresh process, cold: loading the filter code ${coldProcess.importMs.toFixed(0)} ms, first compile ${coldProcess.compileMs.toFixed(3)} ms, first match ${coldProcess.firstMatchMs.toFixed(3)} ms`,
  );
  console.log(
    `fresh process, after the engine's warm-up (${warmProcess.warmUpMs.toFixed(0)} ms at start): first compile ${warmProcess.compileMs.toFixed(3)} ms, first match ${warmProcess.firstMatchMs.toFixed(3)} ms`,
  );
  const hostile = compileFilters([rule('exclude', 'regex', '(a+)+$')]);
  const long = post(`${'a'.repeat(10_000)}b`);
  const cold = time(1, () => hostile(long)).max;
  const verdict = hostile(long);
  const h = time(50, () => hostile(long));
  console.log(
    `(a+)+$ on 10,000 a + b: ${verdict.pass ? 'passes' : 'held back'}; first run ${cold.toFixed(3)} ms, then median ${h.median.toFixed(3)} ms, worst ${h.max.toFixed(3)} ms`,
  );

  const fields = ['hashtag', 'keyword', 'regex', 'kind', 'author'] as const;
  const values: Record<(typeof fields)[number], string[]> = {
    hashtag: ['sunset', 'dawn'],
    keyword: ['harbour', 'storm'],
    regex: ['sun(set|rise)', '\\bpier\\b'],
    kind: ['image', 'video'],
    author: ['mila.garden', 'someone'],
  };
  const rules: FilterRule[] = [];
  for (let i = 0; rules.length < MAX_FILTER_RULES; i++) {
    const field = fields[i % fields.length]!;
    const mode = i % 2 === 0 ? 'include' : 'exclude';
    rules.push(
      rule(mode, field, `${values[field][Math.floor(i / fields.length) % 2]!}${i >= 10 && field !== 'kind' ? i : ''}`),
    );
  }
  const ordinary = post('A quiet sunset over the harbour, the pier lit #sunset #sea '.repeat(20));
  const decide = compileFilters(rules);
  const posts = 1_000;
  const compiledOnce = time(5, () => {
    for (let i = 0; i < posts; i++) decide(ordinary);
  });
  const perPost = time(5, () => {
    for (let i = 0; i < posts; i++) filterVerdict(rules, ordinary);
  });
  const usOnce = (compiledOnce.median * 1000) / posts;
  const usEach = (perPost.median * 1000) / posts;
  console.log(
    `${rules.length} rules, a ${ordinary.caption.length}-character caption: ${usOnce.toFixed(1)} µs per post compiled once per drain, ${usEach.toFixed(1)} µs compiling per post`,
  );
  return Promise.resolve([
    {
      bench: 'filters',
      metric: '(a+)+$ first match, fresh process, cold',
      value: `${coldProcess.firstMatchMs.toFixed(3)} ms`,
    },
    {
      bench: 'filters',
      metric: '(a+)+$ first match, fresh process, after warm-up',
      value: `${warmProcess.firstMatchMs.toFixed(3)} ms`,
      goal: '< 10 ms',
    },
    {
      bench: 'filters',
      metric: 'engine start warm-up (off the delivery path)',
      value: `${warmProcess.warmUpMs.toFixed(0)} ms`,
    },
    { bench: 'filters', metric: '(a+)+$ vs 10,000 a + b, first run in this process', value: `${cold.toFixed(3)} ms` },
    {
      bench: 'filters',
      metric: '(a+)+$ vs 10,000 a + b, median',
      value: `${h.median.toFixed(3)} ms`,
      goal: '< 10 ms (no stall)',
    },
    {
      bench: 'filters',
      metric: '(a+)+$ vs 10,000 a + b, worst of 50',
      value: `${h.max.toFixed(3)} ms`,
      goal: '< 10 ms',
    },
    {
      bench: 'filters',
      metric: `${MAX_FILTER_RULES} rules, per post (compiled per drain)`,
      value: `${usOnce.toFixed(1)} µs`,
    },
    {
      bench: 'filters',
      metric: `${MAX_FILTER_RULES} rules, per post (compiled each time)`,
      value: `${usEach.toFixed(1)} µs`,
    },
  ]);
}
