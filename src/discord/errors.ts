// Errors the Discord layer turns into replies. A UserFacingError carries a stable `id` (reply-ids.ts; tests and logs match on it,
// never on wording), a message in plain words meant for the person who ran the command, and optional components
// such as a "Link Instagram" button. Anything that is not a UserFacingError is mapped in one place:
// commands/_shared/describe-error.ts, which the composition root injects into the router.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import type { ReplyId } from './reply-ids.js';

/** Custom id of the button that starts linking an Instagram account (handled by the link command). */
export const LINK_INSTAGRAM_CUSTOM_ID = 'instagram:link';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface UserFacingErrorOptions {
  components?: ActionRow[] | undefined;
  cause?: unknown;
}

export class UserFacingError extends Error {
  override readonly name: string = 'UserFacingError';
  readonly components: ActionRow[];
  constructor(
    /** Stable identifier, e.g. `instagram.not-linked`, from the closed set in reply-ids.ts; never changes when the wording does. */
    readonly id: ReplyId,
    message: string,
    options: UserFacingErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.components = options.components ?? [];
  }
}

/** The person who ran the command has not linked an Instagram account (or it was unlinked). */
export class NotLinkedError extends UserFacingError {
  override readonly name = 'NotLinkedError';
  constructor(message = 'You have not linked an Instagram account yet. Link one to use this command.') {
    super('instagram.not-linked', message, { components: [linkButtonRow('Link Instagram')] });
  }
}

/** A row with the one button that (re)starts linking; `scope` asks the link flow for a missing permission. */
export function linkButtonRow(label: string, scope?: string): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label,
        // The link command reads the optional scope after the prefix; ids stay far below Discord's 100 chars.
        custom_id: scope === undefined ? LINK_INSTAGRAM_CUSTOM_ID : `${LINK_INSTAGRAM_CUSTOM_ID}:${scope}`,
      },
    ],
  };
}
