// Scratch: a deliberately broken change, to show the linter refusing it (reverted in the next commit).
import type { APIEmbed } from 'discord.js';
import type { Storage } from '../storage/index.js';
import type { FeedPause } from './feed-pause.js';

export type FeedState = { kind: 'active' } | { kind: 'paused'; pause: FeedPause; embed?: APIEmbed; storage?: Storage };
