// The one way igcord checks untrusted data against a zod schema: environment, interaction options, webhook
// bodies, Instagram responses and records read back from storage all fail with the same error type, whose
// message is zod's readable summary prefixed by what was being checked.
import { z } from 'zod';

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly what: string,
    readonly issues: z.core.$ZodIssue[],
    message: string,
  ) {
    super(message);
  }
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(what, result.error.issues, `${what} is invalid:\n${z.prettifyError(result.error)}`);
}
