// The one way a command turns a zod failure on what a person typed into an answer: a UserFacingError with a
// stable id whose message names the option at fault ("`lat` must be between -90 and 90."), in the reader's
// language. Schemas word their issues as the rest of that sentence ("must be …"), as a catalogue key
// (`error: text('replies.options.between').key`) whose values come from the issue: a refinement's `params`, or a
// bound's `minimum` / `maximum` (as `min` / `max`). A message that is not a key (a schema of another command not
// yet translated) is shown as written. For an object of several options the option is read from the issue's path,
// so each failing option is named. A refusal costs no Instagram call and is not an incident.
import type { z } from 'zod';
import { ValidationError, validate } from '../../../src/util/validate.js';
import { ComposedError } from '../../../src/discord/composed-error.js';
import { UserFacingError } from '../../../src/discord/errors.js';
import type { ReplyId } from '../../../src/discord/reply-ids.js';
import { text, type Text, type TextVars, type Translate } from '../../../src/i18n/i18n.js';

export interface ValidateOptionOptions {
  /** The option's name as the person sees it; for an object, the fallback when an issue has no path. */
  option: string;
  /** The outcome's stable id; `input.invalid` unless the option has its own. */
  id?: ReplyId | undefined;
  /** Words the whole answer instead of "`option` reason", for options whose refusal says more. */
  message?: ((reasons: string[], option: string) => string | Text) | undefined;
}

/** A catalogue key, as schemas give their issue messages; zod's own messages have spaces and never match. */
const CATALOGUE_KEY = /^[a-zA-Z][\w-]*(?:\.[\w-]+)+$/;

/** One issue as a string not yet rendered: its key and values, or its message as written. */
export function issueText(issue: z.core.$ZodIssue): Text | string {
  if (!CATALOGUE_KEY.test(issue.message)) return issue.message;
  const vars: Record<string, string | number> = {};
  if ('minimum' in issue) vars.min = Number(issue.minimum);
  if ('maximum' in issue) vars.max = Number(issue.maximum);
  if ('params' in issue && issue.params) Object.assign(vars, issue.params as TextVars);
  return text(issue.message, vars);
}

const render = (t: Translate, reason: Text | string) =>
  typeof reason === 'string' ? reason : t(reason.key, reason.vars);

export function validateOption<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: ValidateOptionOptions,
): z.output<S> {
  try {
    return validate(schema, value, `the ${options.option} option`);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const id = options.id ?? 'input.invalid';
    if (options.message) {
      const message = options.message([...new Set(error.issues.map((issue) => issue.message))], options.option);
      throw new UserFacingError(id, message, { cause: error });
    }
    const seen = new Set<string>();
    const reasons = error.issues.flatMap((issue) => {
      const option = typeof issue.path[0] === 'string' ? issue.path[0] : options.option;
      const reason = issueText(issue);
      const key = `${option}\u0000${JSON.stringify(reason)}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ option, reason }];
    });
    throw new ComposedError(
      id,
      text('replies.options.refused', { option: reasons[0]?.option ?? options.option }),
      (t) =>
        reasons
          .map(({ option, reason }) => t('replies.options.refused', { option, reason: render(t, reason) }))
          .join('\n'),
      { cause: error },
    );
  }
}
