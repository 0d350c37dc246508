// The one way igcord answers an interaction. Discord accepts exactly one acknowledgement per interaction
// (a second one is 400 code 40060) and wants it within 3 s (else 404 code 10062); after it, the answer is an
// edit of the original response or a follow-up. The responder tracks that state, picks reply / editReply /
// followUp / update accordingly, and runs its calls one after another, so an automatic defer racing a handler's
// own reply can never acknowledge twice. Once Discord has answered 10062 the interaction is gone for good: the
// responder sends nothing more for it (every later call fails with that same error, without a request), so a
// failed first answer is never followed by a second callback.
import { DiscordAPIError, MessageFlags, type BaseMessageOptions, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../log.js';

export type ResponsePayload = BaseMessageOptions & {
  /** Only the person who ran the command sees it. Cannot be changed on an already deferred response. */
  ephemeral?: boolean | undefined;
};

/** `@original` for the interaction's own response, else the id of a follow-up message. */
export type MessageRef = string;

type State = 'open' | 'deferred-reply' | 'deferred-update' | 'replied' | 'gone';

/** Discord JSON error codes the responder handles (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const ALREADY_ACKNOWLEDGED = 40060;
export const UNKNOWN_INTERACTION = 10062;

export class InteractionResponder {
  private state: State = 'open';
  private originalEphemeral = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** The 10062 that ended the interaction; every later call rejects with it. */
  private goneError: unknown;

  constructor(
    readonly interaction: RepliableInteraction,
    private readonly log: Logger,
  ) {}

  /** True once Discord has been answered (deferred, replied or updated) or an answer is on its way. */
  get acknowledged(): boolean {
    this.sync();
    return this.state !== 'open';
  }

  /** True once Discord answered 10062 Unknown interaction: nothing more can be sent for this interaction. */
  get expired(): boolean {
    return this.state === 'gone';
  }

  /** True while the user sees nothing yet, or only a deferred "thinking…" that no answer has replaced. */
  get awaitingAnswer(): boolean {
    const state = this.sync();
    return state === 'open' || state === 'deferred-reply';
  }

  /** Acknowledges with "thinking…"; does nothing when already acknowledged. */
  deferReply(ephemeral: boolean): Promise<void> {
    return this.serial(async () => {
      if (this.sync() !== 'open') return;
      try {
        await this.interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      } catch (error) {
        // A handler's own direct reply got there first: that is an acknowledgement too.
        if (!(error instanceof DiscordAPIError && error.code === ALREADY_ACKNOWLEDGED)) throw error;
        this.state = 'replied';
        return;
      }
      this.state = 'deferred-reply';
      this.originalEphemeral = ephemeral;
      this.log.debug({ response: 'defer-reply', ephemeral }, 'interaction deferred');
    });
  }

  /** Acknowledges a component without changing its message yet; does nothing when already acknowledged. */
  deferUpdate(): Promise<void> {
    return this.serial(async () => {
      if (this.sync() !== 'open') return;
      if (
        !this.interaction.isMessageComponent() &&
        !(this.interaction.isModalSubmit() && this.interaction.isFromMessage())
      ) {
        throw new TypeError('deferUpdate is only for components and modals submitted from a message');
      }
      await this.interaction.deferUpdate();
      this.state = 'deferred-update';
      this.log.debug({ response: 'defer-update' }, 'interaction deferred');
    });
  }

  /**
   * Sends the answer: the first response, or the edit of a deferred "thinking…", or a follow-up once answered.
   * An ephemeral answer to a public defer is sent as an ephemeral follow-up and the public placeholder removed,
   * so that an error meant for one person is never shown to the channel.
   */
  reply(payload: ResponsePayload): Promise<MessageRef> {
    return this.serial(async () => {
      const { ephemeral = false, ...message } = payload;
      const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
      switch (this.sync()) {
        case 'open':
          try {
            await this.interaction.reply(flags === undefined ? message : { ...message, flags });
          } catch (error) {
            // Acknowledged behind our back (a handler calling the interaction directly): the answer follows up.
            if (!(error instanceof DiscordAPIError && error.code === ALREADY_ACKNOWLEDGED)) throw error;
            this.state = 'replied';
            const sent = await this.interaction.followUp(flags === undefined ? message : { ...message, flags });
            return sent.id;
          }
          this.state = 'replied';
          this.originalEphemeral = ephemeral;
          this.log.debug({ response: 'reply', ephemeral }, 'interaction answered');
          return '@original';
        case 'deferred-reply':
          if (ephemeral && !this.originalEphemeral) {
            // While "thinking…" shows, a follow-up only edits it and keeps it public (Discord's compatibility rule
            // for deferred responses). So: settle the public message, send the private answer, remove the public one.
            await this.interaction.editReply({ content: '…', embeds: [], components: [] });
            const sent = await this.interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
            this.state = 'replied';
            await this.interaction
              .deleteReply()
              .catch((error: unknown) => this.log.warn({ err: error }, 'could not remove the public placeholder'));
            this.log.debug({ response: 'follow-up', ephemeral }, 'deferred interaction answered privately');
            return sent.id;
          }
          await this.interaction.editReply(message);
          this.state = 'replied';
          this.log.debug({ response: 'edit-reply' }, 'deferred interaction answered');
          return '@original';
        case 'deferred-update':
        case 'replied': {
          const sent = await this.interaction.followUp(flags === undefined ? message : { ...message, flags });
          this.log.debug({ response: 'follow-up', ephemeral }, 'interaction followed up');
          return sent.id;
        }
        case 'gone':
          throw this.goneError;
      }
    });
  }

  /**
   * For components: replaces the message the component sits on (pagination). Before any answer this is the
   * interaction's one acknowledgement (type 7); after a deferred update it edits that message.
   */
  update(payload: BaseMessageOptions): Promise<void> {
    return this.serial(async () => {
      const state = this.sync();
      const fromMessage =
        this.interaction.isMessageComponent() || (this.interaction.isModalSubmit() && this.interaction.isFromMessage());
      if (
        state === 'open' &&
        fromMessage &&
        (this.interaction.isMessageComponent() || this.interaction.isModalSubmit())
      ) {
        // The repeated type guard narrows the interaction to one that has update().
        await this.interaction.update(payload);
        this.state = 'replied';
        this.log.debug({ response: 'update' }, 'component message updated');
        return;
      }
      if (state === 'open') {
        await this.interaction.reply(payload);
        this.state = 'replied';
        return;
      }
      await this.interaction.editReply(payload);
      this.log.debug({ response: 'edit-reply' }, 'component message updated');
    });
  }

  /** Edits a message this interaction sent: `@original` or a follow-up's id (valid for 15 minutes). */
  edit(ref: MessageRef, payload: BaseMessageOptions): Promise<void> {
    return this.serial(async () => {
      await this.interaction.editReply({ ...payload, message: ref });
    });
  }

  /** Runs calls one at a time; a failed call does not block the next. None runs after a 10062. */
  private serial<T>(call: () => Promise<T>): Promise<T> {
    const guarded = async (): Promise<T> => {
      if (this.state === 'gone') throw this.goneError;
      try {
        return await call();
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === UNKNOWN_INTERACTION) {
          this.state = 'gone';
          this.goneError = error;
        }
        throw error;
      }
    };
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Adopts what discord.js knows, for handlers that called the interaction's own methods directly. */
  private sync(): State {
    if (this.state === 'open' && (this.interaction.deferred || this.interaction.replied)) {
      this.state = this.interaction.replied ? 'replied' : 'deferred-reply';
      this.originalEphemeral = this.interaction.ephemeral ?? false;
    }
    return this.state;
  }
}

/** True for Discord's "already acknowledged" and "unknown interaction" answers: nothing more can be sent. */
export function isInteractionGone(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError && (error.code === ALREADY_ACKNOWLEDGED || error.code === UNKNOWN_INTERACTION)
  );
}
