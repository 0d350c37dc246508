// A UserFacingError whose words are put together in the reader's locale, for a reply that one catalogue string with
// plain values cannot say: several refused options one per line, a duration in words inside a sentence, a reason
// followed by what is accepted. Its `message` (what logs read) is still a catalogue key, never a language.
import { UserFacingError, type UserFacingErrorOptions } from './errors.js';
import type { ReplyId } from './reply-ids.js';
import type { Text, Translate } from '../i18n/i18n.js';

export class ComposedError extends UserFacingError {
  constructor(
    id: ReplyId,
    /** The main string, for logs (its key) and for a reader without a catalogue. */
    main: Text,
    private readonly compose: (t: Translate) => string,
    options: UserFacingErrorOptions = {},
  ) {
    super(id, main, options);
  }

  override messageIn(t: Translate): string {
    return this.compose(t);
  }
}
