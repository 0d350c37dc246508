// Explains, before anything is sent, why Instagram would refuse a comment: each rule the text breaks in plain
// words, then the rules themselves (reference §2.4). A refused comment costs nothing from the account's
// 30-an-hour comment budget, and the person can fix the text straight away.
import {
  COMMENT_MAX_HASHTAGS,
  COMMENT_MAX_LENGTH,
  COMMENT_MAX_URLS,
  checkCommentRules,
  type CommentRuleViolation,
} from '../../src/core/index.js';
import { UserFacingError } from '../../src/discord/errors.js';

export const COMMENT_RULES_SUMMARY =
  `Instagram accepts comments of at most ${COMMENT_MAX_LENGTH} characters, with at most ${COMMENT_MAX_HASHTAGS} hashtags ` +
  `and ${COMMENT_MAX_URLS} link, and not written all in capital letters.`;

/** A comment that breaks Instagram's rules; nothing was sent. */
export class CommentRulesError extends UserFacingError {
  override readonly name = 'CommentRulesError';
  constructor(readonly violations: CommentRuleViolation[]) {
    super(
      'media.comment-rules',
      [
        'This comment was not sent, because Instagram would refuse it:',
        ...violations.map((v) => `• ${v.message}`),
        COMMENT_RULES_SUMMARY,
      ].join('\n'),
    );
  }
}

/** Throws CommentRulesError when `text` breaks a rule; returns quietly when Instagram should accept it. */
export function assertCommentAcceptable(text: string): void {
  const violations = checkCommentRules(text);
  if (violations.length > 0) throw new CommentRulesError(violations);
}
