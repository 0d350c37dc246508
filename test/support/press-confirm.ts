// Presses the Confirm button of an ephemeral confirmation (/feed remove, /instagram unlink) as a person would, and
// resolves with what the confirmation became (Discord's type-7 update), as text.
import type { APIMessage } from 'discord.js';
import type { TestIgcord } from './igcord-harness.js';

/** The custom ids of the buttons on a message. */
export const buttonIds = (message: APIMessage): string[] =>
  JSON.stringify(message.components ?? [])
    .match(/"custom_id":"[^"]+"/g)
    ?.map((m) => m.slice('"custom_id":"'.length, -1)) ?? [];

/** Presses the button of `message` whose custom id starts with `prefix` (default: any Confirm). */
export async function pressConfirm(
  igcord: Pick<TestIgcord, 'discord'>,
  message: APIMessage,
  userId: string,
  prefix = /^(feed:remove:|instagram:unlink-confirm)/,
): Promise<string> {
  const customId = buttonIds(message).find((id) => prefix.test(id));
  if (customId === undefined) throw new Error(`no confirm button on: ${message.content}`);
  const pressed = igcord.discord.pressButton({ message, customId, userId });
  await pressed.firstResponse();
  const update = pressed.replies().callbacks[0];
  return JSON.stringify(update?.data ?? {});
}
