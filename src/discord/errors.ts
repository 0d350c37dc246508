// Errors the Discord layer turns into replies. A UserFacingError carries a stable `id` (reply-ids.ts; tests and logs match on it,
// never on wording), a message in plain words meant for the person who ran the command — a catalogue key and its
// values (`text('errors.x', vars)`, rendered in the reader's locale when the reply is sent), or a fixed string —
// and optional components such as a "Link Instagram" button, built in that locale too. Anything that is not a UserFacingError is mapped in one place:
// commands/_shared/describe-error.ts, which the composition root injects into the router.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import type { ReplyId } from './reply-ids.js';
import { text as textOf, type Text, type Translate } from '../i18n/i18n.js';

/** Custom id of the button that starts linking an Instagram account (handled by the link command). */
export const LINK_INSTAGRAM_CUSTOM_ID = 'instagram:link';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Components as they are, or built in the reader's locale (button labels). */
export type ErrorComponents = ActionRow[] | ((t: Translate) => ActionRow[]);

export interface UserFacingErrorOptions {
  components?: ErrorComponents | undefined;
  cause?: unknown;
}

export class UserFacingError extends Error {
  override readonly name: string = 'UserFacingError';
  /** The words to render in the reader's locale; undefined when the message is a fixed string. */
  readonly text: Text | undefined;
  private readonly rows: ErrorComponents;
  constructor(
    /** Stable identifier, e.g. `instagram.not-linked`, from the closed set in reply-ids.ts; never changes when the wording does. */
    readonly id: ReplyId,
    message: string | Text,
    options: UserFacingErrorOptions = {},
  ) {
    // A Text's message is its key: logs stay language-neutral, and nothing is rendered before a reader is known.
    super(
      typeof message === 'string' ? message : message.key,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.text = typeof message === 'string' ? undefined : message;
    this.rows = options.components ?? [];
  }

  /** The message in the reader's locale. */
  messageIn(t: Translate): string {
    return this.text === undefined ? this.message : t(this.text.key, this.text.vars);
  }

  /** The components in the reader's locale. */
  componentsIn(t: Translate): ActionRow[] {
    return typeof this.rows === 'function' ? this.rows(t) : this.rows;
  }
}

/** The person who ran the command has not linked an Instagram account (or it was unlinked). */
export class NotLinkedError extends UserFacingError {
  override readonly name = 'NotLinkedError';
  constructor(message: string | Text = textOf('errors.notLinked')) {
    super('instagram.not-linked', message, { components: (t) => [linkButtonRow(t('buttons.linkInstagram'))] });
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
