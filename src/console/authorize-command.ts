// `authorize <username> [url]`: completes the sign-in a Link button started — confirming on the Discord fake as the
// console's person, then signing in as that sandbox Instagram user (authorize.ts plays the browser) — prints
// igcord's last page, then shows the link reply once it is edited.
import { authorizeAs } from './authorize.js';
import type { ConsoleSession } from './console-session.js';
import { followLinkingEdit } from './follow-answer.js';

export async function authorizeCommand(session: ConsoleSession, args: string[]): Promise<void> {
  const { say } = session;
  const username = args[0];
  const url = args[1] ?? session.oauthUrl;
  if (!username) return say('authorize <username> — users lists the sandbox users.');
  if (!url) return say('Run /instagram link first: its button carries the sign-in address.');
  const result = await authorizeAs(url, username, session.personId);
  say(
    `Discord fake: confirmed as you; Instagram emulator: signed in as ${username}; igcord's callback page (HTTP ${result.status}) says:`,
  );
  say(
    result.page
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  await followLinkingEdit(session);
}
