// English: /ping's replies (commands/ping).
export const ping = {
  pong: 'Pong! Answered in {{ms}} ms.',
};
