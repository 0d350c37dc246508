// What a person does with the bot's messages and modals: press a button, pick select-menu values, submit a
// modal the bot showed them. Each builds the interaction record Discord would dispatch, after checking the
// person could do it (the component is on the message and enabled, the values are among the options, the modal
// was shown to this user and its required fields are filled).
import { ComponentType, InteractionResponseType, InteractionType, TextInputStyle } from 'discord-api-types/v10';
import type { FakeState } from './state.js';
import type { InteractionRecord, InteractionRegistry } from './interactions.js';
import type { ModalBody } from './limits.js';
import { baseRecord, findComponent, FakeUsageError, SELECT_TYPES } from './interaction-payloads.js';
import { messageView } from './messages.js';

type Builder = Omit<InteractionRecord, 'callbacks' | 'followUpIds'>;

export interface ComponentInput {
  messageId: string;
  customId: string;
  userId: string;
  /** The person's client language, sent as the interaction's `locale` (en-US when left out). */
  locale?: string;
}

export interface ModalInput {
  customId: string;
  /** Text input values by custom_id. */
  fields: Record<string, string>;
  userId: string;
  /** The person's client language, sent as the interaction's `locale` (en-US when left out). */
  locale?: string;
}

export function buttonRecord(state: FakeState, input: ComponentInput): Builder {
  const stored = state.findMessageAnywhere(input.messageId);
  const component = findComponent(stored.message.components, input.customId);
  if (component.type !== ComponentType.Button) throw new FakeUsageError(`component ${input.customId} is not a button`);
  if (stored.ephemeral) assertEphemeralOwner(state, stored.message.id, input.userId);
  const data = { custom_id: input.customId, component_type: ComponentType.Button };
  return {
    ...baseRecord(state, InteractionType.MessageComponent, stored.message.channel_id, input.userId, data, {
      message: messageView(stored),
      ...localeOf(input),
    }),
    sourceMessageId: stored.message.id,
  };
}

export function selectRecord(state: FakeState, input: ComponentInput & { values: string[] }): Builder {
  const stored = state.findMessageAnywhere(input.messageId);
  const component = findComponent(stored.message.components, input.customId) as {
    type: number;
    options?: { value: string }[];
    min_values?: number;
    max_values?: number;
  };
  if (!SELECT_TYPES.has(component.type)) throw new FakeUsageError(`component ${input.customId} is not a select menu`);
  if (component.type === ComponentType.StringSelect) {
    const allowed = new Set((component.options ?? []).map((o) => o.value));
    const unknown = input.values.filter((v) => !allowed.has(v));
    if (unknown.length > 0)
      throw new FakeUsageError(`values ${unknown.join(', ')} are not options of ${input.customId}`);
  }
  if (stored.ephemeral) assertEphemeralOwner(state, stored.message.id, input.userId);
  const min = component.min_values ?? 1;
  const max = component.max_values ?? 1;
  if (input.values.length < min || input.values.length > max)
    throw new FakeUsageError(`${input.customId} takes ${min} to ${max} values`);
  const data = { custom_id: input.customId, component_type: component.type, values: input.values };
  return {
    ...baseRecord(state, InteractionType.MessageComponent, stored.message.channel_id, input.userId, data, {
      message: messageView(stored),
      ...localeOf(input),
    }),
    sourceMessageId: stored.message.id,
  };
}

export function modalRecord(state: FakeState, interactions: InteractionRegistry, input: ModalInput): Builder {
  // The latest interaction of this user the bot answered with this modal.
  const shown = interactions
    .all()
    .reverse()
    .find(
      (r) =>
        r.userId === input.userId &&
        r.callbacks[0]?.type === InteractionResponseType.Modal &&
        (r.callbacks[0].data as ModalBody).custom_id === input.customId,
    );
  if (!shown) throw new FakeUsageError(`the bot never showed modal ${input.customId} to user ${input.userId}`);
  const modal = shown.callbacks[0]!.data as ModalBody;

  const seen = new Set<string>();
  const fill = (textInput: { custom_id: string; required?: boolean; type: number; value?: string }) => {
    seen.add(textInput.custom_id);
    const value = input.fields[textInput.custom_id];
    if (value === undefined && (textInput.required ?? true) && textInput.type === ComponentType.TextInput) {
      throw new FakeUsageError(`modal ${input.customId} requires field ${textInput.custom_id}`);
    }
    // A field the person leaves alone is submitted with the value the bot prefilled, as in Discord.
    return { type: textInput.type, custom_id: textInput.custom_id, value: value ?? textInput.value ?? '' };
  };
  const components = modal.components.map((c) => {
    if (c.type === ComponentType.ActionRow)
      return {
        type: c.type,
        components: (c.components as { custom_id: string; type: number; style?: TextInputStyle }[]).map(fill),
      };
    if (c.type === ComponentType.Label)
      return { type: c.type, component: fill(c.component as { custom_id: string; type: number }) };
    return { type: c.type };
  });
  const extra = Object.keys(input.fields).filter((k) => !seen.has(k));
  if (extra.length > 0) throw new FakeUsageError(`modal ${input.customId} has no field ${extra.join(', ')}`);

  const data = { custom_id: input.customId, components };
  const source = shown.sourceMessageId ? state.findMessageAnywhere(shown.sourceMessageId) : undefined;
  const record = baseRecord(state, InteractionType.ModalSubmit, shown.channelId, input.userId, data, {
    ...(source ? { message: messageView(source) } : {}),
    ...localeOf(input),
  });
  return source ? { ...record, sourceMessageId: source.message.id } : record;
}

/** The interaction's `locale` field when the test names one (Discord sends the invoking user's client language). */
export const localeOf = (input: { locale?: string | undefined }) =>
  input.locale === undefined ? {} : { locale: input.locale };

// An ephemeral message is only visible to the user it was sent to.
function assertEphemeralOwner(state: FakeState, messageId: string, userId: string): void {
  const owner = (
    state.findMessageAnywhere(messageId).message.interaction_metadata as { user?: { id: string } } | undefined
  )?.user?.id;
  if (owner !== undefined && owner !== userId)
    throw new FakeUsageError(`message ${messageId} is ephemeral for another user`);
}
