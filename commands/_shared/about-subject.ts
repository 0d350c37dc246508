// Names what was asked for when Instagram answers "not found" or "not allowed". The API's own errors say neither
// which user, post, tag or location it means nor why, and the one mapping in describe-error.ts cannot know what the
// person typed; the command does. So each call that reads one named thing runs inside `about(subject, call)`,
// which turns those two errors into the same reply ids (`instagram.not-found`, `instagram.not-allowed`) with a
// message naming the subject. Other errors pass through untouched for the one mapping.
import { InstagramNotAllowedError, InstagramNotFoundError } from '../../src/core/instagram-errors.js';
import { UserFacingError } from '../../src/discord/errors.js';
import { text } from '../../src/i18n/i18n.js';

/** The one thing a call reads, as the person named it. */
export type Subject =
  | { kind: 'user'; username: string }
  /** A post as typed: its shortcode, or its media id. */
  | { kind: 'media'; reference: string }
  | { kind: 'tag'; name: string }
  | { kind: 'location'; id: string };

/**
 * As inline code, which Discord shows literally (no markdown, no mention); a backtick could end the span early,
 * so none is kept (usernames, shortcodes, tags and ids are checked before any call and never have one).
 */
const literal = (text: string) => `\`${text.replace(/`/g, 'ʼ').slice(0, 120)}\``;

/** `@x`, `abc`, `#y`, `123`: the subject as the person typed it, quoted (what lookups.notFound.* name). */
function subjectLiteral(subject: Subject): string {
  switch (subject.kind) {
    case 'user':
      return literal(`@${subject.username}`);
    case 'media':
      return literal(subject.reference);
    case 'tag':
      return literal(`#${subject.name}`);
    case 'location':
      return literal(subject.id);
  }
}

/** `error` as the reply naming `subject` when it is Instagram's "not found" or "not allowed"; else `error` itself. */
export function namingSubject(error: unknown, subject: Subject): unknown {
  if (error instanceof InstagramNotFoundError) {
    return new UserFacingError(
      'instagram.not-found',
      text(`lookups.notFound.${subject.kind}`, { name: subjectLiteral(subject) }),
      { cause: error },
    );
  }
  if (error instanceof InstagramNotAllowedError) {
    return new UserFacingError(
      'instagram.not-allowed',
      text(`lookups.notAllowed.${subject.kind}`, { name: subjectLiteral(subject) }),
      { cause: error },
    );
  }
  return error;
}

/** Runs `call`, which reads `subject`; Instagram's "not found" and "not allowed" come back naming it. */
export async function about<T>(subject: Subject, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw namingSubject(error, subject);
  }
}
