// What a hashtag name (without its `#`) may be, for every place that checks one: what a person types (the Discord
// option parser) and what a feed stores. Letters, digits, marks and `_`, or emoji — Instagram has had emoji
// hashtags since 2015 — and no spaces or punctuation, which end a hashtag in a caption. At most 100 characters.
export const TAG_NAME_PATTERN = /^(?:[\p{L}\p{N}\p{M}_]|\p{Extended_Pictographic}|\u200d|\ufe0f)+$/u;
export const TAG_NAME_MAX = 100;

/** `#Café` → `Café`: a tag as typed, without its `#` (providers take the bare name). */
export function bareTag(name: string): string {
  return name.trim().replace(/^#+/, '');
}
