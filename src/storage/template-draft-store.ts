// A feed template an admin submitted in /feed template's modal and is looking at the preview of: kept until they
// press Save (which stores it on the feed) or Cancel, for 15 minutes at most. Keyed by feed and admin, so two
// admins editing the same feed each save their own draft. Kept in storage rather than memory so that the Save
// press may reach any process (docs/decisions/0026).
import { feedTemplateSchema, type FeedTemplate } from '../core/feed-template.js';
import { z } from 'zod';
import type { RecordType } from './record-reader.js';
import { storedId, type StoreContext } from './store-context.js';

export const TEMPLATE_DRAFT_TTL_MS = 15 * 60_000;

const draftRecord = z.object({ version: z.literal(1), template: feedTemplateSchema });
const draftType: RecordType<typeof draftRecord> = { name: 'template draft', currentVersion: 1, schema: draftRecord };

export interface TemplateDraftStore {
  put(feedId: string, discordUserId: string, template: FeedTemplate): Promise<void>;
  /** The draft, removed: a second Save finds nothing. */
  take(feedId: string, discordUserId: string): Promise<FeedTemplate | undefined>;
}

const key = (feedId: string, userId: string) => `template-draft:${storedId.parse(feedId)}:${storedId.parse(userId)}`;

export function createTemplateDraftStore(ctx: StoreContext): TemplateDraftStore {
  const { backend, reader } = ctx;
  return {
    async put(feedId, userId, template) {
      const record = { version: 1, template: feedTemplateSchema.parse(template) };
      await backend.set(key(feedId, userId), record, TEMPLATE_DRAFT_TTL_MS);
    },
    async take(feedId, userId) {
      const k = key(feedId, userId);
      return (await reader.readTaken(draftType, k, () => backend.take(k)))?.template;
    },
  };
}
