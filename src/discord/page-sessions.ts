// Page sessions that another igcord process can serve (docs/decisions/0022). With a shared state (Redis), a paged
// reply's session is also kept there as data: who may page it, the page shown, when it was last pressed, and its
// source as rendered pages (a source offers them with `snapshot()`; pages still to be fetched from Instagram stay
// with the process that holds the live source). A press that reaches a process without the live session renders
// from that snapshot. No token is stored: only the process that answered the command can edit the message later
// (disable the buttons at the timeout); elsewhere an expired session greys its buttons at the next press.
import { z } from 'zod';
import type { APIEmbed } from 'discord.js';
import type { ActionRow } from './errors.js';
import { UserFacingError } from './errors.js';
import { text } from '../i18n/i18n.js';
import type { SharedState } from './shared-state/shared-state.js';

export interface Page {
  content?: string | undefined;
  embeds?: APIEmbed[] | undefined;
  /** The page's own buttons (at most four rows), shown above the paging row; the command that made them answers them. */
  actions?: ActionRow[] | undefined;
}

/** A source as data: every page it has loaded, rendered, and its count and completeness at that moment. */
export interface SourceSnapshot {
  pages: Page[];
  count: number;
  complete: boolean;
}

/** Most pages one snapshot keeps: the paged lists offer at most 100 items. */
const MAX_SNAPSHOT_PAGES = 200;

const pageSchema = z.object({
  content: z.string().max(4_000).optional(),
  embeds: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
  actions: z.array(z.record(z.string(), z.unknown())).max(4).optional(),
});

export const pageRecordSchema = z.object({
  ownerId: z.string().regex(/^\d{1,20}$/),
  page: z.number().int().min(0),
  pressedAt: z.number(),
  snapshot: z.object({
    pages: z.array(pageSchema).max(MAX_SNAPSHOT_PAGES),
    count: z.number().int().min(1),
    complete: z.boolean(),
  }),
});
export type PageRecord = z.output<typeof pageRecordSchema>;

export const pageRecordKey = (session: string) => `page:${session}`;

/** Keeps `record` for the idle timeout (plus a minute, so a press at the edge still finds it). */
export function savePageRecord(
  state: SharedState,
  session: string,
  record: Omit<PageRecord, 'snapshot'> & { snapshot: SourceSnapshot | PageRecord['snapshot'] },
  timeoutMs: number,
): Promise<void> {
  return state.set(pageRecordKey(session), record, timeoutMs + 60_000);
}

export async function loadPageRecord(state: SharedState, session: string): Promise<PageRecord | undefined> {
  return state.get(pageRecordKey(session), pageRecordSchema);
}

/** The source a process without the live one pages: the snapshot's rendered pages. */
export function restoredSource(snapshot: PageRecord['snapshot']) {
  return {
    count: snapshot.count,
    complete: snapshot.complete,
    render(index: number): Page {
      const page = snapshot.pages[index] as Page | undefined;
      if (!page) throw new UserFacingError('pagination.elsewhere', text('replies.pages.elsewhere'));
      return page;
    },
  };
}
