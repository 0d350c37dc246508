// `users` and `post <username> [caption]`: the sandbox's Instagram side. Lists the emulator's users, and has one
// of them publish media, which the emulator announces to igcord's webhook as Instagram would.
import { plain } from '../discord/embeds/text.js';
import type { ConsoleSession } from './console-session.js';

export function listUsers(session: ConsoleSession): void {
  session.say('Sandbox Instagram users (post as them with "post <username> [caption]"):');
  for (const u of session.admin.users()) {
    session.say(`  ${String(u.username)} — ${plain(String(u.full_name ?? ''), 'label')}, id ${String(u.id)}${u.is_private ? ', private' : ''}`);
  }
}

export function postMedia(session: ConsoleSession, args: string[]): void {
  const [username, ...caption] = args;
  if (!username) return session.say('post <username> [caption]');
  // A mistyped name is the person's to fix: said here in words, before the emulator is asked.
  if (!session.admin.users().some((u) => String(u.username) === username)) {
    return session.say(`There is no sandbox user "${username}"; users lists them.`);
  }
  const media = session.admin.postMedia(username, caption.length > 0 ? { caption: caption.join(' ') } : {});
  session.say(`${username} posted media ${String(media.id)} on the emulator; it notified igcord's webhook. Watch a feed channel to see it arrive.`);
}
