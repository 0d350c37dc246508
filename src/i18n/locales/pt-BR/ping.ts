// Brazilian Portuguese: /ping's replies (see en/ping.ts).
import type { ping as en } from '../en/ping.js';

export const ping: typeof en = {
  pong: 'Pong! Respondido em {{ms}} ms.',
};
