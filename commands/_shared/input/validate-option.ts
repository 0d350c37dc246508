// The one way a command turns a zod failure on what a person typed into an answer: a UserFacingError with a
// stable id whose message names the option at fault ("`lat` must be between -90 and 90."). Schemas word their
// issues as the rest of that sentence ("must be …"); for an object of several options the option is read from
// the issue's path, so each failing option is named. A refusal costs no Instagram call and is not an incident.
import type { z } from 'zod';
import { ValidationError, validate } from '../../../src/util/validate.js';
import { UserFacingError } from '../../../src/discord/errors.js';
import type { ReplyId } from '../../../src/discord/reply-ids.js';
import type { Text } from '../../../src/i18n/i18n.js';

export interface ValidateOptionOptions {
  /** The option's name as the person sees it; for an object, the fallback when an issue has no path. */
  option: string;
  /** The outcome's stable id; `input.invalid` unless the option has its own. */
  id?: ReplyId | undefined;
  /** Words the whole answer instead of "`option` reason", for options whose refusal says more. */
  message?: ((reasons: string[], option: string) => string | Text) | undefined;
}

export function validateOption<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: ValidateOptionOptions,
): z.output<S> {
  try {
    return validate(schema, value, `the ${options.option} option`);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const reasons = [
      ...new Set(
        error.issues.map(
          (issue) => `\`${typeof issue.path[0] === 'string' ? issue.path[0] : options.option}\` ${issue.message}`,
        ),
      ),
    ];
    const message = options.message
      ? options.message([...new Set(error.issues.map((issue) => issue.message))], options.option)
      : reasons.join('\n');
    throw new UserFacingError(options.id ?? 'input.invalid', message, { cause: error });
  }
}
