// The largest notification Instagram can send igcord: a JSON array of user/media updates, each for its own
// Instagram account (so each names its own source), as many as fit in the webhook's 64 KiB body limit. Ids are
// short, as early accounts' were, and no update carries the optional `data` (an update that names no media, which
// the schema accepts), so the batch holds the most updates, hence asks for the most dirty marks.
import { sourceKey } from '../../src/storage/index.js';

export interface FullBatch {
  body: string;
  /** The source every update names, in order, one per update. */
  sourceKeys: string[];
}

export function fullNotificationBatch(maxBytes = 64 * 1024): FullBatch {
  const updates: string[] = [];
  const sourceKeys: string[] = [];
  let bytes = 2; // the brackets
  for (let i = 1; ; i += 1) {
    const userId = String(i);
    const update = JSON.stringify({
      subscription_id: 1,
      object: 'user',
      object_id: userId,
      changed_aspect: 'media',
      time: 1,
    });
    const added = update.length + (updates.length > 0 ? 1 : 0);
    if (bytes + added > maxBytes) break;
    bytes += added;
    updates.push(update);
    sourceKeys.push(sourceKey({ kind: 'account', instagramUserId: userId }));
  }
  return { body: `[${updates.join(',')}]`, sourceKeys };
}
