// The errors the Discord fake answers with, in Discord's JSON shape: `{ code, message }` plus `errors` for
// 50035 Invalid Form Body. Route handlers throw a DiscordFakeError; the router turns it into the response, so
// each rule lives next to the code that checks it and every answer has one shape.
export type FormErrors = { _errors?: { code: string; message: string }[] } & {
  [key: string]: FormErrors | FormErrors['_errors'];
};

export class DiscordFakeError extends Error {
  override readonly name = 'DiscordFakeError';
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FormErrors,
  ) {
    super(message);
  }

  body(): { code: number; message: string; errors?: FormErrors } {
    return this.errors === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, errors: this.errors };
  }
}

// The JSON error codes igcord's code paths meet (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
export const unknownChannel = () => new DiscordFakeError(404, 10003, 'Unknown Channel');
export const unknownGuild = () => new DiscordFakeError(404, 10004, 'Unknown Guild');
export const unknownMember = () => new DiscordFakeError(404, 10007, 'Unknown Member');
export const unknownMessage = () => new DiscordFakeError(404, 10008, 'Unknown Message');
export const unknownRole = () => new DiscordFakeError(404, 10011, 'Unknown Role');
export const unknownUser = () => new DiscordFakeError(404, 10013, 'Unknown User');
export const unknownWebhook = () => new DiscordFakeError(404, 10015, 'Unknown Webhook');
export const unknownCommand = () => new DiscordFakeError(404, 10063, 'Unknown application command');
export const unknownInteraction = () => new DiscordFakeError(404, 10062, 'Unknown interaction');
export const unauthorized = () => new DiscordFakeError(401, 0, '401: Unauthorized');
export const missingAccess = () => new DiscordFakeError(403, 50001, 'Missing Access');
export const missingPermissions = () => new DiscordFakeError(403, 50013, 'Missing Permissions');
export const cannotEditOthersMessage = () =>
  new DiscordFakeError(403, 50005, 'Cannot edit a message authored by another user');
export const emptyMessage = () => new DiscordFakeError(400, 50006, 'Cannot send an empty message');
export const nonTextChannel = () => new DiscordFakeError(400, 50008, 'Cannot send messages in a non-text channel');
export const alreadyAcknowledged = () => new DiscordFakeError(400, 40060, 'Interaction has already been acknowledged.');
export const invalidFormBody = (errors: FormErrors) => new DiscordFakeError(400, 50035, 'Invalid Form Body', errors);

/** A 50035 with one error at one path, e.g. formError(['type'], 'NUMBER_TYPE_COERCE', '…'). */
export function formError(path: (string | number)[], code: string, message: string): DiscordFakeError {
  const root: FormErrors = {};
  let node: FormErrors = root;
  for (const key of path) {
    const child: FormErrors = {};
    node[String(key)] = child;
    node = child;
  }
  node._errors = [{ code, message }];
  return invalidFormBody(root);
}
