// Child process of `npm run bench -- filters`: the first `(a+)+$` match against 10,000 `a` and a `b` in a fresh
// process, either cold (`cold`) or after the warm-up the delivery engine runs when it starts (`warm`,
// src/core/filter-warm-up.ts). A fresh process each time, since a process is only ever cold once. Prints one JSON
// line: how long loading the filter code took (re2js's module init), the warm-up, and the first compile and match.
const started = performance.now();
const core = await import('../src/core/index.js');
const importMs = performance.now() - started;
const warmUpMs = process.argv[2] === 'warm' ? core.warmFilterEngine() : 0;

const read = core.parseFilterRule({ mode: 'exclude', field: 'regex', value: '(a+)+$' }, 'tag');
if ('refused' in read) throw new Error(JSON.stringify(read.refused));
const compileStart = performance.now();
const decide = core.compileFilters([read.rule]);
const compileMs = performance.now() - compileStart;
const post = {
  id: '1_1',
  kind: 'image' as const,
  items: [],
  caption: `${'a'.repeat(10_000)}b`,
  author: { id: '1', username: 'mila.garden' },
  permalink: 'https://www.instagram.com/p/B/',
  tags: [],
  people: [],
  counts: {},
  time: 1,
};
const matchStart = performance.now();
const verdict = decide(post);
const firstMatchMs = performance.now() - matchStart;
console.log(JSON.stringify({ importMs, warmUpMs, compileMs, firstMatchMs, pass: verdict.pass }));
