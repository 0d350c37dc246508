// Paged replies: one page at a time with Previous / Next buttons. The buttons' custom ids carry the page state
// (`page:<session>:<owner>:<page>`, far below Discord's 100 characters), so a press is checked against its
// invoker without any lookup: anyone else gets an ephemeral "only <user> can page this". Pages are rendered on
// demand from the session kept in memory; after `timeoutMs` without a press the buttons are disabled (the
// original interaction may edit its message for 15 minutes), and a press on a session lost to a restart disables
// them too and says so. At most `maxSessions` are kept: opening one more disables the buttons of the one pressed
// longest ago, which then answers like an expired one. A session holds its source, its page and how to edit its
// message (the interaction's webhook: application id and token), never the interaction itself.
// With a shared state (several processes, docs/decisions/0022), each session is also kept there as data
// (page-sessions.ts), so a press that reaches another process pages from it.
import { randomBytes } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  type APIEmbed,
  type APIButtonComponentWithCustomId,
  type BaseMessageOptions,
  type InteractionWebhook,
} from 'discord.js';
import type { Logger } from '../log.js';
import type { CommandContext, ComponentInteraction } from './command.js';
import type { ActionRow } from './errors.js';
import { UserFacingError } from './errors.js';
import type { ComponentRoute } from './loader.js';
import type { InteractionResponder, MessageRef } from './responder.js';
import type { SharedState } from './shared-state/shared-state.js';
import { createTranslations, text, type Translate, type Translations } from '../i18n/i18n.js';
import {
  loadPageRecord,
  pageRecordKey,
  restoredSource,
  savePageRecord,
  type Page,
  type PageRecord,
  type SourceSnapshot,
} from './page-sessions.js';

export type { Page, SourceSnapshot } from './page-sessions.js';

export const PAGE_PREFIX = 'page';
/** Interaction tokens allow edits for 15 minutes; the timeout must end before that. */
export const MAX_PAGE_TIMEOUT_MS = 14 * 60_000;
export const DEFAULT_PAGE_TIMEOUT_MS = 5 * 60_000;
/** A session costs tens of KB (its rendered source): 1,000 open at once is tens of MB at most. */
export const DEFAULT_MAX_PAGE_SESSIONS = 1_000;

export interface PagedSource {
  count: number;
  /**
   * False while more items may follow (a list paged by cursor, with no total): `count` is then what is loaded plus
   * one slot for "Next", a floor rather than a total, and the indicator shows no "of N". Default true.
   */
  readonly complete?: boolean | undefined;
  /** Renders page `index` (0-based); may call Instagram (the press is deferred if that takes long). */
  render(index: number): Promise<Page> | Page;
  /** The pages loaded so far as data, for another process to page from (a shared state only); none: this process only. */
  snapshot?(): SourceSnapshot;
}

export interface PaginatorOptions {
  log: Logger;
  /** Idle time after which the buttons are disabled; default 5 minutes, at most 14. */
  timeoutMs?: number | undefined;
  /** Sessions kept at once; opening one more expires the least recently pressed. Default 1,000. */
  maxSessions?: number | undefined;
  /** Where sessions are shared with the bot's other processes (Redis); none: this process's memory only. */
  state?: SharedState | undefined;
  /** The catalogues the buttons are labelled from, in the invoker's locale; built here when not given. */
  translations?: Translations | undefined;
}

interface Session {
  ownerId: string;
  source: PagedSource;
  page: number;
  /** Edits the paged message: only the application id and the interaction token (valid 15 minutes). */
  webhook: InteractionWebhook;
  message: MessageRef;
  timer: NodeJS.Timeout;
  /** The invoker's catalogue: the buttons keep their language when they are greyed out at the timeout. */
  t: Translate;
}

interface PageId {
  session: string;
  ownerId: string;
  target: number | 'indicator';
}

export function pageCustomId(session: string, ownerId: string, target: number | 'indicator'): string {
  return `${PAGE_PREFIX}:${session}:${ownerId}:${target === 'indicator' ? 'n' : target}`;
}

export function parsePageCustomId(customId: string): PageId | undefined {
  const match = /^page:([0-9a-f]{8}):(\d{1,20}):(\d{1,6}|n)$/.exec(customId);
  if (!match) return undefined;
  return { session: match[1]!, ownerId: match[2]!, target: match[3] === 'n' ? 'indicator' : Number(match[3]) };
}

/** The indicator: "Page n of N" when the total is known, else "Page n" — never a guessed total. */
export function pageLabel(page: number, count: number, complete: boolean, t: Translate): string {
  return complete ? t('replies.pages.pageOf', { n: page + 1, count }) : t('replies.pages.page', { n: page + 1 });
}

/**
 * The Previous · Page n of N · Next row for `page`, in the catalogue of `t`; every button disabled when `disabled`
 * (timed out). `complete` false: the source does not know its total yet (see PagedSource.complete).
 */
export function pageButtons(
  session: string,
  ownerId: string,
  page: number,
  count: number,
  t: Translate,
  disabled = false,
  complete = true,
): ActionRow {
  const button = (label: string, target: number | 'indicator', off: boolean): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: pageCustomId(session, ownerId, target),
    disabled: disabled || off,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button(t('replies.pages.previous'), Math.max(0, page - 1), page <= 0),
      button(pageLabel(page, count, complete, t), 'indicator', true),
      // At the last page "next" points past the end; it is disabled, and the id stays distinct from "previous".
      button(t('replies.pages.next'), page + 1, page >= count - 1),
    ],
  };
}

export class Paginator {
  private readonly sessions = new Map<string, Session>();
  private readonly timeoutMs: number;
  private readonly maxSessions: number;
  private readonly log: Logger;
  private readonly state: SharedState | undefined;
  private readonly translations: Translations;

  constructor(options: PaginatorOptions) {
    this.log = options.log;
    this.translations = options.translations ?? createTranslations();
    this.state = options.state?.kind === 'redis' ? options.state : undefined;
    this.timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS, MAX_PAGE_TIMEOUT_MS);
    this.maxSessions = Math.max(1, options.maxSessions ?? DEFAULT_MAX_PAGE_SESSIONS);
  }

  /** The route the interaction router needs for the buttons: `createInteractionRouter({ components: [p.route] })`. */
  readonly route: ComponentRoute = {
    prefix: PAGE_PREFIX,
    command: 'pagination',
    handle: (interaction, ctx) => this.press(interaction, ctx),
  };

  /** Answers the interaction with page `startAt` of `source` and buttons only `ownerId` may press. */
  async start(
    respond: InteractionResponder,
    options: { ownerId: string; source: PagedSource; ephemeral?: boolean | undefined; startAt?: number | undefined },
  ): Promise<void> {
    const { ownerId, source } = options;
    if (source.count < 1) throw new UserFacingError('pagination.empty', text('replies.pages.empty'));
    // The buttons speak the invoker's language (Discord's `locale` on the interaction), as every reply does.
    const t = this.translations.forLocale(respond.interaction.locale);
    const page = Math.min(Math.max(0, options.startAt ?? 0), source.count - 1);
    const rendered = await source.render(page);
    if (source.count === 1) {
      await respond.reply({ ...message(rendered), components: rendered.actions ?? [], ephemeral: options.ephemeral });
      return;
    }
    const id = randomBytes(4).toString('hex');
    // The session exists before its message does: Discord shows the message as soon as it is sent, so a press can
    // reach the bot before reply() returns, and must find the list rather than "expired".
    const session: Session = {
      ownerId,
      source,
      page,
      webhook: respond.interaction.webhook,
      message: '@original',
      timer: this.expireLater(id),
      t,
    };
    this.sessions.set(id, session);
    // The map keeps insertion order and a press re-inserts its session: the first entries were pressed longest ago.
    for (const oldest of this.sessions.keys()) {
      if (this.sessions.size <= this.maxSessions) break;
      this.log.debug({ session: oldest, max: this.maxSessions }, 'page session evicted: too many open');
      void this.expire(oldest, true);
    }
    try {
      session.message = await respond.reply({
        ...message(rendered),
        components: [
          ...(rendered.actions ?? []),
          pageButtons(id, ownerId, page, source.count, t, false, source.complete !== false),
        ],
        ephemeral: options.ephemeral,
      });
    } catch (error) {
      clearTimeout(session.timer);
      if (this.sessions.get(id) === session) this.sessions.delete(id);
      throw error;
    }
    await this.share(id, ownerId, page, source);
  }

  /** Disables every open session's buttons now (shutdown), without waiting for their timeouts. */
  async close(): Promise<void> {
    // Shared sessions stay pageable through the other processes; only their timers stop here.
    if (this.state) {
      for (const session of this.sessions.values()) clearTimeout(session.timer);
      this.sessions.clear();
      return;
    }
    await Promise.allSettled([...this.sessions.keys()].map((id) => this.expire(id)));
  }

  get openSessions(): number {
    return this.sessions.size;
  }

  private async press(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
    const id = parsePageCustomId(interaction.customId);
    if (!id || id.target === 'indicator')
      throw new UserFacingError('pagination.bad-button', text('replies.pages.badButton'));
    if (interaction.user.id !== id.ownerId) {
      await ctx.respond.reply({
        content: ctx.t('replies.pages.onlyOwner', { owner: `<@${id.ownerId}>` }),
        ephemeral: true,
        allowedMentions: { parse: [] },
      });
      return;
    }
    const session = this.sessions.get(id.session);
    const record = !session && this.state ? await loadPageRecord(this.state, id.session) : undefined;
    if (record && record.ownerId === id.ownerId) return this.pressShared(id.session, id.target, record, ctx);
    if (!session || session.ownerId !== id.ownerId) {
      // Lost to a timeout race or a restart: the buttons go grey and the user learns why.
      const rows = interaction.isMessageComponent()
        ? disableAll(interaction.message.components.map((row) => row.toJSON() as ActionRow))
        : [];
      await ctx.respond.update({ components: rows });
      await ctx.respond.reply({ content: ctx.t('replies.pages.expired'), ephemeral: true });
      return;
    }
    const target = Math.min(Math.max(0, id.target), session.source.count - 1);
    const rendered = await session.source.render(target);
    session.page = target;
    clearTimeout(session.timer);
    session.timer = this.expireLater(id.session);
    // Most recently used last, so the cap evicts the session idle longest.
    if (this.sessions.get(id.session) === session) {
      this.sessions.delete(id.session);
      this.sessions.set(id.session, session);
    }
    await ctx.respond.update({
      ...message(rendered),
      components: [
        ...(rendered.actions ?? []),
        pageButtons(
          id.session,
          session.ownerId,
          target,
          session.source.count,
          ctx.t,
          false,
          session.source.complete !== false,
        ),
      ],
    });
    await this.share(id.session, session.ownerId, target, session.source);
    ctx.log.debug({ page: target, pages: session.source.count }, 'paged');
  }

  /** A press on a session this process does not hold: paged from its shared snapshot. */
  private async pressShared(session: string, wanted: number, record: PageRecord, ctx: CommandContext) {
    const source = restoredSource(record.snapshot);
    const target = Math.min(Math.max(0, wanted), source.count - 1);
    const rendered = source.render(target);
    await savePageRecord(this.state!, session, { ...record, page: target, pressedAt: Date.now() }, this.timeoutMs);
    await ctx.respond.update({
      ...message(rendered),
      components: [
        ...(rendered.actions ?? []),
        pageButtons(session, record.ownerId, target, source.count, ctx.t, false, source.complete),
      ],
    });
    ctx.log.debug({ page: target, pages: source.count, shared: true }, 'paged');
  }

  /** Writes the session to the shared state, when there is one and the source can be written down. */
  private async share(id: string, ownerId: string, page: number, source: PagedSource): Promise<void> {
    if (!this.state || !source.snapshot) return;
    try {
      const record = { ownerId, page, pressedAt: Date.now(), snapshot: source.snapshot() };
      await savePageRecord(this.state, id, record, this.timeoutMs);
    } catch (error) {
      // This process still pages it; only a press reaching another process would find it expired.
      this.log.warn({ err: error, session: id }, 'could not share the page session');
    }
  }

  /**
   * Whether the session was pressed since (on any process): its timer then runs again from that press. Otherwise
   * its shared record goes, and the caller disables the buttons.
   */
  private async pressedElsewhere(id: string, session: Session): Promise<boolean> {
    const record = await loadPageRecord(this.state!, id).catch(() => undefined);
    if (!record) return false;
    session.page = record.page;
    const left = record.pressedAt + this.timeoutMs - Date.now();
    if (left <= 0) return false;
    clearTimeout(session.timer);
    session.timer = this.expireLater(id, left);
    return true;
  }

  private expireLater(id: string, afterMs = this.timeoutMs): NodeJS.Timeout {
    const timer = setTimeout(() => void this.expire(id), afterMs);
    timer.unref();
    return timer;
  }

  /** Disables the session's buttons; `evicted` (over the cap): at once, even if pressed elsewhere since. */
  private async expire(id: string, evicted = false): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    // An eviction reaches the delete below synchronously: the cap's loop in start() relies on it.
    if (this.state && !evicted && (await this.pressedElsewhere(id, session))) return;
    if (this.sessions.get(id) !== session) return;
    this.sessions.delete(id);
    clearTimeout(session.timer);
    // Gone for every process: a press elsewhere now answers "expired", as the greyed buttons say.
    this.state?.delete(pageRecordKey(id)).catch(() => undefined);
    try {
      await session.webhook.editMessage(session.message, {
        components: [
          pageButtons(
            id,
            session.ownerId,
            session.page,
            session.source.count,
            session.t,
            true,
            session.source.complete !== false,
          ),
        ],
      });
    } catch (error) {
      this.log.warn({ err: error, session: id }, 'could not disable the page buttons');
    }
  }
}

function message(page: Page): BaseMessageOptions {
  return { content: page.content ?? '', embeds: page.embeds ?? [] };
}

function disableAll(rows: ActionRow[]): ActionRow[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((c) => (c.type === ComponentType.Button ? { ...c, disabled: true } : c)),
  }));
}
