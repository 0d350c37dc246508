// Warms the regular-expression engine of feed filters (re2js) once, before any feed is read. re2js is plain
// JavaScript: the first match in a process runs its matchers interpreted and unoptimised, and costs a hundred times
// a warm one (≈ 100–300 ms for `(a+)+$` against 10,000 characters, against ≈ 2–10 ms after). Paying that when the
// delivery engine starts keeps it off the first delivery run (docs/decisions/0025; `npm run bench -- filters`).
import { compileFilters, parseFilterRule, type FilterRule } from './feed-filters.js';
import type { Post } from './post.js';

/** Patterns and texts that take re2js through its matchers: a long text (NFA) and a short caption (backtracker). */
const PATTERNS = ['(a+)+$', 'sun(set|rise)', '\\bpier\\b'];
const TEXTS = [`${'a'.repeat(10_000)}b`, 'A quiet sunset over the harbour, the pier lit #sunset #sea'];
const ROUNDS = 10;

const post = (caption: string): Post => ({
  id: '0_0',
  kind: 'image',
  items: [],
  caption,
  author: { id: '0', username: 'warm.up' },
  permalink: '',
  location: { id: '0', name: 'Harbour Pier' },
  tags: [],
  people: [],
  counts: {},
  time: 0,
});

/** Compiles and runs a few regular-expression rules until re2js is optimised; the milliseconds it took. */
export function warmFilterEngine(): number {
  const start = performance.now();
  const rules = PATTERNS.map((value) => {
    const read = parseFilterRule({ mode: 'exclude', field: 'regex', value }, 'tag');
    if ('refused' in read) throw new Error(JSON.stringify(read.refused));
    return read.rule satisfies FilterRule;
  });
  const posts = TEXTS.map(post);
  for (let round = 0; round < ROUNDS; round++)
    for (const rule of rules) {
      // One rule at a time, so every pattern reads every text (a matching exclude rule ends a decision), and
      // compiled again each round: compiling warms too (a feed's rules are compiled once per run).
      const decide = compileFilters([rule]);
      for (const p of posts) decide(p);
    }
  return performance.now() - start;
}
