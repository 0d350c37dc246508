// The rules of a feed's filters as a specification: how typed rules are read (and refused), and which posts pass.
import { describe, expect, it } from 'vitest';
import {
  MAX_PATTERN_LENGTH,
  describeRule,
  parseRuleWords,
  filterVerdict,
  parseFilterRule,
  type FilterRule,
  type Post,
} from '../../../src/core/index.js';

const post = (over: Partial<Post> = {}): Post => ({
  id: '1_1',
  kind: 'image',
  items: [{ kind: 'image', url: 'https://example.test/a.jpg' }],
  caption: 'A quiet Sunset over the bay #sunset #sea',
  author: { id: '1', username: 'mila.garden' },
  permalink: 'https://www.instagram.com/p/B/',
  location: { id: '7', name: 'Harbour Pier' },
  tags: ['sunset', 'sea'],
  people: [],
  counts: {},
  time: 1,
  ...over,
});

const rule = (mode: FilterRule['mode'], field: FilterRule['field'], value: string, source = 'tag' as const) => {
  const read = parseFilterRule({ mode, field, value }, source);
  if ('refused' in read) throw new Error(JSON.stringify(read.refused));
  return read.rule;
};

describe('feed filter rules', () => {
  it('lets every post through when the feed has no rules', () => {
    expect(filterVerdict(undefined, post())).toEqual({ pass: true });
    expect(filterVerdict([], post())).toEqual({ pass: true });
  });

  it('reads hashtags without # and in lower case, and matches them against the post tags', () => {
    const r = rule('include', 'hashtag', '#SunSet');
    expect(r.value).toBe('sunset');
    expect(filterVerdict([r], post())).toEqual({ pass: true });
    expect(filterVerdict([r], post({ tags: ['sea'] }))).toEqual({
      pass: false,
      rule: 'include hashtag rules (none matched)',
    });
  });

  it('matches keywords case-insensitively in the caption and the location name', () => {
    expect(filterVerdict([rule('include', 'keyword', 'SUNSET')], post())).toEqual({ pass: true });
    expect(filterVerdict([rule('include', 'keyword', 'pier')], post())).toEqual({ pass: true });
    expect(filterVerdict([rule('exclude', 'keyword', 'bay')], post())).toEqual({
      pass: false,
      rule: 'exclude keyword "bay"',
    });
  });

  it('matches regular expressions case-insensitively over caption and location name', () => {
    expect(filterVerdict([rule('include', 'regex', '^a quiet')], post())).toEqual({ pass: true });
    expect(filterVerdict([rule('include', 'regex', 'harbour\\s+pier$')], post())).toEqual({ pass: true });
    expect(filterVerdict([rule('exclude', 'regex', 'sun(set|rise)')], post()).pass).toBe(false);
    expect(filterVerdict([rule('include', 'regex', 'dawn')], post())).toEqual({
      pass: false,
      rule: 'include regex rules (none matched)',
    });
  });

  it('matches post kinds and authors', () => {
    expect(filterVerdict([rule('include', 'kind', 'video')], post({ kind: 'video' }))).toEqual({ pass: true });
    expect(filterVerdict([rule('include', 'kind', 'reel')], post()).pass).toBe(false);
    expect(filterVerdict([rule('exclude', 'author', '@Mila.Garden')], post())).toEqual({
      pass: false,
      rule: 'exclude author @mila.garden',
    });
    expect(filterVerdict([rule('include', 'author', 'other')], post()).pass).toBe(false);
  });

  it('passes a post matching one rule of every included field and no excluded rule', () => {
    const rules = [
      rule('include', 'hashtag', 'dawn'),
      rule('include', 'hashtag', 'sea'),
      rule('include', 'kind', 'image'),
      rule('exclude', 'keyword', 'storm'),
    ];
    expect(filterVerdict(rules, post())).toEqual({ pass: true });
    expect(filterVerdict(rules, post({ kind: 'carousel' }))).toEqual({
      pass: false,
      rule: 'include kind rules (none matched)',
    });
    expect(filterVerdict(rules, post({ caption: 'storm coming #sea' }))).toEqual({
      pass: false,
      rule: 'exclude keyword "storm"',
    });
  });

  it('refuses an invalid or over-long regular expression, a back-reference, and bad values, with the reason', () => {
    const refused = (field: FilterRule['field'], value: string, source: 'tag' | 'account' = 'tag') => {
      const read = parseFilterRule({ mode: 'include', field, value }, source);
      return 'refused' in read ? read.refused : undefined;
    };
    // The reason is data (the command layer words it in the reader's language); re2js's own wording passes through.
    expect(refused('regex', '(a')).toMatchObject({
      reason: 'regex',
      error: expect.stringContaining('missing closing )'),
    });
    expect(refused('regex', '(a)\\1')).toMatchObject({
      reason: 'regex',
      error: expect.stringContaining('invalid escape sequence'),
    });
    expect(refused('regex', 'a'.repeat(MAX_PATTERN_LENGTH + 1))).toEqual({
      reason: 'regex-length',
      max: MAX_PATTERN_LENGTH,
    });
    expect(refused('kind', 'gif')).toEqual({ reason: 'kind', kinds: 'image, video, carousel, reel, story' });
    expect(refused('hashtag', '#two words')).toMatchObject({ reason: 'hashtag', typed: '#two words' });
    expect(refused('author', 'someone', 'account')).toEqual({ reason: 'author-on-account' });
    expect(refused('author', 'not a name')).toEqual({ reason: 'username', typed: 'not a name' });
    expect(refused('keyword', '   ')).toEqual({ reason: 'empty' });
  });

  it('runs a hostile pattern in linear time: (a+)+$ against 10,000 a and a b does not match, and completes', () => {
    const hostile = rule('exclude', 'regex', '(a+)+$');
    expect(filterVerdict([hostile], post({ caption: `${'a'.repeat(10_000)}b`, location: undefined }))).toEqual({
      pass: true,
    });
    expect(filterVerdict([hostile], post({ caption: 'a'.repeat(10_000), location: undefined })).pass).toBe(false);
  });

  it('describes rules in words an admin reads', () => {
    expect(describeRule(rule('include', 'hashtag', 'sunset'))).toBe('include hashtag #sunset');
    expect(describeRule(rule('exclude', 'regex', 'a|b'))).toBe('exclude regex /a|b/');
    expect(describeRule(rule('include', 'kind', 'reel'))).toBe('include kind reel');
  });

  it('reads back the words a filtered record keeps, rule or none matched, and nothing written otherwise', () => {
    for (const r of [
      rule('include', 'hashtag', 'sunset'),
      rule('exclude', 'keyword', 'say "hi" now'),
      rule('exclude', 'regex', '/a|b/ c'),
      rule('include', 'kind', 'reel'),
      rule('include', 'author', 'mila.garden'),
    ])
      expect(parseRuleWords(describeRule(r))).toEqual({ rule: r });
    const verdict = filterVerdict([rule('include', 'author', 'someone')], post({}));
    expect(verdict.pass || parseRuleWords(verdict.rule)).toEqual({ noneMatched: 'author' });
    expect(parseRuleWords('include colour rules (none matched)')).toBeUndefined();
    expect(parseRuleWords('exclude keyword storm')).toBeUndefined();
    expect(parseRuleWords('something else')).toBeUndefined();
  });
});
