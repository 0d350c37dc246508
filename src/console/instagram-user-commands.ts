// `users` and `post <username> [caption]`: the sandbox's Instagram side. Lists the emulator's users, and has one
// of them publish media: the v1 emulator announces it to igcord's webhook as Instagram would; on the Graph
// emulator, as on Graph, nothing announces new media and feeds find it at their next poll.
import { plain } from '../discord/embeds/text.js';
import type { ConsoleSession } from './console-session.js';

export function listUsers(session: ConsoleSession): void {
  session.say('Sandbox Instagram users (post as them with "post <username> [caption]"):');
  for (const u of session.people.users()) {
    session.say(`  ${u.username} — ${plain(u.name, 'label')}, id ${u.id}${u.note ? `, ${u.note}` : ''}`);
  }
}

export function postMedia(session: ConsoleSession, args: string[]): void {
  const [username, ...caption] = args;
  if (!username) return session.say('post <username> [caption]');
  // A mistyped name is the person's to fix: said here in words, before the emulator is asked.
  if (!session.people.users().some((u) => u.username === username)) {
    return session.say(`There is no sandbox user "${username}"; users lists them.`);
  }
  const media = session.people.postMedia(username, caption.length > 0 ? caption.join(' ') : undefined);
  session.say(
    media.announced
      ? `${username} posted media ${media.id} on the emulator; it notified igcord's webhook. Watch a feed channel to see it arrive.`
      : `${username} posted media ${media.id} on the emulator; feeds find it at their next poll. Watch a feed channel to see it arrive.`,
  );
}
