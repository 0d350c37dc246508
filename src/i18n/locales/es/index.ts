// The es catalogue: what every command shares, then one object per command, under the command's name (each in
// its own file, named after the command folder, so a new string goes next to its siblings and merges stay local).
import { common } from './common.js';
import { comments } from './comments.js';
import { follows } from './follows.js';
import { insights } from './insights.js';
import { browse } from './browse.js';
import { embeds, feedPost } from './embeds.js';
import { feed } from './feed.js';
import { feedCraft } from './feed-craft.js';
import { feedManage } from './feed-manage.js';
import { instagram } from './instagram.js';
import { link } from './link.js';
import { instagramFeeds } from './instagram-feeds.js';
import { linkStatus } from './link-status.js';
import { lookups } from './lookups.js';
import { media } from './media.js';
import { notices } from './notices.js';
import { ping } from './ping.js';
import { replies } from './replies.js';

export const es = {
  ...common,
  comments,
  follows,
  insights,
  browse,
  embeds,
  feed,
  feedCraft,
  feedManage,
  feedPost,
  instagram,
  link,
  instagramFeeds,
  linkStatus,
  lookups,
  media,
  notices,
  ping,
  replies,
};
