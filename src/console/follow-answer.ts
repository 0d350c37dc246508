// Waiting for igcord's answers and printing them: after a command, a button or a form, the console waits until
// the interaction's reply is no longer "thinking" (or, for a button that updates its message, until the message
// is edited), prints the messages with their buttons numbered, and asks a modal's fields if igcord opened one.
// After signing in, it also shows the Link reply again once igcord's OAuth callback has edited it. What igcord
// sends about the interaction later (follow-ups) is printed as it comes (follow-ups.ts).
import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord-api-types/v10';
import type { AnswerHandle, ConsoleSession } from './console-session.js';
import { isLinkUrl } from './authorize.js';
import { followLaterMessages } from './follow-ups.js';
import { askModalFields, type ModalData } from './modal-form.js';
import { renderMessage } from './render-message.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isLoading = (m: APIMessage | undefined) => m !== undefined && ((m.flags ?? 0) & MessageFlags.Loading) !== 0;

/** Prints messages as igcord's answer and numbers their buttons for `press N`, replacing the previous ones. */
export function showAnswer(session: ConsoleSession, messages: APIMessage[], userId = session.actorId): void {
  session.buttons = [];
  const viewer = userId === session.personId ? 'you' : (session.names.user(userId) ?? userId);
  for (const message of messages) {
    const rendered = renderMessage(message, session.names, {
      heading: 'igcord',
      viewer,
      startNumber: session.buttons.length + 1,
    });
    session.say(rendered.text);
    for (const b of rendered.buttons) {
      session.buttons.push({ ...b, messageId: message.id, userId });
      if (b.url && isLinkUrl(b.url)) session.oauthUrl = b.url;
    }
  }
  if (session.buttons.some((b) => b.url && isLinkUrl(b.url))) {
    session.say(
      '  (that button opens igcord\'s link page: Discord confirms it is you, then Instagram\'s sign-in; type "authorize <username>" to sign in as a sandbox user; users lists them)',
    );
  }
}

/** Waits for igcord's answer to an interaction and prints it; handles a modal by asking its fields. */
export async function followAnswer(
  session: ConsoleSession,
  handle: AnswerHandle,
  before?: { messageId: string; edited: string | null },
  userId = session.actorId,
): Promise<void> {
  let first;
  try {
    first = await handle.firstResponse();
  } catch {
    session.say("igcord did not acknowledge within Discord's 3 seconds (the logs say why).");
    return;
  }
  if (first.type === InteractionResponseType.Modal) {
    const data = first.data as ModalData;
    const fields = await askModalFields(session, data);
    if (fields === undefined) return;
    return followAnswer(
      session,
      session.discord.submitModal({ customId: data.custom_id, fields, userId }),
      undefined,
      userId,
    );
  }
  const deadline = Date.now() + session.answerTimeoutMs;
  for (;;) {
    const { original, followUps } = handle.replies();
    const answered =
      first.type === InteractionResponseType.DeferredMessageUpdate
        ? followUps.length > 0 || (original !== undefined && original.edited_timestamp !== before?.edited)
        : followUps.length > 0 || (original !== undefined && !isLoading(original));
    if (answered || Date.now() > deadline) {
      const shown = [original, ...followUps].filter((m): m is APIMessage => m !== undefined && !isLoading(m));
      if (shown.length === 0)
        session.say(
          answered ? 'igcord acknowledged without a message.' : 'igcord is still working on it (no answer yet).',
        );
      showAnswer(session, shown, userId);
      followLaterMessages(session, handle, shown, (later) => showAnswer(session, later, userId));
      if (shown.some((m) => JSON.stringify(m.components ?? []).includes('/link?state='))) {
        session.linkingHandle = { handle, shown: JSON.stringify(original ?? null) };
      }
      return;
    }
    await sleep(50);
  }
}

/** The ephemeral link reply is edited by the callback; show the new version when it comes (within 3 s). */
export async function followLinkingEdit(session: ConsoleSession): Promise<void> {
  const linking = session.linkingHandle;
  if (!linking) return;
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const { original, followUps } = linking.handle.replies();
    if (JSON.stringify(original ?? null) !== linking.shown || followUps.length > 0) {
      showAnswer(
        session,
        [original, ...followUps].filter((m): m is APIMessage => m !== undefined),
      );
      session.linkingHandle = undefined;
      break;
    }
    await sleep(50);
  }
}
