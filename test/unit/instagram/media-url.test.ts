import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mediaLink, parseMediaUrl, pkToShortcode, shortcodeToPk } from '../../../src/providers/v1/media-url.js';

describe('media ids and shortcodes', () => {
  it('decodes the verified pair BSCoDz7Du7k → 1477919811501485796', () => {
    expect(shortcodeToPk('BSCoDz7Du7k')).toBe('1477919811501485796');
  });

  it('encodes the verified pair 1477919811501485796 → BSCoDz7Du7k, from a pk or a full media id', () => {
    expect(pkToShortcode('1477919811501485796')).toBe('BSCoDz7Du7k');
    expect(pkToShortcode('1477919811501485796_25025320')).toBe('BSCoDz7Du7k');
    expect(pkToShortcode(1477919811501485796n)).toBe('BSCoDz7Du7k');
  });

  it('round-trips any 64-bit pk exactly (beyond 2^53)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }), (pk) => {
        expect(shortcodeToPk(pkToShortcode(pk))).toBe(pk.toString());
      }),
    );
  });

  it('rejects text that is not a shortcode or a media id', () => {
    expect(() => shortcodeToPk('abc/def')).toThrow(RangeError);
    expect(() => pkToShortcode('12a_3')).toThrow(RangeError);
  });

  it('parses instagram.com post links in the shapes people paste them', () => {
    expect(parseMediaUrl('https://www.instagram.com/p/BSCoDz7Du7k/')).toBe('BSCoDz7Du7k');
    expect(parseMediaUrl('http://instagram.com/p/BSCoDz7Du7k')).toBe('BSCoDz7Du7k');
    expect(parseMediaUrl('instagram.com/p/BSCoDz7Du7k/?utm_source=ig_web_copy_link')).toBe('BSCoDz7Du7k');
    expect(parseMediaUrl('  https://instagr.am/p/BSCoDz7Du7k/#x ')).toBe('BSCoDz7Du7k');
    expect(parseMediaUrl(mediaLink('BKLqaSnBHnm'))).toBe('BKLqaSnBHnm');
  });

  it('refuses links to other sites, profiles and non-http schemes', () => {
    expect(parseMediaUrl('https://evil.example/p/BSCoDz7Du7k/')).toBeUndefined();
    expect(parseMediaUrl('https://instagram.com.evil.example/p/BSCoDz7Du7k/')).toBeUndefined();
    expect(parseMediaUrl('https://www.instagram.com/razdvatrizhepa/')).toBeUndefined();
    expect(parseMediaUrl('javascript://instagram.com/p/BSCoDz7Du7k/')).toBeUndefined();
    expect(parseMediaUrl('not a url at all')).toBeUndefined();
  });
});
