// Instagram's comment guidelines, whichever API serves the comment (reference §2.4, enforced since 2014-07-19): at
// most 300 characters, at most 4 hashtags, at most 1 URL, not all capital letters. The bot checks a comment here
// first so it can explain the problem without spending a write from the token's 30-per-hour comment budget; the
// client itself still sends whatever it is given and lets the API have the last word (its rules are the ones that
// count).

export type CommentRule = 'empty' | 'too_long' | 'too_many_tags' | 'too_many_urls' | 'all_caps';

export interface CommentRuleViolation {
  rule: CommentRule;
  /** The error_type the API answers with for this rule (§2.4; no URL-specific type was ever captured). */
  errorType: string;
  message: string;
}

export const COMMENT_MAX_LENGTH = 300;
export const COMMENT_MAX_HASHTAGS = 4;
export const COMMENT_MAX_URLS = 1;

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s]+/gi;

/** Every rule the text breaks; an empty array means Instagram should accept it. */
export function checkCommentRules(text: string): CommentRuleViolation[] {
  const violations: CommentRuleViolation[] = [];
  if (text.trim() === '') {
    violations.push({ rule: 'empty', errorType: 'APIInvalidParametersError', message: 'A comment cannot be empty.' });
    return violations;
  }
  // Characters as a person counts them (code points), not UTF-16 units.
  const length = [...text].length;
  if (length > COMMENT_MAX_LENGTH) {
    violations.push({
      rule: 'too_long',
      errorType: 'APICommentTooLongError',
      message: `A comment can have at most ${COMMENT_MAX_LENGTH} characters (this one has ${length}).`,
    });
  }
  const tags = text.match(HASHTAG)?.length ?? 0;
  if (tags > COMMENT_MAX_HASHTAGS) {
    violations.push({
      rule: 'too_many_tags',
      errorType: 'APICommentTooManyTagsError',
      message: `A comment can have at most ${COMMENT_MAX_HASHTAGS} hashtags (this one has ${tags}).`,
    });
  }
  const urls = text.match(URL_LIKE)?.length ?? 0;
  if (urls > COMMENT_MAX_URLS) {
    violations.push({
      rule: 'too_many_urls',
      errorType: 'APIInvalidParametersError',
      message: `A comment can have at most ${COMMENT_MAX_URLS} link (this one has ${urls}).`,
    });
  }
  if (isAllCaps(text)) {
    violations.push({
      rule: 'all_caps',
      errorType: 'APICommentAllCapsError',
      message: 'A comment cannot be all capital letters.',
    });
  }
  return violations;
}

/** True when the text has cased letters and none of them is lower case. */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}
