// `press N [value …]`: presses button N of the last answer as the sandbox person, or picks values from select
// menu N, and follows igcord's answer. Link buttons are not pressed: their address is printed, and the OAuth
// sign-in link is pointed to `authorize`.
import type { ConsoleSession } from './console-session.js';
import { isLinkUrl } from './authorize.js';
import { followAnswer } from './follow-answer.js';

export async function pressButton(session: ConsoleSession, args: string[]): Promise<void> {
  const { buttons, discord, say } = session;
  const number = Number(args[0]);
  const button = buttons.find((b) => b.number === number);
  const customId = button?.customId;
  if (!button)
    return say(
      buttons.length === 0 ? 'The last answer had no buttons.' : `Choose a number from 1 to ${buttons.length}.`,
    );
  if (button.url) {
    if (isLinkUrl(button.url)) return say('That is the Instagram sign-in link: type "authorize <username>" to use it.');
    return say(`That button is a link: ${button.url}`);
  }
  if (button.disabled || customId === undefined) return say('That button is disabled.');
  const message = discord.messages(session.channelId).find((m) => m.id === button.messageId);
  const before = { messageId: button.messageId, edited: message?.edited_timestamp ?? null };
  if (button.select) {
    const values = args.slice(1);
    if (values.length === 0)
      return say(`Give the value(s) to pick: ${button.select.options.map((o) => o.value).join(', ')}`);
    return followAnswer(
      session,
      discord.selectMenu({ messageId: button.messageId, customId, values, userId: button.userId }),
      before,
      button.userId,
    );
  }
  // Pressed by whoever the answer was for: a member's paging buttons answer only that member.
  await followAnswer(
    session,
    discord.pressButton({ messageId: button.messageId, customId, userId: button.userId }),
    before,
    button.userId,
  );
}
