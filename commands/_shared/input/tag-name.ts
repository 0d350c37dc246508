// The one tag parser: what /tag (name, query) and /feed add-tag (tag) accept as a hashtag, checked before any
// Instagram call. A leading `#` is dropped (the API takes the bare name, reference §2.6); what is left is one word
// of letters, digits, marks and `_`, or emoji (Instagram has emoji hashtags since 2015). Spaces and punctuation
// end a hashtag in a caption, so they can never be part of one.
import { z } from 'zod';
import { bareTag, TAG_NAME_MAX, TAG_NAME_PATTERN } from '../../../src/util/tag-name-pattern.js';
import { validateOption } from './validate-option.js';

export const tagNameSchema = z
  .string()
  .transform((v) => bareTag(v))
  .pipe(
    z
      .string()
      .min(1, { error: 'must name a tag, such as sunset.', abort: true })
      .max(TAG_NAME_MAX, { error: `must be at most ${TAG_NAME_MAX} characters.` })
      .regex(TAG_NAME_PATTERN, {
        error:
          'must be one word of letters, digits, _ or emoji, without spaces or punctuation (for example sunset or new_york).',
      }),
  );

/** The bare tag name typed into `option` (`#Sunset` → `Sunset`), or a refusal naming the option. */
export function parseTagName(value: string, option: string): string {
  return validateOption(tagNameSchema, value, { option, id: 'input.invalid-tag' });
}
