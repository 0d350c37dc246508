// The one tag parser: what /tag (name, query) and /feed add-tag (tag) accept as a hashtag, checked before any
// Instagram call. A leading `#` is dropped (the API takes the bare name, reference §2.6); what is left is one word
// of letters, digits, marks and `_`, or emoji (Instagram has emoji hashtags since 2015). Spaces and punctuation
// end a hashtag in a caption, so they can never be part of one.
import { z } from 'zod';
import { bareTag, TAG_NAME_MAX, TAG_NAME_PATTERN } from '../../../src/util/tag-name-pattern.js';
import { text } from '../../../src/i18n/i18n.js';
import { validateOption } from './validate-option.js';

export const tagNameSchema = z
  .string()
  .transform((v) => bareTag(v))
  .pipe(
    z
      .string()
      // Catalogue keys, worded in the reader's language by validateOption (`max` is the bound's own value).
      .min(1, { error: text('replies.options.tagEmpty').key, abort: true })
      .max(TAG_NAME_MAX, { error: text('replies.options.tagTooLong').key })
      .regex(TAG_NAME_PATTERN, { error: text('replies.options.tagWord').key }),
  );

/** The bare tag name typed into `option` (`#Sunset` → `Sunset`), or a refusal naming the option. */
export function parseTagName(value: string, option: string): string {
  return validateOption(tagNameSchema, value, { option, id: 'input.invalid-tag' });
}
