// What both Instagram emulators' admin APIs (`/_emulator/…`) share: the error of a request the admin cannot carry
// out, with the HTTP status to answer, and reading a JSON request body against its zod schema into that error.
import { z } from 'zod';

/** A request the admin cannot carry out (unknown user, bad input); `status` is the HTTP status to answer. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The body as `schema` reads it; an empty body is `{}`. A body that is not JSON or not valid is a 400. */
export function parseAdminBody<S extends z.ZodType>(schema: S, body: Buffer, what: string): z.output<S> {
  let value: unknown = {};
  if (body.length > 0) {
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      throw new AdminError(400, `${what}: body is not JSON`);
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new AdminError(400, `${what} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}
