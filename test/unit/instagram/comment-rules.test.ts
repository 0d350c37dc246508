import { describe, expect, it } from 'vitest';
import { checkCommentRules, isAllCaps } from '../../../src/providers/v1/comment-rules.js';

const rules = (text: string) => checkCommentRules(text).map((v) => v.rule);

describe('comment rules', () => {
  it('accepts an ordinary comment with up to 4 hashtags and one link', () => {
    expect(checkCommentRules('Lovely light! #sunset #nofilter #kyiv #avalon https://example.org/x')).toEqual([]);
  });

  it('accepts exactly 300 characters and refuses 301 with APICommentTooLongError', () => {
    expect(rules('a'.repeat(300))).toEqual([]);
    expect(checkCommentRules('a'.repeat(301))).toEqual([
      expect.objectContaining({ rule: 'too_long', errorType: 'APICommentTooLongError' }),
    ]);
  });

  it('counts characters as code points, so 300 emoji are within the limit', () => {
    expect(rules('😀'.repeat(300))).toEqual([]);
  });

  it('refuses a fifth hashtag with APICommentTooManyTagsError', () => {
    expect(checkCommentRules('#a #b #c #d #e')).toEqual([
      expect.objectContaining({ rule: 'too_many_tags', errorType: 'APICommentTooManyTagsError' }),
    ]);
    expect(rules('a#b c#d')).toEqual([]);
  });

  it('refuses a second link', () => {
    expect(rules('see https://a.example and www.b.example')).toEqual(['too_many_urls']);
  });

  it('refuses all capital letters with APICommentAllCapsError but not shouting with lower case in it', () => {
    expect(checkCommentRules('GREAT SHOT!!')).toEqual([
      expect.objectContaining({ rule: 'all_caps', errorType: 'APICommentAllCapsError' }),
    ]);
    expect(isAllCaps('GREAT shot')).toBe(false);
    expect(isAllCaps('123 !!! 😀')).toBe(false);
  });

  it('refuses an empty comment and reports every broken rule at once', () => {
    expect(rules('   ')).toEqual(['empty']);
    expect(rules(`${'#A '.repeat(110)}`)).toEqual(['too_long', 'too_many_tags', 'all_caps']);
  });
});
