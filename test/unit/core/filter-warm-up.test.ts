// The warm-up the delivery engine runs when it starts (src/core/filter-warm-up.ts): it runs the real filter code
// without throwing, leaves no state behind that changes a decision, and reports how long it took. Its speed is
// measured in `npm run bench -- filters`, not here.
import { describe, expect, it } from 'vitest';
import { compileFilters, parseFilterRule, warmFilterEngine, type Post } from '../../../src/core/index.js';

describe('warmFilterEngine', () => {
  it('runs the filter code and leaves decisions unchanged', () => {
    const read = parseFilterRule({ mode: 'exclude', field: 'regex', value: 'sun(set|rise)' }, 'tag');
    if ('refused' in read) throw new Error(JSON.stringify(read.refused));
    const post = (caption: string): Post => ({
      id: '1_1',
      kind: 'image',
      items: [],
      caption,
      author: { id: '1', username: 'mila.garden' },
      permalink: 'https://www.instagram.com/p/B/',
      tags: [],
      people: [],
      counts: {},
      time: 1,
    });
    const before = [post('a sunset'), post('a storm')].map(compileFilters([read.rule]));
    expect(warmFilterEngine()).toBeGreaterThanOrEqual(0);
    const after = [post('a sunset'), post('a storm')].map(compileFilters([read.rule]));
    expect(after).toEqual(before);
    expect(after).toEqual([{ pass: false, rule: 'exclude regex /sun(set|rise)/' }, { pass: true }]);
  });
});
